import { createHash, type Hash } from 'node:crypto'
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { AppError } from '../model/errors'
import { admit, revocationsOf, type Revocations } from '../sync/admit'
import { incomingOf, scopeOf, ScopeView } from '../sync/scope'
import { appendRevealed, foldRevealed, readRevealed, type Revealed } from '../sync/revealed'
import { emptyTables, heads, type LogEntry, type Op, type StoredRecord, type TableName, type Tables } from '../sync/change'
import { HybridClock, type Stamp, type VersionVector } from '../sync/clock'
import { canonical, chainNext, entryDigest } from '../sync/digest'
import { backupDir, keepCopy, rotateBackup } from './backups'
import { LOG_DIR, LogWriter, listLogs, logDevice, logPath, readLog, START, type LogLine, type LogPosition } from './change-log'
import { loadIdentity, newIdentity, readIdentity, saveDevice, type DeviceFile, type Identity } from './device'
import { DIR_MODE, DurableJsonFile, FILE_MODE, removeStaleTemps } from './durable-file'
import { createProfileKey, isEncrypted, needsPassphrase, plainContent, unlockProfile, type PassphraseKey, type Sealer } from './encryption'
import { foldPending, type FoldState, type Pending } from './fold'
import { migrateLegacy } from './legacy'
import { lockProfile } from './lock'
import { hasPlainFiles, sealProfileFiles } from './seal-profile'
import { writeArchive } from './archive'
import { eraseFromFiles, erasedRecords, erasesSomething, recordKey } from './erasure'
import { emptySnapshot, migrateToV4, parseSnapshot, SCHEMA_VERSION, versionOf, type Folded, type Snapshot } from './snapshot'

export const DATA_FILE = 'gfc.json'

/** Fold the log into the data file after this many changes, or when the app goes quiet. */
const SNAPSHOT_EVERY = 500
const SNAPSHOT_IDLE_MS = 1_000

export interface OpenReport {
  migratedFrom?: number
  tornTailDropped: boolean
  replayed: number
  /** Things the person should know (a log put right, changes still waiting). */
  notices: string[]
}

export interface OpenOptions {
  /** Go on from the data file when a log lost its end or was damaged (the damaged part is kept aside). */
  recoverLog?: boolean
  /** The passphrase key of an encrypted profile. */
  key?: PassphraseKey
}

/** One device's log in this profile: what is folded into the tables, and where the file ends. */
interface LogState {
  file: string
  folded: LogPosition
  /** SHA-256 of the folded bytes, carried forward line by line. */
  hash: Hash
  end: LogPosition
}

/** Told of every change folded in: its ops, or that the tables were all folded again. */
export type ChangeListener = (ops: Op[], rebuilt?: boolean) => void

/** A change from another device folded in (applied, or refused and set aside). */
export interface Arrived {
  device: string
  entry: LogEntry
  refused?: string
}

/**
 * The datastore of one profile folder:
 *   changes/<device>.jsonl  each device's changes, a hash chain, fsynced per change (the source of truth)
 *   gfc.json                the materialised view, a lowdb document, rewritten in the background
 *   backups/                the last ten good data files, and anything set aside
 *   device.json, .lock      this device's identity; the one-process lock
 */
export class Store {
  private constructor(
    readonly dir: string,
    private identityNow: Identity,
    private readonly db: Low<Snapshot>,
    private readonly logs: Map<string, LogState>,
    private readonly pending: Map<string, Pending[]>,
    private readonly clock: HybridClock,
    private readonly unlock: () => Promise<void>,
    readonly report: OpenReport,
    /** Seals the files of an encrypted profile; null for a plain one. */
    readonly sealer: Sealer | null,
    readonly readOnly = false,
  ) {
    this.writer = readOnly ? null : this.openWriter(this.device.deviceId)
    this.revealed = readRevealed(dir, sealer)
  }

