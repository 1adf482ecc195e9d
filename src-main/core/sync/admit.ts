import { ENTITIES, fieldProblem, idProblem } from '../model/entities'
import type { FoldState } from '../store/fold'
import type { LogEntry } from './change'
import { incomingOf, scopeOf, ScopeView } from './scope'

// Whether a change from another device may be folded in. Its authenticity was checked when it
// arrived (its author's signature over its log's chain); here, what it does: every id and value
// passes the registry's schemas, links fixed at creation stay fixed, its author was not revoked
// before it, and a device scoped to some missions changed only what its scope lets it change.
// A refused change is set aside with the reason and never stops the changes after it.

/** More than this far ahead of this computer's clock, a change waits (quarantine). */
export const FUTURE_LIMIT_MS = 24 * 60 * 60 * 1000

export function admit(state: FoldState, e: LogEntry, _me: string): { refuse: string } | { hold: string } | null {
  const ahead = Number(e.hlc.slice(0, 13)) - Date.now()
  if (ahead > FUTURE_LIMIT_MS) {
    return { hold: `its clock is ${Math.round(ahead / 3_600_000)} hours ahead of this computer's; it waits until this computer's clock reaches it (or the other device's clock is put right)` }
  }
  const author = Object.hasOwn(state.tables.devices, e.device) ? state.tables.devices[e.device] : undefined
  if (author?.data.revoked === true && e.seq > Number(author.data.revokedAfter)) {
    return { refuse: `device ${e.device} was revoked after its change ${author.data.revokedAfter}` }
  }
  for (const op of e.ops) {
    const badId = idProblem(op.id)
    if (badId) return { refuse: `${op.table}: ${badId}` }
    if (op.at && e.kind !== 'base') return { refuse: `${op.table} ${op.id}: only a base change may carry stamps` }
    for (const [field, value] of Object.entries(op.set)) {
      const bad = fieldProblem(op.table, field, value)
      if (bad) return { refuse: `${op.table} ${op.id}: ${bad}` }
    }
    const existing = Object.hasOwn(state.tables[op.table], op.id) ? state.tables[op.table][op.id] : undefined
    if (existing && Object.keys(existing.data).length > 0) {
      for (const f of ENTITIES[op.table].fixed) {
        if (f in op.set && JSON.stringify(op.set[f]) !== JSON.stringify(existing.data[f])) return { refuse: `${op.table} ${op.id}: ${f} cannot change once the record is made` }
      }
    }
  }
  const scope = scopeOf(state.tables, e.device)
  if (scope.kind === 'missions') {
    const view = new ScopeView(state.tables, scope.missionIds, e.device, incomingOf(e.ops))
    for (const op of e.ops) {
      if (!view.mayWrite(op.table, op.id, Object.keys(op.set))) return { refuse: `${op.table} ${op.id} is outside the scope of device ${e.device} (its missions)` }
    }
  }
  return null
}
