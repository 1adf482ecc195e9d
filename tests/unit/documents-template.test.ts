import { Document, Packer, Paragraph, TextRun } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import { checkTemplate, fillTemplate, listPlaceholders, TEMPLATE_FIELDS } from '../../src-main/core/documents'
import { AppError } from '../../src-main/core/model/errors'
import { docsDir, fixtureTemplate, ICRC, invitation, LEFTOVER, plain, readDocx, requireTools, writeFiles, type DocxDump } from '../support/docs'

// A secretary's own Word template with {{placeholders}}: listed, checked, filled, and the
// result read back by python-docx.

async function docxWith(...lines: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}

function validationError(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).code).toBe('validation')
    return e as AppError
  }
  throw new Error('expected an AppError')
}

let dir: { dir: string; cleanup: () => void }
let filled: Record<string, DocxDump>

beforeAll(async () => {
  requireTools()
  dir = docsDir('template')
  const template = fixtureTemplate()
  const files = writeFiles(dir.dir, {
    'en.docx': fillTemplate(template, invitation()),
    'fr-sme.docx': fillTemplate(template, invitation({ language: 'fr', organisation: ICRC, addressee: null, meeting: { ...invitation().meeting, onlineLink: '' } })),
  })
  const read = await readDocx(Object.values(files))
  filled = { en: read[files['en.docx']], frSme: read[files['fr-sme.docx']] }
}, 60_000)

afterAll(() => dir?.cleanup())

describe('template placeholders', () => {
  it('lists what the fixture template uses, loop fields marked as inside the loop', () => {
    const used = listPlaceholders(fixtureTemplate())
    expect(used).toEqual(
      expect.arrayContaining([
        'chair.missionName',
        'reference',
        'addressee.block',
        'salutation',
        'member.permanentMission',
        'meeting.title',
        'meeting.link',
        'meeting.dialIn',
        'agenda',
        'agenda[].number',
        'agenda[].title',
        'agenda[].presenter',
        'agenda[].minutes',
        'closing',
        'chair.signatoryTitle',
      ]),
    )
    expect(new Set(used).size).toBe(used.length)
    expect(() => checkTemplate(fixtureTemplate())).not.toThrow()
  })

  it('documents every known placeholder with an example', () => {
    const names = TEMPLATE_FIELDS.map((f) => f.name)
    for (const required of ['addressee.name', 'addressee.fullName', 'addressee.honorific', 'addressee.position', 'addressee.block', 'member.name', 'member.permanentMission', 'salutation', 'reference', 'date', 'meeting.title', 'meeting.date', 'meeting.time', 'meeting.venue', 'meeting.link', 'meeting.dialIn', 'meeting.rsvpDeadline', 'meeting.rsvpContact', 'chair.missionName', 'chair.signatoryName', 'chair.signatoryTitle', 'chair.city', 'agenda']) {
      expect(names).toContain(required)
    }
    for (const f of TEMPLATE_FIELDS) expect(f.description && f.example, f.name).toBeTruthy()
    expect(TEMPLATE_FIELDS.find((f) => f.name === 'agenda')?.fields?.map((f) => f.name)).toEqual(expect.arrayContaining(['number', 'title', 'presenter', 'minutes']))
  })

  it('refuses unknown placeholders, naming each and the known ones', async () => {
    const bytes = await docxWith('Dear {{addresee.name}},', '{{#agenda}}{{number}} {{speaker}}{{/agenda}}', '{{#attachments}}x{{/attachments}}', '{{reference}}')
    const e = validationError(() => checkTemplate(bytes))
    expect(e.message).toContain('{{addresee.name}}')
    expect(e.message).toContain('{{speaker}}')
    expect(e.message).toContain('{{#attachments}}')
    const [unknown] = e.message.split('Known placeholders:')
    expect(unknown).not.toContain('{{reference}}')
    expect(unknown).not.toContain('{{number}}')
    expect(e.message).toMatch(/Known placeholders: .*\{\{addressee\.name\}\}.*\{\{#agenda\}\}/)
    expect(e.field).toBe('template')
    validationError(() => fillTemplate(bytes, invitation()))
  })

  it('refuses a loop field outside its loop, and accepts conditional sections on known fields', async () => {
    const outside = await docxWith('{{title}} on {{meeting.date}}')
    expect(validationError(() => checkTemplate(outside)).message).toContain('{{title}}')
    const sections = await docxWith('{{#meeting.link}}Join at {{meeting.link}} ({{reference}}){{/meeting.link}}', '{{^meeting.dialIn}}No dial-in.{{/meeting.dialIn}}', '{{ meeting.title }}')
    expect(() => checkTemplate(sections)).not.toThrow()
    expect(listPlaceholders(sections)).toEqual(['meeting.link', 'reference', 'meeting.dialIn', 'meeting.title'])
  })

  it('refuses broken tags and files that are not .docx', async () => {
    const broken = await docxWith('Dear {{addressee.name,', 'text {{/agenda}}')
    const e = validationError(() => checkTemplate(broken))
    expect(e.message).toMatch(/broken placeholders/)
    expect(e.message).toMatch(/unclosed|unopened/)
    expect(validationError(() => checkTemplate(new TextEncoder().encode('not a zip at all'))).message).toMatch(/not a Word document/)
    const pdfLike = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34])
    expect(validationError(() => listPlaceholders(pdfLike)).message).toMatch(/not a Word document/)
  })

  it('says in which paragraph a tag is broken', async () => {
    const broken = await docxWith('First paragraph, fine.', 'Dear {{addressee.name, welcome to the meeting', 'Agenda: {{#agenda}}{{title}}')
    const e = validationError(() => checkTemplate(broken))
    expect(e.message).toContain('in the paragraph “Dear {{addressee.name, welcome to the meeting”')
    expect(e.message).toContain('in the paragraph “Agenda: {{#agenda}}{{title}}”')
    expect(e.message).not.toContain('First paragraph')
  })

  it('tells what to do with an empty file, an old .doc or a damaged one', () => {
    const empty = validationError(() => checkTemplate(new Uint8Array()))
    expect(empty.message).toMatch(/^The file is empty/)
    expect(empty.message).not.toMatch(/content|bytes/)
    const doc = new Uint8Array(512)
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(validationError(() => checkTemplate(doc)).message).toMatch(/older Word document \(\.doc\).*save it as a Word document \(\.docx\) and add it again/)
    const cut = fixtureTemplate().subarray(0, 3000)
    expect(validationError(() => checkTemplate(cut)).message).toMatch(/damaged.*save it as a Word document \(\.docx\) and add it again/)
  })
})

describe('hostile templates, refused before anything is filled', () => {
  // Built here, in memory: a zip whose document unpacks to 60 MB of zeros is about 60 KB.
  const big = (part = 'word/document.xml') =>
    zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>'), [part]: new Uint8Array(60 * 1024 * 1024) }, { level: 1 })

  it('refuses a file that unpacks to more than 50 MB, from the sizes it declares', () => {
    const bytes = big()
    expect(bytes.length).toBeLessThan(1024 * 1024)
    const e = validationError(() => checkTemplate(bytes))
    expect(e.message).toMatch(/unpacks to 60 MB, more than the 50 MB/)
    validationError(() => fillTemplate(bytes, invitation()))
  })

  it('refuses it too when its sizes lie, inflating piece by piece without keeping what it inflates', () => {
    const bytes = big('word/media/image1.png')
    // Write 1,000 bytes as the picture's size in its local header and in the central directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i < bytes.length - 4; i++) {
      const sig = view.getUint32(i, true)
      if (sig === 0x04034b50 && new TextDecoder().decode(bytes.subarray(i + 30, i + 30 + view.getUint16(i + 26, true))) === 'word/media/image1.png') view.setUint32(i + 22, 1000, true)
      if (sig === 0x02014b50 && new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))) === 'word/media/image1.png') view.setUint32(i + 24, 1000, true)
    }
    const before = process.memoryUsage().arrayBuffers
    const e = validationError(() => checkTemplate(bytes))
    expect(e.message).toMatch(/unpacks to more than 50 MB/)
    // Nothing near the 60 MB was held at once.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024)
  })

  it('refuses a file of too many parts, and one text of several megabytes', () => {
    const parts: Record<string, Uint8Array> = { 'word/document.xml': strToU8('<w:document/>') }
    for (let i = 0; i < 1001; i++) parts[`word/media/image${i}.png`] = new Uint8Array(1)
    expect(validationError(() => checkTemplate(zipSync(parts))).message).toMatch(/holds 1002 parts, more than the 1000/)
    const text = zipSync({ 'word/document.xml': strToU8(`<w:document><w:body><w:p><w:r><w:t>${'a'.repeat(5 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`) })
    expect(validationError(() => checkTemplate(text)).message).toMatch(/a text of more than 4 MB in one piece \(word\/document\.xml\)/)
  })
})

