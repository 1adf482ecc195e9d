import { z } from 'zod'
import type { Stamp } from './clock'

export const TABLES = [
  'organisations',
  'contacts',
  'affiliations',
  'settings',
  'meetings',
  'invitees',
  'comments',
  'issuances',
  'activities',
  'progressNotes',
  'chairs',
  'missions',
  'posts',
  'holders',
] as const
export const TableName = z.enum(TABLES)
export type TableName = z.infer<typeof TableName>

/** One record's fields set by one change; deletion is `deleted: true` (a tombstone). */
export const Op = z.object({
  table: TableName,
  id: z.string().min(1),
  set: z.record(z.string(), z.unknown()),
})
export type Op = z.infer<typeof Op>

/** One line of a device's change log: a transaction, applied whole or not at all. */
export const LogEntry = z.object({
  v: z.literal(1),
  device: z.string().min(1),
  seq: z.number().int().positive(),
  hlc: z.string().min(1),
  ops: z.array(Op).min(1),
})
export type LogEntry = z.infer<typeof LogEntry>

export interface StoredRecord {
  id: string
  data: Record<string, unknown>
  /** The stamp of the change that created the record: every field set then carries it. */
  base: Stamp
  /** Per field, the stamp of a later change: only fields changed since creation are listed,
   *  which keeps the data file small (most records are written once). */
  stamps: Record<string, Stamp>
}

export type Tables = Record<TableName, Record<string, StoredRecord>>

export function emptyTables(): Tables {
  return Object.fromEntries(TABLES.map((t) => [t, {}])) as Tables
}

export function fieldStamp(rec: StoredRecord, field: string): Stamp | undefined {
  return rec.stamps[field] ?? (field in rec.data ? rec.base : undefined)
}

export function newestStamp(rec: StoredRecord): Stamp {
  let newest = rec.base
  for (const s of Object.values(rec.stamps)) if (s > newest) newest = s
  return newest
}

/** Last writer wins, per field, by stamp: applying entries in any order gives the same tables. */
export function applyEntry(tables: Tables, entry: LogEntry): void {
  for (const op of entry.ops) {
    const table = tables[op.table]
    const rec = (table[op.id] ??= { id: op.id, data: {}, base: entry.hlc, stamps: {} })
    for (const [field, value] of Object.entries(op.set)) {
      const prev = fieldStamp(rec, field)
      if (prev === undefined || prev < entry.hlc) {
        rec.data[field] = value
        if (entry.hlc === rec.base) delete rec.stamps[field]
        else rec.stamps[field] = entry.hlc
      }
    }
  }
}

/** Every field with its stamp: two tables are the same data when these are equal, however
 *  their stamps are stored. */
export function expandedTables(tables: Tables): Record<string, Record<string, { data: Record<string, unknown>; stamps: Record<string, Stamp> }>> {
  const out: ReturnType<typeof expandedTables> = {}
  for (const [name, table] of Object.entries(tables)) {
    out[name] = {}
    for (const rec of Object.values(table)) {
      const stamps: Record<string, Stamp> = {}
      for (const f of Object.keys(rec.data)) stamps[f] = fieldStamp(rec, f)!
      out[name][rec.id] = { data: rec.data, stamps }
    }
  }
  return out
}
