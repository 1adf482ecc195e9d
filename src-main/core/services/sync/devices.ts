import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { DeviceFields, Scope } from '../../model/device'
import { EXPORTED_TABLES } from '../../model/entities'
import { AppError } from '../../model/errors'
import type { Store } from '../../store/store'
import { canonical } from '../../sync/digest'
import { deviceIdOf, fingerprint, signBytes, verifyBytes } from '../../sync/keys'
import { diffOp, isLive, today } from '../records'
import type { DeviceView, Joined, ThisDevice } from '../../model/sync'
import { buildBundle, importBundle, requireDataset } from './exchange'
import { readState, updateState } from './state'

// Devices of a dataset: this one, enrolling others from their identity card, revoking, and
// joining a dataset from the enrolment file the Chair's office sent.

export const CARD_FORMAT = 'gfc-device-card'
export const ENROLMENT_FORMAT = 'gfc-enrolment'

const Key = z.string().regex(/^[A-Za-z0-9_-]{43}$/)
const Card = z.object({ format: z.literal(CARD_FORMAT), version: z.literal(1), id: z.string(), name: z.string().max(100), signKey: Key, boxKey: Key })
export type Card = z.infer<typeof Card>

const Enrolment = z.object({
  format: z.literal(ENROLMENT_FORMAT),
  version: z.literal(1),
  dataset: z.object({ id: z.string().min(1), name: z.string() }),
  device: z.string(),
  scope: Scope,
  enroller: z.object({ id: z.string(), name: z.string(), signKey: Key, boxKey: Key }),
  /** Everything in the new device's scope, as a bundle for it (base64). */
  bundle: z.string(),
  sig: z.string(),
})

export function showDevice(store: Store): ThisDevice {
  const d = store.device
  const rec = store.record('devices', d.deviceId)
  return {
    id: d.deviceId,
    name: d.name,
    publicKey: d.signKey,
    boxKey: d.boxKey,
    fingerprint: fingerprint(d.signKey, d.boxKey),
    dataset: d.dataset ?? null,
    scope: (rec?.data.scope as Scope | undefined) ?? null,
    enrolled: !!rec && rec.data.revoked !== true,
  }
}

export function renameDevice(store: Store, name: string): ThisDevice {
  store.renameDevice(name)
  publishSelf(store)
  return showDevice(store)
}

/**
 * This device's enrolment says the name it goes by and who uses it now: the other devices show
 * them beside its changes (conflicts, history). A device may change only these two fields of it.
 */
export function publishSelf(store: Store): void {
  const rec = store.record('devices', store.device.deviceId)
  if (!rec || rec.data.revoked === true) return
  const op = diffOp('devices', rec, rec.id, { name: store.device.name, user: store.preferences.userName.trim() })
  if (op) store.commit([op])
}

/** This device's identity card: its id, name and public keys (never the secret ones). */
export function deviceCard(store: Store): string {
  const d = store.device
  const card: Card = { format: CARD_FORMAT, version: 1, id: d.deviceId, name: d.name, signKey: d.signKey, boxKey: d.boxKey }
  return JSON.stringify(card, null, 2) + '\n'
}

/** Reads an identity card; its id must be the one its key gives. */
export function readCard(content: string): Card & { fingerprint: string } {
  let card: Card
  try {
    card = Card.parse(JSON.parse(content))
  } catch {
    throw new AppError('validation', 'This is not a GFC Desk identity card (the small file "gfc device export" or Sync › This device makes).', 'card')
  }
  if (deviceIdOf(card.signKey) !== card.id) throw new AppError('validation', 'This identity card is damaged: its id does not match its key.', 'card')
  return { ...card, fingerprint: fingerprint(card.signKey, card.boxKey) }
}