  private writer: LogWriter | null
  /** Records erased (`table:id`) whose values some file may still hold. */
  private eraseDue = new Set<string>()
  /** Changes logged but not yet folded into the data file. */
  private unsnapshotted = 0
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()
  private closed = false
  private listeners = new Set<ChangeListener>()
  /** Per device whose changes wait (a gap, a change not yet seen here, a clock far ahead): why. */
  waiting = new Map<string, string>()
  private revealed: Revealed

  static async open(dir: string, options: OpenOptions = {}): Promise<Store> {
    if (existsSync(dir) && !writable(dir)) {
      if (!readable(dir)) throw new AppError('unavailable', `GFC Desk may not read the data folder ${dir} (permission denied). Check who owns it, or choose another folder.`)
      return Store.openLocked(dir, null, options)
    }
    mkdirSync(join(dir, LOG_DIR), { recursive: true, mode: DIR_MODE })
    const unlock = await lockProfile(dir)
    try {
      return await Store.openLocked(dir, unlock, options)
    } catch (e) {
      await unlock()
      throw e
    }
  }

  /** With no `unlock`, the folder cannot be written: the profile opens read-only, for looking
   *  and exporting, and nothing in it is touched. */
  private static async openLocked(dir: string, unlock: (() => Promise<void>) | null, options: OpenOptions, erasing = false): Promise<Store> {
    const readOnly = unlock === null
    if (!readOnly) {
      ownerOnly(dir)
      removeStaleTemps(dir)
      removeStaleTemps(join(dir, LOG_DIR))
      removeStaleTemps(backupDir(dir))
    }
    let sealer: Sealer | null = null
    if (isEncrypted(dir)) {
      if (!options.key) throw needsPassphrase(dir)
      sealer = unlockProfile(dir, options.key)
      // An encryption cut short by a crash is finished first.
      if (!readOnly && hasPlainFiles(dir)) sealProfileFiles(dir, sealer)
    }
    const identity = readOnly ? readIdentity(dir) : loadIdentity(dir)
    const me = identity.device.deviceId
    const file = join(dir, DATA_FILE)
    const report: OpenReport = { tornTailDropped: false, replayed: 0, notices: [] }

    const raw = readDataFile(file, sealer)
    let snapshot: Snapshot
    if (raw === undefined) snapshot = emptySnapshot()
    else {
      const version = versionOf(raw, file)
      if (version < SCHEMA_VERSION) {
        report.migratedFrom = version
        keepCopy(dir, file, `pre-migration-v${version}`)
        snapshot = migrateLegacy(dir, migrateToV4(raw as Record<string, unknown>, file))
      } else snapshot = parseSnapshot(raw, file)
    }

    const logs = new Map<string, LogState>()
    const pending = new Map<string, Pending[]>()
    const damage: string[] = []
    for (const device of new Set([...listLogs(dir).map(logDevice), ...Object.keys(snapshot.logs), me])) {
      const path = logPath(dir, device)
      const buf = existsSync(path) ? readFileSync(path) : Buffer.alloc(0)
      const opened = openLog(path, buf, snapshot.logs[device] ?? { ...START, sha: EMPTY_SHA }, snapshot.applied[device] ?? 0, sealer)
      if (opened.damage) {
        if (device === me || !opened.lostOnly) damage.push(opened.damage)
        else report.notices.push(opened.damage)
      }
      logs.set(device, opened.state)
      if (opened.lines.length) pending.set(device, opened.lines)
      if (buf.length > opened.state.end.bytes && !readOnly) {
        // A torn last line (never acknowledged) or a damaged part: kept aside, then cut off.
        if (opened.tornTail) report.tornTailDropped = true
        else if (!options.recoverLog) continue
        keepCopy(dir, path, opened.tornTail ? `torn-${device}` : `damaged-${device}`)
        new LogWriter(path, opened.state.end.bytes, buf.length).close()
      }
    }
    if (damage.length && (!options.recoverLog || readOnly)) {
      throw new AppError(
        'log_gap',
        `${damage.join(' ')} The data file still holds everything: GFC Desk can keep the damaged part aside and continue the log from the data file, without a gap.`,
      )
    }

    const db = new Low<Snapshot>(new DurableJsonFile<Snapshot>(file, sealer), snapshot)
    const store = new Store(dir, identity, db, logs, pending, new HybridClock(snapshot.clock || undefined), unlock ?? (async () => {}), report, sealer, readOnly)
    if (damage.length) store.recoverLogs(damage)
    report.replayed = store.foldWaiting().length
    for (const [device, why] of store.waiting) report.notices.push(`Changes from device ${device} are waiting: ${why}.`)
    if (readOnly) {
      report.notices.unshift(`Opened read-only: you can look and export, not change (${dir} cannot be written).`)
      return store
    }
    const done = new Set(store.db.data.erased ?? [])
    for (const key of erasedRecords(store.tables)) if (!done.has(key)) store.eraseDue.add(key)
    if (store.eraseDue.size && !erasing) {
      // An erasure folded in (or cut short by a crash): the files are rewritten, then read again.
      await store.eraseFromFiles()
      return Store.openLocked(dir, unlock, options, true)
    }

    if (raw === undefined || report.replayed > 0 || report.migratedFrom || damage.length) await store.snapshot()
    // Off the open path: the backup is a copy of the file as it now stands.
    store.writing = store.writing
      .then(() => readFile(file))
      .then((content) => rotateBackup(dir, content, store.preferences.keepBackups))
      .catch((e: Error) => console.error(`GFC Desk could not back up ${DATA_FILE}: ${e.message}`))
    return store
  }

