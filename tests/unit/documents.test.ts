import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildAgenda,
  buildInvitation,
  buildInvitations,
  buildParticipants,
  buildTabledComments,
  fillTemplate,
  fillTemplates,
  prepareTemplate,
} from '../../src-main/core/documents'
import type { CommentRow, InvitationInput, ParticipantRow } from '../../src-main/core/documents/types'
import {
  CHAIR,
  docsDir,
  type DocxDump,
  EGYPT,
  fixtureTemplate,
  GHANA,
  ICRC,
  invitation,
  LEFTOVER,
  MEETING,
  NETHERLANDS,
  pdfFonts,
  pdfText,
  plain,
  PRI,
  readBack,
  type ReadBack,
  requireTools,
  validateOoxml,
  writeDocx,
} from '../support/docs'

// Every document is built once, written to a temp folder, read back by python-docx and
// converted to PDF by LibreOffice in one batch; the tests then look at what the readers saw.

const ARABIC_NAME = { given: 'محمد', family: 'عبد الله' }
const AGENDA_LINES = MEETING.agenda.length

const INVITATIONS: Record<string, InvitationInput> = {
  'letter-en': invitation(),
  'letter-fr': invitation({ language: 'fr' }),
  'nv-en': invitation({ form: 'note-verbale' }),
  'nv-fr': invitation({ form: 'note-verbale', language: 'fr' }),
  'letter-en-sme': invitation({ organisation: ICRC, addressee: { honorific: 'Dr.', givenName: 'Jane', familyName: 'Roe', position: 'Director-General' } }),
  'letter-fr-sme': invitation({ language: 'fr', organisation: ICRC, addressee: { honorific: 'Ms.', givenName: 'Jeanne', familyName: 'Exemple', position: 'Director-General' } }),
  'nv-en-sme': invitation({ form: 'note-verbale', organisation: ICRC, addressee: null }),
  'nv-fr-sme': invitation({ form: 'note-verbale', language: 'fr', organisation: PRI, addressee: null }),
  'letter-en-null': invitation({ organisation: NETHERLANDS, addressee: null }),
  'letter-fr-null': invitation({ language: 'fr', organisation: NETHERLANDS, addressee: null }),
  'letter-en-sme-null': invitation({ organisation: PRI, addressee: null }),
  'letter-ar': invitation({
    organisation: EGYPT,
    addressee: { honorific: 'H.E. Ms.', givenName: ARABIC_NAME.given, familyName: ARABIC_NAME.family, position: 'Permanent Representative' },
  }),
  'letter-en-online': invitation({
    addressee: { honorific: 'Mr.', givenName: 'Kofi', familyName: 'Example', position: 'Counsellor' },
    meeting: { ...MEETING, kind: 'teleconference', title: 'Work plan review', city: '', address: '', dialIn: '', agenda: [], rsvpDeadline: '', rsvpContact: '' },
  }),
  'letter-fr-geneva': invitation({
    language: 'fr',
    meeting: { ...MEETING, timeZone: 'Europe/Zurich', city: 'Genève', address: 'Palais des Nations, salle XII', onlineLink: '', dialIn: '' },
  }),
}

const COMBINED: InvitationInput[] = [
  INVITATIONS['letter-en'],
  INVITATIONS['nv-fr-sme'],
  INVITATIONS['letter-fr-null'],
  INVITATIONS['letter-ar'],
]

const STATES = ['Ghana', 'Sweden', 'Egypt', 'Brazil', 'Japan', 'Norway', 'Rwanda', 'Senegal', 'Uruguay', 'Nepal', 'Canada', 'Chile', 'Fiji', 'Kenya', 'Mali', 'Peru']
const PARTICIPANTS: ParticipantRow[] = [
  ...Array.from({ length: 64 }, (_, i): ParticipantRow => {
    const name = `${STATES[i % STATES.length]}${i >= STATES.length ? ` ${Math.floor(i / STATES.length) + 1}` : ''}`
    return {
      organisation: { kind: 'state', en: name, fr: name, frOf: `de ${name}`, acronym: '' },
      names: i === 2 ? `${ARABIC_NAME.given} ${ARABIC_NAME.family}\nMs. Lina Example` : `Delegate ${i + 1}, Counsellor\nExpert ${i + 1}`,
      // Three in four accepted; the others declined, did not answer, or may come.
      response: (['accepted', 'accepted', 'accepted', 'declined', 'accepted', 'accepted', 'accepted', 'no-answer', 'accepted', 'accepted', 'accepted', 'tentative'] as const)[i % 12],
      attended: i % 3 === 0,
    }
  }),
  { organisation: ICRC, names: 'Dr. Jane Roe', response: 'accepted', attended: true },
  { organisation: PRI, names: '', response: 'no-answer', attended: false },
]

