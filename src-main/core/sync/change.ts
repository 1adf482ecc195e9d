import { z } from 'zod'
import { TABLES, TableName } from '../model/entities'
import { covered, stampOf, stampSource, type Hlc, type Stamp, type VersionVector } from './clock'

export { TABLES, TableName }

/** One record's fields set by one change; deletion is `deleted: true` (a tombstone). In a base
 *  change (a recovery), `at` gives each field the stamp of the change that originally wrote it. */
export const Op = z.object({
  table: TableName,
  id: z.string().min(1),
  set: z.record(z.string(), z.unknown()),
  at: z.record(z.string(), z.string()).optional(),
})
export type Op = z.infer<typeof Op>

const Seq = z.number().int().positive()

/**
 * One change: a transaction of one device, applied whole or not at all. `seen` lists what its
 * author had received from other devices since its previous change (only what changed), so the
 * merge knows which values the author replaced and which it never saw. A copy held by a device
 * scoped to some missions may lack the fields outside its scope: `r` then holds their digests,
 * and `d` the whole change's digest when nothing of it is in scope.
 */
export const LogEntry = z.object({
  v: z.literal(2),
  device: z.string().min(1),
  seq: Seq,
  hlc: z.string().regex(/^\d{13}-\d{4}$/),
  seen: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** 'base': the data file's values put back after the log lost its last changes (`lost`). */
  kind: z.literal('base').optional(),
  lost: z.tuple([Seq, Seq]).optional(),
  ops: z.array(Op),
  r: z.array(z.string()).optional(),
  d: z.string().optional(),
  /** Some fields are gone for good (an erased person, store/erasure.ts): `r` or `d` then stand for
   *  them on every device, so the change counts as whole. Not part of the digest. */
  x: z.literal(true).optional(),
})
export type LogEntry = z.infer<typeof LogEntry>

export function entryStamp(e: Pick<LogEntry, 'hlc' | 'device' | 'seq'>): Stamp {
  return stampOf(e.hlc as Hlc, e.device, e.seq)
}

export interface StoredRecord {
  id: string
  /** Each field's value; when a field holds several concurrent values, the one shown first. */
  data: Record<string, unknown>
  /** The stamp of the change that created the record: every field set then carries it. */
  base: Stamp
  /** Per field, the stamp of a later change: only fields changed since creation are listed,
   *  which keeps the data file small (most records are written once). */
  stamps: Record<string, Stamp>
  /** Other values of a field, written by changes that had not seen each other (a conflict when
   *  they differ from the value shown). */
  alt?: Record<string, [unknown, Stamp][]>
  /** For each current `deleted: true` value, what its author had seen: an edit it had not seen
   *  makes the record a delete/edit conflict. */
  del?: Record<Stamp, VersionVector>
}

export type Tables = Record<TableName, Record<string, StoredRecord>>

export function emptyTables(): Tables {
  return Object.fromEntries(TABLES.map((t) => [t, {}])) as Tables
}

// Records come from files and other devices: a field is looked up as the record's own, never
// inherited (a field called "constructor" must not find Object.prototype.constructor).
const own = <T>(o: Record<string, T> | undefined, k: string): T | undefined => (o && Object.hasOwn(o, k) ? o[k] : undefined)

export function fieldStamp(rec: StoredRecord, field: string): Stamp | undefined {
  return own(rec.stamps, field) ?? (Object.hasOwn(rec.data, field) ? rec.base : undefined)
}

export function newestStamp(rec: StoredRecord): Stamp {
  let newest = rec.base
  for (const s of Object.values(rec.stamps)) if (s > newest) newest = s
  return newest
}

/** Every value a field holds now, with its stamp: one, or several written concurrently. */
export function heads(rec: StoredRecord, field: string): [unknown, Stamp][] {
  const s = fieldStamp(rec, field)
  if (s === undefined) return []
  return [[rec.data[field], s], ...(own(rec.alt, field) ?? [])]
}

function setHeads(rec: StoredRecord, field: string, values: [unknown, Stamp][]): void {
  values.sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0))
  const [[value, stamp], ...others] = values
  rec.data[field] = value
  if (stamp === rec.base) delete rec.stamps[field]
  else rec.stamps[field] = stamp
  if (others.length) (rec.alt ??= {})[field] = others
  else if (rec.alt) {
    delete rec.alt[field]
    if (Object.keys(rec.alt).length === 0) delete rec.alt
  }
}

/**
 * Writes one field: the values the author had seen are replaced, those it had not seen stay
 * beside the new one. "Later" is what the author saw, never the clock, so a device whose clock
 * is behind still wins over a value it replaced; two writes that never saw each other are both
 * kept, and the one with the higher stamp is shown first on every device.
 */
function write(rec: StoredRecord, field: string, value: unknown, stamp: Stamp, seen: VersionVector, by: string, seq: number): void {
  const current = heads(rec, field)
  if (current.some(([, s]) => s === stamp)) return
  const kept = current.filter(([, s]) => !sawIt(s, seen, by, seq))
  kept.push([value, stamp])
  setHeads(rec, field, kept)
  if (field === 'deleted') {
    const del: Record<Stamp, VersionVector> = {}
    for (const [v, s] of kept) if (v === true) del[s] = s === stamp ? { ...seen, [by]: seq - 1 } : (own(rec.del, s) ?? {})
    if (Object.keys(del).length) rec.del = del
    else delete rec.del
  }
}