  /** Per device, the last of its changes folded into the tables. */
  private get applied(): VersionVector {
    return this.db.data.applied
  }

  get device(): DeviceFile {
    return this.identityNow.device
  }

  get identity(): Identity {
    return this.identityNow
  }

  get tables(): Snapshot['tables'] {
    return this.db.data.tables
  }

  record(table: TableName, id: string): StoredRecord | undefined {
    const t = this.db.data.tables[table]
    return Object.hasOwn(t, id) ? t[id] : undefined
  }

  /** What this profile has folded in, per device. */
  get appliedVector(): VersionVector {
    return { ...this.applied }
  }

  /** What this profile holds of each device's log (what others need not send again). */
  get receivedVector(): VersionVector {
    return Object.fromEntries([...this.logs].map(([d, s]) => [d, s.end.seq]))
  }

  get setAside(): Snapshot['setAside'] {
    return this.db.data.setAside
  }

  /** What each device had seen when it made its last change folded here. */
  seenBy(device: string): VersionVector {
    return this.db.data.authors[device] ?? {}
  }

  /** Appends one transaction to this device's log (fsynced) and applies it; returns its stamp. */
  commit(ops: Op[]): Stamp {
    this.assertWritable()
    const me = this.device.deviceId
    const scope = scopeOf(this.tables, me)
    if (scope.kind === 'missions') {
      // A field device changes only what every other device would accept from it.
      const view = new ScopeView(this.tables, scope.missionIds, me, incomingOf(ops))
      const out = ops.find((op) => !view.mayWrite(op.table, op.id, Object.keys(op.set)))
      if (out) throw new AppError('validation', `This device may change only the records of its missions and the people who hold their posts (${out.table} ${out.id} is outside them).`)
    }
    if (ops.length === 0) return `${this.clock.last}-${me}-${this.applied[me] ?? 0}`
    const state = this.logs.get(me)!
    const before = this.db.data.authors[me] ?? {}
    const seen: VersionVector = {}
    for (const [d, n] of Object.entries(this.applied)) if (d !== me && before[d] !== n) seen[d] = n
    const entry: LogEntry = { v: 2, device: me, seq: state.end.seq + 1, hlc: this.clock.tick(), ...(Object.keys(seen).length ? { seen } : {}), ops }
    this.appendOwn({ h: chainNext(state.end.chain, entryDigest(entry)), e: entry })
    return `${entry.hlc}-${me}-${entry.seq}`
  }

