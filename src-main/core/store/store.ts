import { existsSync, mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { AppError } from '../model/errors'
import { applyEntry, type LogEntry, type Op, type StoredRecord, type TableName } from '../sync/change'
import { HybridClock, type Stamp } from '../sync/clock'
import { backupDir, keepCopy, rotateBackup } from './backups'
import { listLogs, logPath, LogWriter, readLog, LOG_DIR } from './change-log'
import { loadDevice, saveDevice, type DeviceFile } from './device'
import { DurableJsonFile, JsonParseError, removeStaleTemps } from './durable-file'
import { lockProfile } from './lock'
import { emptySnapshot, needsMigration, parseSnapshot, type Snapshot } from './snapshot'

export const DATA_FILE = 'gfc.json'

/** Fold the log into the data file after this many changes, or when the app goes quiet. */
const SNAPSHOT_EVERY = 500
const SNAPSHOT_IDLE_MS = 1_000

export interface OpenReport {
  migratedFrom?: number
  tornTailDropped: boolean
  replayed: number
}

/**
 * The datastore of one profile folder:
 *   changes/<device>.jsonl  append-only change log, fsynced per change (the source of truth)
 *   gfc.json                the materialised view, a lowdb document, rewritten in the background
 *   backups/                the last ten good data files, and anything set aside
 *   device.json, .lock      this device's identity; the one-process lock
 */
export class Store {
  private constructor(
    readonly dir: string,
    readonly device: DeviceFile,
    private readonly db: Low<Snapshot>,
    private readonly log: LogWriter,
    private readonly clock: HybridClock,
    private seq: number,
    private readonly unlock: () => Promise<void>,
    readonly report: OpenReport,
  ) {}

  /** Changes logged but not yet folded into the data file. */
  private unsnapshotted = 0
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()
  private closed = false
  private listeners = new Set<(ops: Op[]) => void>()

  static async open(dir: string): Promise<Store> {
    mkdirSync(join(dir, LOG_DIR), { recursive: true })
    const unlock = await lockProfile(dir)
    try {
      return await Store.openLocked(dir, unlock)
    } catch (e) {
      await unlock()
      throw e
    }
  }

  private static async openLocked(dir: string, unlock: () => Promise<void>): Promise<Store> {
    removeStaleTemps(dir)
    const device = loadDevice(dir)
    const file = join(dir, DATA_FILE)
    const adapter = new DurableJsonFile<Snapshot>(file)
    const report: OpenReport = { tornTailDropped: false, replayed: 0 }

    let raw: unknown
    try {
      raw = await adapter.read()
    } catch (e) {
      if (e instanceof JsonParseError) {
        throw new AppError('corrupt', `The data file ${file} is damaged or cut short (${e.message}).`)
      }
      throw e
    }
    let snapshot: Snapshot
    if (raw === null) {
      snapshot = emptySnapshot()
    } else {
      if (needsMigration(raw)) {
        report.migratedFrom = (raw as { schemaVersion: number }).schemaVersion
        keepCopy(dir, file, `pre-migration-v${report.migratedFrom}`)
      }
      snapshot = parseSnapshot(raw, file)
    }
    const db = new Low<Snapshot>(adapter, snapshot)

    // Replay whatever the logs hold beyond what the data file already folded in.
    let own = { entries: [] as LogEntry[], goodLength: 0, tornTail: false }
    for (const path of listLogs(dir)) {
      const read = readLog(path)
      if (path === logPath(dir, device.deviceId)) own = read
      for (const entry of read.entries) {
        if (entry.seq <= (snapshot.applied[entry.device] ?? 0)) continue
        applyEntry(snapshot.tables, entry)
        snapshot.applied[entry.device] = entry.seq
        if (entry.hlc > snapshot.clock) snapshot.clock = entry.hlc
        report.replayed++
      }
    }
    report.tornTailDropped = own.tornTail
    const log = new LogWriter(logPath(dir, device.deviceId), own.goodLength, backupDir(dir))
    const lastSeq = Math.max(own.entries.at(-1)?.seq ?? 0, snapshot.applied[device.deviceId] ?? 0)
    const store = new Store(dir, device, db, log, new HybridClock(device.deviceId, snapshot.clock || undefined), lastSeq, unlock, report)

    if (raw === null || report.replayed > 0 || report.migratedFrom) await db.write()
    // Off the open path: the backup is a copy of the file as it now stands.
    store.writing = readFile(file, 'utf8')
      .then((text) => rotateBackup(dir, text))
      .catch((e: Error) => console.error(`GFC Desk could not back up ${DATA_FILE}: ${e.message}`))
    return store
  }

  get tables(): Snapshot['tables'] {
    return this.db.data.tables
  }

  record(table: TableName, id: string): StoredRecord | undefined {
    return this.db.data.tables[table][id]
  }

  /** Appends one transaction to the log (fsynced) and applies it; returns its stamp. */
  commit(ops: Op[]): Stamp {
    if (this.closed) throw new AppError('unavailable', 'The datastore is closed.')
    if (ops.length === 0) return this.db.data.clock
    const hlc = this.clock.tick()
    const entry: LogEntry = { v: 1, device: this.device.deviceId, seq: this.seq + 1, hlc, ops }
    this.log.append(entry)
    this.seq++
    const data = this.db.data
    applyEntry(data.tables, entry)
    data.applied[entry.device] = entry.seq
    data.clock = hlc
    this.scheduleSnapshot()
    for (const l of this.listeners) l(ops)
    return hlc
  }

  onChange(listener: (ops: Op[]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get preferences(): DeviceFile['preferences'] {
    return this.device.preferences
  }

  setPreferences(prefs: DeviceFile['preferences']): void {
    this.device.preferences = prefs
    saveDevice(this.dir, this.device)
  }

  private scheduleSnapshot(): void {
    if (++this.unsnapshotted >= SNAPSHOT_EVERY) {
      void this.snapshot()
      return
    }
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.snapshot(), SNAPSHOT_IDLE_MS)
    this.timer.unref()
  }

  /** Rewrites the data file from memory; the log already holds every change durably. */
  async snapshot(): Promise<void> {
    clearTimeout(this.timer)
    this.unsnapshotted = 0
    const previous = this.writing
    this.writing = previous.then(() => this.db.write()).catch((e: Error) => {
      // Not fatal: the changes are safe in the log and are folded in on the next open.
      console.error(`GFC Desk could not update ${DATA_FILE}: ${e.message}`)
    })
    await this.writing
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.unsnapshotted > 0) await this.snapshot()
    else await this.writing
    this.log.close()
    await this.unlock()
  }
}

export function dataFileExists(dir: string): boolean {
  return existsSync(join(dir, DATA_FILE))
}
