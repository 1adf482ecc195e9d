import { ENTITIES, type ScopeRule } from '../model/entities'
import type { Scope } from '../model/device'
import { stampSource } from './clock'
import type { Op, StoredRecord, TableName, Tables } from './change'

// What a device scoped to some missions holds and may change, read from the registry's scope
// rules. The links a scope follows are fixed when a record is made (a post never moves to
// another mission), so whether a record is in a scope never depends on the order changes arrive.

/** A device's scope, from its enrolment; a device not (yet) enrolled counts as full (a profile
 *  before sync, or the dataset's first device before it enrolled itself). */
export function scopeOf(tables: Tables, device: string): Scope {
  const rec = Object.hasOwn(tables.devices, device) ? tables.devices[device] : undefined
  return (rec?.data.scope as Scope | undefined) ?? { kind: 'full' }
}

/** Records being written by one change, looked at before the tables (a holder and its new contact). */
export type Incoming = Map<string, Record<string, unknown>>
const key = (table: TableName, id: string) => `${table}/${id}`

export function incomingOf(ops: readonly Op[]): Incoming {
  const m: Incoming = new Map()
  for (const op of ops) m.set(key(op.table, op.id), { ...m.get(key(op.table, op.id)), ...op.set })
  return m
}

export class ScopeView {
  private missions: Set<string>
  private contactsMemo: Set<string> | null = null

  constructor(
    private readonly tables: Tables,
    missionIds: readonly string[],
    /** The scoped device: contacts it created are its own. */
    private readonly device: string,
    private readonly incoming: Incoming = new Map(),
  ) {
    this.missions = new Set(missionIds)
  }

  private field(table: TableName, id: string, field: string): unknown {
    const inc = this.incoming.get(key(table, id))
    if (inc && field in inc) return inc[field]
    const rec = Object.hasOwn(this.tables[table], id) ? this.tables[table][id] : undefined
    return rec?.data[field]
  }

  private rule(table: TableName): ScopeRule {
    return ENTITIES[table].scope
  }

  /** True when the device holds this record (with `fieldsOf` saying which of its fields). */
  holds(table: TableName, id: string): boolean {
    const rule = this.rule(table)
    switch (rule.kind) {
      case 'none':
        return false
      case 'all':
        return true
      case 'mission':
        return this.missions.has(id)
      case 'via': {
        const target = this.field(table, id, rule.field)
        return typeof target === 'string' && this.holds(rule.table, target)
      }
      case 'pointedBy':
        return this.pointedContacts(rule).has(id) || this.createdByDevice(table, id)
      case 'fields':
        return Object.entries(rule.where).every(([f, v]) => this.field(table, id, f) === v)
    }
  }

  /** The fields of an in-scope record the device holds (all of them, unless the rule names some). */
  fieldsOf(table: TableName): readonly string[] | null {
    const rule = this.rule(table)
    return rule.kind === 'fields' ? rule.fields : null
  }

  /** True when the device may change this record: records of its missions and the people who
   *  hold their posts; never the Member States it only reads, never another device's enrolment. */
  mayWrite(table: TableName, id: string, fields: readonly string[]): boolean {
    const rule = this.rule(table)
    if (rule.kind === 'fields') return false
    if (rule.kind === 'all') return id === this.device && fields.every((f) => f === 'name' || f === 'user')
    return this.holds(table, id)
  }

  private createdByDevice(table: TableName, id: string): boolean {
    const rec: StoredRecord | undefined = Object.hasOwn(this.tables[table], id) ? this.tables[table][id] : undefined
    if (rec) return stampSource(rec.base)[0] === this.device
    return this.incoming.has(key(table, id))
  }

  private pointedContacts(rule: Extract<ScopeRule, { kind: 'pointedBy' }>): Set<string> {
    if (!this.contactsMemo) {
      this.contactsMemo = new Set()
      const consider = (id: string) => {
        if (!this.holds(rule.table, id)) return
        const c = this.field(rule.table, id, rule.field)
        if (typeof c === 'string') this.contactsMemo!.add(c)
      }
      for (const id of Object.keys(this.tables[rule.table])) consider(id)
      for (const k of this.incoming.keys()) if (k.startsWith(`${rule.table}/`)) consider(k.slice(rule.table.length + 1))
    }
    return this.contactsMemo
  }
}