  private assertWritable(): void {
    if (this.closed) throw new AppError('unavailable', 'The datastore is closed.')
    if (this.readOnly) throw new AppError('unavailable', `This profile was opened read-only: you can look and export, not change (${this.dir} cannot be written).`)
  }

  private appendOwn(line: LogLine): void {
    const me = this.device.deviceId
    const [text] = this.writer!.append([line])
    const state = this.logs.get(me)!
    state.end = { seq: line.e.seq, bytes: this.writer!.length, chain: line.h }
    this.pending.set(me, [...(this.pending.get(me) ?? []), { line, text }])
    this.foldWaiting()
  }

  /**
   * Adds other devices' changes (checked by the caller: authentic, each log's chain continuing
   * where this profile's copy ends) to their logs, fsynced, then folds in every change whose turn
   * has come. Returns what was folded.
   */
  receive(lines: Map<string, LogLine[]>): Arrived[] {
    this.assertWritable()
    for (const [device, list] of lines) {
      if (device === this.device.deviceId) continue
      const state = this.logs.get(device) ?? { file: logPath(this.dir, device), folded: START, hash: createHash('sha256'), end: START }
      const fresh = list.filter((l) => l.e.seq > state.end.seq)
      if (fresh.length === 0) continue
      const first = fresh[0]
      if (first.h !== chainNext(first.p ?? state.end.chain, entryDigest(first.e))) {
        throw new AppError('validation', `The changes of device ${device} received do not follow on from those this device holds (its history differs): nothing of them was added.`)
      }
      this.logs.set(device, state)
      const writer = new LogWriter(state.file, state.end.bytes, existsSync(state.file) ? statSync(state.file).size : 0, this.sealer)
      try {
        const texts = writer.append(fresh)
        const last = fresh.at(-1)!
        state.end = { seq: last.e.seq, bytes: writer.length, chain: last.h }
        const queue = this.pending.get(device) ?? []
        fresh.forEach((line, i) => queue.push({ line, text: texts[i] }))
        this.pending.set(device, queue)
      } finally {
        writer.close()
      }
    }
    return this.foldWaiting()
  }

  /**
   * Fields of an earlier change of `device` that came into this device's scope: kept beside the
   * logs and folded in now (beside what each field holds) if the change is folded in already.
   */
  reveal(device: string, entry: LogEntry, revealed: Op[]): void {
    this.assertWritable()
    const k = `${device}:${entry.seq}`
    // A field revealed before (the same bundle again, or another made before its sender heard
    // back) is not added again: a write here may have replaced it since.
    const before = new Set((this.revealed.get(k) ?? []).flatMap((op) => Object.keys(op.set).map((f) => `${op.table}/${op.id}/${f}`)))
    const ops = revealed
      .map((op) => ({ ...op, set: Object.fromEntries(Object.entries(op.set).filter(([f]) => !before.has(`${op.table}/${op.id}/${f}`))) }))
      .filter((op) => Object.keys(op.set).length > 0)
    if (ops.length === 0) return
    appendRevealed(this.dir, device, entry.seq, ops, this.sealer)
    this.revealed.set(k, [...(this.revealed.get(k) ?? []), ...ops])
    if ((this.applied[device] ?? 0) >= entry.seq) {
      foldRevealed(this.db.data.tables, entry, ops)
      for (const l of this.listeners) l(ops)
      this.scheduleSnapshot()
    }
  }

  /** The lines of a device's log after change `after`, as this profile holds them, and the
   *  chain before the first of them. (Checked when they were written or at open.) */
  logRun(device: string, after: number): { prev: string; lines: LogLine[] } {
    const state = this.logs.get(device)
    if (!state || state.end.seq <= after) return { prev: state?.end.chain ?? START.chain, lines: [] }
    const all = this.parsedLog(device, state)
    const i = all.findIndex((l) => l.e.seq > after)
    return { prev: i > 0 ? all[i - 1].h : START.chain, lines: i === -1 ? [] : all.slice(i) }
  }

