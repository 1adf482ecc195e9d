import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWorkplan, buildWorkplanCsv, workplanFileName } from '../../src-main/core/documents'
import { textWidth } from '../../src-main/core/documents/docx-kit'
import type { WorkplanActivity, WorkplanDocInput } from '../../src-main/core/documents/types'
import { FUNCTION_NAMES, WorkplanFunction } from '../../src-main/core/model/workplan'
import type { Shell } from '../../src-main/core/shell'
import {
  docsDir,
  LEFTOVER,
  pdfPageSizes,
  pdfText,
  plain,
  type ReadBack,
  readBack,
  readDocx,
  requireTools,
  validateOoxml,
  writeDocx,
} from '../support/docs'
import { gfc, openProfile, tempDir } from '../support/profile'
import { sampleActivities, samplePlan } from '../support/workplan'

// The work plan as .docx (read back by python-docx, converted by LibreOffice, one sample through
// the OOXML validator) and as .csv (parsed back by papaparse), from the builders and from `gfc`.

const KNOWN: WorkplanActivity = {
  function: 'policy-guidance',
  title: 'Guidance on women in detention',
  description: 'Practical guidance drawing on the Bangkok Rules.',
  status: 'under-way',
  start: '2027-03',
  end: '2027-12',
  leads: [{ en: 'Senegal', fr: 'Sénégal' }],
  supporters: [{ en: 'International Committee of the Red Cross', fr: 'Comité international de la Croix-Rouge' }],
  missions: [{ acronym: 'MINUSCA' }, { acronym: 'UNMISS' }],
  meeting: { title: 'Annual meeting 2027', start: '2027-03-15T10:00' },
  notes: [
    { date: '2026-10-12', text: 'Second draft shared with the members.' },
    { date: '2026-09-01', text: 'First draft.' },
  ],
}

const PLAN = samplePlan(0, { activities: [...sampleActivities(12), KNOWN] })
const PLANS: Record<string, WorkplanDocInput> = {
  'plan-en': PLAN,
  'plan-fr': { ...PLAN, language: 'fr' },
  'plan-large': samplePlan(150),
  'plan-long': samplePlan(0, { activities: [{ ...KNOWN, description: `${'A very long description of the activity. '.repeat(100)}The end of it.` }, KNOWN] }),
  'plan-empty': samplePlan(0, { period: { from: '', to: '' }, chairTerm: null }),
}

let dir: { dir: string; cleanup: () => void }
const bytes: Record<string, Uint8Array> = {}
let docs: ReadBack['docs'] = {}
let pdf: ReadBack['pdf'] = {}

beforeAll(async () => {
  requireTools()
  dir = docsDir('workplan')
  for (const [name, input] of Object.entries(PLANS)) bytes[name] = await buildWorkplan(input)
  ;({ docs, pdf } = await readBack(writeDocx(dir.dir, bytes), dir.dir))
}, 300_000)

afterAll(() => dir?.cleanup())

const rows = (name: string) => docs[name].tables[0].map((r) => ({ ...r, cells: r.cells.map(plain) }))
/** A function's row: one cell across the table (python-docx repeats a merged cell's text). */
const isGroup = (cells: string[]) => cells.every((c) => c === cells[0]) && /^\d\. /.test(cells[0])
const paragraphs = (name: string) => docs[name].paragraphs.map((p) => plain(p.text))

