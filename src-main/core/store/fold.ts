import { applyEntry, type LogEntry, type Tables } from '../sync/change'
import { foldRevealed, revealedFor, type Revealed } from '../sync/revealed'
import type { VersionVector } from '../sync/clock'
import type { LogLine } from './change-log'
import type { SetAside } from './snapshot'

// Folding changes into the tables in causal order: a device's changes one after another, and a
// change only once every change its author had seen is folded in. Then whatever order changes
// arrive in (from files, a shared folder, relayed by other devices), every device that folds the
// same changes gets the same tables.

export interface FoldState {
  tables: Tables
  /** Per device, the last of its changes folded in. */
  applied: VersionVector
  /** Per device, what it had seen of the others at that change. */
  authors: Record<string, VersionVector>
  setAside: SetAside[]
}

export interface Pending {
  line: LogLine
  /** The line's raw text (for the log's running hash). */
  text: string
}

/** Whether a change from another device may be folded in: null (yes), or why not. */
export type Admit = (state: FoldState, entry: LogEntry) => { refuse: string } | { hold: string } | null

/** What became of a pending change: applied, refused (set aside), or already folded in before
 *  (a copy of a log that lost lines getting them back). */
export type Outcome = { applied: true } | { refused: string } | { known: true }

/**
 * Folds every pending change whose turn has come, and calls `folded` for each. Returns, per
 * device whose changes still wait, why the first one waits.
 */
export function foldPending(
  state: FoldState,
  pending: Map<string, Pending[]>,
  admit: Admit,
  folded: (device: string, p: Pending, outcome: Outcome) => void,
  revealed?: Revealed,
): Map<string, string> {
  const next = new Map<string, number>([...pending.keys()].map((d) => [d, 0]))
  const waiting = new Map<string, string>()
  let progress = true
  while (progress) {
    progress = false
    for (const [device, queue] of pending) {
      let i = next.get(device)!
      while (i < queue.length) {
        const e = queue[i].line.e
        const at = state.applied[device] ?? 0
        if (e.seq <= at) {
          folded(device, queue[i], { known: true })
          i++
          continue
        }
        const gapClosed = e.kind === 'base' && e.lost?.[0] === at + 1
        if (e.seq !== at + 1 && !gapClosed) {
          waiting.set(device, `waiting for change ${at + 1} of device ${device}`)
          break
        }
        const seen = { ...state.authors[device], ...e.seen }
        const missing = Object.entries(seen).find(([d, n]) => d !== device && (state.applied[d] ?? 0) < n)
        if (missing) {
          waiting.set(device, `waiting for change ${missing[1]} of device ${missing[0]}`)
          break
        }
        const verdict = admit(state, e)
        if (verdict && 'hold' in verdict) {
          waiting.set(device, verdict.hold)
          break
        }
        if (verdict) state.setAside.push({ device, seq: e.seq, reason: verdict.refuse })
        else {
          applyEntry(state.tables, e, { ...seen, [device]: e.seq - 1 })
          const late = revealed && revealedFor(revealed, device, e.seq)
          if (late) foldRevealed(state.tables, e, late)
        }
        state.applied[device] = e.seq
        state.authors[device] = seen
        folded(device, queue[i], verdict && 'refuse' in verdict ? { refused: verdict.refuse } : { applied: true })
        waiting.delete(device)
        i++
        progress = true
      }
      next.set(device, i)
    }
  }
  for (const [device, i] of next) {
    const queue = pending.get(device)!
    queue.splice(0, i)
    if (queue.length === 0) pending.delete(device)
  }
  return waiting
}