  /** A log's lines, read once and then only what was appended since (logs only grow). */
  private parsedLog(device: string, state: LogState): LogLine[] {
    let cached = this.parsed.get(device)
    if (!cached || cached.end.bytes > state.end.bytes) cached = { end: START, lines: [] }
    if (cached.end.bytes < state.end.bytes) {
      const buf = readFileSync(state.file).subarray(0, state.end.bytes)
      const more = readLog(state.file, buf, cached.end, false, false, this.sealer)
      cached = { end: more.end, lines: [...cached.lines, ...more.lines.map((l) => l.line)] }
      this.parsed.set(device, cached)
    }
    return cached.lines
  }

  private parsed = new Map<string, { end: LogPosition; lines: LogLine[] }>()

  /** One change as this profile holds it (whole, or partial for a device scoped to some missions). */
  entryAt(device: string, seq: number): LogEntry | undefined {
    return this.logRun(device, seq - 1).lines.find((l) => l.e.seq === seq)?.e
  }

  /** Every device whose log this profile holds. */
  get logDevices(): string[] {
    return [...this.logs.keys()]
  }

  private foldWaiting(): Arrived[] {
    const out: Arrived[] = []
    const data = this.db.data
    const state: FoldState = { tables: data.tables, applied: data.applied, authors: data.authors, setAside: data.setAside }
    const me = this.device.deviceId
    const ops: Op[] = []
    // Revocations change only with a change to the devices: worked out again only then.
    let revoked = revocationsOf(data.tables)
    this.waiting = foldPending(state, this.pending, (s, e) => (e.device === me ? null : admit(s, e, me, revoked)), (device, p, outcome) => {
      const log = this.logs.get(device)!
      log.hash.update(p.text)
      log.hash.update('\n')
      log.folded = { seq: p.line.e.seq, bytes: log.folded.bytes + Buffer.byteLength(p.text) + 1, chain: p.line.h }
      if ('known' in outcome) return
      this.clock.observe(p.line.e.hlc)
      out.push({ device, entry: p.line.e, ...('refused' in outcome ? { refused: outcome.refused } : {}) })
      if ('applied' in outcome) {
        for (const op of p.line.e.ops) {
          ops.push(op)
          if (op.set.erased === true || erasesSomething(op, (t, id) => data.tables[t][id]?.data.erased === true)) this.eraseDue.add(recordKey(op.table, op.id))
        }
        if (p.line.e.ops.some((op) => op.table === 'devices')) revoked = revocationsOf(data.tables)
      }
    }, this.revealed)
    if (out.length) {
      data.clock = this.clock.last
      this.scheduleSnapshot(out.length)
    }
    const rebuilt = this.revokedButApplied()
    if (rebuilt) this.rebuild()
    if (ops.length || rebuilt) for (const l of this.listeners) l(ops, rebuilt)
    return out
  }

  /** A revocation arrived after some of the revoked device's later changes were folded in. */
  private revokedButApplied(): boolean {
    const refused = new Set(this.db.data.setAside.map((a) => `${a.device}:${a.seq}`))
    for (const [device, after] of revocationsOf(this.tables)) {
      for (let seq = after + 1; seq <= (this.applied[device] ?? 0); seq++) if (!refused.has(`${device}:${seq}`)) return true
    }
    return false
  }

  /** Folds every log again from the start, refusing what is known now to be refused. */
  private rebuild(): void {
    const me = this.device.deviceId
    const again = rebuildFromLogs(this.dir, this.logs, this.sealer, me, revocationsOf(this.tables))
    const data = this.db.data
    data.tables = again.tables
    data.applied = again.applied
    data.authors = again.authors
    data.setAside = again.setAside
    this.waiting = again.waiting
    this.scheduleSnapshot()
  }

