import { EXPORTED_TABLES } from '../model/entities'
import type { ImportSummary } from '../api'
import type { ContactRole } from '../model/contact'
import { AppError } from '../model/errors'
import { SME_SUGGESTIONS } from '../model/reference'
import type { Store } from '../store/store'
import { demoId, memberStateId } from './ids'
import { demoMissions } from './demo-missions'
import { demoWorkplan } from './demo-workplan'
import { FORMAT, FORMAT_VERSION, importDocument } from './transfer'

// A small, clearly fictional Group: real Member States and SMEs, invented people whose
// addresses use the reserved example.org domain. Loaded through the ordinary import, with
// ids derived from names, so it is validated like any file and loading it is repeatable.


const states: [code: string, joined: string, service: string, status?: 'former'][] = [
  ['SE', '2009-06-01', 'Swedish Prison and Probation Service'],
  ['NO', '2009-06-01', 'Norwegian Correctional Service'],
  ['NL', '2010-05-01', 'Custodial Institutions Agency'],
  ['DE', '2012-03-01', ''],
  ['CA', '2011-01-15', 'Correctional Service Canada'],
  ['GH', '2011-01-15', 'Ghana Prisons Service'],
  ['SN', '2015-09-01', "Direction de l'Administration pénitentiaire"],
  ['RW', '2015-09-01', 'Rwanda Correctional Service'],
  ['EG', '2016-02-01', ''],
  ['JO', '2016-02-01', ''],
  ['RS', '2012-03-01', ''],
  ['CN', '2013-04-01', ''],
  ['JP', '2011-01-15', ''],
  ['ID', '2015-09-01', ''],
  ['AR', '2012-03-01', ''],
  ['UY', '2010-05-01', '', 'former'],
]

type Person = [key: string, honorific: string, given: string, family: string, lang: 'en' | 'fr', member: string, role: ContactRole, position: string]

const people: Person[] = [
  ['se-pr', 'H.E. Ms.', 'Ingrid', 'Exempelsson', 'en', 'SE', 'permanent-representative', 'Permanent Representative'],
  ['se-fp', 'Mr.', 'Olof', 'Provsson', 'en', 'SE', 'focal-point', 'Counsellor, Rule of Law'],
  ['no-pr', 'H.E. Ms.', 'Kari', 'Eksempelsen', 'en', 'NO', 'permanent-representative', 'Permanent Representative'],
  ['nl-fp', 'Ms.', 'Femke', 'Voorbeeld', 'en', 'NL', 'focal-point', 'First Secretary'],
  ['de-fp', 'Dr.', 'Jonas', 'Beispiel', 'en', 'DE', 'focal-point', 'Counsellor'],
  ['ca-pr', 'H.E. Ms.', 'Marie-Claude', 'Exemple', 'fr', 'CA', 'permanent-representative', 'Permanent Representative'],
  ['gh-fp', 'Mr.', 'Kwame', 'Sampleson', 'en', 'GH', 'focal-point', 'Minister Counsellor'],
  ['sn-pr', 'H.E. Ms.', 'Aminata', 'Échantillon', 'fr', 'SN', 'permanent-representative', 'Représentante permanente'],
  ['rw-fp', 'Ms.', 'Uwase', 'Demo', 'en', 'RW', 'focal-point', 'Counsellor'],
  ['eg-fp', 'Mr.', 'كريم', 'المثال', 'en', 'EG', 'focal-point', 'Counsellor'],
  ['jo-fp', 'Ms.', 'ليلى', 'النموذج', 'en', 'JO', 'counsellor', 'First Secretary'],
  ['rs-fp', 'Mr.', 'Марко', 'Примеровић', 'en', 'RS', 'focal-point', 'Counsellor'],
  ['cn-fp', 'Ms.', '示例', '王', 'en', 'CN', 'focal-point', 'First Secretary'],
  ['jp-fp', 'Mr.', 'Taro', 'Reibun', 'en', 'JP', 'focal-point', 'Counsellor'],
  ['id-fp', 'Ms.', 'Sari', 'Contoh', 'en', 'ID', 'focal-point', 'Counsellor'],
  ['ar-fp', 'Mr.', 'Mateo', 'Ejemplo', 'en', 'AR', 'focal-point', 'Counsellor'],
  ['icrc-fp', 'Dr.', 'Anne', 'Muster', 'fr', 'ICRC', 'focal-point', 'Detention Adviser'],
  ['icpa-fp', 'Mr.', 'Peter', 'Specimen', 'en', 'ICPA', 'focal-point', 'Executive Officer'],
  ['pri-fp', 'Ms.', 'Alice', 'Placeholder', 'en', 'PRI', 'focal-point', 'Programme Manager'],
  ['zif-fp', 'Mr.', 'Lukas', 'Muster', 'en', 'ZIF', 'focal-point', 'Training Coordinator'],
]

