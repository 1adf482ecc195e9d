import { z } from 'zod'
import type { Stamp } from './clock'

export const TABLES = ['organisations', 'contacts', 'affiliations', 'settings'] as const
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
  /** Per field, the stamp of its last change. */
  stamps: Record<string, Stamp>
}

export type Tables = Record<TableName, Record<string, StoredRecord>>

export function emptyTables(): Tables {
  return { organisations: {}, contacts: {}, affiliations: {}, settings: {} }
}

/** Last writer wins, per field, by stamp: applying entries in any order gives the same tables. */
export function applyEntry(tables: Tables, entry: LogEntry): void {
  for (const op of entry.ops) {
    const table = tables[op.table]
    const rec = (table[op.id] ??= { id: op.id, data: {}, stamps: {} })
    for (const [field, value] of Object.entries(op.set)) {
      const prev = rec.stamps[field]
      if (prev === undefined || prev < entry.hlc) {
        rec.data[field] = value
        rec.stamps[field] = entry.hlc
      }
    }
  }
}