const COMMENTS: CommentRow[] = [
  {
    organisation: GHANA,
    received: '2027-03-10',
    text: 'Ghana welcomes the draft work plan.\n\nWe propose to add a training activity for corrections officers deployed to MINUSCA.\nSecond line of the same paragraph.',
    attachmentPath: 'C:\\Users\\secretary\\Documents\\GFC\\ghana-comments.pdf',
  },
  { organisation: ICRC, received: '2027-03-12', text: 'The ICRC supports item 3 of the agenda.', attachmentPath: '' },
]

let dir: { dir: string; cleanup: () => void }
const bytes: Record<string, Uint8Array> = {}
let docs: ReadBack['docs'] = {}
let pdf: ReadBack['pdf'] = {}

beforeAll(async () => {
  requireTools()
  dir = docsDir('documents')
  for (const [name, input] of Object.entries(INVITATIONS)) bytes[name] = await buildInvitation(input)
  bytes.combined = await buildInvitations(COMBINED)
  const meetingDoc = { language: 'en' as const, date: '2027-02-01', chair: CHAIR, meeting: MEETING }
  bytes['agenda-en'] = await buildAgenda(meetingDoc)
  bytes['agenda-fr'] = await buildAgenda({ ...meetingDoc, language: 'fr' })
  bytes['participants-en'] = await buildParticipants({ ...meetingDoc, rows: PARTICIPANTS })
  bytes['participants-fr'] = await buildParticipants({ ...meetingDoc, language: 'fr', rows: PARTICIPANTS })
  bytes['attended-en'] = await buildParticipants({ ...meetingDoc, rows: PARTICIPANTS, mode: 'attended' })
  bytes['comments-en'] = await buildTabledComments({ ...meetingDoc, comments: COMMENTS })
  bytes['comments-fr'] = await buildTabledComments({ ...meetingDoc, language: 'fr', comments: COMMENTS })
  bytes.template = fillTemplate(fixtureTemplate(), invitation())
  bytes['template-combined'] = fillTemplates(prepareTemplate(fixtureTemplate()), COMBINED)

  ;({ docs, pdf } = await readBack(writeDocx(dir.dir, bytes), dir.dir))
}, 300_000)

afterAll(() => dir?.cleanup())

/** Body, tables, headers and footers: everything a reader of the document sees. */
function everything(d: DocxDump): string {
  return [d.text, d.header_footer_text, ...d.tables.flat().flatMap((r) => r.cells)].join('\n')
}

function paragraphs(d: DocxDump): string[] {
  return d.paragraphs.map((p) => plain(p.text))
}

/** The lines of the address block: the paragraphs from the one after the date to the salutation. */
function addressBlock(d: DocxDump): string[] {
  const ps = paragraphs(d)
  const start = ps.findIndex((p) => /^New York, /.test(p)) + 1
  const end = ps.findIndex((p, i) => i >= start && /,$/.test(p) && /^(Excellen|Dear|Madame|Monsieur)/.test(p))
  return ps.slice(start, end)
}