function requireFull(store: Store): void {
  const me = store.record('devices', store.device.deviceId)
  if (me && (me.data.scope as Scope).kind !== 'full') throw new AppError('conflict', 'Only a device with full scope (the Chair\'s office) may enrol or revoke devices.')
  if (me?.data.revoked === true) throw new AppError('conflict', 'This device was revoked: it may not enrol or revoke devices.')
}

/** Makes this profile the first device of a new dataset (enrolled by itself, full scope). */
export function createDataset(store: Store, name: string): ThisDevice {
  if (store.device.dataset) throw new AppError('conflict', `This profile already belongs to the dataset “${store.device.dataset.name}”.`)
  store.setDataset({ id: randomUUID(), name: name.trim() || 'GFC Desk' })
  const d = store.device
  store.commit([
    {
      table: 'devices',
      id: d.deviceId,
      set: { ...DeviceFields.parse({ name: d.name, user: d.preferences.userName, signKey: d.signKey, boxKey: d.boxKey, scope: { kind: 'full' }, enrolledBy: d.deviceId, enrolledOn: today() }), deleted: false },
    },
  ])
  return showDevice(store)
}

export interface Enrolled {
  device: DeviceView
  /** The enrolment file to send to the device. */
  content: string
  fileName: string
}

/** Enrols a device from its identity card, with a scope; returns the enrolment file for it. */
export function enrolDevice(store: Store, cardText: string, scope: Scope): Enrolled {
  requireFull(store)
  const card = readCard(cardText)
  if (card.id === store.device.deviceId) throw new AppError('validation', 'This is this device\'s own card: enrol the other device\'s card.', 'card')
  if (!store.device.dataset) createDataset(store, 'GFC Desk')
  const dataset = requireDataset(store)
  if (scope.kind === 'missions') {
    for (const id of scope.missionIds) if (!isLive(store.record('missions', id))) throw new AppError('validation', `scope: mission ${id} is not in the register.`, 'scope')
  }
  const existing = store.record('devices', card.id)
  if (existing?.data.revoked === true) throw new AppError('conflict', `Device ${card.id} was revoked; a revoked device is not enrolled again (make it a new device).`, 'card')
  const fields = DeviceFields.parse({ name: card.name, signKey: card.signKey, boxKey: card.boxKey, scope, enrolledBy: store.device.deviceId, enrolledOn: today() })
  const op = diffOp('devices', existing, card.id, { ...fields, deleted: false })
  if (op) store.commit([op])
  const me = store.device
  const body = {
    format: ENROLMENT_FORMAT,
    version: 1 as const,
    dataset,
    device: card.id,
    scope,
    enroller: { id: me.deviceId, name: me.name, signKey: me.signKey, boxKey: me.boxKey },
    bundle: buildBundle(store, card.id).bytes.toString('base64'),
  }
  const content = JSON.stringify({ ...body, sig: signBytes(store.identity.keys, canonical(body)) })
  const safe = card.name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 60) || card.id
  return { device: listDevices(store).find((d) => d.id === card.id)!, content, fileName: `GFC enrolment for ${safe}.gfcjoin` }
}

/** Revokes a device: its changes after the last one this device holds are refused everywhere. */
export function revokeDevice(store: Store, id: string): DeviceView {
  requireFull(store)
  if (id === store.device.deviceId) throw new AppError('validation', 'A device cannot revoke itself.', 'id')
  const rec = store.record('devices', id)
  if (!rec) throw new AppError('not_found', `Device ${id} is not enrolled in this dataset.`, 'id')
  if (rec.data.revoked !== true) {
    store.commit([{ table: 'devices', id, set: { revoked: true, revokedAfter: store.receivedVector[id] ?? 0, revokedBy: store.device.deviceId, revokedOn: today() } }])
  }
  return listDevices(store).find((d) => d.id === id)!
}

/**
 * Joins the dataset of an enrolment file made for this device: on a new, empty profile (or
 * again on one that already joined it, to finish an interrupted join).
 */
