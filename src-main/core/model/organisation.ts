import { z } from 'zod'
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

export const SmeFields = z.object({
  kind: z.literal('sme'),
  name: requiredText(200),
  nameFr: text(200).default(''),
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
  /** English and French display names; for a Member State they come from the reference list. */
  displayName: string
  displayNameFr: string
  regionalGroup: RegionalGroup | null
}
