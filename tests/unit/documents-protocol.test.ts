import { describe, expect, it } from 'vitest'
import { buildAgenda, buildInvitation, buildInvitations, buildTabledComments, buildWorkplan, frOfName, invitationPages } from '../../src-main/core/documents'
import type { InvitationInput, MeetingInfo, RecipientOrganisation } from '../../src-main/core/documents/types'
import { frTo } from '../../src-main/core/documents/wording'
import { guessFrenchArticle } from '../../src-main/core/model/organisation'
import { documentsUnderTest } from '../support/docs-suite'
import { CHAIR, GHANA, invitation, MEETING, pdfPageSizes, pdfText, pdfWords, plain, validateOoxml } from '../support/docs'
import { samplePlan } from '../support/workplan'

// The protocol a Permanent Mission expects, rule by rule, each read back from the generated
// file by python-docx and LibreOffice.

const sme = (en: string, fr: string, article: 'le' | 'la' | 'l' | 'les' | 'none', acronym: string): RecipientOrganisation => ({
  kind: 'sme',
  en,
  fr,
  frOf: frOfName(fr, article),
  acronym,
})
const ICRC = sme('International Committee of the Red Cross', 'Comité international de la Croix-Rouge', 'le', 'ICRC')
const SADC = sme('Southern African Development Community', 'Communauté de développement de l’Afrique australe', 'la', 'SADC')
const ACSA = sme('African Correctional Services Association', 'Association africaine des services correctionnels', 'l', 'ACSA')
const CHINA: RecipientOrganisation = { kind: 'state', en: 'China', fr: 'Chine', frOf: 'de la Chine', acronym: 'CHN' }

const TITLED: MeetingInfo = { ...MEETING, kind: 'regular', title: 'Corrections in transitions' }
const BILINGUAL: MeetingInfo = {
  ...MEETING,
  kind: 'regular',
  title: 'Corrections in transitions',
  titleFr: 'Les services pénitentiaires en transition',
  addressFr: 'Siège de l’Organisation des Nations Unies, salle de conférence 7',
  agenda: MEETING.agenda.map((item, i) => (i === 0 ? { ...item, titleFr: 'Ouverture de la réunion et adoption de l’ordre du jour' } : item)),
}
const ARABIC_PRESENTER = 'عبد الله'

const LETTERS: Record<string, InvitationInput> = {
  'nv-fr-icrc': invitation({ form: 'note-verbale', language: 'fr', organisation: ICRC, addressee: null }),
  'nv-fr-sadc': invitation({ form: 'note-verbale', language: 'fr', organisation: SADC, addressee: null }),
  'nv-fr-acsa': invitation({ form: 'note-verbale', language: 'fr', organisation: ACSA, addressee: null }),
  'letter-en-ambassador': invitation({
    chair: { ...CHAIR, clock12: true },
    addressee: { honorific: 'H.E. Ms.', givenName: 'Ama', familyName: 'Sampleson', position: 'Ambassador and Permanent Representative' },
  }),
  'letter-fr-ambassadress': invitation({ language: 'fr', addressee: { honorific: 'H.E. Ms.', givenName: 'Ama', familyName: 'Sampleson', position: 'Permanent Representative' } }),
  'letter-en-dr': invitation({ addressee: { honorific: 'Dr.', givenName: 'Jane', familyName: 'Roe', position: 'Counsellor', addressForm: 'female' } }),
  'letter-fr-dr': invitation({ language: 'fr', addressee: { honorific: 'Dr.', givenName: 'Jane', familyName: 'Roe', position: 'Counsellor', addressForm: 'female' } }),
  'letter-fr-neutral': invitation({ language: 'fr', addressee: { honorific: 'Dr.', givenName: 'Sam', familyName: 'Roe', position: 'Counsellor', addressForm: 'neutral' } }),
  'letter-en-wang': invitation({ organisation: CHINA, addressee: { honorific: 'Mr.', givenName: 'Wei', familyName: 'Wang', position: 'Counsellor', familyNameFirst: true } }),
  'letter-fr-wang': invitation({ language: 'fr', organisation: CHINA, addressee: { honorific: 'Mr.', givenName: 'Wei', familyName: 'Wang', position: 'Counsellor', familyNameFirst: true } }),
  'nv-en-titled': invitation({ form: 'note-verbale', meeting: TITLED }),
  'nv-fr-titled': invitation({ form: 'note-verbale', language: 'fr', meeting: TITLED }),
  'letter-fr-bilingual': invitation({ language: 'fr', meeting: BILINGUAL }),
  'letter-en-bilingual': invitation({ meeting: BILINGUAL }),
  'letter-paper': invitation({ chair: { ...CHAIR, paper: 'letter' } }),
}