const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '')

export function demoDocument(): object {
  // Member States have the ids every device gives them; expert organisations, demo ids.
  const orgId = (key: string) => (key.length === 2 ? memberStateId(key) : demoId(`org:${key}`))
  const organisations = [
    ...states.map(([code, joined, service, status]) => ({
      id: orgId(code),
      kind: 'state',
      countryCode: code,
      joined,
      status: status ?? 'active',
      correctionsService: service,
      address: `Permanent Mission (fictional address), ${100 + code.charCodeAt(0)} Example Avenue, New York, NY 10017`,
      phone: `+1 212 555 0${code.charCodeAt(0)}${code.charCodeAt(1) % 10}`,
      email: `${code.toLowerCase()}.mission@example.org`,
      notes: 'Demo data: addresses and people are fictional.',
    })),
    ...SME_SUGGESTIONS.map((s) => ({
      id: orgId(s.acronym),
      kind: 'sme',
      name: s.name,
      nameFr: s.nameFr,
      acronym: s.acronym,
      category: s.category,
      website: s.website ?? '',
      email: `contact.${s.acronym.toLowerCase()}@example.org`,
      joined: '2015-09-01',
      notes: 'Demo data: people are fictional.',
    })),
  ]
  const contacts = people.map(([key, honorific, givenName, familyName, language]) => ({
    id: demoId(`contact:${key}`),
    honorific,
    givenName,
    familyName,
    language,
    emails: [`${slug(`${givenName} ${familyName}`) || key}@example.org`],
    phones: ['+1 212 555 0100'],
    notes: 'Fictional person (demo data).',
  }))
  const affiliations = people.map(([key, , , , , member, role, position]) => ({
    id: demoId(`affiliation:${key}`),
    contactId: demoId(`contact:${key}`),
    organisationId: orgId(member),
    role,
    position,
    start: '2024-09-01',
    end: '',
  }))
  const { meetings, invitees, comments } = demoMeetings(orgId)
  const field = demoMissions(orgId)
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    organisations,
    contacts: [...contacts, ...field.contacts],
    missions: field.missions,
    posts: field.posts,
    holders: field.holders,
    ...demoWorkplan(orgId, field.missions as { id: string; acronym: string }[]),
    affiliations,
    meetings,
    invitees,
    comments,
    settings: {
      chairMissionName: 'Permanent Mission of Sweden to the United Nations',
      chairMissionAddress: 'One Dag Hammarskjöld Plaza (fictional), New York, NY 10017',
      chairMissionEmail: 'chair.gfc@example.org',
      chairMissionPhone: '+1 212 555 0199',
      city: 'New York',
      signatoryName: 'Ingrid Exempelsson',
      signatoryTitle: 'Ambassador and Permanent Representative',
      signatoryTitleFr: 'Ambassadrice et Représentante permanente',
      documentLanguage: 'en',
    },
  }
}

