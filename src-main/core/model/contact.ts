import { z } from 'zod'
import { email, Language, list, multilineText, optionalDate, phone, requiredText, ruleOn, text, Uuid } from './fields'

/** Offered in the form; any other honorific may be typed. */
export const HONORIFICS = ['H.E. Mr.', 'H.E. Ms.', 'H.E.', 'Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Col.', 'Gen.'] as const

export const ContactFields = z.object({
  honorific: text(40).default(''),
  givenName: text(100).default(''),
  familyName: requiredText(100),
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

export type Affiliation = AffiliationFields & { id: string; deleted: boolean; updatedAt: string }

export type Contact = ContactFields & {
  id: string
  deleted: boolean
  updatedAt: string
  /** Current and past links to members, newest first, with the member's display name. */
  affiliations: (Affiliation & { organisationName: string; current: boolean })[]
}

export function fullName(c: Pick<ContactFields, 'honorific' | 'givenName' | 'familyName'>): string {
  return [c.honorific, c.givenName, c.familyName].filter(Boolean).join(' ')
}
