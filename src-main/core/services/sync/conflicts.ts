import { ENTITIES, fieldProblem, type TableName } from '../../model/entities'
import type { ConflictItem, ConflictValue, RecordPage, Resolution } from '../../model/sync'
import { AppError } from '../../model/errors'
import { fullName, type ContactFields } from '../../model/contact'
import { memberState } from '../../model/reference'
import type { Store } from '../../store/store'
import { findBreaches } from '../../sync/breaches'
import { conflictedFields, heads, unseenByDelete, type StoredRecord } from '../../sync/change'
import { stampSource, stampTime } from '../../sync/clock'
import { requireRecord } from '../records'

// What two people changed differently while apart, shown with who, where and when, and put
// right by a person: picking a value (or typing another) is an ordinary change that syncs and
// clears the conflict everywhere. Rules a merge broke, and changes refused on arrival, are
// listed too.

/** A record as a person names it: the member, the person, the meeting's title… */
export function recordLabel(store: Store, table: TableName, id: string): string {
  const rec = store.record(table, id)
  const d = rec?.data ?? {}
  switch (table) {
    case 'organisations':
      return d.kind === 'state' ? (memberState(String(d.countryCode))?.en ?? String(d.countryCode)) : String(d.name ?? id)
    case 'contacts':
      return fullName(d as ContactFields) || id
    case 'missions':
      return String(d.acronym ?? id)
    case 'meetings':
    case 'activities':
    case 'posts':
      return String(d.title ?? id)
    case 'devices':
      return String(d.name ?? id)
    case 'holders':
      return `${recordLabel(store, 'contacts', String(d.contactId ?? ''))} (${recordLabel(store, 'posts', String(d.postId ?? ''))})`
    default:
      return `${table} ${id}`
  }
}

export function pageOf(store: Store, table: TableName, id: string): RecordPage {
  const d = store.record(table, id)?.data ?? {}
  const via = (t: TableName, linked: unknown): RecordPage => (typeof linked === 'string' && linked ? pageOf(store, t, linked) : null)
  switch (table) {
    case 'organisations':
    case 'contacts':
    case 'meetings':
    case 'missions':
    case 'activities':
    case 'chairs':
      return { table, id }
    case 'affiliations':
      return via('contacts', d.contactId)
    case 'invitees':
    case 'comments':
    case 'issuances':
      return via('meetings', d.meetingId)
    case 'progressNotes':
      return via('activities', d.activityId)
    case 'posts':
      return via('missions', d.missionId)
    case 'holders':
      return via('posts', d.postId)
    default:
      return null
  }
}

function valueOf(store: Store, value: unknown, stamp: string, shown: boolean): ConflictValue {
  const [device] = stampSource(stamp)
  const dev = store.record('devices', device)
  return { value, device, deviceName: String(dev?.data.name ?? device), user: String(dev?.data.user ?? ''), at: stampTime(stamp), shown }
}

export function listConflicts(store: Store): ConflictItem[] {
  const out: ConflictItem[] = []
  for (const table of Object.keys(store.tables) as TableName[]) {
    for (const rec of Object.values(store.tables[table]) as StoredRecord[]) {
      for (const field of conflictedFields(rec)) {
        out.push({ kind: 'field', table, id: rec.id, label: recordLabel(store, table, rec.id), page: pageOf(store, table, rec.id), field, values: heads(rec, field).map(([v, s], i) => valueOf(store, v, s, i === 0)) })
      }
      const unseen = unseenByDelete(rec)
      if (unseen.length) {
        out.push({
          kind: 'deleted',
          table,
          id: rec.id,
          label: recordLabel(store, table, rec.id),
          page: pageOf(store, table, rec.id),
          edits: unseen.map((u) => ({ field: u.field, value: valueOf(store, heads(rec, u.field).find(([, s]) => s === u.stamp)?.[0], u.stamp, false) })),
          deletedBy: heads(rec, 'deleted')
            .filter(([v]) => v === true)
            .map(([v, s]) => valueOf(store, v, s, true)),
        })
      }
    }
  }
  for (const b of findBreaches(store.tables)) {
    out.push({ kind: 'rule', table: b.table, ids: b.ids, labels: b.ids.map((id) => recordLabel(store, b.table, id)), pages: b.ids.map((id) => pageOf(store, b.table, id)), rule: b.rule, fields: b.fields, message: b.message })
  }
  for (const a of store.setAside) {
    out.push({ kind: 'refused', device: a.device, deviceName: String(store.record('devices', a.device)?.data.name ?? a.device), seq: a.seq, reason: a.reason })
  }
  return out
}

export function resolveConflict(store: Store, r: Resolution): ConflictItem[] {
  const rec = requireRecord(store, r.table, r.id, 'record')
  if ('keep' in r) {
    if (!unseenByDelete(rec).length) throw new AppError('conflict', `${recordLabel(store, r.table, r.id)} is not deleted on one device while edited on another.`)
    // Deleting again, having now seen the edits, or bringing the record back, settles it.
    store.commit([{ table: r.table, id: r.id, set: { deleted: r.keep === 'deleted' } }])
    return listConflicts(store)
  }
  if (ENTITIES[r.table].fixed.includes(r.field)) throw new AppError('validation', `${r.field} is fixed when the record is made.`, 'field')
  const bad = fieldProblem(r.table, r.field, r.value)
  if (bad) throw new AppError('validation', `value: ${bad}`, 'value')
  // The write has seen every value the field holds here, so it replaces them all.
  store.commit([{ table: r.table, id: r.id, set: { [r.field]: r.value } }])
  return listConflicts(store)
}

