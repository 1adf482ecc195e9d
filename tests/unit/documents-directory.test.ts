import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input, Method, Results } from '../../src-main/core/api'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import { buildDirectory, buildDirectoryCsv, type DirectoryInput, type DirectoryRow } from '../../src-main/core/documents'
import { noShell, type Shell } from '../../src-main/core/shell'
import {
  docsDir,
  type DocxDump,
  LEFTOVER,
  plain,
  type ReadBack,
  readBack,
  requireTools,
  validateOoxml,
  writeDocx,
} from '../support/docs'
import { gfc, tempDir } from '../support/profile'

// The mission directory of the demo data, saved through the same call as the app, read back by
// python-docx, converted by LibreOffice, and the CSV parsed back.

const HEAD_EN = ['Post', 'Duty station', 'Name', 'Seconded by', 'E-mail', 'Phone', 'Last verified']
const HEAD_FR = ['Poste', 'Lieu d’affectation', 'Nom', 'Détaché par', 'Courriel', 'Téléphone', 'Dernière vérification']

/** A long directory of invented rows, to see the header row repeat on the next pages. */
const LONG: DirectoryInput = {
  language: 'en',
  date: '2026-11-23',
  single: true,
  missions: [
    {
      acronym: 'MINUSCA',
      name: { en: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic', fr: 'Mission' },
      location: { en: 'Central African Republic', fr: 'République centrafricaine' },
      kind: 'peacekeeping',
      leadDepartment: 'DPO',
      status: 'open',
      start: '2014-04-10',
      end: '',
      rows: Array.from({ length: 60 }, (_, i): DirectoryRow => ({
        title: i === 0 ? 'Head of the Justice and Corrections Component' : 'Corrections Officer',
        titleFr: '',
        dutyStation: ['Bangui', 'Bria', 'Bouar', 'Kaga-Bandoro'][i % 4],
        head: i === 0,
        holder:
          i % 7 === 3
            ? null
            : {
                name: i === 5 ? '=HYPERLINK("http://example.org")' : `Officer ${i + 1}`,
                seconding: i % 5 === 0 ? null : { en: 'Ghana', fr: 'Ghana' },
                secondedBy: i % 5 === 0 ? '' : 'GH',
                emails: [`officer.${i + 1}@example.org`],
                phones: ['+236 75 55 01 01', '+1 212 555 0100 ext. 12'],
                language: 'en',
                start: '2024-01-01',
              },
        verifiedOn: i % 3 ? '2026-10-01' : '',
        verifiedBy: 'Chair staff',
        stale: i % 3 === 0,
      })),
    },
  ],
}

let dir: { dir: string; cleanup: () => void }
let app: App
let out: string
const saved: Record<string, string> = {}
let docs: ReadBack['docs'] = {}
let pdf: ReadBack['pdf'] = {}

async function call<M extends Method>(method: M, input: Input<M>): Promise<Results[M]> {
  const r = await dispatch(app, method, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.result as Results[M]
}

beforeAll(async () => {
  requireTools()
  dir = docsDir('directory')
  // Inside the documents folder, which outlives each test (tempDir is cleared after each one).
  const data = join(dir.dir, 'profile')
  out = join(dir.dir, 'saved')
  mkdirSync(out, { recursive: true })
  expect(gfc(['--data', data, 'demo']).code).toBe(0)
  const shell: Shell = { chooseFolder: async () => null, chooseSaveFile: async (_t, name) => join(out, name) }
  app = await App.open(data, shell)
  const minusca = (await call('missions.list', { search: 'MINUSCA' }))[0].id
  saved['all-en'] = (await call('directory.save', { missionId: '', format: 'docx', language: 'en' }))!.path
  saved['minusca-fr'] = (await call('directory.save', { missionId: minusca, format: 'docx', language: 'fr' }))!.path
  saved['all-csv'] = (await call('directory.save', { missionId: '', format: 'csv', language: 'en' }))!.path
  saved['minusca-csv-fr'] = (await call('directory.save', { missionId: minusca, format: 'csv', language: 'fr' }))!.path
  const { long } = writeDocx(dir.dir, { long: await buildDirectory(LONG) })
  ;({ docs, pdf } = await readBack({ 'all-en': saved['all-en'], 'minusca-fr': saved['minusca-fr'], long }, dir.dir))
}, 300_000)

afterAll(async () => {
  await app?.close()
  dir?.cleanup()
})

/** The rows of the table whose rows hold `text`, as lists of cells. */
function tableWith(d: DocxDump, text: string): string[][] {
  const t = d.tables.find((rows) => rows.some((r) => r.cells.some((c) => c.includes(text))))
  if (!t) throw new Error(`no table holds ${text}`)
  return t.map((r) => r.cells.map(plain))
}

describe('the mission directory (.docx), read by python-docx', () => {
  it('names the file by date, scope and language', () => {
    expect(saved['all-en']).toMatch(/\d{4}-\d{2}-\d{2} field mission directory - all missions - EN\.docx$/)
    expect(saved['minusca-fr']).toMatch(/répertoire des missions - MINUSCA - FR\.docx$/)
  })

  it('has a section per open mission, in landscape, with the posts and who holds them today', () => {
    const d = docs['all-en']
    expect(d.sections[0]).toMatchObject({ orientation: 'landscape', width_mm: 297, height_mm: 210 })
    const ps = d.paragraphs.map((p) => plain(p.text))
    expect(ps[0]).toBe('Field mission directory')
    const headings = ps.filter((p) => /^[A-Z]{4,} – /.test(p)).map((p) => p.split(' – ')[0])
    expect(headings).toEqual(['BINUH', 'MINUSCA', 'MONUSCO', 'UNAMA', 'UNISFA', 'UNMIK', 'UNMISS', 'UNSMIL']) // open missions only
    expect(ps).toContain('MINUSCA – United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic')
    expect(ps).toContain('Central African Republic · Peacekeeping operation (DPO) · since 10 April 2014')
    expect(ps).toContain('No post is recorded for this mission.')
    expect(d.tables).toHaveLength(5)
    for (const t of d.tables) {
      expect(t[0].cells.map(plain)).toEqual(HEAD_EN)
      expect(t[0].header).toBe(true)
      expect(t.every((r) => r.cant_split)).toBe(true)
    }
    const minusca = tableWith(d, 'Ms. Geneviève Exemplaire')
    expect(minusca[1]).toEqual(['Head of the Justice and Corrections Component', 'Bangui', 'Ms. Geneviève Exemplaire', 'Canada', 'genevieve.exemplaire@example.org', '+236 75 55 01 01', expect.any(String)])
    expect(minusca.find((r) => r[2] === 'Mr. Jean-Paul Urugero')![6]).toBe('Never verified\nTo verify')
    expect(minusca.some((r) => r[2] === 'Mr. Lars Provare')).toBe(false) // the predecessor who left
    expect(tableWith(d, 'Bunia').find((r) => r[1] === 'Bunia')!.slice(2, 4)).toEqual(['Vacant', '—'])
    expect(tableWith(d, 'Juba').find((r) => r[2].includes('سلمى'))![3]).toBe('UN staff')
    expect(ps).toContain('Shaded rows have not been verified for six months or more.')
  })

  it('has the running header and "Page X of Y" with real fields', () => {
    const s = docs['all-en'].sections[0]
    expect(s.header!.text).toContain('Group of Friends of Corrections in Peace Operations')
    expect(s.footer!.fields.join(' ')).toMatch(/PAGE.*NUMPAGES/)
    expect(pdf['all-en'].text).toMatch(/Page 1 of \d/)
  })

  it('writes the French directory of one mission', () => {
    const d = docs['minusca-fr']
    const ps = d.paragraphs.map((p) => plain(p.text))
    expect(ps[0]).toBe('Répertoire des missions sur le terrain – MINUSCA')
    expect(ps).toContain('MINUSCA – Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en République centrafricaine')
    expect(ps).toContain('République centrafricaine · Opération de maintien de la paix (DPO) · depuis le 10 avril 2014')
    expect(d.tables).toHaveLength(1)
    const t = tableWith(d, 'Exemplaire')
    expect(t[0]).toEqual(HEAD_FR)
    expect(t[1].slice(0, 4)).toEqual(['Chef de la Composante justice et administration pénitentiaire', 'Bangui', 'Ms. Geneviève Exemplaire', 'Canada'])
    expect(t.find((r) => r[2] === 'Ms. Ingrid Eksempeldal')![3]).toBe('Norvège')
    expect(t.find((r) => r[2] === 'Mr. Jean-Paul Urugero')![6]).toBe('Jamais vérifié\nÀ vérifier')
    expect(d.sections[0].header!.text).toContain('Groupe des amis des questions pénitentiaires dans les opérations de paix')
    expect(pdf['minusca-fr'].text).toMatch(/Page 1 sur 1/)
  })

  it('repeats the header row on every page and never leaves template debris', () => {
    expect(pdf.long.pages).toBeGreaterThan(1)
    const { text } = pdf.long
    const pages = text.split('\f').filter((p) => p.trim())
    for (const page of pages) expect(page).toContain('Duty station')
    for (const d of Object.values(docs)) {
      const all = [d.text, d.header_footer_text, ...d.tables.flat().flatMap((r) => r.cells)].join('\n')
      expect(all).not.toMatch(LEFTOVER)
    }
    expect(pdf['all-en'].pages).toBeGreaterThanOrEqual(1)
  })

  it('passes the Open XML validator', async () => {
    expect(await validateOoxml(new Uint8Array(readFileSync(saved['all-en'])))).toEqual([])
  }, 60_000)
})

describe('the mission directory (.csv)', () => {
  const parse = (path: string) => {
    const text = readFileSync(path, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true })
  }

  it('has one row per current holder of every open mission, with the mission acronym', () => {
    const { data, meta } = parse(saved['all-csv'])
    expect(meta.fields).toEqual(['Mission', 'Post', 'Duty station', 'Head of component', 'Name', 'Seconded by', 'Seconding state code', 'E-mail', 'Phone', 'Preferred language', 'Since', 'Last verified', 'Verified by', 'To verify'])
    expect(data).toHaveLength(11)
    expect(new Set(data.map((r) => r.Mission))).toEqual(new Set(['BINUH', 'MINUSCA', 'MONUSCO', 'UNMIK', 'UNMISS']))
    expect(data.find((r) => r.Name === 'Mr. Jean-Paul Urugero')).toMatchObject({ Mission: 'MINUSCA', 'Seconded by': 'Rwanda', 'Seconding state code': 'RW', 'To verify': 'yes', 'Last verified': '' })
    expect(data.find((r) => r.Name.includes('سلمى'))).toMatchObject({ 'Seconded by': '', 'Head of component': 'yes', Phone: '+211 920 555 001' })
  })

  it('writes French headings and values, and defuses text a spreadsheet would run as a formula', () => {
    const { data, meta } = parse(saved['minusca-csv-fr'])
    expect(meta.fields!.slice(0, 3)).toEqual(['Mission', 'Poste', 'Lieu d’affectation'])
    expect(data.map((r) => r['Détaché par']).sort()).toEqual(['Canada', 'Norvège', 'Rwanda', 'Sénégal'])
    const long = Papa.parse<string[]>(buildDirectoryCsv(LONG).slice(1)).data
    expect(long.find((r) => r[4]?.includes('HYPERLINK'))![4]).toBe('\'=HYPERLINK("http://example.org")')
    expect(long[1][8]).toBe('+236 75 55 01 01; +1 212 555 0100 ext. 12')
  })

  it('saves nothing when the person cancels the choice of file', async () => {
    const data = tempDir()
    const other = await App.open(data, noShell)
    try {
      const r = await dispatch(other, 'directory.save', { format: 'docx' })
      expect(r).toEqual({ ok: true, result: null })
    } finally {
      await other.close()
    }
  })
})

describe('gfc directory', () => {
  it('writes one mission’s directory, and refuses an unknown acronym or file type', async () => {
    const data = tempDir()
    gfc(['--data', data, 'missions', 'add-reference'])
    const file = join(tempDir('gfc-out-'), 'minusca.docx')
    const ok = gfc(['--data', data, 'directory', '--mission', 'minusca', '--out', file])
    expect(ok).toMatchObject({ code: 0 })
    expect(ok.stdout.trim()).toBe(file)
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK')

    const unknown = gfc(['--data', data, 'directory', '--mission', 'NOPE', '--out', join(out, 'nope.docx')])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('No mission has the acronym NOPE. The register has: BINUH, MINUSCA')
    expect(existsSync(join(out, 'nope.docx'))).toBe(false)
    const pdfOut = gfc(['--data', data, 'directory', '--out', join(out, 'x.pdf')])
    expect(pdfOut.code).toBe(1)
    expect(pdfOut.stderr).toContain('--out must name a .docx or a .csv file')
  }, 60_000)
})
