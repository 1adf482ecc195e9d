import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { Scope } from '../../model/device'
import type { ImportReport } from '../../model/sync'
import { idProblem } from '../../model/entities'
import { AppError } from '../../model/errors'
import { writeFileDurableSync } from '../../store/durable-file'
import { plainContent } from '../../store/encryption'
import type { LogLine } from '../../store/change-log'
import type { Store } from '../../store/store'
import { findBreaches } from '../../sync/breaches'
import { changeCount, headMessage, openBundle, readBundle, refused, toRun, verifyRun, writeBundle, type Payload, type Run } from '../../sync/bundle'
import { conflictedFields, fieldStamp, unseenByDelete, type LogEntry, type Op, type TableName } from '../../sync/change'
import { covered, type VersionVector } from '../../sync/clock'
import { chainNext, entryDigest } from '../../sync/digest'
import { signBytes } from '../../sync/keys'
import { hiddenHeads, newcomers, partialFor } from '../../sync/partial'
import { ScopeView } from '../../sync/scope'
import { readState, updateState } from './state'

// Bundles: what one device sends another, and what happens when one arrives.

/** More than this far ahead of this computer's clock, an incoming change is worth a warning. */
const CLOCK_WARNING_MS = 5 * 60 * 1000
/** A bundle that would delete more than this share of a table's live records waits for a person. */
export const MASS_DELETION_SHARE = 0.2

export function requireDataset(store: Store): { id: string; name: string } {
  const d = store.device.dataset
  if (!d) throw new AppError('conflict', 'This profile does not belong to a dataset yet: create one (gfc sync folder DIR --init, or enrol a device) or join one (gfc device join FILE).')
  return d
}

function liveDevice(store: Store, id: string) {
  const rec = store.record('devices', id)
  if (!rec || rec.data.deleted === true) throw new AppError('not_found', `Device ${id} is not enrolled in this dataset.`, 'to')
  if (rec.data.revoked === true) throw new AppError('conflict', `Device ${id} was revoked: nothing is sent to it.`, 'to')
  return rec
}

export interface BuiltBundle {
  bytes: Buffer
  changes: number
  fileName: string
}

/** Everything `to` lacks (by what it last said it holds), in its scope, for it alone. */
export function buildBundle(store: Store, to: string): BuiltBundle {
  const dataset = requireDataset(store)
  const me = store.device.deviceId
  if (to === me) throw new AppError('validation', 'A bundle goes to another device, not to this one.', 'to')
  const rec = liveDevice(store, to)
  const has: VersionVector = readState(store).peers[to]?.vv ?? {}
  const scope = rec.data.scope as Scope
  const view = scope.kind === 'missions' ? new ScopeView(store.tables, scope.missionIds, to) : null
  const runs: Run[] = []
  for (const author of store.logDevices.sort()) {
    if (author === to) continue
    const { prev, lines } = store.logRun(author, has[author] ?? 0)
    let signed: LogLine[] = lines
    let sig: string
    if (author === me) {
      if (!lines.length) continue
      const last = lines.at(-1)!
      sig = signBytes(store.identity.keys, headMessage(dataset.id, me, last.e.seq, last.h))
    } else {
      // Another device's changes are relayed only as far as this device holds them whole (a copy
      // with fields outside this device's scope would stand in for the real change, and the
      // recipient would never take the whole one), and up to the last head their author signed.
      const whole = lines.findIndex((l) => (l.e.r !== undefined || l.e.d !== undefined) && !l.e.x)
      const usable = whole === -1 ? lines : lines.slice(0, whole)
      const i = usable.findLastIndex((l) => l.s !== undefined)
      if (i === -1) continue
      signed = usable.slice(0, i + 1)
      sig = signed.at(-1)!.s!
    }
    const last = signed.at(-1)!
    const carried = view ? signed.map((l) => ({ ...l, e: partialFor(l.e, view) })) : signed
    runs.push(toRun(author, prev, carried, { seq: last.e.seq, chain: last.h, sig }))
  }
  const payload: Payload = { vv: store.receivedVector, runs, reveals: view ? revealsFor(store, view, has, rec) : [] }
  const changes = changeCount(runs)
  const bytes = writeBundle(payload, { dataset: dataset.id, from: me, to, changes }, store.identity.keys, String(rec.data.boxKey))
  const name = String(rec.data.name || to).replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 60)
  return { bytes, changes, fileName: `GFC changes for ${name} ${new Date().toISOString().slice(0, 16).replace(':', 'h')}.gfcsync` }
}

