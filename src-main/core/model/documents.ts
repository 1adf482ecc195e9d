import { z } from 'zod'
import { list, Uuid } from './fields'

// Document work shared by the core and the UI: which members an issue goes to, and its results.

/**
 * Which invitees receive this issue: those not yet sent an invitation for the meeting (the
 * default: a member added late gets its letter alone), all of them, or the ones chosen.
 * The convening Chair is never sent one: it signs the letter.
 */
export const IssueSelection = z.object({
  select: z.enum(['new', 'all', 'chosen']).default('new'),
  /** For 'chosen': the members (organisation ids). */
  organisationIds: list(Uuid, 1000).default([]),
})
export type IssueSelection = z.output<typeof IssueSelection>

/** Before the meeting, the list of participants names those who accepted; after it, those who attended. */
export const ParticipantsMode = z.enum(['accepted', 'attended'])
export type ParticipantsMode = z.infer<typeof ParticipantsMode>

/** One invitee as the issue would treat it, shown to the secretary before generating. */
export interface PreviewRow {
  inviteeId: string
  organisation: { id: string; kind: 'state' | 'sme'; en: string; fr: string }
  addressee: string
  language: 'en' | 'fr'
  /** Whether this issue sends it an invitation; only those selected get a reference and a file. */
  selected: boolean
  /** The convening Chair's own member: never sent one. */
  chair: boolean
  reference: string
  fileName: string
  issuedBefore: { reference: string; issuedOn: string; form: 'letter' | 'note-verbale'; language: 'en' | 'fr' }[]
}

/**
 * What the secretary should know before generating: members with no contact to address (the
 * invitation goes to their Permanent Mission), members already sent one (the log keeps both),
 * the Chair on its own invitee list, dates that are past or out of order, and French letters
 * that use English text where no French was given.
 */
export interface Preview {
  rows: PreviewRow[]
  withoutAddressee: string[]
  alreadyIssued: string[]
  /** The convening Chair, when it is on the invitee list (it is sent nothing). */
  chairInvited: string[]
  dates: { meetingPast: boolean; rsvpPast: boolean; rsvpAfterMeeting: boolean }
  /** The meeting's texts with no French ("title", "venue", "agenda 2"), and the members whose French letter uses the English. */
  frenchFallback: { fields: string[]; members: string[] }
}

/** A batch of documents written in the background: poll it for progress. */
export interface JobStatus {
  id: string
  state: 'running' | 'done' | 'failed'
  done: number
  total: number
  folder: string
  files: string[]
  message: string
}

/** A secretary's own Word template and the placeholders it uses. */
export interface TemplateInfo {
  name: string
  placeholders: string[]
}