  /**
   * After a log lost its end or a damaged part was cut off: whatever the data file holds beyond
   * what the logs rebuild to is put back by a base change of this device, so the logs rebuild
   * exactly to the data file again. This device's own numbering goes on after the highest number
   * it ever used (the lost ones are declared, never reused).
   */
  private recoverLogs(damage: string[]): void {
    const me = this.device.deviceId
    const rebuilt = rebuildFromLogs(this.dir, this.logs, this.sealer, me)
    const ops = baseOps(this.db.data.tables, rebuilt.tables)
    const own = this.logs.get(me)!
    const lostTo = this.applied[me] ?? 0
    const lost = lostTo > own.end.seq ? ([own.end.seq + 1, lostTo] as [number, number]) : undefined
    const seen: VersionVector = {}
    for (const [d, n] of Object.entries(this.applied)) if (d !== me) seen[d] = n
    const seq = Math.max(lostTo, own.end.seq) + 1
    const entry: LogEntry = { v: 2, device: me, seq, hlc: this.clock.tick(), seen, kind: 'base', ...(lost ? { lost } : {}), ops }
    const prev = lost ? (this.db.data.logs[me]?.chain ?? own.end.chain) : own.end.chain
    const line: LogLine = { h: chainNext(prev, entryDigest(entry)), e: entry, ...(lost ? { p: prev } : {}) }
    const [text] = this.writer!.append([line])
    own.end = { seq, bytes: this.writer!.length, chain: line.h }
    own.hash.update(text + '\n')
    own.folded = own.end
    this.applied[me] = seq
    this.db.data.authors[me] = seen
    for (const [device, s] of this.logs) if (device !== me && (this.applied[device] ?? 0) < s.folded.seq) this.applied[device] = s.folded.seq
    this.report.notices.push(`${damage.join(' ')} The damaged part is kept in backups/; the log now continues from the data file (its change ${seq} records this).`)
  }

  /** Whether some person was erased whose values the files still hold (App.settleErasures). */
  get erasureDue(): boolean {
    return this.eraseDue.size > 0
  }

  /** Writes the data file, lets go of the log, and rewrites every file without the erased records. */
  private async eraseFromFiles(): Promise<void> {
    await this.snapshot()
    this.closed = true
    this.writer?.close()
    const me = this.device.deviceId
    const revoked = revocationsOf(this.tables)
    eraseFromFiles(this.dir, this.sealer, this.eraseDue, () => rebuildFromLogs(this.dir, null, this.sealer, me, revoked).tables)
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get preferences(): DeviceFile['preferences'] {
    return this.device.preferences
  }

  setPreferences(prefs: DeviceFile['preferences']): void {
    this.assertWritable()
    this.device.preferences = prefs
    saveDevice(this.dir, this.device)
  }

  /** Records this profile's dataset (created here, or joined). */
  setDataset(dataset: NonNullable<DeviceFile['dataset']>): void {
    this.device.dataset = dataset
    saveDevice(this.dir, this.device)
  }

  renameDevice(name: string): void {
    this.device.name = name
    saveDevice(this.dir, this.device)
  }

  private openWriter(device: string): LogWriter {
    const state = this.logs.get(device) ?? { file: logPath(this.dir, device), folded: START, hash: createHash('sha256'), end: START }
    this.logs.set(device, state)
    return new LogWriter(state.file, state.end.bytes, existsSync(state.file) ? statSync(state.file).size : 0, this.sealer)
  }

  private scheduleSnapshot(changes = 1): void {
    this.unsnapshotted += changes
    if (this.unsnapshotted >= SNAPSHOT_EVERY) {
      void this.snapshot()
      return
    }
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.snapshot(), SNAPSHOT_IDLE_MS)
    this.timer.unref()
  }

