import { readFileSync } from 'node:fs'
import { ENTITIES, type TableName } from '../../model/entities'
import type { HistoryItem } from '../../model/sync'
import { listLogs, logDevice, readLog } from '../../store/change-log'
import type { Store } from '../../store/store'
import { entryStamp } from '../../sync/change'
import { writerOf } from '../records'
import { recordLabel } from './conflicts'

// A record's history, read from every device's log: who changed which field, when, from which
// device, the value before and after. Changes are listed in the order their stamps give (the
// order a person reads); `before` is the value the field held in that order.

export function recordHistory(store: Store, table: TableName, id: string): HistoryItem[] {
  const writes: { stamp: string; device: string; seq: number; field: string; value: unknown; base: boolean }[] = []
  for (const file of listLogs(store.dir)) {
    const device = logDevice(file)
    for (const { line } of readLog(file, readFileSync(file), undefined, true, false, store.sealer).lines) {
      const e = line.e
      for (const op of e.ops) {
        if (op.table !== table || op.id !== id) continue
        for (const [field, value] of Object.entries(op.set)) writes.push({ stamp: op.at?.[field] ?? entryStamp(e), device, seq: e.seq, field, value, base: e.kind === 'base' })
      }
    }
  }
  writes.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0))
  const last = new Map<string, unknown>()
  const links: Record<string, TableName> = ENTITIES[table].links
  // A link reads as what it points to (the member, the post), not as an id.
  const shown = (field: string, value: unknown): unknown => {
    const to = Object.hasOwn(links, field) ? links[field] : undefined
    if (!to) return value
    if (Array.isArray(value)) return value.map((v) => recordLabel(store, to, String(v)))
    return typeof value === 'string' && value ? recordLabel(store, to, value) : value
  }
  return writes.map((w) => {
    const who = writerOf(store, w.stamp)
    const item: HistoryItem = {
      at: who.at,
      device: who.device,
      deviceName: who.deviceName,
      user: who.user,
      seq: w.seq,
      field: w.field,
      before: last.has(w.field) ? last.get(w.field) : null,
      after: shown(w.field, w.value),
      base: w.base,
    }
    last.set(w.field, item.after)
    return item
  })
}