describe('invitation letters and notes verbales, read by python-docx', () => {
  it('writes an English letter to a Permanent Representative, with the protocol block and phrases', () => {
    const d = docs['letter-en']
    expect(addressBlock(d)).toEqual(['His Excellency Mr. Kwame Sampleson', 'Permanent Representative of Ghana to the United Nations', 'New York'])
    const ps = paragraphs(d)
    expect(ps.slice(0, 2)).toEqual(['GFC/2027/014', 'New York, 1 February 2027'])
    expect(d.paragraphs[0].alignment).toMatch(/RIGHT/)
    expect(ps).toContain('Excellency,')
    expect(ps).toContain('Accept, Excellency, the assurances of my highest consideration.')
    const body = plain(d.text)
    expect(body).toContain(
      'I have the honour to invite you to the annual meeting of the Group of Friends of Corrections in Peace Operations, to be held on Monday, 15 March 2027, from 10:00 to 13:00 (New York time, UTC−04:00), at United Nations Headquarters, Conference Room 7, New York.',
    )
    expect(body).toContain('https://meet.example.org/gfc-2027')
    expect(body).toContain('The provisional agenda of the meeting is annexed to the present letter.')
    expect(body).toContain('by Monday, 1 March 2027, to Ms. Maja Exempel (maja.exempel@gov.example)')
    // Signed after the closing, before the annex.
    const closing = ps.indexOf('Accept, Excellency, the assurances of my highest consideration.')
    const annex = ps.indexOf('Annex: Provisional agenda')
    expect(ps.slice(closing, annex).filter(Boolean)).toEqual([ps[closing], 'Anna Exempel', 'Ambassador and Permanent Representative'])
  })

  it('writes the French letter with the French protocol', () => {
    const d = docs['letter-fr']
    expect(addressBlock(d)).toEqual([
      'S. E. M. Kwame Sampleson',
      'Représentant permanent du Ghana auprès de l’Organisation des Nations Unies',
      'New York',
    ])
    const ps = paragraphs(d)
    expect(ps).toContain('New York, le 1er février 2027')
    // An ambassador is addressed as such in French, opening and closing alike.
    expect(ps).toContain('Monsieur l’Ambassadeur,')
    expect(ps).toContain('Veuillez agréer, Monsieur l’Ambassadeur, les assurances de ma très haute considération.')
    const body = plain(d.text)
    expect(body).toContain('J’ai l’honneur de vous inviter à la réunion annuelle du Groupe des amis des questions pénitentiaires dans les opérations de paix, qui se tiendra le lundi 15 mars 2027, de 10 h 00 à 13 h 00 (heure de New York, UTC−04:00)')
    expect(body).toContain('L’ordre du jour provisoire de la réunion figure en annexe à la présente lettre.')
    expect(body).toContain('d’ici au lundi 1er mars 2027')
    expect(body).toContain('Annexe : Ordre du jour provisoire')
    expect(d.header_footer_text).toContain('Mission permanente de la Suède auprès de l’Organisation des Nations Unies')
    // Signed with the title as typed in French in Settings.
    const closing = ps.indexOf('Veuillez agréer, Monsieur l’Ambassadeur, les assurances de ma très haute considération.')
    expect(ps.slice(closing + 1).filter(Boolean).slice(0, 2)).toEqual(['Anna Exempel', 'Ambassadrice et Représentante permanente'])
  })

  it('writes the English note verbale in the third person, with the recipient line at the end', () => {
    const d = docs['nv-en']
    const ps = paragraphs(d)
    expect(ps[0]).toBe('GFC/2027/014')
    expect(ps[1]).toBe(
      'The Permanent Mission of Sweden to the United Nations presents its compliments to the Permanent Mission of Ghana to the United Nations and, in its capacity as Chair of the Group of Friends of Corrections in Peace Operations, has the honour to invite the Permanent Mission to be represented at the annual meeting of the Group, to be held on Monday, 15 March 2027, from 10:00 to 13:00 (New York time, UTC−04:00), at United Nations Headquarters, Conference Room 7, New York.',
    )
    expect(ps[2]).toBe('Delegations may also join online at https://meet.example.org/gfc-2027 or by telephone (+1 646 555 0199, code 123 456).')
    expect(ps).toContain(
      'The Permanent Mission of Sweden to the United Nations avails itself of this opportunity to renew to the Permanent Mission of Ghana to the United Nations the assurances of its highest consideration.',
    )
    const date = ps.indexOf('New York, 1 February 2027')
    expect(d.paragraphs[date].alignment).toMatch(/RIGHT/)
    expect(ps[date + 1]).toBe('Permanent Mission of Ghana to the United Nations, New York')
    // Unsigned, and not addressed to a person.
    expect(plain(d.text)).not.toContain('Anna Exempel')
    expect(plain(d.text)).not.toContain('Excellency,')
  })

  it('writes the French note verbale', () => {
    const ps = paragraphs(docs['nv-fr'])
    expect(ps[1]).toMatch(
      /^La Mission permanente de la Suède auprès de l’Organisation des Nations Unies présente ses compliments à la Mission permanente du Ghana auprès de l’Organisation des Nations Unies et, en sa qualité de présidente du Groupe des amis des questions pénitentiaires dans les opérations de paix, a l’honneur de l’inviter à se faire représenter à la réunion annuelle du Groupe, qui se tiendra le lundi 15 mars 2027/,
    )
    expect(ps).toContain(
      'La Mission permanente de la Suède auprès de l’Organisation des Nations Unies saisit cette occasion pour renouveler à la Mission permanente du Ghana auprès de l’Organisation des Nations Unies les assurances de sa très haute considération.',
    )
    expect(ps).toContain('New York, le 1er février 2027')
    expect(ps).toContain('Mission permanente du Ghana auprès de l’Organisation des Nations Unies, New York')
  })

  it('addresses an SME through its head or the organisation itself', () => {
    expect(addressBlock(docs['letter-en-sme'])).toEqual(['Dr. Jane Roe', 'Director-General', 'International Committee of the Red Cross'])
    expect(paragraphs(docs['letter-en-sme'])).toContain('Dear Dr. Roe,')
    expect(paragraphs(docs['letter-en-sme'])).toContain('Yours sincerely,')
    expect(addressBlock(docs['letter-fr-sme'])).toEqual(['Mme Jeanne Exemple', 'Directrice générale', 'Comité international de la Croix-Rouge'])
    expect(paragraphs(docs['letter-fr-sme'])).toContain('Madame,')
    expect(paragraphs(docs['letter-fr-sme'])).toContain('Veuillez agréer, Madame, l’assurance de ma haute considération.')
    expect(addressBlock(docs['letter-en-sme-null'])).toEqual(['The Head', 'Penal Reform International'])
    expect(paragraphs(docs['letter-en-sme-null'])).toContain('Dear Sir or Madam,')
    expect(paragraphs(docs['letter-en-sme-null'])).toContain('Yours faithfully,')

    const nv = paragraphs(docs['nv-en-sme'])
    expect(nv[1]).toMatch(/^The Permanent Mission of Sweden to the United Nations presents its compliments to the International Committee of the Red Cross and, in its capacity as Chair .* has the honour to invite it to be represented at/)
    expect(nv).toContain('International Committee of the Red Cross')
    const nvFr = paragraphs(docs['nv-fr-sme'])
    expect(nvFr[1]).toMatch(/présente ses compliments à Penal Reform International et, en sa qualité de présidente/)
    expect(nvFr).toContain(
      'La Mission permanente de la Suède saurait gré à Penal Reform International de bien vouloir confirmer sa participation, en indiquant les noms et fonctions de ses représentants, d’ici au lundi 1er mars 2027, auprès de Ms. Maja Exempel (maja.exempel@gov.example).',
    )
    expect(nvFr).toContain('Penal Reform International')
  })

  it('addresses the Permanent Representative by title when the member has no contact', () => {
    // A line too long for the width is cut where protocol cuts it.
    expect(addressBlock(docs['letter-en-null'])).toEqual(['The Permanent Representative of the Kingdom of the Netherlands', 'to the United Nations', 'New York'])
    expect(paragraphs(docs['letter-en-null'])).toContain('Excellency,')
    expect(addressBlock(docs['letter-fr-null'])).toEqual([
      'Le Représentant permanent du Royaume des Pays-Bas',
      'auprès de l’Organisation des Nations Unies',
      'New York',
    ])
    expect(paragraphs(docs['letter-fr-null'])).toContain('Excellence,')
  })

  it('puts an Arabic-script name in a right-to-left run with an Arabic font, and Latin text in the serif', () => {
    const d = docs['letter-ar']
    expect(addressBlock(d)[0]).toBe(`Her Excellency Ms. ${ARABIC_NAME.given} ${ARABIC_NAME.family}`)
    expect(d.arabic_runs.length).toBeGreaterThan(0)
    for (const r of d.arabic_runs) {
      expect(r.rtl, r.text).toBe(true)
      expect(r.cs).toBe('Noto Naskh Arabic')
      expect(r.text).not.toMatch(/[A-Za-z]/)
    }
    expect(d.latin_runs_rtl).toEqual([])
    expect(d.default_fonts?.ascii).toBe('Times New Roman')
    // The salutation of an Excellency does not repeat the name.
    expect(paragraphs(d)).toContain('Excellency,')
  })

  it('writes an online meeting without agenda or RSVP details on one page, to a counsellor', () => {
    const d = docs['letter-en-online']
    expect(addressBlock(d)).toEqual(['Mr. Kofi Example', 'Counsellor', 'Permanent Mission of Ghana to the United Nations', 'New York'])
    const ps = paragraphs(d)
    expect(ps).toContain('Dear Mr. Example,')
    expect(ps).toContain('Yours sincerely,')
    expect(ps).toContain(
      'I have the honour to invite you to the teleconference of the Group of Friends of Corrections in Peace Operations, entitled “Work plan review”, to be held on Monday, 15 March 2027, from 10:00 to 13:00 (New York time, UTC−04:00), online.',
    )
    expect(ps).toContain('Delegations may join online at https://meet.example.org/gfc-2027.')
    expect(ps).toContain('The provisional agenda will be circulated in due course.')
    // No deadline, no contact typed: the Chair's e-mail.
    expect(ps).toContain('I should be grateful if you would confirm your participation, with the names and functions of the members of your delegation, to gfc.chair@gov.example.')
    expect(d.page_breaks_before).toBe(0)
    expect(plain(pdf['letter-en-online'].text)).toContain('Page 1 of 1')
  })

  it('gives the New York time when the meeting is in another zone', () => {
    const body = plain(docs['letter-fr-geneva'].text)
    expect(body).toContain(
      'lundi 15 mars 2027, de 10 h 00 à 13 h 00 (heure d’Europe centrale, UTC+01:00, soit de 5 h 00 à 8 h 00, heure de New York), à l’adresse suivante : Palais des Nations, salle XII, Genève.',
    )
  })

  it('annexes the agenda on a page of its own, items numbered with presenter and duration', () => {
    for (const [name, heading] of [
      ['letter-en', 'Annex: Provisional agenda'],
      ['nv-en', 'Annex: Provisional agenda'],
      ['letter-fr', 'Annexe : Ordre du jour provisoire'],
      ['nv-fr', 'Annexe : Ordre du jour provisoire'],
    ] as const) {
      const d = docs[name]
      const ps = paragraphs(d)
      const annex = ps.indexOf(heading)
      expect(annex, name).toBeGreaterThan(0)
      expect(d.page_breaks_before, name).toBe(1)
      const items = ps.slice(annex).filter((p) => /^\d+\.\s/.test(p))
      expect(items).toHaveLength(AGENDA_LINES)
      expect(items[0]).toBe('1. Opening of the meeting and adoption of the agenda\nSweden (Chair) · 10 min')
      expect(items[4]).toBe('5. Selection of the next Chair\nMembers of the Group · 30 min')
    }
  })

  it('sets every invitation on A4 portrait, on the letterhead, with PAGE/NUMPAGES in the footer', () => {
    for (const [name, d] of Object.entries(docs).filter(([n]) => /^(letter|nv)-/.test(n))) {
      expect(d.sections, name).toHaveLength(1)
      const s = d.sections[0]
      expect([s.width_mm, s.height_mm, s.orientation]).toEqual([210, 297, 'portrait'])
      expect(s.first_page_different).toBe(true)
      const head = s.first_header!.text
      expect(head).toContain(name.includes('fr') ? 'Mission permanente de la Suède' : 'Permanent Mission of Sweden to the United Nations')
      expect(head).toContain('885 Second Avenue, 46th Floor, New York, NY 10017')
      expect(head).toContain('gfc.chair@gov.example')
      for (const f of [s.footer!, s.first_footer!]) {
        expect(f.fields).toEqual(['PAGE', 'NUMPAGES'])
        expect(plain(f.text)).toContain('GFC/2027/014')
        expect(plain(f.text)).toMatch(name.includes('fr') ? /Page sur/ : /Page of/)
      }
    }
  })

  it('leaves no placeholder text anywhere, headers and footers included', () => {
    for (const [name, d] of Object.entries(docs)) {
      const all = everything(d)
      expect(all.match(LEFTOVER), name).toBeNull()
      expect(all, name).not.toMatch(/\s,|\s\.(\s|$)|,,|\.\./)
    }
  })
})

