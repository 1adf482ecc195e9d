import { z } from 'zod'
import type { Stamps } from './stamps'
import { multilineText, optionalDate, optionalEmail, optionalUrl, phone, requiredText, text } from './fields'
import { isMemberStateCode, SmeCategory, type RegionalGroup } from './reference'

export const MemberStatus = z.enum(['active', 'former'])
export type MemberStatus = z.infer<typeof MemberStatus>

// Fields every member has. For a Member State, address/phone/email are its Permanent Mission's.
const common = {
  status: MemberStatus.default('active'),
  joined: optionalDate.default(''),
  address: multilineText(500).default(''),
  phone: phone.default(''),
  email: optionalEmail.default(''),
  website: optionalUrl.default(''),
  notes: multilineText(4000).default(''),
}

export const MemberStateFields = z.object({
  kind: z.literal('state'),
  countryCode: z.string().refine(isMemberStateCode, 'validation.unknownCountry'),
  correctionsService: text(200).default(''),
  correctionsServiceEmail: optionalEmail.default(''),
  correctionsServicePhone: phone.default(''),
  ...common,
})

/**
 * The article of an organisation's French name, for "au", "du", "à la"…: le (masculine), la
 * (feminine), l' (before a vowel), les (plural), or none ("Penal Reform International").
 */
export const FrenchArticle = z.enum(['le', 'la', 'l', 'les', 'none'])
export type FrenchArticle = z.infer<typeof FrenchArticle>

// The head nouns of organisations' French names; a name that starts with none of them is a
// proper name ("Penal Reform International", "EuroPris") and takes no article.
const MASCULINE = /^(comité|centre|institut|bureau|programme|fonds|conseil|office|réseau|secrétariat|département|service|groupe|forum|mouvement|partenariat)(?=[\s,]|$)/i
const FEMININE = /^(association|organisation|commission|communauté|fédération|fondation|agence|académie|autorité|banque|cour|direction|division|école|force|mission|société|union|université|conférence|coalition|alliance|ligue|plateforme|initiative)(?=[\s,]|$)/i
const PLURAL = /^(nations|états|amis)(?=[\s,]|$)/i

/** The article a French name most likely takes: offered in the form, and used when none was stored. */
export function guessFrenchArticle(nameFr: string): FrenchArticle {
  const name = nameFr.trim()
  if (PLURAL.test(name)) return 'les'
  const masculine = MASCULINE.test(name)
  if (!masculine && !FEMININE.test(name)) return 'none'
  if (/^[aeiouyhâàéèêîïôûœ]/i.test(name)) return 'l'
  return masculine ? 'le' : 'la'
}

export const SmeFields = z.object({
  kind: z.literal('sme'),
  name: requiredText(200),
  nameFr: text(200).default(''),
  /** Unset in records from before it was asked: `guessFrenchArticle` of the French name. */
  articleFr: FrenchArticle.optional(),
  acronym: text(30).default(''),
  category: SmeCategory,
  ...common,
})

export const OrganisationFields = z.discriminatedUnion('kind', [MemberStateFields, SmeFields])
export type OrganisationFields = z.output<typeof OrganisationFields>
export type OrganisationFieldsInput = z.input<typeof OrganisationFields>

export type Organisation = OrganisationFields & {
  id: string
  deleted: boolean
  updatedAt: string
  stamps: Stamps
  /** English and French display names; for a Member State they come from the reference list. */
  displayName: string
  displayNameFr: string
  regionalGroup: RegionalGroup | null
}
