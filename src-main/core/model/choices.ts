import { ContactRole } from './contact'
import type { Language } from './fields'
import { Response } from './meeting'
import { MemberStatus } from './organisation'
import { RegionalGroup, SmeCategory } from './reference'

// The names of the closed choices in English and French, for the core's own tables (spreadsheet
// exports) and for reading them back from a spreadsheet in either language. The UI's locale
// files say the same; tests/unit/import.test.ts checks that they agree.

type Names<K extends string> = Record<K, Record<Language, string>>

export const CHOICE_NAMES = {
  kind: { state: { en: 'Member State', fr: 'État Membre' }, sme: { en: 'Expert organisation', fr: 'Organisation experte' } } as Names<'state' | 'sme'>,
  status: { active: { en: 'Active', fr: 'Actif' }, former: { en: 'Former', fr: 'Ancien' } } as Names<MemberStatus>,
  category: {
    'un-entity': { en: 'UN entity', fr: 'Entité des Nations Unies' },
    ngo: { en: 'NGO / civil society', fr: 'ONG / société civile' },
    'training-institute': { en: 'Training institute', fr: 'Institut de formation' },
    'advocacy-group': { en: 'Advocacy group', fr: 'Groupe de plaidoyer' },
    'development-agency': { en: 'Development agency', fr: 'Agence de développement' },
    'regional-organisation': { en: 'Regional organisation', fr: 'Organisation régionale' },
  } as Names<SmeCategory>,
  role: {
    'permanent-representative': { en: 'Permanent Representative', fr: 'Représentant permanent' },
    'deputy-permanent-representative': { en: 'Deputy Permanent Representative', fr: 'Représentant permanent adjoint' },
    'focal-point': { en: 'Focal point', fr: 'Point focal' },
    counsellor: { en: 'Counsellor', fr: 'Conseiller' },
    'corrections-service': { en: 'Corrections service', fr: 'Service pénitentiaire' },
    other: { en: 'Other', fr: 'Autre' },
  } as Names<ContactRole>,
  language: { en: { en: 'English', fr: 'Anglais' }, fr: { en: 'French', fr: 'Français' } } as Names<Language>,
  response: {
    invited: { en: 'Invited', fr: 'Invité' },
    accepted: { en: 'Accepted', fr: 'Accepté' },
    declined: { en: 'Declined', fr: 'Décliné' },
    tentative: { en: 'Tentative', fr: 'Incertain' },
    'no-answer': { en: 'No answer', fr: 'Sans réponse' },
  } as Names<Response>,
  regionalGroup: {
    african: { en: 'African States', fr: 'États d\'Afrique' },
    'asia-pacific': { en: 'Asia-Pacific States', fr: 'États d\'Asie et du Pacifique' },
    'eastern-european': { en: 'Eastern European States', fr: 'États d\'Europe orientale' },
    'latin-american-caribbean': { en: 'Latin American and Caribbean States', fr: 'États d\'Amérique latine et des Caraïbes' },
    weog: { en: 'Western European and other States', fr: 'États d\'Europe occidentale et autres États' },
  } as Names<RegionalGroup>,
}
export type Choice = keyof typeof CHOICE_NAMES

/** The name of a choice's value in a language (the value itself when it has none). */
export function choiceName<C extends Choice>(choice: C, value: string, lang: Language): string {
  const names = CHOICE_NAMES[choice] as Record<string, Record<Language, string>>
  return Object.hasOwn(names, value) ? names[value][lang] : value
}

// Checked at load: every value of each enum has its names.
for (const [choice, values] of [['status', MemberStatus.options], ['category', SmeCategory.options], ['role', ContactRole.options], ['response', Response.options], ['regionalGroup', RegionalGroup.options]] as const) {
  for (const v of values) if (!Object.hasOwn(CHOICE_NAMES[choice], v)) throw new Error(`CHOICE_NAMES.${choice} lacks ${v}`)
}
