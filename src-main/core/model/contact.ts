import { z } from 'zod'
import type { Stamps } from './stamps'
import { email, Language, list, multilineText, optionalDate, phone, requiredText, ruleOn, text, Uuid } from './fields'

/** Offered in the form; any other honorific may be typed. */
export const HONORIFICS = ['H.E. Mr.', 'H.E. Ms.', 'H.E.', 'Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Col.', 'Gen.'] as const

/** How a letter addresses the person: as a man (Sir, Monsieur), a woman (Madam, Madame), or by name only. */
export const AddressForm = z.enum(['male', 'female', 'neutral'])
export type AddressForm = z.infer<typeof AddressForm>

export const ContactFields = z.object({
  honorific: text(40).default(''),
  givenName: text(100).default(''),
  familyName: requiredText(100),
  /** Separate from the honorific, so that "Dr." does not decide it; unset: what the honorific says. */
  addressForm: AddressForm.optional(),
  /** Family name first (Chinese, Korean, Japanese, Hungarian, Vietnamese): "WANG Wei", "Mr. Wang". */
  familyNameFirst: z.boolean().default(false),
  emails: list(email, 10).default([]),
  phones: list(phone.min(1, 'validation.required'), 10).default([]),
  language: Language.default('en'),
  notes: multilineText(4000).default(''),
})
export type ContactFields = z.output<typeof ContactFields>
export type ContactFieldsInput = z.input<typeof ContactFields>

/** What a person does for a member; addressees of invitations are chosen by role. */
export const ContactRole = z.enum([
  'permanent-representative',
  'deputy-permanent-representative',
  'focal-point',
  'counsellor',
  'corrections-service',
  'other',
])
export type ContactRole = z.infer<typeof ContactRole>

// A person is linked to a member through an affiliation, so that the same person
// can be a contact of several members over time and the history is kept.
export const AffiliationFields = z
  .object({
    contactId: Uuid,
    organisationId: Uuid,
    role: ContactRole.default('other'),
    position: text(200).default(''),
    start: optionalDate.default(''),
    end: optionalDate.default(''),
  })
  .refine((a) => !a.start || !a.end || a.start <= a.end, ruleOn(['start', 'end'], 'validation.endBeforeStart'))
export type AffiliationFields = z.output<typeof AffiliationFields>
export type AffiliationFieldsInput = z.input<typeof AffiliationFields>

/** A link is current until its end date has passed (the end date itself still counts). */
export function isCurrent(a: Pick<AffiliationFields, 'end'>, today: string): boolean {
  return !a.end || a.end >= today
}

export type Affiliation = AffiliationFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }

export type Contact = ContactFields & {
  id: string
  deleted: boolean
  updatedAt: string
  stamps: Stamps
  /** Current and past links to members, newest first, with the member's display name. */
  affiliations: (Affiliation & { organisationName: string; current: boolean })[]
}

/** What an honorific says of the form of address: "Mr." a man, "Ms." a woman, "Dr." or "H.E." nothing. */
export function addressFormOf(honorific: string): AddressForm {
  const h = honorific.trim().toLowerCase().replace(/\s+/g, ' ')
  if (/^(h\.? ?e\.? |s\.? ?e\.? |his excellency |son excellence )?(mr|m|monsieur)\.?$/.test(h) || /^his excellency\b/.test(h)) return 'male'
  if (/^(h\.? ?e\.? |s\.? ?e\.? |son excellence )?(ms|mrs|miss|mme|madame|mlle|mademoiselle)\.?$/.test(h) || /^her excellency\b/.test(h)) return 'female'
  return 'neutral'
}

/** The person's given and family names in their order: "Anna Exempel", "Wang Wei" (family name first). */
export function personName(c: Pick<ContactFields, 'givenName' | 'familyName'> & { familyNameFirst?: boolean }): string {
  const names = c.familyNameFirst ? [c.familyName, c.givenName] : [c.givenName, c.familyName]
  return names.map((n) => n.trim()).filter(Boolean).join(' ')
}

export function fullName(c: Pick<ContactFields, 'honorific' | 'givenName' | 'familyName'> & { familyNameFirst?: boolean }): string {
  return [c.honorific.trim(), personName(c)].filter(Boolean).join(' ')
}