const COMMENT = { organisation: GHANA, received: '2027-03-10', text: 'Ghana supports the plan.', attachmentPath: '' }
const meetingDoc = { language: 'en' as const, date: '2027-02-01', chair: CHAIR, meeting: MEETING }

const { bytes, docs, pdf } = documentsUnderTest('protocol', async () => {
  const bytes: Record<string, Uint8Array> = {}
  for (const [name, input] of Object.entries(LETTERS)) bytes[name] = await buildInvitation(input)
  bytes['combined-mixed'] = await buildInvitations([LETTERS['letter-en-ambassador'], LETTERS['letter-fr-ambassadress'], LETTERS['nv-fr-icrc']])
  bytes['agenda-arabic'] = await buildAgenda({
    ...meetingDoc,
    meeting: { ...MEETING, agenda: [{ title: 'Briefing on detention in the field', presenter: ARABIC_PRESENTER, minutes: 10 }, ...MEETING.agenda.slice(1)] },
  })
  bytes['comments-one-en'] = await buildTabledComments({ ...meetingDoc, comments: [COMMENT] })
  bytes['comments-one-fr'] = await buildTabledComments({ ...meetingDoc, language: 'fr', comments: [COMMENT] })
  bytes['comments-two-en'] = await buildTabledComments({ ...meetingDoc, comments: [COMMENT, { ...COMMENT, organisation: ICRC }] })
  bytes['workplan-letter'] = await buildWorkplan(samplePlan(24, { chair: { ...CHAIR, paper: 'letter' } }))
  return bytes
})

const paragraphs = (name: string) => docs[name].paragraphs.map((p) => plain(p.text))
const body = (name: string) => plain(docs[name].text)

describe('French articles of organisations', () => {
  it('writes a note verbale to the ICRC with "au" throughout', () => {
    const text = body('nv-fr-icrc')
    expect(text).toContain('présente ses compliments au Comité international de la Croix-Rouge et,')
    expect(text).toContain('saurait gré au Comité international de la Croix-Rouge de bien vouloir confirmer')
    expect(text).toContain('pour renouveler au Comité international de la Croix-Rouge les assurances')
    expect(text).not.toMatch(/à Comité|de Comité/)
  })

  it('agrees with feminine and elided names', () => {
    expect(body('nv-fr-sadc')).toContain('présente ses compliments à la Communauté de développement de l’Afrique australe et,')
    expect(body('nv-fr-acsa')).toContain('présente ses compliments à l’Association africaine des services correctionnels et,')
  })

  it('builds "du / de la / de l’ / des / de" from the stored article, and guesses one for the form', () => {
    expect(frOfName('Comité international de la Croix-Rouge', 'le')).toBe('du Comité international de la Croix-Rouge')
    expect(frTo(frOfName('Nations Unies', 'les'))).toBe('aux Nations Unies')
    expect(frTo(frOfName('Institut international', 'l'))).toBe('à l’Institut international')
    expect(frTo(frOfName('Penal Reform International', 'none'))).toBe('à Penal Reform International')
    expect(guessFrenchArticle('Comité international de la Croix-Rouge')).toBe('le')
    expect(guessFrenchArticle('Communauté de développement de l’Afrique australe')).toBe('la')
    expect(guessFrenchArticle('Association africaine des services correctionnels')).toBe('l')
    expect(guessFrenchArticle('Penal Reform International')).toBe('none')
    expect(guessFrenchArticle('EuroPris')).toBe('none')
  })
})

