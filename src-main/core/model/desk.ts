import type { ChairTermView } from './chair'
import type { MeetingDetail, MeetingSummary, MemberRef } from './meeting'
import type { MissionRef } from './mission'
import type { ActivityView } from './workplan'

// The everyday desk's views: finding any record by name, and the home dashboard.

/** Words in both working languages (a member, a post title); equal when a name has one form. */
export interface Bilingual {
  en: string
  fr: string
}

/** The kinds of record the search across everything finds. */
export type FoundKind = 'member' | 'contact' | 'meeting' | 'activity' | 'mission' | 'post' | 'holder'

/** One record found: what it is, its name, a line of context, and the record whose page shows it. */
export interface FoundRecord {
  kind: FoundKind
  id: string
  /** The page to open: the record itself, or for a post or a holder, its mission. */
  openId: string
  name: Bilingual
  note: Bilingual
}

/** A record changed recently, named as the page that shows it (an answer to an invitation is its meeting's). */
export interface RecentChange {
  kind: 'member' | 'contact' | 'meeting' | 'activity' | 'mission' | 'chair'
  id: string
  name: Bilingual
  /** When, as an ISO instant (the hybrid clock's time of the change). */
  at: string
  deleted: boolean
}

/** What the home screen shows: the day's work at a glance. */
export interface Dashboard {
  today: string
  /** The first meeting that has not ended, with its answers so far. */
  nextMeeting: MeetingSummary | null
  /** Active members whose invitation would go to the mission: no Permanent Representative or focal point. */
  withoutAddressee: MemberRef[]
  /** Open missions' records to verify, per mission. */
  toVerify: { mission: MissionRef; count: number }[]
  /** The calendar quarter of today ("2027-01" to "2027-03") and the activities planned or under way that end in it. */
  quarter: { from: string; to: string }
  dueThisQuarter: ActivityView[]
  currentChair: ChairTermView | null
  incomingChair: ChairTermView | null
  recent: RecentChange[]
}

/** What adding people to a meeting's delegations did. */
export interface DelegationResult {
  meeting: MeetingDetail
  /** People added to a delegation, and members newly invited for them. */
  added: number
  invited: number
  /** People already named in their member's delegation, and people linked to no member today. */
  already: number
  noMember: { id: string; name: string }[]
}
