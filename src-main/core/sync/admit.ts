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

/** Per revoked device, the last of its changes that stays. */
export type Revocations = Map<string, number>

export function revocationsOf(tables: FoldState['tables']): Revocations {
  const out: Revocations = new Map()
  for (const r of Object.values(tables.devices)) if (r.data.revoked === true) out.set(r.id, Number(r.data.revokedAfter ?? 0))
  return out
}

/**
 * `revoked`, when given, is what is known of revocations now (a rebuild after a revocation
 * arrived later than changes it refuses); otherwise the revocations folded in so far count.
 */
export function admit(state: FoldState, e: LogEntry, _me: string, revoked?: Revocations): { refuse: string } | { hold: string } | null {
  const ahead = Number(e.hlc.slice(0, 13)) - Date.now()
  if (ahead > FUTURE_LIMIT_MS) {
    return { hold: `its clock is ${Math.round(ahead / 3_600_000)} hours ahead of this computer's; it waits until this computer's clock reaches it (or the other device's clock is put right)` }
  }
  const after = (revoked ?? revocationsOf(state.tables)).get(e.device)
  if (after !== undefined && e.seq > after) return { refuse: `device ${e.device} was revoked after its change ${after}` }
  for (const op of e.ops) {
    const badId = idProblem(op.table, op.id)
    if (badId) return { refuse: `${op.table}: ${badId}` }
    if (op.at && e.kind !== 'base') return { refuse: `${op.table} ${op.id}: only a base change may carry stamps` }
    for (const [field, value] of Object.entries(op.set)) {
      const bad = fieldProblem(op.table, field, value)
      if (bad) return { refuse: `${op.table} ${op.id}: ${bad}` }
    }
    const existing = Object.hasOwn(state.tables[op.table], op.id) ? state.tables[op.table][op.id] : undefined
    if (existing) {
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