/** Earlier changes again, for records that came into the recipient's scope since. */
function revealsFor(store: Store, view: ScopeView, has: VersionVector, rec: { stamps: Record<string, string>; base: string; data: Record<string, unknown> }): Payload['reveals'] {
  const scopeStamp = fieldStamp(rec as never, 'scope')
  const scopeChanged = scopeStamp !== undefined && Object.keys(has).length > 0 && !covered(scopeStamp, has)
  const byChange = hiddenHeads(store.tables, newcomers(store.tables, view, has, scopeChanged), view, has)
  const out: Payload['reveals'] = []
  for (const [k, keys] of byChange) {
    const [author, seqText] = k.split(':')
    const entry = store.entryAt(author, Number(seqText))
    if (!entry) continue
    const partial = partialFor(entry, view)
    if (partial.d !== undefined) continue
    out.push({ author, seq: entry.seq, ops: partial.ops, r: partial.r ?? [], apply: [...keys] })
  }
  return out
}

const heldDir = (store: Store) => join(store.dir, 'held')

/**
 * Applies a bundle: the sender's signature, the recipient, the dataset and every author's
 * signed chain are checked before anything is written; then each author's changes are added
 * to its log and folded in, in causal order (refused ones set aside, early ones held).
 * Applying the same bundle twice, or bundles in any order, gives the same data.
 */
export function importBundle(store: Store, buf: Buffer, options: { confirmDeletions?: boolean } = {}): ImportReport {
  const dataset = requireDataset(store)
  const me = store.device.deviceId
  const b = readBundle(buf)
  if (b.header.dataset !== dataset.id) throw refused(`it belongs to another dataset (${b.header.dataset}), not to “${dataset.name}”`, 'sync.bundle.otherDataset', { name: dataset.name })
  if (b.header.to !== me) throw refused(`it was made for device ${b.header.to}, not for this one (${me})`, 'sync.bundle.notForMe', { device: b.header.to })
  const keys = knownKeys(store)
  const sender = store.record('devices', b.header.from)
  if (sender?.data.revoked === true) throw refused(`its sender, device ${b.header.from}, was revoked`, 'sync.bundle.senderRevoked', { device: String(sender.data.name ?? b.header.from) })
  const senderKey = keys.get(b.header.from)
  if (!senderKey) throw refused(`its sender, device ${b.header.from}, is not enrolled in this dataset`, 'sync.bundle.senderUnknown', { device: b.header.from })
  const payload = openBundle(b, senderKey, store.identity.keys)

  const { verified, unknown } = verifyRuns(payload.runs, dataset.id, keys, enrollersOf(store))
  const report: ImportReport = {
    from: b.header.from,
    fromName: String(sender?.data.name ?? b.header.from),
    changes: 0,
    added: 0,
    changed: 0,
    deleted: 0,
    conflicts: [],
    refused: [],
    waiting: unknown.map((a) => `changes of device ${a}, which is not enrolled here (yet)`),
    breaches: [],
    warnings: [],
  }

  // What the bundle holds that this device lacks, per author; a run that starts past the end of
  // this device's copy waits (held) for the changes between.
  const received = store.receivedVector
  const fresh = new Map<string, LogLine[]>()
  const gaps: [string, LogLine[]][] = []
  for (const [author, lines] of verified) {
    if (author === me) continue
    const end = received[author] ?? 0
    const first = lines[0].e
    if (first.seq > end + 1 && !(first.kind === 'base' && first.lost?.[0] === end + 1)) {
      gaps.push([author, lines])
      report.waiting.push(`changes ${first.seq}–${lines.at(-1)!.e.seq} of device ${author} wait for its changes ${end + 1}–${first.seq - 1}`)
      continue
    }
    const newer = lines.filter((l) => l.e.seq > end)
    if (newer.length) fresh.set(author, newer)
  }
  for (const [author, [first]] of fresh) {
    if (first.h !== chainNext(first.p ?? store.logRun(author, received[author] ?? 0).prev, entryDigest(first.e))) {
      throw refused(`the changes of device ${author} in it do not follow on from those this device holds (another history of that device)`)
    }
  }
  for (const [author, lines] of gaps) holdRun(store, author, lines)

  const massive = massDeletion(store, fresh)
  const heldFile = join(heldDir(store), `bundle-${createHash('sha256').update(buf).digest('hex').slice(0, 16)}.gfcsync`)
  if (massive.length && !options.confirmDeletions) {
    mkdirSync(heldDir(store), { recursive: true, mode: 0o700 })
    writeFileDurableSync(heldFile, buf)
    return { ...report, held: { reason: 'it would delete a large share of some lists', tables: massive } }
  }

  const before = new Map<string, boolean>()
  for (const lines of fresh.values()) for (const l of lines) for (const op of l.e.ops) before.set(`${op.table}/${op.id}`, liveNow(store, op.table, op.id))
  applyReveals(store, payload)
  const ahead = Date.now() + CLOCK_WARNING_MS
  for (const lines of fresh.values()) {
    const late = lines.find((l) => Number(l.e.hlc.slice(0, 13)) > ahead)
    if (late) report.warnings.push(`device ${late.e.device}'s clock was ${Math.round((Number(late.e.hlc.slice(0, 13)) - Date.now()) / 60000)} minutes ahead of this computer's when it made change ${late.e.seq}`)
  }
  const arrived = [...store.receive(fresh), ...retryHeld(store)]
  report.changes = arrived.length
  const touched = new Map<string, { table: TableName; id: string }>()
  for (const a of arrived) {
    if (a.refused) {
      report.refused.push({ device: a.device, seq: a.entry.seq, reason: a.refused })
      continue
    }
    for (const op of a.entry.ops) touched.set(`${op.table}/${op.id}`, op)
  }
  for (const [k, { table, id }] of touched) {
    const wasLive = before.get(k) ?? false
    const isLive = liveNow(store, table, id)
    if (!wasLive && isLive) report.added++
    else if (wasLive && !isLive) report.deleted++
    else if (isLive) report.changed++
    const rec = store.record(table, id)
    if (!rec) continue
    const fields = conflictedFields(rec)
    if (unseenByDelete(rec).length) fields.push('deleted')
    if (fields.length) report.conflicts.push({ table, id, fields })
  }
  for (const [device, why] of store.waiting) report.waiting.push(`changes of device ${device}: ${why}`)
  report.breaches = findBreaches(store.tables).map((x) => x.message)
  report.fromName = String(store.record('devices', b.header.from)?.data.name ?? b.header.from)
  updateState(store, (s) => {
    s.peers[b.header.from] = { vv: payload.vv, heardAt: new Date().toISOString() }
  })
  // Held for a person's confirmation before, and now applied: it no longer waits.
  if (existsSync(heldFile)) unlinkSync(heldFile)
  return report
}