describe('the work plan (.docx)', () => {
  it('is on A4 landscape pages, as python-docx and LibreOffice both read it', async () => {
    for (const name of Object.keys(PLANS)) {
      const s = docs[name].sections[0]
      expect(s, name).toMatchObject({ orientation: 'landscape', width_mm: 297, height_mm: 210 })
      expect(docs[name].page_twips[0]).toEqual({ w: 16838, h: 11906, orient: 'landscape' })
    }
    expect(pdf['plan-large'].pages).toBeGreaterThan(3)
    const sizes = await pdfPageSizes(pdf['plan-large'].path)
    expect(sizes.length).toBe(pdf['plan-large'].pages)
    for (const { w, h } of sizes) {
      expect(w).toBeCloseTo(841.9, 0)
      expect(h).toBeCloseTo(595.3, 0)
    }
  })

  it('has a title with the Group, the Chair and its term, and the period', () => {
    const en = paragraphs('plan-en')
    expect(en).toContain('New York, 23 November 2026')
    expect(en).toContain('Group of Friends of Corrections in Peace Operations — Work plan')
    expect(en).toContain('Chair: Sweden (1 September 2025 – 31 August 2027)')
    expect(en).toContain('Period: January 2027 – December 2027')
    const fr = paragraphs('plan-fr')
    expect(fr).toContain('New York, le 23 novembre 2026')
    expect(fr).toContain('Groupe des amis des questions pénitentiaires dans les opérations de paix — Plan de travail')
    expect(fr).toContain('Présidence : Suède (du 1er septembre 2025 au 31 août 2027)')
    expect(fr).toContain('Période : janvier 2027 – décembre 2027')
    const empty = paragraphs('plan-empty')
    expect(empty).toContain('Chair: Sweden')
    expect(empty).toContain('Period: All periods')
    expect(empty).toContain('No activity in this period.')
    expect(docs['plan-empty'].tables).toEqual([])
  })

  it('is one table of fixed column widths, its header row repeated on every page, its rows never split', async () => {
    const props = docs['plan-large'].table_props
    expect(props.length).toBe(1)
    expect(props[0].layout).toBe('fixed')
    expect(props[0].grid_twips.length).toBe(7)
    expect(props[0].grid_twips.reduce((a, b) => a + b, 0)).toBe(textWidth('a4', true))
    const r = rows('plan-large')
    expect(r[0]).toMatchObject({ header: true, cells: ['Activity', 'Lead', 'Supporting', 'Missions', 'Period', 'Status', 'Latest progress'] })
    expect(r.slice(1).every((x) => !x.header)).toBe(true)
    expect(r.every((x) => x.cant_split)).toBe(true)
    expect(r.length).toBe(1 + 6 + 150)
    // LibreOffice repeats the header row at the top of every page.
    for (let page = 2; page <= pdf['plan-large'].pages; page++) expect(plain(await pdfText(pdf['plan-large'].path, page, page)), `page ${page}`).toContain('Latest progress')
  })

  it('groups the activities under the six functions, in their order, named in the document\'s language', () => {
    for (const [name, lang] of [['plan-en', 'en'], ['plan-fr', 'fr'], ['plan-large', 'en']] as const) {
      const groups = rows(name).filter((x) => isGroup(x.cells)).map((x) => x.cells[0])
      expect(groups, name).toEqual(WorkplanFunction.options.map((f, i) => plain(`${i + 1}. ${FUNCTION_NAMES[f][lang]}`)))
    }
    // Every activity sits under its function's row.
    const r = rows('plan-large')
    let current = ''
    for (const x of r.slice(1)) {
      if (isGroup(x.cells)) current = x.cells[0]
      else {
        const n = Number(/^Activity (\d+):/.exec(x.cells[0])![1])
        const f = PLANS['plan-large'].activities[n - 1].function
        expect(current).toBe(plain(`${WorkplanFunction.options.indexOf(f) + 1}. ${FUNCTION_NAMES[f].en}`))
      }
    }
  })

  it('shows each activity: title and description, leads, supporters, missions, months, status and the latest note', () => {
    const en = rows('plan-en').find((x) => x.cells[0].startsWith(KNOWN.title))!
    expect(en.cells[0]).toBe('Guidance on women in detention\nPractical guidance drawing on the Bangkok Rules.\nIdentified at: Annual meeting 2027')
    expect(en.cells.slice(1, 6)).toEqual(['Senegal', 'International Committee of the Red Cross', 'MINUSCA, UNMISS', 'Mar 2027 – Dec 2027', 'Under way'])
    expect(en.cells[6]).toBe('12 October 2026\nSecond draft shared with the members.')
    const fr = rows('plan-fr')
    expect(fr[0].cells).toEqual(['Activité', 'Chef de file', 'En appui', 'Missions', 'Période', 'État', 'Dernier point d’avancement'])
    const known = fr.find((x) => x.cells[0].startsWith(KNOWN.title))!
    expect(known.cells.slice(1, 7)).toEqual([
      'Sénégal',
      'Comité international de la Croix-Rouge',
      'MINUSCA, UNMISS',
      'mars 2027 – déc. 2027',
      'En cours',
      '12 octobre 2026\nSecond draft shared with the members.',
    ])
    expect(known.cells[0]).toContain('Définie lors de la réunion : Annual meeting 2027')
    expect(fr.map((x) => x.cells[5])).toEqual(expect.arrayContaining(['Prévue', 'Achevée', 'Reportée']))
    expect(rows('plan-en').find((x) => x.cells[0].startsWith('Activity 1:'))!.cells.slice(2, 4)).toEqual(['—', '—'])
    for (const name of Object.keys(PLANS)) expect([docs[name].text, ...docs[name].tables.flat().flatMap((x) => x.cells)].join('\n'), name).not.toMatch(LEFTOVER)
  })

  it('lets only a row taller than a page split, and LibreOffice sets all of it', () => {
    const r = rows('plan-long')
    expect(r.filter((x) => x.cells[0].startsWith(KNOWN.title)).map((x) => x.cant_split)).toEqual([false, true])
    expect(plain(pdf['plan-long'].text)).toContain('The end of it.')
  })

  it('numbers its pages "Page X of Y" / "Page X sur Y" with the real fields', () => {
    for (const name of ['plan-en', 'plan-fr']) {
      const s = docs[name].sections[0]
      expect(s.first_page_different).toBe(true)
      for (const f of [s.footer, s.first_footer]) expect(f?.fields).toEqual(['PAGE', 'NUMPAGES'])
    }
    const n = pdf['plan-large'].pages
    expect(plain(pdf['plan-large'].text)).toContain(`Page 1 of ${n}`)
    expect(plain(pdf['plan-large'].text)).toContain(`Page ${n} of ${n}`)
    expect(plain(pdf['plan-fr'].text)).toMatch(/Page 1 sur \d/)
    expect(docs['plan-fr'].sections[0].header?.text).toContain('Plan de travail')
  })

  it('passes the OOXML schema validator', async () => {
    expect(await validateOoxml(bytes['plan-en'])).toEqual([])
  }, 60_000)
})