/** An upcoming annual meeting with answers and a written comment, and a past teleconference. */
function demoMeetings(orgId: (key: string) => string) {
  const annual = demoId('meeting:annual-2027')
  const call = demoId('meeting:teleconference-2026-10')
  const meetings = [
    {
      id: annual,
      kind: 'annual',
      title: 'Annual meeting 2027',
      start: '2027-03-15T10:00',
      end: '2027-03-15T13:00',
      timeZone: 'America/New_York',
      city: 'New York',
      address: 'United Nations Headquarters, Conference Room 7, 405 East 42nd Street',
      onlineLink: '',
      dialIn: '',
      agenda: [
        { title: 'Opening remarks by the Chair', presenter: 'Chair', minutes: 10 },
        { title: 'Briefing by the Justice and Corrections Service', presenter: 'Justice and Corrections Service', minutes: 30 },
        { title: 'Corrections components in peace operations: needs and staffing', presenter: 'Heads of corrections components', minutes: 45 },
        { title: 'Work plan 2027–2028', presenter: 'Chair', minutes: 40 },
        { title: 'Selection of the next Chair', presenter: 'Chair', minutes: 20 },
        { title: 'Any other business', presenter: '', minutes: 15 },
      ],
      rsvpDeadline: '2027-03-01',
      rsvpContact: 'chair.gfc@example.org',
      chairOrganisationId: orgId('SE'),
      notes: 'Demo meeting.',
    },
    {
      id: call,
      kind: 'teleconference',
      title: 'Teleconference on training of corrections officers',
      start: '2026-10-08T15:00',
      end: '2026-10-08T16:30',
      timeZone: 'Europe/Stockholm',
      city: '',
      address: '',
      onlineLink: 'https://meet.example.org/gfc-training',
      dialIn: '+46 8 555 0100, code 4411',
      agenda: [{ title: 'Pre-deployment training for corrections officers', presenter: 'ZIF', minutes: 60 }],
      rsvpDeadline: '2026-10-01',
      rsvpContact: 'chair.gfc@example.org',
      chairOrganisationId: orgId('SE'),
      notes: 'Demo meeting.',
    },
  ]
  const addressees: Record<string, string> = Object.fromEntries(
    people.filter((p) => p[6] === 'permanent-representative' || p[6] === 'focal-point').map((p) => [p[5], demoId(`contact:${p[0]}`)]),
  )
  const answers: Record<string, { response: string; attendees?: string; agendaInput?: string }> = {
    SE: { response: 'accepted', attendees: 'H.E. Ms. Ingrid Exempelsson; Mr. Olof Provsson' },
    NO: { response: 'declined' },
    GH: { response: 'accepted', attendees: 'Mr. Kwame Sampleson', agendaInput: 'Proposes a briefing on pre-deployment training of seconded officers.' },
    SN: { response: 'tentative' },
    CA: { response: 'accepted', attendees: 'H.E. Ms. Marie-Claude Exemple' },
    ICRC: { response: 'accepted', attendees: 'Dr. Anne Muster' },
    JP: { response: 'no-answer' },
  }
  const active = [...states.filter((s) => !s[3]).map((s) => s[0]), ...SME_SUGGESTIONS.map((s) => s.acronym)]
  const invitees = active.flatMap((key) => [
    {
      id: demoId(`invitee:${annual}:${key}`),
      meetingId: annual,
      organisationId: orgId(key),
      addresseeId: addressees[key] ?? '',
      response: answers[key]?.response ?? 'invited',
      attendees: answers[key]?.attendees ?? '',
      attended: false,
      agendaInput: answers[key]?.agendaInput ?? '',
    },
    {
      id: demoId(`invitee:${call}:${key}`),
      meetingId: call,
      organisationId: orgId(key),
      addresseeId: addressees[key] ?? '',
      response: ['SE', 'NO', 'ZIF', 'GH'].includes(key) ? 'accepted' : 'no-answer',
      attendees: '',
      attended: ['SE', 'NO', 'ZIF', 'GH'].includes(key),
      agendaInput: '',
    },
  ])
  const comments = [
    {
      id: demoId('comment:annual-2027:NO'),
      meetingId: annual,
      organisationId: orgId('NO'),
      received: '2027-02-20',
      text: 'Norway regrets that it cannot attend the annual meeting.\n\nNorway supports the draft work plan and proposes that the Group consider a joint training module for corrections officers seconded to field missions, in cooperation with the Justice and Corrections Service.',
      attachmentPath: '',
    },
  ]
  return { meetings, invitees, comments }
}

/** Loads the demo into an empty profile only, so it never mixes with real data. */
export function loadDemo(store: Store): ImportSummary {
  const used = EXPORTED_TABLES.some((t) => Object.keys(store.tables[t]).length > 0)
  if (used) throw new AppError('conflict', 'The demo data can only be loaded into an empty profile. Use a new data folder (gfc --data DIR demo).')
  return importDocument(store, demoDocument())
}
