import { z } from 'zod'
import type { Stamps } from './stamps'
import { isoDate, Language, list, localDateTime, multilineText, optionalDate, optionalUrl, requiredMultilineText, requiredText, ruleOn, text, Uuid } from './fields'

export const MeetingKind = z.enum(['annual', 'regular', 'teleconference', 'side-event', 'ad-hoc'])
export type MeetingKind = z.infer<typeof MeetingKind>


export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return tz.includes('/') || tz === 'UTC'
  } catch {
    return false
  }
}

export const AgendaItem = z.object({
  title: requiredText(300),
  /** The title in French; French documents use the English one when empty. */
  titleFr: text(300).default(''),
  presenter: text(200).default(''),
  minutes: z.number().int('validation.wholeNumber').min(0, 'validation.range').max(600, 'validation.range').default(0),
})
export type AgendaItem = z.output<typeof AgendaItem>

export const MeetingFields = z
  .object({
    kind: MeetingKind.default('regular'),
    title: requiredText(200),
    /** French documents use these when given, else the English ones (title, city, address). */
    titleFr: text(200).default(''),
    /** Wall-clock times in the meeting's own time zone: "2027-03-15T10:00". */
    start: localDateTime,
    end: localDateTime,
    // IANA names are short; a long string is refused before ICU spends seconds on it (found by the fuzz test).
    timeZone: z.string().max(64, { message: 'validation.timeZone', abort: true }).refine(isTimeZone, 'validation.timeZone'),
    city: text(100).default(''),
    address: multilineText(500).default(''),
    cityFr: text(100).default(''),
    addressFr: multilineText(500).default(''),
    onlineLink: optionalUrl.default(''),
    dialIn: multilineText(300).default(''),
    agenda: list(AgendaItem, 60).default([]),
    rsvpDeadline: optionalDate.default(''),
    rsvpContact: text(300).default(''),
    /** The Member State that convenes the meeting (the Chair at the time). */
    chairOrganisationId: z.union([z.literal(''), Uuid]).default(''),
    notes: multilineText(4000).default(''),
    /**
     * Rises each time the meeting's time or place changes, so that calendars update the event
     * (iCalendar SEQUENCE). Kept by the core: what a form sends is replaced.
     */
    sequence: z.number().int().min(0).default(0),
  })
  .refine((m) => m.end > m.start, ruleOn(['start', 'end'], 'validation.endBeforeStart'))
  .refine((m) => m.city || m.address || m.onlineLink, { message: 'validation.venueOrLink', path: ['city'] })
export type MeetingFields = z.output<typeof MeetingFields>
export type MeetingFieldsInput = z.input<typeof MeetingFields>

export const Response = z.enum(['invited', 'accepted', 'declined', 'tentative', 'no-answer'])
export type Response = z.infer<typeof Response>

const answers = {
  /** The contact the invitation is addressed to; empty when the member has none yet. */
  addresseeId: z.union([z.literal(''), Uuid]),
  response: Response,
  /** Who will attend, as the member told us. */
  attendees: text(1000),
  attended: z.boolean(),
  /** The member's input to the agenda. */
  agendaInput: multilineText(4000),
}

/** One member invited to one meeting: whom the invitation is addressed to, and what came back. */
export const InviteeFields = z.object({
  meetingId: Uuid,
  organisationId: Uuid,
  addresseeId: answers.addresseeId.default(''),
  response: answers.response.default('invited'),
  attendees: answers.attendees.default(''),
  attended: answers.attended.default(false),
  agendaInput: answers.agendaInput.default(''),
})
export type InviteeFields = z.output<typeof InviteeFields>

/** What may change on an invitee; fields left out stay as they are (no defaults here). */
export const InviteeChanges = z.object(answers).partial()
export type InviteeChanges = z.output<typeof InviteeChanges>

/** Written comments from a member who will not attend, for the Chair to table at the meeting. */
export const CommentFields = z.object({
  meetingId: Uuid,
  organisationId: Uuid,
  text: requiredMultilineText(20000),
  received: optionalDate.default(''),
  /** Where the member's own document is kept, if any (a path on this computer). */
  attachmentPath: text(1000).default(''),
})
export type CommentFields = z.output<typeof CommentFields>

export const InvitationForm = z.enum(['letter', 'note-verbale'])
export type InvitationForm = z.infer<typeof InvitationForm>

/** One line of the issue log: what was sent to whom. */
export const IssuanceFields = z.object({
  meetingId: Uuid,
  organisationId: Uuid,
  addresseeId: z.union([z.literal(''), Uuid]),
  form: InvitationForm,
  language: Language,
  reference: requiredText(100),
  issuedOn: isoDate,
  fileName: text(300),
})
export type IssuanceFields = z.output<typeof IssuanceFields>

export type Meeting = MeetingFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }
export type Invitee = InviteeFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }
export type Comment = CommentFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }
export type Issuance = IssuanceFields & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps }

/** A member as a meeting's screens show it. */
export interface MemberRef {
  id: string
  kind: 'state' | 'sme'
  en: string
  fr: string
}

/** A person an invitation can be addressed to. */
export interface AddresseeRef {
  id: string
  name: string
  role: string
  position: string
  language: Language
}

export type InviteeView = Invitee & {
  organisation: MemberRef
  addressee: AddresseeRef | null
  /** The member's current contacts, to choose the addressee from. */
  candidates: AddresseeRef[]
  /** The invitation's language: the addressee's, else the Settings' document language. */
  language: Language
}

export type CommentView = Comment & { organisation: MemberRef }
export type IssuanceView = Issuance & { organisation: MemberRef }

export type MeetingSummary = Meeting & { counts: Record<Response, number> & { attended: number; total: number } }

export type MeetingDetail = Meeting & {
  invitees: InviteeView[]
  comments: CommentView[]
  issuances: IssuanceView[]
  /** Active members not on the invitee list that joined since the meeting was planned: offered to invite. */
  lateMembers: MemberRef[]
}