describe('the work plan (.csv)', () => {
  const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })

  it('is UTF-8 with a byte-order mark, one row per activity, the columns in the chosen language', () => {
    const en = buildWorkplanCsv(PLAN)
    expect(en.charCodeAt(0)).toBe(0xfeff)
    const parsed = parse(en)
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual(['Function', 'Activity', 'Description', 'Lead', 'Supporting', 'Missions', 'Start', 'End', 'Status', 'Identified at', 'Latest progress (date)', 'Latest progress'])
    expect(parsed.data.length).toBe(PLAN.activities.length)
    expect(parsed.data.find((r) => r.Activity === KNOWN.title)).toEqual({
      Function: '4. Policy, guidance and training materials',
      Activity: KNOWN.title,
      Description: KNOWN.description,
      Lead: 'Senegal',
      Supporting: 'International Committee of the Red Cross',
      Missions: 'MINUSCA; UNMISS',
      Start: '2027-03',
      End: '2027-12',
      Status: 'Under way',
      'Identified at': 'Annual meeting 2027 (2027-03-15)',
      'Latest progress (date)': '2026-10-12',
      'Latest progress': 'Second draft shared with the members.',
    })
    const fr = parse(buildWorkplanCsv({ ...PLAN, language: 'fr' }))
    expect(fr.meta.fields?.slice(0, 5)).toEqual(['Fonction', 'Activité', 'Description', 'Chef de file', 'En appui'])
    expect(fr.data.find((r) => r['Activité'] === KNOWN.title)).toMatchObject({ 'Chef de file': 'Sénégal', 'État': 'En cours', Fonction: '4. Politiques, orientations et matériels de formation' })
  })

  it('keeps commas, quotes and line breaks in a cell, and never lets a cell be read as a formula', () => {
    const tricky = { ...KNOWN, title: '=HYPERLINK("http://example.org")', description: 'Line one, with "quotes"\nLine two' }
    const [row] = parse(buildWorkplanCsv({ language: 'en', activities: [tricky] })).data
    expect(row.Activity).toBe(`'${tricky.title}`)
    expect(row.Description).toBe(tricky.description)
  })
})

