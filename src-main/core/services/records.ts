import { AppError } from '../model/errors'
import { holdsAll, searchWords } from '../model/search'
import { newestStamp, type Op, type StoredRecord, type TableName } from '../sync/change'
import { stampTime } from '../sync/clock'
import type { Store } from '../store/store'

/** The record's fields with its id, tombstone flag and time of last change. */
export function view<T>(rec: StoredRecord): T & { id: string; deleted: boolean; updatedAt: string } {
  return { ...(rec.data as T), id: rec.id, deleted: rec.data.deleted === true, updatedAt: stampTime(newestStamp(rec)) }
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

/** Today's date in UTC, "2027-03-15". */
export const today = () => new Date().toISOString().slice(0, 10)