  /** Rewrites the data file from memory; the logs already hold every change durably. */
  async snapshot(): Promise<void> {
    if (this.readOnly) return
    clearTimeout(this.timer)
    this.unsnapshotted = 0
    const data = this.db.data
    data.logs = {}
    for (const [device, s] of this.logs) data.logs[device] = { ...s.folded, sha: s.hash.copy().digest('hex') }
    const previous = this.writing
    this.writing = previous.then(() => this.db.write()).catch((e: Error) => {
      // Not fatal: the changes are safe in the log and are folded in on the next open.
      console.error(`GFC Desk could not update ${DATA_FILE}: ${e.message}`)
    })
    await this.writing
  }

  /** Encrypts a plain profile's files under its lock; returns the passphrase key. A crash part-way
   *  leaves a profile that opens with the passphrase (the open finishes the job). */
  static async encrypt(dir: string, passphrase: string): Promise<PassphraseKey> {
    const unlock = await lockProfile(dir)
    try {
      const { sealer, key } = createProfileKey(dir, passphrase)
      sealProfileFiles(dir, sealer)
      return key
    } finally {
      await unlock()
    }
  }

  /** One archive of the whole profile (store/archive.ts), taken once the data file is written. */
  async archive(): Promise<Uint8Array> {
    this.assertWritable()
    await this.snapshot()
    return writeArchive(this.dir, this.device.deviceId)
  }

  /** This profile becomes a new device: new keys and id; the old device's log stays as another's. */
  static becomeNewDevice(dir: string): void {
    let previous: DeviceFile | undefined
    try {
      previous = JSON.parse(readFileSync(join(dir, 'device.json'), 'utf8')) as DeviceFile
    } catch {
      previous = undefined
    }
    newIdentity(dir, previous)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.unsnapshotted > 0) await this.snapshot()
    else await this.writing
    this.writer?.close()
    await this.unlock()
  }
}

const EMPTY_SHA = createHash('sha256').digest('hex')

/** A profile holds diplomats' and officers' details: its folders and files are its owner's alone. */
function ownerOnly(dir: string): void {
  if (process.platform === 'win32') return
  // Other processes' lock files come and go meanwhile (they are made 0600 anyway): a file
  // that is gone is not this open's failure.
  const chmodQuietly = (p: string, mode: number) => {
    try {
      chmodSync(p, mode)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    }
  }
  const walk = (d: string) => {
    chmodQuietly(d, DIR_MODE)
    for (const name of readdirSync(d, { withFileTypes: true })) {
      if (name.name.startsWith('.lock')) continue
      const p = join(d, name.name)
      if (name.isDirectory()) walk(p)
      else if (name.isFile()) chmodQuietly(p, FILE_MODE)
    }
  }
  walk(dir)
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}

function readable(dir: string): boolean {
  try {
    accessSync(dir, constants.R_OK | constants.X_OK)
    return true
  } catch {
    return false
  }
}

function readDataFile(file: string, sealer: Sealer | null): unknown {
  if (!existsSync(file)) return undefined
  const text = plainContent(readFileSync(file), sealer, file).toString('utf8')
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new AppError('corrupt', `The data file ${file} is damaged or cut short (${(e as Error).message}).`)
  }
}

interface OpenedLog {
  state: LogState
  lines: Pending[]
  tornTail: boolean
  /** What is wrong with the log, if anything. */
  damage?: string
  /** The damage is only lines missing at the end, which other devices can send again. */
  lostOnly?: boolean
}

/**
 * Opens one log against what the data file says it folded in. The usual case costs one pass of
 * hashing over the folded part (checked against the data file's hash of it) and a full check of
 * the lines after it. When the hash differs, the whole log is read to say what happened: lines
 * missing at its end (a lost tail), or the first line that was changed.
 */
