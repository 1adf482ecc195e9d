import { z } from 'zod'
import { DeviceId, Scope } from './device'
import { TableName } from './entities'
import { requiredText } from './fields'

// What sync shows a person: this device, the dataset's devices, what a bundle did, the shared
// folder's state, conflicts and a record's history. Pure types, for the core and the screens.

export interface ThisDevice {
  id: string
  name: string
  publicKey: string
  boxKey: string
  /** Read out on the phone when the Chair's office enrols this device. */
  fingerprint: string
  dataset: { id: string; name: string } | null
  scope: Scope | null
  enrolled: boolean
}

export interface DeviceView {
  id: string
  name: string
  user: string
  fingerprint: string
  scope: Scope
  /** The scope in words: "full", or the missions' acronyms. */
  scopeLabel: string
  enrolledBy: string
  enrolledByName: string
  enrolledOn: string
  revoked: boolean
  revokedOn: string
  /** When a bundle from it last arrived here (empty: never). */
  lastHeard: string
  thisDevice: boolean
}

export interface CardPreview {
  id: string
  name: string
  fingerprint: string
}

export interface ImportReport {
  from: string
  fromName: string
  /** Changes new to this device. */
  changes: number
  added: number
  changed: number
  deleted: number
  /** Records in conflict among those the bundle touched. */
  conflicts: { table: TableName; id: string; fields: string[] }[]
  /** Changes refused (set aside), with why. */
  refused: { device: string; seq: number; reason: string }[]
  /** Why some changes wait (a gap, a clock far ahead, an unknown author). */
  waiting: string[]
  /** Rules broken across the merged data, for a person to put right. */
  breaches: string[]
  warnings: string[]
  /** Set when the bundle waits for a person to confirm a mass deletion: nothing was applied. */
  held?: { reason: string; tables: { table: TableName; deleting: number; live: number }[] }
}

export interface Joined extends ImportReport {
  dataset: { id: string; name: string }
  enroller: { id: string; name: string; fingerprint: string }
}

/**
 * What stood in the way of a folder sync: the core's English (for the CLI) and, as with errors,
 * the key and values a screen words it with in its own language. No key: only the text says it.
 */
export interface FolderProblem {
  text: string
  key?: string
  params?: Record<string, string | number>
}

export interface FolderStatus {
  dir: string
  ok: boolean
  problems: FolderProblem[]
  read: number
  written: number
  /** Files not yet whole (still being copied): tried again next time. */
  incomplete: number
  reports: ImportReport[]
  lastSync: string
}

export interface ConflictValue {
  value: unknown
  device: string
  deviceName: string
  user: string
  at: string
  /** Shown first on every device until a person chooses. */
  shown: boolean
}

/** The page a person opens to see or fix a record: the record's own, or the one that shows it
 *  (a post's and a holder's mission, an invitee's meeting); null when no page shows it. */
export type RecordPage = { table: TableName; id: string } | null

export type ConflictItem =
  | { kind: 'field'; table: TableName; id: string; label: string; page: RecordPage; field: string; values: ConflictValue[] }
  | { kind: 'deleted'; table: TableName; id: string; label: string; page: RecordPage; edits: { field: string; value: ConflictValue }[]; deletedBy: ConflictValue[] }
  | { kind: 'rule'; table: TableName; ids: string[]; labels: string[]; pages: RecordPage[]; rule: string; fields: string[]; message: string }
  | { kind: 'refused'; device: string; deviceName: string; seq: number; reason: string }

export interface HistoryItem {
  at: string
  device: string
  deviceName: string
  user: string
  seq: number
  field: string
  before: unknown
  after: unknown
  /** A base change: values put back after a log lost its end. */
  base: boolean
}

export interface SyncStatus {
  device: ThisDevice
  devices: DeviceView[]
  conflicts: number
  /** Why changes from some devices wait. */
  waiting: string[]
  folder: { dir: string; lastSync: string } | null
  /** Bundles waiting for a person to confirm a mass deletion. */
  held: number
}

const RecordId = z.string().min(1).max(64)

/** How a person settles a conflict: a value for the field, or which side of a delete/edit stays. */
export const Resolution = z.union([
  z.object({ table: TableName, id: RecordId, field: requiredText(100), value: z.unknown() }),
  z.object({ table: TableName, id: RecordId, keep: z.enum(['deleted', 'record']) }),
])
export type Resolution = z.infer<typeof Resolution>

export const SyncIds = { DeviceId, RecordId }
