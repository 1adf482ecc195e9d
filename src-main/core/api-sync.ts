import { z } from 'zod'
import { DeviceId, Scope } from './model/device'
import { TableName } from './model/entities'
import { requiredText } from './model/fields'
import { Resolution, SyncIds, type CardPreview, type ConflictItem, type DeviceView, type FolderStatus, type HistoryItem, type ImportReport, type Joined, type SyncStatus, type ThisDevice } from './model/sync'

// Sync's part of the contract (merged into api.ts): this device, the dataset's devices,
// bundles by file or shared folder, conflicts and history. Files are never named by the
// renderer: the door asks where to save, or reads what the person opened.

/** An identity card or enrolment file is small; a bundle may be large (50,000 changes). */
const Card = z.string().min(1, 'validation.required').max(20_000, 'validation.tooLong')
const Base64 = z.string().min(1, 'validation.required').max(400 * 1024 * 1024, 'validation.tooLong')

export const syncInputs = {
  'device.show': z.object({}),
  'device.rename': z.object({ name: requiredText(100) }),
  /** The identity card as text (for the command line). */
  'device.card': z.object({}),
  /** Saves the identity card where the person chooses. */
  'device.saveCard': z.object({}),
  /** What a card says (id, name, fingerprint), to compare on the phone before enrolling. */
  'device.readCard': z.object({ card: Card }),
  /** Enrols a device and saves its enrolment file where the person chooses. */
  'device.enrol': z.object({ card: Card, scope: Scope }),
  'device.revoke': z.object({ id: DeviceId }),
  'device.join': z.object({ content: Base64 }),
  'devices.list': z.object({}),
  'dataset.create': z.object({ name: requiredText(100) }),
  'sync.status': z.object({}),
  /** Saves a bundle of what `to` lacks where the person chooses. */
  'sync.exportBundle': z.object({ to: DeviceId }),
  'sync.importBundle': z.object({ contentBase64: Base64, confirmDeletions: z.boolean().default(false) }),
  /** Asks the door for the shared folder, sets it up (init) or checks its marker, and syncs. */
  'sync.chooseFolder': z.object({ init: z.boolean().default(false) }),
  /** Syncs with the shared folder chosen before. */
  'sync.folder': z.object({ confirmDeletions: z.boolean().default(false) }),
  'conflicts.list': z.object({}),
  'conflicts.resolve': Resolution,
  'history.get': z.object({ table: TableName, id: SyncIds.RecordId }),
} as const

export interface SyncResults {
  'device.show': ThisDevice
  'device.rename': ThisDevice
  'device.card': string
  /** Null when the person cancelled. */
  'device.saveCard': { path: string } | null
  'device.readCard': CardPreview
  'device.enrol': { device: DeviceView; path: string | null }
  'device.revoke': DeviceView
  'device.join': Joined
  'devices.list': DeviceView[]
  'dataset.create': ThisDevice
  'sync.status': SyncStatus
  'sync.exportBundle': { path: string; changes: number; bytes: number } | null
  'sync.importBundle': ImportReport
  'sync.chooseFolder': FolderStatus | null
  'sync.folder': FolderStatus
  'conflicts.list': ConflictItem[]
  'conflicts.resolve': ConflictItem[]
  'history.get': HistoryItem[]
}
