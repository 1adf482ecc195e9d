import type { AddressForm } from '../model/contact'
import type { ParticipantsMode } from '../model/documents'
import type { Language } from '../model/fields'
import type { Paper } from '../model/settings'
import type { InvitationForm, MeetingKind, Response } from '../model/meeting'
import type { ActivityStatus, WorkplanFunction } from '../model/workplan'

export type { ParticipantsMode }

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
  /** The paper of Settings: A4 unless told. */
  paper?: Paper
  /** English documents write times on the 12-hour clock ("10 a.m. to 1 p.m."); 24-hour unless told. */
  clock12?: boolean
}

/** An agenda item (the French title may be left out). */
export interface AgendaEntry {
  title: string
  titleFr?: string
  presenter: string
  minutes: number
}

export interface MeetingInfo {
  id: string
  kind: MeetingKind
  title: string
  /** The title in French; French documents use the English one when empty. */
  titleFr?: string
  /** Wall-clock times in `timeZone`, "2027-03-15T10:00". */
  start: string
  end: string
  /** IANA time zone, "America/New_York". */
  timeZone: string
  city: string
  address: string
  /** The city and address in French, when they differ ("Genève"); else the English ones. */
  cityFr?: string
  addressFr?: string
  onlineLink: string
  dialIn: string
  agenda: AgendaEntry[]
  /** "2027-03-01" or "". */
  rsvpDeadline: string
  rsvpContact: string
}

export interface RecipientOrganisation {
  kind: 'state' | 'sme'
  /** "Ghana" / "International Committee of the Red Cross". */
  en: string
  fr: string
  /** French name after "de" with its article: "du Ghana", "du Comité international de la Croix-Rouge". */
  frOf: string
  acronym: string
}

export interface Person {
  /** As typed: "H.E. Mr.", "Ms.", "Dr."… */
  honorific: string
  givenName: string
  familyName: string
  /** How to address the person (Sir / Madam / by name); when not given, what the honorific says. */
  addressForm?: AddressForm
  /** Family name first, as in Chinese, Korean, Japanese, Hungarian or Vietnamese: "WANG Wei". */
  familyNameFirst?: boolean
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
  /** The invitee's answer, for PARTSTAT; not yet answered unless told. */
  response?: Response
}

/** One activity of the work plan, as the builders need it (an ActivityView fits). */
export interface WorkplanActivity {
  function: WorkplanFunction
  title: string
  /** The title in French; French documents use the English one when empty. */
  titleFr?: string
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
