import { AppError } from '../model/errors'
import { holdsAll, searchWords } from '../model/search'
import type { StaleField, Stamps } from '../model/stamps'
import { heads, newestStamp, type Op, type StoredRecord, type TableName } from '../sync/change'
import { stampSource, stampTime } from '../sync/clock'
import { canonical } from '../sync/digest'
import type { Store } from '../store/store'

/** The record's fields with its id, tombstone flag, time of last change and each field's stamp
 *  (which a form sends back as `seen`). */
export function view<T>(rec: StoredRecord): T & { id: string; deleted: boolean; updatedAt: string; stamps: Stamps } {
  return { ...(rec.data as T), id: rec.id, deleted: rec.data.deleted === true, updatedAt: stampTime(newestStamp(rec)), stamps: stampsOf(rec) }
}

export function stampsOf(rec: StoredRecord): Stamps {
  const out: Stamps = {}
  for (const field of Object.keys(rec.data)) out[field] = stampOfField(rec, field)!
  return out
}

/** A field's stamp; for a field holding concurrent values, all of theirs (a form that showed one
 *  of them had not seen a value that arrived beside it later). */
function stampOfField(rec: StoredRecord, field: string): string | undefined {
  const all = heads(rec, field)
  return all.length ? all.map(([, s]) => s).join(' ') : undefined
}

export function isLive(rec: StoredRecord | undefined): rec is StoredRecord {
  return rec !== undefined && rec.data.deleted !== true
}

export function requireRecord(store: Store, table: TableName, id: string, what: string): StoredRecord {
  const rec = store.record(table, id)
  if (!rec) throw new AppError('not_found', `No ${what} has the id ${id}.`, 'id')
  if (rec.data.erased === true) throw new AppError('not_found', `The ${what} ${id} was erased for good.`, 'id')
  return rec
}

export function requireLive(store: Store, table: TableName, id: string, what: string): StoredRecord {
  const rec = requireRecord(store, table, id, what)
  if (!isLive(rec)) throw new AppError('not_found', `The ${what} ${id} has been deleted.`, 'id')
  return rec
}

/** An op setting only the fields whose value differs from the stored one (or null if none). */
export function diffOp(table: TableName, rec: StoredRecord | undefined, id: string, fields: object): Op | null {
  const set: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(fields)) {
    if (!rec || JSON.stringify(rec.data[k]) !== JSON.stringify(v)) set[k] = v
  }
  return Object.keys(set).length ? { table, id, set } : null
}

/**
 * The op of an update made in a form loaded with the stamps `seen`. Of the fields it changes,
 * one changed meanwhile (its stamp is not the one seen) is never overwritten: left as it is when
 * the form still holds the value it was loaded with (the person did not touch it), else the
 * update is refused with what changed, by whom, where and when ('stale'). `derived` fields are
 * worked out by the core from the record as it is now, so they are not checked.
 */
export function updateOp(store: Store, table: TableName, rec: StoredRecord, fields: object, seen: Stamps, derived: object = {}): Op | null {
  const op = diffOp(table, rec, rec.id, { ...fields, ...derived })
  if (!op) return null
  const stale: StaleField[] = []
  for (const [field, value] of Object.entries(op.set)) {
    if (Object.hasOwn(derived, field)) continue
    const now = stampOfField(rec, field)
    const was = Object.hasOwn(seen, field) ? seen[field] : undefined
    // Unchanged since the form was loaded; if it holds concurrent values, writing resolves them.
    if (now === was) continue
    if (was !== undefined && sameValue(valueAt(store, table, rec, field, was.split(' ')[0]), value)) {
      delete op.set[field]
      continue
    }
    stale.push({ field, current: rec.data[field], stamp: now ?? '', ...writerOf(store, now?.split(' ')[0]), yours: value })
  }
  if (stale.length) {
    throw new AppError('stale', `Changed since this form was opened: ${stale.map((f) => `${f.field} (${f.user ? `by ${f.user} ` : ''}on ${f.deviceName} at ${f.at})`).join(', ')}. Nothing was saved.`, undefined, undefined, undefined, stale)
  }
  return Object.keys(op.set).length ? op : null
}

const sameValue = (a: { value: unknown } | undefined, b: unknown) => a !== undefined && canonical(a.value ?? null) === canonical(b ?? null)

/** The value a field was given by the change stamped `stamp`, if this profile still holds it. */
function valueAt(store: Store, table: TableName, rec: StoredRecord, field: string, stamp: string): { value: unknown } | undefined {
  const head = heads(rec, field).find(([, s]) => s === stamp)
  if (head) return { value: head[0] }
  const [device, seq] = stampSource(stamp)
  const op = store.entryAt(device, seq)?.ops.find((o) => o.table === table && o.id === rec.id && Object.hasOwn(o.set, field))
  return op && { value: op.set[field] }
}

/** Who wrote the value stamped `stamp`: the person, the device (by name) and when. */
export function writerOf(store: Store, stamp: string | undefined): { user: string; device: string; deviceName: string; at: string } {
  if (!stamp) return { user: '', device: '', deviceName: '', at: '' }
  const [device] = stampSource(stamp)
  const dev = store.record('devices', device)
  const own = device === store.device.deviceId
  return {
    user: String(dev?.data.user ?? (own ? store.preferences.userName : '')),
    device,
    deviceName: String(dev?.data.name ?? (own ? store.device.name : device)),
    at: stampTime(stamp),
  }
}

export { fold } from '../model/search'

export function matchesAll(haystack: string, query: string): boolean {
  return holdsAll(haystack, searchWords(query))
}

/** Deletion is a tombstone (`deleted: true`), so it can be undone and travels to other devices. */
export function setDeleted(store: Store, table: TableName, id: string, what: string, deleted: boolean): StoredRecord {
  const rec = requireRecord(store, table, id, what)
  if ((rec.data.deleted === true) !== deleted) store.commit([{ table, id, set: { deleted } }])
  return rec
}

/** Today's date where this computer is, "2027-03-15": at 8.30 p.m. in New York, still New York's day (UTC is already at the next). */
export const today = () => {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
