import { z } from 'zod'
import { Stamps } from './model/stamps'
import { AffiliationFields, ContactFields, ContactRole, type Contact } from './model/contact'
import { Language, optionalDate, text, Uuid } from './model/fields'
import { withParams } from './model/messages'
import { CommentFields, InvitationForm, InviteeChanges, MeetingFields, type InviteeView, type Meeting, type MeetingDetail, type MeetingSummary } from './model/meeting'
import { IssueSelection, ParticipantsMode, type JobStatus, type Preview, type TemplateInfo } from './model/documents'
import { MemberStatus, OrganisationFields, type Organisation } from './model/organisation'
import { RegionalGroup } from './model/reference'
import { PreferenceChanges, SettingsFields, type Preferences, type Settings } from './model/settings'
import { deskInputs, type DeskResults } from './api-desk'
import { missionInputs, type MissionResults } from './api-missions'
import { workplanInputs, type WorkplanResults } from './api-workplan'
import { syncInputs, type SyncResults } from './api-sync'
import { tabularInputs, type TabularResults } from './api-tabular'

// The one contract between the UI (or CLI, or test host) and the core: every method's input
// schema, checked by dispatch before any service runs, and its result type.

const ById = z.object({ id: Uuid })
const Passphrase = z.string().min(1, 'validation.required').max(1024, withParams('validation.tooLong', { max: 1024 }))
const Search = text(200).default('')

export const OrganisationQuery = z.object({
  search: Search,
  kind: z.enum(['state', 'sme']).optional(),
  regionalGroup: RegionalGroup.optional(),
  status: MemberStatus.optional(),
})

export const ContactQuery = z.object({
  search: Search,
  organisationId: Uuid.optional(),
  /** At most this many (the first in name order); every match when absent. */
  limit: z.number().int().positive().optional(),
})

export const NewAffiliation = z.object({
  organisationId: Uuid,
  role: ContactRole.default('other'),
  position: text(200).default(''),
  start: optionalDate.default(''),
})

export const inputs = {
  'profile.status': z.object({}),
  'profile.restoreBackup': z.object({ name: z.string().min(1) }),
  'profile.recoverLog': z.object({}),
  'profile.becomeNewDevice': z.object({}),
  'profile.unlock': z.object({ passphrase: Passphrase, remember: z.boolean().default(false) }),
  'profile.encrypt': z.object({ passphrase: Passphrase }),
  'profile.changePassphrase': z.object({ current: Passphrase, passphrase: Passphrase }),
  'preferences.get': z.object({}),
  'preferences.update': PreferenceChanges,
  'settings.get': z.object({}),
  'settings.update': z.object({ fields: SettingsFields, seen: Stamps }),
  'organisations.list': OrganisationQuery,
  'organisations.get': ById,
  'organisations.create': OrganisationFields,
  'organisations.update': z.object({ id: Uuid, fields: OrganisationFields, seen: Stamps }),
  'organisations.delete': ById,
  'organisations.restore': ById,
  'contacts.list': ContactQuery,
  'contacts.get': ById,
  'contacts.create': z.object({ contact: ContactFields, affiliation: NewAffiliation.optional() }),
  'contacts.update': z.object({ id: Uuid, fields: ContactFields, seen: Stamps }),
  'contacts.delete': ById,
  'contacts.restore': ById,
  'contacts.erase': ById,
  'backups.list': z.object({}),
  'backups.restore': z.object({ name: z.string().min(1, 'validation.required').max(200, withParams('validation.tooLong', { max: 200 })) }),
  'backups.saveArchive': z.object({}),
  'affiliations.create': AffiliationFields,
  'affiliations.update': z.object({ id: Uuid, fields: AffiliationFields, seen: Stamps }),
  'affiliations.delete': ById,
  'meetings.list': z.object({}),
  'meetings.get': ById,
  'meetings.create': MeetingFields,
  'meetings.update': z.object({ id: Uuid, fields: MeetingFields, seen: Stamps }),
  'meetings.delete': ById,
  'meetings.restore': ById,
  'invitees.add': z.object({ meetingId: Uuid, organisationId: Uuid }),
  'invitees.remove': ById,
  'invitees.update': z.object({ id: Uuid, changes: InviteeChanges, seen: Stamps }),
  'comments.create': CommentFields,
  'comments.update': z.object({ id: Uuid, fields: CommentFields, seen: Stamps }),
  'comments.delete': ById,
  'comments.restore': ById,
  'invitations.preview': z.object({ meetingId: Uuid, form: InvitationForm.default('letter'), ...IssueSelection.shape }),
  'invitations.issue': z.object({
    meetingId: Uuid,
    form: InvitationForm.default('letter'),
    combined: z.boolean().default(false),
    /** The name of a template added with templates.add; empty for the built-in layout. */
    template: text(120).default(''),
    /** Date of issue; today when empty. */
    date: optionalDate.default(''),
    ...IssueSelection.shape,
  }),
  'jobs.get': ById,
  'meetings.saveDocument': z.object({ meetingId: Uuid, kind: z.enum(['agenda', 'participants', 'comments', 'ics']), language: Language.default('en'), mode: ParticipantsMode.optional() }),
  'templates.list': z.object({}),
  'templates.add': z.object({ name: text(120), contentBase64: z.string().min(1, 'validation.required') }),
  'templates.delete': z.object({ name: text(120) }),
  'data.export': z.object({}),
  'data.import': z.object({ document: z.unknown(), restoreDeleted: z.boolean().default(false) }),
  'demo.load': z.object({}),
  ...workplanInputs,
  ...missionInputs,
  ...deskInputs,
  ...syncInputs,
  ...tabularInputs,
} as const