describe('invitations in LibreOffice', () => {
  it('converts every invitation to two pages: the letter or note, then the annex', () => {
    for (const name of Object.keys(INVITATIONS)) expect(pdf[name].pages, name).toBe(name === 'letter-en-online' ? 1 : 2)
  })

  it('shows the names, the reference and "Page X of Y" in the PDF', () => {
    const en = plain(pdf['letter-en'].text)
    expect(en).toContain('His Excellency Mr. Kwame Sampleson')
    expect(en).toContain('Page 1 of 2')
    expect(en).toContain('Page 2 of 2')
    expect(plain(pdf['letter-fr'].text)).toContain('Page 1 sur 2')
    expect(plain(pdf['letter-en-sme'].text)).toContain('Dr. Jane Roe')
    expect(plain(pdf['nv-fr'].text)).toContain('Mission permanente du Ghana')
  })

  it('renders the Arabic name with the Arabic font', async () => {
    const text = pdf['letter-ar'].text.normalize('NFKC')
    // pdftotext may give right-to-left text in visual order and ligatures as one glyph.
    const words = [ARABIC_NAME.given, ...ARABIC_NAME.family.split(' ')]
    const found = words.filter((w) => text.includes(w) || text.includes([...w].reverse().join('')))
    expect(found.length).toBeGreaterThan(0)
    const fonts = await pdfFonts(pdf['letter-ar'].path)
    expect(fonts.some((f) => f.includes('NotoNaskhArabic'))).toBe(true)
    expect(fonts.some((f) => /LiberationSerif|TimesNewRoman|Tinos/.test(f))).toBe(true)
  })
})