function liveNow(store: Store, table: TableName, id: string): boolean {
  const r = store.record(table, id)
  return !!r && r.data.deleted !== true && Object.keys(r.data).length > 0
}

/** Signing keys of the enrolled devices (and of the device that enrolled this one). */
function knownKeys(store: Store): Map<string, string> {
  const keys = new Map<string, string>()
  const anchor = readState(store).anchor
  if (anchor) keys.set(anchor.id, anchor.signKey)
  for (const rec of Object.values(store.tables.devices)) if (typeof rec.data.signKey === 'string') keys.set(rec.id, rec.data.signKey)
  keys.set(store.device.deviceId, store.device.signKey)
  return keys
}

/** Per device that may enrol others (full scope), the last of its changes that may: all of
 *  them, unless it was revoked. */
function enrollersOf(store: Store): Map<string, number> {
  const out = new Map<string, number>()
  const anchor = readState(store).anchor
  if (anchor) out.set(anchor.id, Infinity)
  for (const rec of Object.values(store.tables.devices)) {
    if ((rec.data.scope as Scope | undefined)?.kind === 'full') out.set(rec.id, rec.data.revoked === true ? Number(rec.data.revokedAfter ?? 0) : Infinity)
    else out.delete(rec.id)
  }
  return out
}

/**
 * Checks each author's run against the author's signed head. An author may be enrolled by a
 * change inside the same bundle: its key is learnt from a run already checked, and only from a
 * change of a device that may enrol (else a field device could enrol a device of its own making,
 * which, never enrolled here, would count as full scope). Runs whose author stays unknown are
 * left out.
 */