export type Method = keyof typeof inputs
export const METHODS = Object.keys(inputs) as Method[]

export interface BackupInfo {
  name: string
  createdAt: string
  bytes: number
}

/** Whether the profile is open, or why not and what can be done: restore a backup of a damaged
 *  data file (corrupt), go on from the data file when a log lost its end or was damaged
 *  (log_gap: profile.recoverLog), become a new device when the profile was copied from another
 *  computer (copied: profile.becomeNewDevice), or wait (locked, unavailable). */
export type ProfileStatus =
  | { state: 'ok'; dataDir: string; deviceId: string; empty: boolean; notices: string[]; encrypted: boolean }
  | { state: 'corrupt' | 'log_gap' | 'copied' | 'locked' | 'unavailable'; dataDir: string; message: string; backups: BackupInfo[] }
  /** Encrypted and not opened yet; `wrongPassphrase` when a passphrase was given (GFC_PASSPHRASE, the kept key) and did not open it. */
  | { state: 'encrypted'; dataDir: string; message: string; backups: BackupInfo[]; wrongPassphrase: boolean }

export interface ImportSummary {
  created: number
  updated: number
  unchanged: number
  /** Records of the file deleted here since: left deleted. */
  keptDeleted: number
}

export interface Results extends WorkplanResults, MissionResults, DeskResults, SyncResults, TabularResults {
  'profile.status': ProfileStatus
  'profile.restoreBackup': ProfileStatus
  'profile.recoverLog': ProfileStatus
  'profile.becomeNewDevice': ProfileStatus
  'profile.unlock': ProfileStatus
  'contacts.erase': { id: string; erasedAt: string }
  'backups.list': { backups: BackupInfo[]; keep: number }
  'backups.restore': { changed: number }
  'backups.saveArchive': { path: string; bytes: number } | null
  'profile.encrypt': ProfileStatus
  'profile.changePassphrase': ProfileStatus
  'preferences.get': Preferences
  'preferences.update': Preferences
  'settings.get': Settings
  'settings.update': Settings
  'organisations.list': Organisation[]
  'organisations.get': Organisation
  'organisations.create': Organisation
  'organisations.update': Organisation
  'organisations.delete': Organisation
  'organisations.restore': Organisation
  'contacts.list': Contact[]
  'contacts.get': Contact
  'contacts.create': Contact
  'contacts.update': Contact
  'contacts.delete': Contact
  'contacts.restore': Contact
  'affiliations.create': Contact
  'affiliations.update': Contact
  'affiliations.delete': Contact
  'meetings.list': MeetingSummary[]
  'meetings.get': MeetingDetail
  'meetings.create': MeetingDetail
  'meetings.update': MeetingDetail
  'meetings.delete': Meeting
  'meetings.restore': Meeting
  'invitees.add': MeetingDetail
  'invitees.remove': MeetingDetail
  'invitees.update': InviteeView
  'comments.create': MeetingDetail
  'comments.update': MeetingDetail
  'comments.delete': MeetingDetail
  'comments.restore': MeetingDetail
  'invitations.preview': Preview
  /** Null when the person cancelled the choice of folder. */
  'invitations.issue': JobStatus | null
  'jobs.get': JobStatus
  'meetings.saveDocument': { path: string } | null
  'templates.list': TemplateInfo[]
  'templates.add': TemplateInfo
  'templates.delete': TemplateInfo[]
  'data.export': string
  'data.import': ImportSummary
  'demo.load': ImportSummary
}

export type Input<M extends Method> = z.input<(typeof inputs)[M]>
export type ParsedInput<M extends Method> = z.output<(typeof inputs)[M]>

export type { AppErrorData } from './model/errors'
export type Reply<M extends Method> =
  | { ok: true; result: Results[M] }
  | { ok: false; error: import('./model/errors').AppErrorData }

