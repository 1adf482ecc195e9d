import { z } from 'zod'
import type { Stamps } from './stamps'
import { ContactFields } from './contact'
import { isoDate, multilineText, optionalDate, requiredText, ruleOn, text, Uuid, type Language } from './fields'

/** Every field record says when it was last checked and by whom. */
const verification = {
  verifiedOn: optionalDate.default(''),
  verifiedBy: text(200).default(''),
}

/** A record not verified for this many months is stale and listed for checking. */
export const STALE_AFTER_MONTHS = 6

/** True when the record was never verified, or last verified more than six months before `today`. */
export function isStale(verifiedOn: string, today: string): boolean {
  if (!verifiedOn) return true
  const limit = new Date(`${today}T00:00:00Z`)
  limit.setUTCMonth(limit.getUTCMonth() - STALE_AFTER_MONTHS)
  return verifiedOn < limit.toISOString().slice(0, 10)
}

export const MissionKind = z.enum(['peacekeeping', 'political'])
export type MissionKind = z.infer<typeof MissionKind>
export const MissionStatus = z.enum(['open', 'closed'])
export type MissionStatus = z.infer<typeof MissionStatus>

/** A UN peace operation with a justice and corrections component. */
export const MissionFields = z
  .object({
    acronym: requiredText(20),
    nameEn: requiredText(300),
    nameFr: text(300).default(''),
    /** Country or territory: "Central African Republic", "Abyei". */
    location: requiredText(200),
    kind: MissionKind,
    /** The lead department at Headquarters: "DPO" or "DPPA". */
    leadDepartment: text(100).default(''),
    status: MissionStatus.default('open'),
    start: optionalDate.default(''),
    end: optionalDate.default(''),
    notes: multilineText(4000).default(''),
    ...verification,
  })
  .refine((m) => !m.start || !m.end || m.end >= m.start, ruleOn(['start', 'end'], 'validation.endBeforeStart'))
export type MissionFields = z.output<typeof MissionFields>
export type MissionFieldsInput = z.input<typeof MissionFields>

/** A role in a mission, apart from whoever holds it. */
export const PostFields = z.object({
  missionId: Uuid,
  title: requiredText(200),
  titleFr: text(200).default(''),
  /** Where the post sits: "Bangui", "Juba". */
  dutyStation: text(100).default(''),
  /** The head of the mission's justice and corrections component. */
  head: z.boolean().default(false),
  notes: multilineText(4000).default(''),
  ...verification,
})
export type PostFields = z.output<typeof PostFields>
export type PostFieldsInput = z.input<typeof PostFields>

/** A person holding a post from a date to a date; the holders of a post are its history. */
export const holderShape = {
  postId: Uuid,
  /** The person: a contact, with their e-mail, phones and preferred language. */
  contactId: Uuid,
  start: isoDate,
  end: optionalDate.default(''),
  /** ISO 3166 alpha-2 code of the Member State that seconded the officer (a member of the
   *  Group or not); empty when not seconded (UN staff). */
  secondedBy: z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/, 'validation.unknownCountry')]).default(''),
  notes: multilineText(4000).default(''),
  ...verification,
}
const holderDates = (h: { start: string; end: string }) => !h.end || h.end >= h.start
export const HolderFields = z.object(holderShape).refine(holderDates, ruleOn(['start', 'end'], 'validation.endBeforeStart'))
export type HolderFields = z.output<typeof HolderFields>
export type HolderFieldsInput = z.input<typeof HolderFields>

/** A new holder: an existing contact, or a new person created with the holding. */
export const NewHolder = z
  .object({
    ...holderShape,
    contactId: z.union([z.literal(''), Uuid]).default(''),
    contact: ContactFields.optional(),
    /** End the current holder's term the day before this one starts, instead of refusing the overlap. */
    closePrevious: z.boolean().default(false),
  })
  .refine(holderDates, ruleOn(['start', 'end'], 'validation.endBeforeStart'))
  .refine((h) => h.contactId || h.contact, { message: 'validation.required', path: ['contactId'] })
export type NewHolder = z.output<typeof NewHolder>
export type NewHolderInput = z.input<typeof NewHolder>

/** The field records that carry a verification. */
export const FieldTable = z.enum(['missions', 'posts', 'holders'])
export type FieldTable = z.infer<typeof FieldTable>

export type Mission = MissionFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }
export type Post = PostFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }

/** A post's title in a language (English when it has no French one). */
export function postTitle(p: Pick<PostFields, 'title' | 'titleFr'>, language: Language): string {
  return language === 'fr' ? p.titleFr || p.title : p.title
}

/** A post as people tell it apart from others of the same title: "Corrections Officer, Bria". */
export function postLabel(p: Pick<PostFields, 'title' | 'titleFr' | 'dutyStation'>, language: Language): string {
  const title = postTitle(p, language)
  return p.dutyStation ? `${title}, ${p.dutyStation}` : title
}
export type Holder = HolderFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }

/** A mission as other records point at it. */
export interface MissionRef {
  id: string
  acronym: string
  nameEn: string
  nameFr: string
  status: MissionStatus
}

/** The seconding Member State of a holder, and whether it is a member of the Group. */
export interface SecondingRef {
  code: string
  en: string
  fr: string
  /** The Group member (organisation) for this state, when there is one. */
  organisationId: string | null
}

export type HolderView = Holder & {
  contact: { id: string; name: string; emails: string[]; phones: string[]; language: 'en' | 'fr' }
  seconding: SecondingRef | null
  /** Holds the post today (started, not ended). */
  current: boolean
  stale: boolean
}

export type PostView = Post & {
  stale: boolean
  /** Every holder, newest first: the post's history. */
  holders: HolderView[]
}

export type MissionSummary = Mission & {
  stale: boolean
  posts: number
  /** Posts with a current holder. */
  filled: number
  /** Officers holding a post today. */
  officers: number
  /** Stale records in this mission: the mission itself, its posts and its holders. */
  staleCount: number
}

export type MissionDetail = Mission & { stale: boolean; posts: PostView[] }

/** A record that needs checking, in the "to verify" list. */
export interface StaleItem {
  table: FieldTable
  id: string
  /** What the record is, in each language: "MINUSCA", "Corrections Officer, Bangui", "Jane Doe (Corrections Officer, Bria)". */
  label: Record<Language, string>
  verifiedOn: string
  verifiedBy: string
}

export interface StaleByMission {
  mission: MissionRef
  items: StaleItem[]
}

/** How many officers one state contributes: today, and at the end of each year. */
export interface SecondmentRow {
  seconding: SecondingRef
  current: number
  /** Year ("2024") → officers holding a post on 31 December of that year (today for this year). */
  byYear: Record<string, number>
}

/** A field contact in the search across all missions. */
export interface FieldContactView {
  holder: HolderView
  post: { id: string; title: string; titleFr: string; dutyStation: string }
  mission: MissionRef
}