function verifyRuns(runs: Run[], dataset: string, keys: Map<string, string>, enrollers: Map<string, number>): { verified: Map<string, LogLine[]>; unknown: string[] } {
  const verified = new Map<string, LogLine[]>()
  let left = [...runs]
  for (let progress = true; progress && left.length; ) {
    progress = false
    const next: Run[] = []
    for (const run of left) {
      const key = keys.get(run.author)
      if (!key) {
        next.push(run)
        continue
      }
      const lines = verifyRun(run, dataset, key, run.entries[0].seq)
      if (!lines) throw refused(`the changes of device ${run.author} in it do not match that device's signature (changed or cut)`)
      verified.set(run.author, lines)
      for (const l of lines) {
        if (l.e.seq > (enrollers.get(run.author) ?? 0)) continue
        for (const op of l.e.ops) {
          // The id names the device's log file: only a device id, never a path.
          if (op.table !== 'devices' || idProblem('devices', op.id)) continue
          // A device's keys are fixed once it is enrolled (so no one signs as another).
          if (typeof op.set.signKey === 'string' && !keys.has(op.id)) keys.set(op.id, op.set.signKey)
          const scope = op.set.scope as Scope | undefined
          if (scope?.kind === 'full') enrollers.set(op.id, Infinity)
          else if (scope) enrollers.delete(op.id)
        }
      }
      progress = true
    }
    left = next
  }
  return { verified, unknown: left.map((r) => r.author) }
}

/** Tables where the bundle would delete more than a fifth of the live records (at least two). */
function massDeletion(store: Store, fresh: Map<string, LogLine[]>): { table: TableName; deleting: number; live: number }[] {
  const deleting = new Map<TableName, Set<string>>()
  for (const lines of fresh.values()) {
    for (const l of lines) {
      for (const op of l.e.ops) {
        if (op.set.deleted === true && liveNow(store, op.table, op.id)) {
          if (!deleting.has(op.table)) deleting.set(op.table, new Set())
          deleting.get(op.table)!.add(op.id)
        }
      }
    }
  }
  const out: { table: TableName; deleting: number; live: number }[] = []
  for (const [table, ids] of deleting) {
    const live = Object.values(store.tables[table]).filter((r) => r.data.deleted !== true).length
    if (ids.size >= 2 && ids.size > live * MASS_DELETION_SHARE) out.push({ table, deleting: ids.size, live })
  }
  return out
}

/** Revealed fields of earlier changes: each must complete the change this device holds (same digest). */
function applyReveals(store: Store, payload: Payload): void {
  for (const r of payload.reveals) {
    const held = store.entryAt(r.author, r.seq)
    if (!held) continue
    const candidate: LogEntry = { v: 2, device: r.author, seq: r.seq, hlc: held.hlc, ops: r.ops, r: r.r, ...(held.seen ? { seen: held.seen } : {}), ...(held.kind ? { kind: held.kind } : {}), ...(held.lost ? { lost: held.lost } : {}) }
    if (entryDigest(candidate) !== entryDigest(held)) continue // not the change it claims to complete: ignored
    const apply = new Set(r.apply)
    const ops: Op[] = []
    for (const op of r.ops) {
      const set = Object.fromEntries(Object.entries(op.set).filter(([f]) => apply.has(`${op.table}/${op.id}/${f}`)))
      if (Object.keys(set).length) ops.push({ table: op.table, id: op.id, set })
    }
    if (ops.length) store.reveal(r.author, held, ops)
  }
}

function holdRun(store: Store, author: string, lines: LogLine[]): void {
  mkdirSync(heldDir(store), { recursive: true, mode: 0o700 })
  // Opened changes: in an encrypted profile they are sealed like its logs.
  const text = JSON.stringify(lines)
  writeFileDurableSync(join(heldDir(store), `run-${author}-${lines[0].e.seq}-${lines.at(-1)!.e.seq}.json`), store.sealer ? store.sealer.sealFile(text) : text)
}

/** Runs held for a gap, tried again: those that now follow on are added; the rest keep waiting;
 *  one that does not follow on from its author's changes that filled the gap (another history
 *  of that device) is dropped, as it would have been refused had it come after them. */
function retryHeld(store: Store) {
  const dir = heldDir(store)
  if (!existsSync(dir)) return []
  const out = []
  let progress = true
  while (progress) {
    progress = false
    for (const name of readdirSync(dir).filter((n) => n.startsWith('run-')).sort()) {
      const file = join(dir, name)
      const lines = JSON.parse(plainContent(readFileSync(file), store.sealer, file).toString('utf8')) as LogLine[]
      const author = lines[0].e.device
      const end = store.receivedVector[author] ?? 0
      if (lines[0].e.seq > end + 1) continue
      const newer = lines.filter((l) => l.e.seq > end)
      if (newer.length && newer[0].h === chainNext(newer[0].p ?? store.logRun(author, end).prev, entryDigest(newer[0].e))) out.push(...store.receive(new Map([[author, newer]])))
      unlinkSync(file)
      progress = true
    }
  }
  return out
}

/** Bundles held for a person's confirmation (mass deletions). */
export function heldBundles(store: Store): string[] {
  const dir = heldDir(store)
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('bundle-')) : []
}

