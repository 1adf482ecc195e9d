import type { LogEntry, Op, StoredRecord, TableName, Tables } from './change'
import { heads } from './change'
import { covered, stampSource, type VersionVector } from './clock'
import { entryDigest, leafHash } from './digest'
import type { ScopeView } from './scope'

// What a device scoped to some missions receives of a change: the fields of records in its
// scope; the others as their hashes (so the change's digest, and its author's signature, still
// check out), and nothing but the digest when no field of it is in scope.

export function partialFor(e: LogEntry, view: ScopeView): LogEntry {
  if (e.d !== undefined) return e
  const ops: Op[] = []
  const hidden: string[] = [...(e.r ?? [])]
  for (const op of e.ops) {
    const held = view.holds(op.table, op.id)
    const only = view.fieldsOf(op.table)
    const set: Record<string, unknown> = {}
    const at: Record<string, string> = {}
    for (const [field, value] of Object.entries(op.set)) {
      if (held && (!only || only.includes(field))) {
        set[field] = value
        if (op.at?.[field]) at[field] = op.at[field]
      } else hidden.push(leafHash(op, field, value))
    }
    if (Object.keys(set).length) ops.push({ table: op.table, id: op.id, set, ...(op.at ? { at } : {}) })
  }
  if (hidden.length === (e.r?.length ?? 0)) return e
  const { r: _r, ...header } = e
  if (ops.length === 0) return { ...header, ops: [], d: entryDigest(e) }
  return { ...header, ops, r: hidden }
}

/** A record newly in a device's scope, whose earlier changes it holds only as hashes. */
export interface Newcomer {
  table: TableName
  id: string
}

/**
 * Records in scope now whose earlier changes the recipient received hashed: a contact that a
 * new holder (made since) points at, or everything in scope when the scope itself changed
 * since. A link a scope follows is fixed when its record is made, so "made since" is the
 * holder's creating stamp not covered by what the recipient has.
 */
export function newcomers(tables: Tables, view: ScopeView, has: VersionVector, scopeChanged: boolean): Newcomer[] {
  const out: Newcomer[] = []
  if (scopeChanged) {
    for (const table of Object.keys(tables) as TableName[]) for (const id of Object.keys(tables[table])) if (view.holds(table, id)) out.push({ table, id })
    return out
  }
  const seen = new Set<string>()
  for (const h of Object.values(tables.holders)) {
    if (covered(h.base, has) || !view.holds('holders', h.id)) continue
    const c = String(h.data.contactId ?? '')
    if (c && !seen.has(c) && Object.hasOwn(tables.contacts, c)) {
      seen.add(c)
      out.push({ table: 'contacts', id: c })
    }
  }
  return out
}

/** The current values of the newcomers that the recipient holds only as hashes, by change:
 *  "table/id/field" keys per (author, seq). */
export function hiddenHeads(tables: Tables, list: Newcomer[], view: ScopeView, has: VersionVector): Map<string, Set<string>> {
  const byChange = new Map<string, Set<string>>()
  for (const { table, id } of list) {
    const rec: StoredRecord = tables[table][id]
    const only = view.fieldsOf(table)
    for (const field of Object.keys(rec.data)) {
      if (only && !only.includes(field)) continue
      for (const [, stamp] of heads(rec, field)) {
        if (!covered(stamp, has)) continue
        const [author, seq] = stampSource(stamp)
        if (seq === 0) continue
        const k = `${author}:${seq}`
        if (!byChange.has(k)) byChange.set(k, new Set())
        byChange.get(k)!.add(`${table}/${id}/${field}`)
      }
    }
  }
  return byChange
}