describe('gfc workplan and the save service', () => {
  it('writes the .docx and the .csv of a period; refuses a bad month, a bad file type and a missing --out', async () => {
    const data = tempDir()
    const out = tempDir('gfc-out-')
    expect(gfc(['--data', data, 'demo']).code).toBe(0)
    const docx = join(out, 'plan.docx')
    const r = gfc(['--data', data, 'workplan', '--out', docx, '--from', '2027-01', '--to', '2027-12'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim()).toBe(docx)
    const csv = join(out, 'plan.csv')
    expect(gfc(['--data', data, 'workplan', '--out', csv, '--lang', 'fr', '--from', '2027-01', '--to', '2027-12']).code).toBe(0)

    const p = await openProfile(data)
    const listed = await p.call('activities.list', { from: '2027-01', to: '2027-12' })
    const chair = (await p.call('chairs.register', {})).current!
    await p.close()
    expect(listed.length).toBeGreaterThan(5)
    const doc = Object.values(await readDocx([docx]))[0]
    expect(doc.sections[0].orientation).toBe('landscape')
    expect(doc.paragraphs.map((x) => plain(x.text))).toContain('Period: January 2027 – December 2027')
    expect(plain(doc.text)).toContain(`Chair: ${chair.organisation.en} (`)
    const titles = doc.tables[0].filter((x) => !x.header && !isGroup(x.cells)).map((x) => x.cells[0].split('\n')[0])
    expect(titles).toEqual(listed.map((a) => a.title))
    const parsed = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true })
    expect(parsed.data.map((x) => x['Activité'])).toEqual(listed.map((a) => a.title))

    const bad = gfc(['--data', data, 'workplan', '--out', join(out, 'bad.docx'), '--from', '2027-13'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('period.from is not a valid month (YYYY-MM)')
    const backwards = gfc(['--data', data, 'workplan', '--out', join(out, 'bad.docx'), '--from', '2027-06', '--to', '2027-01'])
    expect([backwards.code, backwards.stderr]).toEqual([1, 'gfc: period.to is before the start date\n'])
    const pdfOut = gfc(['--data', data, 'workplan', '--out', join(out, 'plan.pdf')])
    expect(pdfOut.code).toBe(1)
    expect(pdfOut.stderr).toContain('--out must name a .docx or .csv file')
    expect(gfc(['--data', data, 'workplan']).code).toBe(2)
    expect(existsSync(join(out, 'bad.docx'))).toBe(false)
    // Seven runs of the real gfc, each starting Node and tsx: more than the default budget on a busy machine.
  }, 120_000)

  it('offers a file name with the period and the language, and writes nothing when the person cancels', async () => {
    expect(workplanFileName({ from: '2027-01', to: '2027-12' }, 'en', 'docx')).toBe('GFC work plan 2027-01–2027-12 - EN.docx')
    expect(workplanFileName({ from: '2027-03', to: '' }, 'fr', 'csv')).toBe('GFC work plan from 2027-03 - FR.csv')
    expect(workplanFileName({ from: '', to: '' }, 'en', 'docx')).toBe('GFC work plan - EN.docx')
    const asked: string[] = []
    const shell: Shell = { chooseFolder: async () => null, chooseSaveFile: async (_t, name) => (asked.push(name), null) }
    const p = await openProfile(tempDir(), shell)
    expect(await p.call('workplan.save', { format: 'docx', language: 'en', period: { from: '2027-01', to: '2027-12' } })).toBeNull()
    expect(asked).toEqual(['GFC work plan 2027-01–2027-12 - EN.docx'])
  })
})