/** Whether the change `by` made as its change `seq`, having seen `seen` of the others, saw the
 *  value stamped `stamp` (its own earlier changes it always saw). */
function sawIt(stamp: Stamp, seen: VersionVector, by: string, seq: number): boolean {
  const [device, n] = stampSource(stamp)
  return device === by ? n < seq : n <= (seen[device] ?? 0)
}

/**
 * Applies one change. `seen` is what its author had seen of the other devices when it made the
 * change (its own earlier changes it saw anyway). Changes must be applied in an order where a
 * change comes after every change it saw; then any such order gives the same tables.
 */
export function applyEntry(tables: Tables, entry: LogEntry, seen: VersionVector): void {
  const stamp = entryStamp(entry)
  const recordOf = (op: Op) => {
    const table = tables[op.table]
    return Object.hasOwn(table, op.id) ? table[op.id] : (table[op.id] = { id: op.id, data: {}, base: stamp, stamps: {} })
  }
  if (entry.kind !== 'base') {
    for (const op of entry.ops) {
      const rec = recordOf(op)
      for (const [field, value] of Object.entries(op.set)) write(rec, field, value, stamp, seen, entry.device, entry.seq)
    }
    return
  }
  // A base change puts back every value a field held (several, in a conflict): they replace what
  // its author had seen, and never each other.
  const asserted = new Map<StoredRecord, Map<string, [unknown, Stamp][]>>()
  for (const op of entry.ops) {
    const rec = recordOf(op)
    const fields = asserted.get(rec) ?? asserted.set(rec, new Map()).get(rec)!
    for (const [field, value] of Object.entries(op.set)) {
      const list = fields.get(field) ?? fields.set(field, []).get(field)!
      list.push([value, op.at?.[field] ?? stamp])
    }
  }
  for (const [rec, fields] of asserted) {
    for (const [field, values] of fields) {
      const kept = heads(rec, field).filter(([, s]) => !sawIt(s, seen, entry.device, entry.seq) && !values.some(([, a]) => a === s))
      setHeads(rec, field, [...kept, ...values])
      if (field === 'deleted') {
        const del: Record<Stamp, VersionVector> = {}
        for (const [v, s] of [...kept, ...values]) if (v === true) del[s] = own(rec.del, s) ?? { ...seen, [entry.device]: entry.seq - 1 }
        if (Object.keys(del).length) rec.del = del
        else delete rec.del
      }
    }
  }
}

/** Adds values written by an earlier change, beside what each field holds, replacing nothing
 *  (fields revealed late to a device scoped to some missions). */
export function addValues(tables: Tables, stamp: Stamp, ops: readonly Op[]): void {
  for (const op of ops) {
    const table = tables[op.table]
    const rec = Object.hasOwn(table, op.id) ? table[op.id] : (table[op.id] = { id: op.id, data: {}, base: stamp, stamps: {} })
    for (const [field, value] of Object.entries(op.set)) {
      const current = heads(rec, field)
      if (current.some(([, s]) => s === stamp)) continue
      setHeads(rec, field, [...current, [value, stamp]])
      if (field === 'deleted' && value === true) rec.del = { ...rec.del, [stamp]: {} }
    }
  }
}

/** Fields holding different values written by changes that never saw each other. */
export function conflictedFields(rec: StoredRecord): string[] {
  if (!rec.alt) return []
  return Object.entries(rec.alt)
    .filter(([field, others]) => others.some(([v]) => JSON.stringify(v) !== JSON.stringify(rec.data[field])))
    .map(([field]) => field)
}

/** Edits that the deletion of the record had not seen (empty unless the record is deleted). */
export function unseenByDelete(rec: StoredRecord): { field: string; stamp: Stamp }[] {
  if (rec.data.deleted !== true || !rec.del) return []
  const seen: VersionVector = {}
  for (const vv of Object.values(rec.del)) for (const [d, n] of Object.entries(vv)) seen[d] = Math.max(seen[d] ?? 0, n)
  const out: { field: string; stamp: Stamp }[] = []
  for (const field of Object.keys(rec.data)) {
    if (field === 'deleted') continue
    for (const [, s] of heads(rec, field)) if (!covered(s, seen)) out.push({ field, stamp: s })
  }
  return out
}

/** Every field with its values and stamps: two tables are the same data when these are equal,
 *  however their stamps are stored. */
export function expandedTables(tables: Tables): Record<string, Record<string, Record<string, [unknown, Stamp][]>>> {
  const out: ReturnType<typeof expandedTables> = {}
  for (const [name, table] of Object.entries(tables)) {
    out[name] = {}
    for (const rec of Object.values(table)) {
      const fields: Record<string, [unknown, Stamp][]> = {}
      for (const f of Object.keys(rec.data)) fields[f] = heads(rec, f).sort((a, b) => (a[1] < b[1] ? -1 : 1))
      out[name][rec.id] = fields
    }
  }
  return out
}
