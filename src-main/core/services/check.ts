import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ENTITIES, TABLES, linkedIds, type TableName } from '../model/entities'
import { AppError } from '../model/errors'
import { listLogs, logDevice, readLog } from '../store/change-log'
import { foldPending, type FoldState, type Pending } from '../store/fold'
import { plainContent, type Sealer } from '../store/encryption'
import { parseSnapshot, SCHEMA_VERSION, versionOf, type Snapshot } from '../store/snapshot'
import { DATA_FILE } from '../store/store'
import { admit, revocationsOf } from '../sync/admit'
import { conflictedFields, emptyTables, expandedTables, unseenByDelete } from '../sync/change'
import { findBreaches } from '../sync/breaches'
import { canonical } from '../sync/digest'
import { readRevealed } from '../sync/revealed'

export interface CheckResult {
  ok: boolean
  problems: string[]
  facts: string[]
  /** Conflicts and broken rules left by merges: the data is sound, a person has to choose. */
  toResolve: string[]
}

/**
 * Reads a profile without taking its lock or changing anything: the data file parses, every
 * log line is whole and follows from the one before (hash chain), the data file is exactly what
 * its logs rebuild to, and every link points at a record that exists. Conflicts and rules a
 * merge broke are listed apart: they are for a person to resolve, not damage.
 */
export function checkProfile(dir: string, sealer: Sealer | null = null): CheckResult {
  const problems: string[] = []
  const facts: string[] = []
  const toResolve: string[] = []
  const file = join(dir, DATA_FILE)
  let snap: Snapshot | null = null
  if (!existsSync(file)) problems.push(`${file} does not exist (run gfc init).`)
  else {
    try {
      const raw = JSON.parse(plainContent(readFileSync(file), sealer, file).toString('utf8'))
      if (versionOf(raw, file) < SCHEMA_VERSION) facts.push(`${file} has schema ${raw.schemaVersion}; it is upgraded when the profile is next opened.`)
      else snap = parseSnapshot(raw, file)
    } catch (e) {
      problems.push(e instanceof AppError ? e.message : `${file} is damaged or cut short (${(e as Error).message}).`)
    }
  }
  const own = readDeviceId(dir)

  const pending = new Map<string, Pending[]>()
  let shortCopies = false
  for (const log of listLogs(dir)) {
    const device = logDevice(log)
    const read = readLog(log, readFileSync(log), undefined, true, true, sealer)
    facts.push(`change log ${device}: ${read.end.seq} changes`)
    if (read.damage) problems.push(read.damage)
    if (read.tornTail) problems.push(`${log} ends with an unfinished change (a crash or full disk); it will be set aside on the next open.`)
    const upTo = snap?.applied[device] ?? 0
    if (snap && read.end.seq < upTo) {
      if (device === own) problems.push(`${log} holds changes up to ${read.end.seq}, but the data file has folded in ${upTo}: the end of the log is missing.`)
      else {
        shortCopies = true
        facts.push(`the copy of device ${device}'s log lacks changes ${read.end.seq + 1}–${upTo}; the data file keeps their effect, and they are asked for again at the next sync.`)
      }
    }
    const lines = read.lines.filter((l) => !snap || l.line.e.seq <= upTo)
    if (lines.length) pending.set(device, lines.map((l) => ({ line: l.line, text: l.text })))
  }

  if (snap) {
    const tables = snap.tables
    for (const t of TABLES) {
      const live = Object.values(tables[t]).filter((r) => r.data.deleted !== true)
      facts.push(`${t}: ${live.length} (${Object.keys(tables[t]).length - live.length} deleted)`)
    }
    // A link may point at a deleted record (a tombstone keeps it), never at none.
    for (const table of TABLES) {
      for (const rec of Object.values(tables[table])) {
        if (rec.data.deleted === true) continue
        for (const [field, target] of Object.entries(ENTITIES[table].links) as [string, TableName][]) {
          for (const id of linkedIds(rec.data[field])) {
            if (!Object.hasOwn(tables[target], id)) problems.push(`${table} ${rec.id}: ${field} points at ${id}, which is not in ${target}.`)
          }
        }
        for (const f of conflictedFields(rec)) toResolve.push(`conflict: ${table} ${rec.id} ${f}`)
        if (unseenByDelete(rec).length) toResolve.push(`conflict: ${table} ${rec.id} was deleted on one device while edited on another`)
      }
    }
    for (const b of findBreaches(tables)) toResolve.push(`rule: ${b.message} (${b.ids.join(', ')})`)
    if (problems.length === 0 && !shortCopies) {
      const state: FoldState = { tables: emptyTables(), applied: {}, authors: {}, setAside: [] }
      foldPending(state, pending, (s, e) => (e.device === own ? null : admit(s, e, own, revocationsOf(tables))), () => {}, readRevealed(dir, sealer))
      if (canonical(expandedTables(state.tables)) !== canonical(expandedTables(tables))) problems.push('The data file differs from what its change logs rebuild to.')
    }
  }
  return { ok: problems.length === 0, problems, facts, toResolve }
}

function readDeviceId(dir: string): string {
  try {
    return String(JSON.parse(readFileSync(join(dir, 'device.json'), 'utf8')).deviceId ?? '')
  } catch {
    return ''
  }
}
