import { z } from 'zod'
import type { Dashboard, DelegationResult, FoundRecord } from './model/desk'
import { list, text, Uuid } from './model/fields'
import { InviteeChanges, type MeetingDetail } from './model/meeting'
import { Stamps } from './model/stamps'

// The everyday desk's part of the contract (merged into api.ts): finding any record, the home
// dashboard, and work on many invitees at once.

export const deskInputs = {
  /** Members, contacts, meetings, activities, missions, posts and holders whose text holds every word of `query`, best first. */
  'desk.find': z.object({ query: text(200), limit: z.number().int().positive().max(200).default(30) }),
  'desk.dashboard': z.object({}),
  /** The same answers for several invitees of one meeting, in one change; `seen` holds each one's stamps as shown. */
  'invitees.updateMany': z.object({ ids: list(Uuid, 1000).min(1, 'validation.required'), changes: InviteeChanges.omit({ addresseeId: true }), seen: z.record(Uuid, Stamps) }),
  /** Adds people to their member's delegation ("who will attend"), inviting the member when it is not. */
  'invitees.addToDelegations': z.object({ meetingId: Uuid, contactIds: list(Uuid, 10_000).min(1, 'validation.required') }),
} as const

export interface DeskResults {
  'desk.find': FoundRecord[]
  'desk.dashboard': Dashboard
  'invitees.updateMany': MeetingDetail
  'invitees.addToDelegations': DelegationResult
}