describe('opening and closing in pairs', () => {
  it('opens and closes a letter to an ambassador with Excellency, in English', () => {
    const ps = paragraphs('letter-en-ambassador')
    expect(ps).toContain('Excellency,')
    expect(ps).toContain('Accept, Excellency, the assurances of my highest consideration.')
    expect(ps[2]).toBe('Her Excellency Ms. Ama Sampleson')
  })

  it('addresses an ambassador as Madame l’Ambassadrice in French, with S. E. Mme', () => {
    const ps = paragraphs('letter-fr-ambassadress')
    expect(ps).toContain('S. E. Mme Ama Sampleson')
    expect(ps).toContain('Représentante permanente du Ghana auprès de l’Organisation des Nations Unies')
    expect(ps).toContain('Madame l’Ambassadrice,')
    expect(ps).toContain('Veuillez agréer, Madame l’Ambassadrice, les assurances de ma très haute considération.')
  })

  it('takes Madam or Sir from the form of address, not from "Dr."', () => {
    const en = paragraphs('letter-en-dr')
    expect(en).toContain('Dr. Jane Roe')
    expect(en).toContain('Dear Dr. Roe,')
    expect(en).toContain('Yours sincerely,')
    expect(en.some((p) => /Accept, (Sir|Madam)/.test(p))).toBe(false)
    const fr = paragraphs('letter-fr-dr')
    expect(fr).toContain('Dr Jane Roe')
    expect(fr).toContain('Conseillère')
    expect(fr).toContain('Madame,')
    expect(fr).toContain('Veuillez agréer, Madame, l’assurance de ma haute considération.')
    const neutral = paragraphs('letter-fr-neutral')
    expect(neutral).toContain('Madame, Monsieur,')
    expect(neutral).toContain('Veuillez agréer, Madame, Monsieur, l’assurance de ma haute considération.')
  })
})

describe('names', () => {
  it('writes a family-name-first name as UN lists do, and greets by the family name', () => {
    const en = paragraphs('letter-en-wang')
    expect(en).toContain('Mr. WANG Wei')
    expect(en).toContain('Dear Mr. Wang,')
    const fr = paragraphs('letter-fr-wang')
    expect(fr).toContain('M. WANG Wei')
    expect(fr).toContain('Monsieur,')
  })

  it('isolates an Arabic name in an English agenda line, so the line reads in order', async () => {
    const lines = docs['agenda-arabic'].mixed_lines
    const line = lines.find((runs) => runs.some((r) => r.text.includes(ARABIC_PRESENTER)))!
    expect(line).toBeDefined()
    const at = line.findIndex((r) => r.text === ARABIC_PRESENTER)
    expect(line[at].rtl).toBe(true)
    // What follows the right-to-left name starts with a left-to-right mark: "· 10 min" stays after it.
    expect(line[at + 1].text.startsWith('\u200e')).toBe(true)
    expect(line[at + 1].text).toContain('10\u00a0min')
    // On the page, LibreOffice sets the slot, then the name, then the minutes, from left to right.
    const words = await pdfWords(pdf['agenda-arabic'].path)
    const arabic = words.filter((w) => /[\u0600-\u06ff]/.test(w.text))
    const sameLine = (w: { y: number }) => Math.abs(w.y - arabic[0].y) < 3
    const slot = words.find((w) => w.text === '10:00–10:10' && sameLine(w))!
    const minutes = words.find((w) => w.text === '10' && sameLine(w))!
    expect(Math.max(...arabic.map((w) => w.right))).toBeLessThan(minutes.x)
    expect(Math.min(...arabic.map((w) => w.x))).toBeGreaterThan(slot.right)
  })
})

describe('counts, punctuation and dates', () => {
  it('says "the one member" and "the 2 members", in both languages', () => {
    expect(body('comments-one-en')).toContain('the written comments of the one member of the Group who was unable to attend the meeting.')
    expect(body('comments-two-en')).toContain('the written comments of the 2 members of the Group who were unable to attend the meeting.')
    expect(body('comments-one-fr')).toContain('les observations écrites du membre du Groupe qui ne pouvait pas assister à la réunion.')
  })

  it('puts the comma after the title in a note verbale, like the letter', () => {
    expect(body('nv-en-titled')).toContain('at the meeting of the Group, entitled “Corrections in transitions”, to be held on Monday, 15 March 2027,')
    expect(body('nv-fr-titled')).toContain('à la réunion du Groupe, intitulée « Corrections in transitions », qui se tiendra le lundi 15 mars 2027,')
  })

  it('never splits a day from its month, and writes 12-hour times when Settings ask', () => {
    expect(docs['letter-en-ambassador'].text).toContain('15\u00a0March 2027')
    expect(docs['letter-fr-ambassadress'].text).toContain('15\u00a0mars 2027')
    expect(body('letter-en-ambassador')).toContain('from 10 a.m. to 1 p.m. (New York time, UTC−04:00)')
    expect(body('letter-fr-ambassadress')).toContain('de 10 h 00 à 13 h 00')
  })
})