export function joinDataset(store: Store, content: string): Joined {
  let e: z.infer<typeof Enrolment>
  try {
    e = Enrolment.parse(JSON.parse(content))
  } catch {
    throw new AppError('validation', 'This is not a GFC Desk enrolment file (the file the Chair\'s office sends after enrolling this device).', 'file')
  }
  const { sig, ...body } = e
  if (!verifyBytes(e.enroller.signKey, canonical(body), sig) || deviceIdOf(e.enroller.signKey) !== e.enroller.id) {
    throw new AppError('validation', 'This enrolment file was changed after it was made: it is refused.', 'file')
  }
  if (e.device !== store.device.deviceId) throw new AppError('validation', `This enrolment file is for device ${e.device}, not for this one (${store.device.deviceId}).`, 'file')
  const current = store.device.dataset
  if (current && current.id !== e.dataset.id) throw new AppError('conflict', `This profile already belongs to the dataset “${current.name}”; join with a new profile (gfc --data NEW_FOLDER init).`)
  if (!current && EXPORTED_TABLES.some((t) => Object.keys(store.tables[t]).length > 0)) {
    throw new AppError('conflict', 'This profile already holds data: a device joins a dataset with a new, empty profile (gfc --data NEW_FOLDER init).')
  }
  if (current && !mayEnrolHere(store, e.enroller)) {
    throw new AppError('validation', `This enrolment file was made by device ${e.enroller.id}, which is not enrolled in this dataset with full scope: it is refused.`, 'file')
  }
  updateState(store, (s) => {
    s.anchor = { id: e.enroller.id, signKey: e.enroller.signKey, boxKey: e.enroller.boxKey }
  })
  if (!current) store.setDataset(e.dataset)
  const report = importBundle(store, Buffer.from(e.bundle, 'base64'), { confirmDeletions: true })
  publishSelf(store)
  return { ...report, dataset: e.dataset, enroller: { id: e.enroller.id, name: e.enroller.name, fingerprint: fingerprint(e.enroller.signKey, e.enroller.boxKey) } }
}

/** Whether a device that joined already takes an enrolment from `enroller` (a wider scope, a
 *  join finished): the device that enrolled it, or another office device, never a stranger who
 *  would become its trust anchor. */
function mayEnrolHere(store: Store, enroller: { id: string; signKey: string }): boolean {
  const rec = store.record('devices', enroller.id)
  if (rec?.data.revoked === true) return false
  const anchor = readState(store).anchor
  if (anchor?.id === enroller.id && anchor.signKey === enroller.signKey) return true
  return !!rec && rec.data.signKey === enroller.signKey && (rec.data.scope as Scope).kind === 'full'
}

export function listDevices(store: Store): DeviceView[] {
  const peers = readState(store).peers
  const me = store.device.deviceId
  const acronym = (id: string) => String(store.record('missions', id)?.data.acronym ?? id)
  return Object.values(store.tables.devices)
    .filter((r) => r.data.deleted !== true && typeof r.data.signKey === 'string')
    .map((r) => {
      const scope = r.data.scope as Scope
      const by = String(r.data.enrolledBy ?? '')
      return {
        id: r.id,
        name: String(r.data.name ?? ''),
        user: String(r.data.user ?? ''),
        fingerprint: fingerprint(String(r.data.signKey), String(r.data.boxKey)),
        scope,
        scopeLabel: scope.kind === 'full' ? 'full' : scope.missionIds.map(acronym).join(', '),
        enrolledBy: by,
        enrolledByName: String(store.record('devices', by)?.data.name ?? by),
        enrolledOn: String(r.data.enrolledOn ?? ''),
        revoked: r.data.revoked === true,
        revokedOn: String(r.data.revokedOn ?? ''),
        lastHeard: r.id === me ? new Date().toISOString() : (peers[r.id]?.heardAt ?? ''),
        thisDevice: r.id === me,
      }
    })
    .sort((a, b) => (a.thisDevice ? -1 : b.thisDevice ? 1 : a.name.localeCompare(b.name)))
}
