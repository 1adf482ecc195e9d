import { ENTITIES, TABLES, type TableName } from '../model/entities'
import type { Tables } from './change'

// Rules each device checks alone when it writes (one member per Member State, one holder of a
// post at a time, a reference number used once…) can still be broken when two devices' changes
// meet. After a merge, and in gfc check, every breach is listed for a person to put right.

export interface Breach {
  table: TableName
  /** The live records in breach of the rule together. */
  ids: string[]
  rule: 'unique' | 'oneAtATime' | 'invalid'
  /** The fields involved. */
  fields: string[]
  message: string
}

const FOREVER = '9999-12-31'
const live = (tables: Tables, t: TableName) => Object.values(tables[t]).filter((r) => r.data.deleted !== true && Object.keys(r.data).length > 0)

export function findBreaches(tables: Tables): Breach[] {
  const out: Breach[] = []
  for (const table of TABLES) {
    const { rules, schema } = ENTITIES[table]
    const records = live(tables, table)
    for (const u of rules?.unique ?? []) {
      const groups = new Map<string, string[]>()
      for (const r of records) {
        if (u.where && !Object.entries(u.where).every(([f, v]) => r.data[f] === v)) continue
        const k = JSON.stringify(u.fields.map((f) => (typeof r.data[f] === 'string' ? String(r.data[f]).toLowerCase() : r.data[f])))
        groups.set(k, [...(groups.get(k) ?? []), r.id])
      }
      for (const [k, ids] of groups) {
        if (ids.length > 1) out.push({ table, ids: ids.sort(), rule: 'unique', fields: u.fields, message: `${ids.length} ${table} records have the same ${u.fields.join(' and ')} (${(JSON.parse(k) as unknown[]).join(', ')})` })
      }
    }
    const once = rules?.oneAtATime
    if (once) {
      const groups = new Map<string, { id: string; start: string; end: string }[]>()
      for (const r of records) {
        const k = once.per ? String(r.data[once.per]) : ''
        groups.set(k, [...(groups.get(k) ?? []), { id: r.id, start: String(r.data.start ?? ''), end: String(r.data.end || FOREVER) }])
      }
      for (const list of groups.values()) {
        list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1))
        for (let i = 1; i < list.length; i++) {
          const [a, b] = [list[i - 1], list[i]]
          if (b.start <= a.end) out.push({ table, ids: [a.id, b.id], rule: 'oneAtATime', fields: ['start', 'end'], message: `two ${table} records overlap in time (${a.start}–${a.end === FOREVER ? '…' : a.end} and ${b.start}–${b.end === FOREVER ? '…' : b.end})` })
        }
      }
    }
    for (const r of records) {
      const parsed = schema.safeParse(r.data)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        out.push({ table, ids: [r.id], rule: 'invalid', fields: [issue.path.join('.')], message: `${table} ${r.id}: ${issue.path.join('.')} ${issue.message}` })
      }
    }
  }
  return out
}
