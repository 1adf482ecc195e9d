import { REFERENCE_MISSIONS, referenceFields } from '../model/missions-reference'
import { demoId } from './ids'
import { today } from './records'

// The field part of the demo: the reference missions, posts in five open missions, and
// fictional post holders (example.org addresses) seconded by members of the demo Group, by a
// state outside it, and one UN staff member; with a predecessor who left, a vacant post, and
// checks old enough to be listed as stale. Checks are dated back from today, so that the demo
// always shows some records fresh and some to verify.

function daysAgo(n: number): string {
  const d = new Date(`${today()}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - n)
  return d.toISOString().slice(0, 10)
}

const CHECKER = 'Olof Provsson'

/** Missions checked how many days ago (the others: as the reference list has them). */
const MISSION_CHECKS: Record<string, number> = { MINUSCA: 20, UNMISS: 35, MONUSCO: 50, UNMIK: 12, BINUH: 28, UNISFA: 95, UNAMA: 110, UNSMIL: 250 }

type Person = [key: string, honorific: string, given: string, family: string, language: 'en' | 'fr', phone: string]

const people: Person[] = [
  ['exemplaire', 'Ms.', 'Geneviève', 'Exemplaire', 'fr', '+236 75 55 01 01'],
  ['provare', 'Mr.', 'Lars', 'Provare', 'en', '+46 8 555 010 20'],
  ['eksempeldal', 'Ms.', 'Ingrid', 'Eksempeldal', 'en', '+236 75 55 01 02'],
  ['ndiaye', 'Mr.', 'Moussa', 'Ndiaye-Exemple', 'fr', '+236 75 55 01 03'],
  ['urugero', 'Mr.', 'Jean-Paul', 'Urugero', 'fr', '+236 75 55 01 04'],
  ['salma', 'Ms.', 'سلمى', 'النموذجي', 'en', '+211 920 555 001'],
  ['demoah', 'Ms.', 'Akosua', 'Demoah', 'en', '+211 920 555 002'],
  ['mfano', 'Mr.', 'Otieno', 'Mfano', 'en', '+211 920 555 003'],
  ['exempelberg', 'Mr.', 'Erik', 'Exempelberg', 'en', '+243 81 555 0101'],
  ['sarr', 'Ms.', 'Fatou', 'Sarr-Exemple', 'fr', '+243 81 555 0102'],
  ['li', 'Mr.', '示范', '李', 'en', '+243 81 555 0103'],
  ['beispielmann', 'Ms.', 'Lena', 'Beispielmann', 'en', '+383 38 555 010'],
  ['modele', 'Ms.', 'Awa', 'Modèle', 'fr', '+509 2 555 0101'],
]

type Post = [key: string, mission: string, title: string, titleFr: string, dutyStation: string, head: boolean, checkedDaysAgo: number]

const posts: Post[] = [
  ['minusca-head', 'MINUSCA', 'Head of the Justice and Corrections Component', 'Chef de la Composante justice et administration pénitentiaire', 'Bangui', true, 20],
  ['minusca-sco-bangui', 'MINUSCA', 'Senior Corrections Officer', 'Spécialiste principal des questions pénitentiaires', 'Bangui', false, 20],
  ['minusca-co-bangui', 'MINUSCA', 'Corrections Officer', 'Spécialiste des questions pénitentiaires', 'Bangui', false, 20],
  ['minusca-co-bria', 'MINUSCA', 'Corrections Officer', 'Spécialiste des questions pénitentiaires', 'Bria', false, 20],
  ['unmiss-head', 'UNMISS', 'Chief of the Corrections Advisory Section', 'Chef de la Section consultative des questions pénitentiaires', 'Juba', true, 35],
  ['unmiss-sco-juba', 'UNMISS', 'Senior Corrections Officer', 'Spécialiste principal des questions pénitentiaires', 'Juba', false, 35],
  ['unmiss-co-malakal', 'UNMISS', 'Corrections Officer', 'Spécialiste des questions pénitentiaires', 'Malakal', false, 35],
  ['monusco-sco-goma', 'MONUSCO', 'Senior Corrections Officer', 'Spécialiste principal des questions pénitentiaires', 'Goma', false, 50],
  ['monusco-co-bunia', 'MONUSCO', 'Corrections Officer', 'Spécialiste des questions pénitentiaires', 'Bunia', false, 220],
  ['monusco-co-kinshasa', 'MONUSCO', 'Corrections Officer', 'Spécialiste des questions pénitentiaires', 'Kinshasa', false, 50],
  ['unmik-adviser', 'UNMIK', 'Rule of Law Liaison Officer (Corrections)', 'Officier de liaison pour l’état de droit (questions pénitentiaires)', 'Pristina', false, 12],
  ['binuh-adviser', 'BINUH', 'Corrections Adviser', 'Conseiller pour les questions pénitentiaires', 'Port-au-Prince', false, 28],
]

/** [post, person, start, end, seconded by ('' for UN staff), checked days ago (null: never)] */
type Holding = [post: string, person: string, start: string, end: string, secondedBy: string, checkedDaysAgo: number | null]

const holdings: Holding[] = [
  ['minusca-head', 'exemplaire', '2023-09-01', '', 'CA', 40],
  ['minusca-sco-bangui', 'provare', '2021-02-01', '2024-01-31', 'SE', 1100],
  ['minusca-sco-bangui', 'eksempeldal', '2024-02-01', '', 'NO', 200],
  ['minusca-co-bangui', 'ndiaye', '2025-03-15', '', 'SN', 10],
  ['minusca-co-bria', 'urugero', '2024-06-01', '', 'RW', null],
  ['unmiss-head', 'salma', '2022-05-01', '', '', 60],
  ['unmiss-sco-juba', 'demoah', '2023-01-10', '', 'GH', 300],
  ['unmiss-co-malakal', 'mfano', '2025-01-20', '', 'KE', 15],
  ['monusco-sco-goma', 'exempelberg', '2022-10-01', '', 'SE', 90],
  ['monusco-co-bunia', 'sarr', '2020-07-01', '2025-06-30', 'SN', 520],
  ['monusco-co-kinshasa', 'li', '2024-04-01', '', 'CN', 190],
  ['unmik-adviser', 'beispielmann', '2024-09-01', '', 'DE', 5],
  ['binuh-adviser', 'modele', '2025-08-01', '', 'SN', 30],
]

const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '')

export function demoMissions(_orgId: (key: string) => string): { missions: object[]; posts: object[]; holders: object[]; contacts: object[] } {
  const checked = (days: number | null) => (days === null ? { verifiedOn: '', verifiedBy: '' } : { verifiedOn: daysAgo(days), verifiedBy: CHECKER })
  const missionId = (acronym: string) => demoId(`mission:${acronym}`)
  return {
    missions: REFERENCE_MISSIONS.map((m) => ({
      id: missionId(m.acronym),
      ...referenceFields(m),
      ...(m.acronym in MISSION_CHECKS ? checked(MISSION_CHECKS[m.acronym]) : {}),
    })),
    posts: posts.map(([key, mission, title, titleFr, dutyStation, head, days]) => ({
      id: demoId(`post:${key}`),
      missionId: missionId(mission),
      title,
      titleFr,
      dutyStation,
      head,
      notes: 'Demo post.',
      ...checked(days),
    })),
    contacts: people.map(([key, honorific, givenName, familyName, language, phone]) => ({
      id: demoId(`contact:field:${key}`),
      honorific,
      givenName,
      familyName,
      // A name in Chinese characters is said family name first (李 示范).
      familyNameFirst: /\p{Script=Han}/u.test(familyName),
      language,
      emails: [`${slug(`${givenName} ${familyName}`) || key}@example.org`],
      phones: [phone],
      notes: 'Fictional corrections officer (demo data).',
    })),
    holders: holdings.map(([post, person, start, end, secondedBy, days]) => ({
      id: demoId(`holder:${post}:${person}`),
      postId: demoId(`post:${post}`),
      contactId: demoId(`contact:field:${person}`),
      start,
      end,
      secondedBy,
      notes: secondedBy ? '' : 'UN staff member (not seconded).',
      ...checked(days),
    })),
  }
}