describe('a filled template, read by python-docx', () => {
  it('has the values and no placeholder left, headers and footers included', () => {
    const d = filled.en
    const ps = d.paragraphs.map((p) => plain(p.text))
    expect(ps).toContain('His Excellency Mr. Kwame Sampleson\nPermanent Representative of Ghana to the United Nations\nNew York')
    expect(ps).toContain('Excellency,')
    expect(ps).toContain('New York, 1 February 2027')
    expect(plain(d.text)).toContain(
      'I have the honour to invite the Permanent Mission of Ghana to the United Nations to be represented at the Annual meeting 2027 of the Group of Friends of Corrections in Peace Operations, to be held on Monday, 15 March 2027, from 10:00 to 13:00 (New York time, UTC−04:00), at United Nations Headquarters, Conference Room 7, New York.',
    )
    expect(ps).toContain('The meeting can also be joined online at https://meet.example.org/gfc-2027 (by telephone: +1 646 555 0199, code 123 456).')
    expect(ps).toContain('1. Opening of the meeting and adoption of the agenda (Sweden (Chair), 10 min)')
    expect(ps).toContain('5. Selection of the next Chair (Members of the Group, 30 min)')
    expect(ps).toContain('Accept, Excellency, the assurances of my highest consideration.')
    expect(d.header_footer_text).toContain('Permanent Mission of Sweden to the United Nations')
    expect(d.header_footer_text).toContain('GFC/2027/014')
    for (const x of [filled.en, filled.frSme]) {
      expect([x.text, x.header_footer_text].join('\n')).not.toMatch(LEFTOVER)
      expect(x.text).not.toContain('{{')
    }
  })

  it('fills in French with the French protocol, and drops a section whose field is empty', () => {
    const d = filled.frSme
    const ps = d.paragraphs.map((p) => plain(p.text))
    expect(ps).toContain('La Direction\nComité international de la Croix-Rouge')
    expect(ps).toContain('Madame, Monsieur,')
    expect(ps).toContain('New York, 1er février 2027')
    expect(plain(d.text)).toContain('lundi 15 mars 2027, de 10 h 00 à 13 h 00 (heure de New York, UTC−04:00)')
    expect(plain(d.text)).not.toContain('joined online')
    expect(d.header_footer_text).toContain('Mission permanente de la Suède auprès de l’Organisation des Nations Unies')
  })
})