describe('a file of several invitations', () => {
  it('starts each invitation on a new page, numbered from 1, with its own letterhead', () => {
    const d = docs.combined
    expect(d.sections).toHaveLength(COMBINED.length)
    for (const [i, s] of d.sections.entries()) {
      expect(s.page_number_start).toBe(1)
      expect(s.first_page_different).toBe(true)
      expect(s.first_header?.text).toMatch(/Permanent Mission of Sweden|Mission permanente de la Suède/)
      expect(s.footer!.fields[0]).toBe('PAGE')
      expect(s.footer!.fields[1]).toMatch(new RegExp(`^PAGEREF _GfcInvitationEnd${i + 1}\\b`))
    }
  })

  it('has at least two pages per invitation, each addressee, and per-invitation page numbers in the PDF', () => {
    expect(pdf.combined.pages).toBeGreaterThanOrEqual(2 * COMBINED.length)
    const text = plain(pdf.combined.text)
    expect(text).toContain('His Excellency Mr. Kwame Sampleson')
    expect(text).toContain('Penal Reform International')
    expect(text).toContain('Le Représentant permanent du Royaume des Pays-Bas')
    expect(text.match(/Page 1 (of|sur) 2/g)).toHaveLength(COMBINED.length)
    expect(text.match(/Page 2 (of|sur) 2/g)).toHaveLength(COMBINED.length)
  })
})