function openLog(path: string, buf: Buffer, folded: Folded, applied: number, sealer: Sealer | null): OpenedLog {
  // The folded part is hashed once: when it matches, the same running hash goes on over later appends.
  const prefixHash = buf.length < folded.bytes ? null : createHash('sha256').update(buf.subarray(0, folded.bytes))
  const matched = prefixHash !== null && prefixHash.copy().digest('hex') === folded.sha
  const state: LogState = { file: path, folded: START, hash: matched ? prefixHash : createHash('sha256'), end: START }
  let from: LogPosition = { seq: folded.seq, bytes: folded.bytes, chain: folded.chain }
  let damage: string | undefined
  let lostOnly = false
  if (!matched) {
    const whole = readLog(path, buf, START, true, true, sealer)
    const at = whole.lines.find((l) => l.line.e.seq === folded.seq)
    if (at && at.line.h === folded.chain) from = { seq: folded.seq, bytes: at.end, chain: folded.chain }
    else {
      from = whole.end
      damage =
        whole.damage ??
        (whole.end.seq < Math.max(folded.seq, applied)
          ? `The change log ${path} ends at change ${whole.end.seq}, but the data file holds changes up to ${Math.max(folded.seq, applied)}: its last lines are gone.`
          : `The change log ${path} does not match the data file at change ${folded.seq}.`)
      lostOnly = !whole.damage && whole.end.seq < folded.seq
    }
  }
  if (!matched) state.hash.update(buf.subarray(0, from.bytes))
  state.folded = from
  const tail = readLog(path, buf, from, true, true, sealer)
  state.end = tail.end
  if (!damage && !tail.damage && tail.end.seq < applied) {
    damage = `The change log ${path} ends at change ${tail.end.seq}, but the data file holds changes up to ${applied}: its last lines are gone.`
    lostOnly = true
  }
  return { state, lines: tail.lines.map((l) => ({ line: l.line, text: l.text })), tornTail: tail.tornTail, damage: damage ?? tail.damage, lostOnly }
}

/** The tables the logs alone rebuild to (the whole of every log, folded in causal order). */
export function rebuildFromLogs(dir: string, logs: Map<string, LogState> | null, sealer: Sealer | null, own = '', revoked?: Revocations): FoldState & { waiting: Map<string, string> } {
  const pending = new Map<string, Pending[]>()
  const files = logs ? [...logs].map(([d, s]) => [d, s.file, s.end.bytes] as const) : listLogs(dir).map((f) => [logDevice(f), f, Infinity] as const)
  for (const [device, file, bytes] of files) {
    if (!existsSync(file)) continue
    const buf = readFileSync(file)
    const read = readLog(file, buf.subarray(0, Math.min(bytes, buf.length)), START, false, true, sealer)
    if (read.lines.length) pending.set(device, read.lines.map((l) => ({ line: l.line, text: l.text })))
  }
  const state: FoldState = { tables: emptyTables(), applied: {}, authors: {}, setAside: [] }
  const waiting = foldPending(state, pending, (s, e) => (e.device === own ? null : admit(s, e, own, revoked)), () => {}, readRevealed(dir, sealer))
  return { ...state, waiting }
}

/** Ops of a base change: every field whose values in `have` the logs' rebuild `rebuilt` lacks. */
function baseOps(have: Tables, rebuilt: Tables): Op[] {
  const ops: Op[] = []
  for (const [table, records] of Object.entries(have) as [TableName, Record<string, StoredRecord>][]) {
    for (const rec of Object.values(records)) {
      const other = Object.hasOwn(rebuilt[table], rec.id) ? rebuilt[table][rec.id] : undefined
      for (const field of Object.keys(rec.data)) {
        const mine = heads(rec, field)
        const theirs = other ? heads(other, field) : []
        if (canonical(mine.map(([v, s]) => [s, v]).sort()) === canonical(theirs.map(([v, s]) => [s, v]).sort())) continue
        for (const [value, stamp] of mine) ops.push({ table, id: rec.id, set: { [field]: value }, at: { [field]: stamp } })
      }
    }
  }
  return ops
}

export function dataFileExists(dir: string): boolean {
  return existsSync(join(dir, DATA_FILE))
}