describe('both languages of the content', () => {
  it('uses the French title, venue and agenda items in French, the English where none was given', () => {
    const fr = body('letter-fr-bilingual')
    expect(fr).toContain('intitulée « Les services pénitentiaires en transition »')
    expect(fr).toContain('Siège de l’Organisation des Nations Unies, salle de conférence 7')
    expect(fr).toContain('1. Ouverture de la réunion et adoption de l’ordre du jour')
    // No French for item 2: its English title.
    expect(fr).toContain('2. Briefing by the Justice and Corrections Service')
    expect(docs['letter-fr-bilingual'].core.title).toContain('Les services pénitentiaires en transition')
    const en = body('letter-en-bilingual')
    expect(en).toContain('entitled “Corrections in transitions”')
    expect(en).not.toContain('Siège')
  })
})

describe('paper and Word details', () => {
  it('sets a document on US Letter when Settings ask, in python-docx and LibreOffice alike', async () => {
    for (const name of ['letter-paper', 'workplan-letter']) {
      const s = docs[name].sections[0]
      const [w, h] = s.orientation === 'landscape' ? [s.height_mm, s.width_mm] : [s.width_mm, s.height_mm]
      expect([w, h], name).toEqual([215.9, 279.4])
      for (const size of await pdfPageSizes(pdf[name].path)) expect([Math.round(Math.min(size.w, size.h)), Math.round(Math.max(size.w, size.h))], name).toEqual([612, 792])
    }
    expect(docs['letter-en-ambassador'].sections[0].width_mm).toBe(210)
  })

  it('writes page numbers with values, so that a previewer shows "Page 1 of 2", and the count is right', () => {
    const s = docs['letter-en-ambassador'].sections[0]
    expect(s.first_footer?.field_results).toEqual(['1', '2'])
    expect(s.footer?.field_results).toEqual(['2', '2'])
    for (const [name, input] of Object.entries(LETTERS)) expect(invitationPages(input), name).toBe(pdf[name].pages)
    // In a file of several, each invitation's own count.
    for (const s of docs['combined-mixed'].sections) expect(s.first_footer?.field_results).toEqual(['1', '2'])
  })

  it('marks each letter of a combined file with its language', () => {
    const d = docs['combined-mixed']
    expect(d.default_language).toBe('en-GB')
    const ps = d.paragraphs.map((p) => plain(p.text))
    const french = ps.indexOf('Madame l’Ambassadrice,')
    const english = ps.indexOf('Excellency,')
    expect(d.paragraph_languages[french]).toEqual(['fr-FR'])
    expect(d.paragraph_languages[english]).toEqual([''])
  })

  it('names the Chair’s office in the document properties', () => {
    for (const name of ['letter-en-ambassador', 'agenda-arabic', 'workplan-letter']) {
      expect(docs[name].core.author, name).toBe('Permanent Mission of Sweden to the United Nations')
      expect(docs[name].core.last_modified_by, name).toBe('Permanent Mission of Sweden to the United Nations')
    }
    expect(docs['letter-fr-ambassadress'].core.author).toBe('Mission permanente de la Suède auprès de l’Organisation des Nations Unies')
  })

  it('keeps mission acronyms whole in the work plan’s table', async () => {
    const text = await pdfText(pdf['workplan-letter'].path)
    for (const acronym of ['MINUSCA', 'MONUSCO', 'UNMISS', 'UNSOM', 'BINUH']) expect(text, acronym).toContain(acronym)
  })

  it('passes the Open XML validator', async () => {
    for (const name of ['nv-fr-icrc', 'letter-paper', 'combined-mixed', 'agenda-arabic']) expect(await validateOoxml(bytes[name]), name).toEqual([])
  }, 120_000)
})