describe('a file of several invitations from the secretary’s own template', () => {
  it('puts each letter in a section of its own, on the template’s page, numbered from 1', () => {
    const d = docs['template-combined']
    expect(d.sections).toHaveLength(COMBINED.length)
    for (const s of d.sections) expect(s.page_number_start).toBe(1)
    const text = plain(d.text)
    expect(text).toContain('His Excellency Mr. Kwame Sampleson')
    expect(text).toContain('Le Représentant permanent du Royaume des Pays-Bas')
    expect(pdf['template-combined'].pages).toBeGreaterThanOrEqual(COMBINED.length)
  })
})

describe('meeting documents', () => {
  it('writes the agenda with slots from the meeting start', () => {
    const ps = paragraphs(docs['agenda-en'])
    expect(ps).toContain('Provisional agenda')
    expect(ps).toContain('1. Opening of the meeting and adoption of the agenda\n10:00–10:10 · Sweden (Chair) · 10 min')
    expect(ps).toContain('2. Briefing by the Justice and Corrections Service\n10:10–10:50 · Justice and Corrections Service, OROLSI · 40 min')
    expect(paragraphs(docs['agenda-fr'])).toContain('Ordre du jour provisoire')
    expect(paragraphs(docs['agenda-fr'])).toContain('1. Opening of the meeting and adoption of the agenda\n10 h 00 – 10 h 10 · Sweden (Chair) · 10 min')
    expect(pdf['agenda-en'].pages).toBe(1)
  })

  it('lists, before the meeting, the members that accepted with their delegations, Member States then SMEs', () => {
    const d = docs['participants-en']
    expect(d.tables).toHaveLength(1)
    const rows = d.tables[0]
    expect(rows[0].cells).toEqual(['Member', 'Delegation'])
    expect(rows[0].header).toBe(true)
    expect(rows.every((r) => r.cant_split)).toBe(true)
    const accepted = PARTICIPANTS.filter((r) => r.response === 'accepted' && r.organisation.kind === 'state')
    expect(rows[1].cells[0]).toBe(`Member States (${accepted.length})`)
    const names = rows.slice(2).map((r) => r.cells[0])
    // Those who declined, did not answer or are not sure are not participants.
    for (const r of PARTICIPANTS.filter((x) => x.response !== 'accepted')) expect(names, r.organisation.en).not.toContain(r.organisation.en)
    const collator = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true })
    expect(names.slice(0, accepted.length)).toEqual(accepted.map((r) => r.organisation.en).sort(collator.compare))
    const smes = rows.findIndex((r) => r.cells[0] === 'Correctional subject matter experts (1)')
    expect(smes).toBeGreaterThan(40)
    expect(rows[smes + 1].cells).toEqual(['International Committee of the Red Cross (ICRC)', 'Dr. Jane Roe'])
    expect(names).not.toContain('Penal Reform International (PRI)')
    const egypt = rows.find((r) => r.cells[0] === 'Egypt')!
    expect(egypt.cells[1]).toBe(`${ARABIC_NAME.given} ${ARABIC_NAME.family}\nMs. Lina Example`)
    expect(d.arabic_runs.length).toBeGreaterThan(0)
    expect(d.arabic_runs.every((r) => r.rtl && r.cs === 'Noto Naskh Arabic')).toBe(true)
    expect(docs['participants-fr'].tables[0][0].cells).toEqual(['Membre', 'Délégation'])
    expect(plain(pdf['participants-en'].text)).toContain('Members that have accepted the invitation, with their delegations, as of 1 February 2027.')
  })

  it('lists, after the meeting, the members that attended', () => {
    const rows = docs['attended-en'].tables[0]
    expect(rows[0].cells).toEqual(['Member', 'Participants'])
    const names = rows.slice(1).map((r) => r.cells[0])
    for (const r of PARTICIPANTS) {
      const label = r.organisation.kind === 'sme' ? `${r.organisation.en} (${r.organisation.acronym})` : r.organisation.en
      expect(names.includes(label), label).toBe(r.attended)
    }
  })

  it('repeats the table header on the following pages of the PDF', async () => {
    expect(pdf['participants-en'].pages).toBeGreaterThanOrEqual(2)
    const second = plain(await pdfText(pdf['participants-en'].path, 2, 2))
    expect(second).toMatch(/Member\s+Delegation/)
  })

  it('tables the written comments, one part per member, paragraphs as written', () => {
    const ps = paragraphs(docs['comments-en'])
    expect(ps).toContain('Written comments received from members unable to attend, tabled by the Chair')
    const ghana = ps.indexOf('1. Ghana')
    expect(ghana).toBeGreaterThan(0)
    expect(ps[ghana + 1]).toBe('Received on 10 March 2027')
    expect(ps[ghana + 2]).toBe('Ghana welcomes the draft work plan.')
    expect(ps[ghana + 3]).toBe('We propose to add a training activity for corrections officers deployed to MINUSCA.\nSecond line of the same paragraph.')
    expect(ps[ghana + 4]).toBe('Attachment: C:\\Users\\secretary\\Documents\\GFC\\ghana-comments.pdf')
    expect(ps).toContain('2. International Committee of the Red Cross (ICRC)')
    const fr = paragraphs(docs['comments-fr'])
    expect(fr).toContain('Reçues le 10 mars 2027')
    expect(fr).toContain('Pièce jointe : C:\\Users\\secretary\\Documents\\GFC\\ghana-comments.pdf')
    expect(plain(pdf['comments-en'].text)).toContain('Ghana welcomes the draft work plan.')
  })
})

describe('OOXML schema validation', () => {
  it.each(['letter-en', 'nv-fr', 'combined', 'agenda-en', 'participants-en', 'comments-en', 'template', 'template-combined'])('finds no error in %s', async (name) => {
    expect(await validateOoxml(bytes[name])).toEqual([])
  }, 60_000)
})
