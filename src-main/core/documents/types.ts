import type { Language } from '../model/fields'
import type { AgendaItem, InvitationForm, MeetingKind, Response } from '../model/meeting'
import type { ActivityStatus, WorkplanFunction } from '../model/workplan'

// What the document builders need, already gathered by the services: the builders are
// pure functions from these to bytes, and never read the store.

/** The convening Chair: letterhead and signatory (from Settings) and the Chair's state. */
export interface ChairInfo {
  /** "Permanent Mission of Sweden to the United Nations" (as typed in Settings). */
  missionName: string
  /** The Chair's Member State, for the third-person note verbale; null when not set. */
  state: { en: string; fr: string; frOf: string } | null
  address: string
  phone: string
  email: string
  /** Place of signature: "New York". */
  city: string
  signatoryName: string
  signatoryTitle: string
  /** The title in French ("Ambassadrice et Représentante permanente"); the English one when empty. */
  signatoryTitleFr?: string
}

export interface MeetingInfo {
  id: string
  kind: MeetingKind
  title: string
  /** Wall-clock times in `timeZone`, "2027-03-15T10:00". */
  start: string
  end: string
  /** IANA time zone, "America/New_York". */
  timeZone: string
  city: string
  address: string
  onlineLink: string
  dialIn: string
  agenda: AgendaItem[]
  /** "2027-03-01" or "". */
  rsvpDeadline: string
  rsvpContact: string
}

export interface RecipientOrganisation {
  kind: 'state' | 'sme'
  /** "Ghana" / "International Committee of the Red Cross". */
  en: string
  fr: string
  /** French name after "de" with its article: "du Ghana"; for an SME, built from `fr`. */
  frOf: string
  acronym: string
}

export interface Person {
  /** As typed: "H.E. Mr.", "Ms.", "Dr."… */
  honorific: string
  givenName: string
  familyName: string
  /** "Permanent Representative" */
  position: string
}

export interface InvitationInput {
  form: InvitationForm
  language: Language
  /** Date of issue, "2027-02-01". */
  date: string
  /** "GFC/2027/014" */
  reference: string
  chair: ChairInfo
  meeting: MeetingInfo
  organisation: RecipientOrganisation
  /** Null when the member has no contact yet: the invitation goes to the Permanent Mission. */
  addressee: Person | null
}

export interface ParticipantRow {
  organisation: RecipientOrganisation
  /** Who attends or will attend, as recorded. */
  names: string
  response: Response
  attended: boolean
}

export interface CommentRow {
  organisation: RecipientOrganisation
  received: string
  text: string
  attachmentPath: string
}

export interface MeetingDocInput {
  language: Language
  date: string
  chair: ChairInfo
  meeting: MeetingInfo
}

export interface IcsAttendee {
  name: string
  email: string
}

/** One activity of the work plan, as the builders need it (an ActivityView fits). */
export interface WorkplanActivity {
  function: WorkplanFunction
  title: string
  description: string
  status: ActivityStatus
  /** Months, "2027-03". */
  start: string
  end: string
  leads: { en: string; fr: string }[]
  supporters: { en: string; fr: string }[]
  missions: { acronym: string }[]
  meeting: { title: string; start: string } | null
  /** Newest first. */
  notes: { date: string; text: string }[]
}

export interface WorkplanDocInput {
  language: Language
  /** The date the plan is issued ("as of"), "2026-11-23". */
  date: string
  /** Letterhead and the Chair's state. */
  chair: ChairInfo
  /** The Chair's term, when the register has one. */
  chairTerm: { start: string; end: string } | null
  /** Months "YYYY-MM"; either may be empty (open). */
  period: { from: string; to: string }
  /** In the plan's order: function, then start, then title. */
  activities: WorkplanActivity[]
}
