import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProfileStatus } from './api'
import { EXPORTED_TABLES, TABLES, type TableName } from './model/entities'
import { AppError } from './model/errors'
import { Jobs } from './services/jobs'
import { noShell, type Shell } from './shell'
import { listBackups, restoreBackup } from './store/backups'
import { versionOf } from './store/snapshot'
import { DATA_FILE, Store, type OpenOptions } from './store/store'

/**
 * One open profile, or the reason it could not be opened. Every door (Electron, CLI, test
 * host) holds one App and sends calls through dispatch(); a damaged profile stays closed
 * until the user picks a way back, and is never replaced by an empty one.
 */
export class App {
  /** Background document work (invitation batches). */
  readonly jobs = new Jobs()
  private readonly changed = new Set<ChangedListener>()

  private constructor(
    readonly dataDir: string,
    readonly shell: Shell,
    private current: Store | null,
    private failure: AppError | null,
  ) {}

  static async open(dataDir: string, shell: Shell = noShell): Promise<App> {
    const app = new App(dataDir, shell, null, null)
    await app.reopen()
    return app
  }

  private async reopen(options: OpenOptions = {}): Promise<void> {
    try {
      this.current = await Store.open(this.dataDir, options)
      this.failure = null
      // Every door tells its open screens which tables changed, whoever changed them (this
      // door, another one, or sync), so they read again only what they show.
      this.current.onChange((ops, rebuilt) => {
        const tables = rebuilt ? [...TABLES] : [...new Set(ops.map((op) => op.table))]
        if (!tables.length) return
        for (const l of this.changed) {
          try {
            l(tables)
          } catch (e) {
            console.error('A change listener failed (the change itself is saved):', e)
          }
        }
      })
    } catch (e) {
      this.current = null
      this.failure = e instanceof AppError ? e : plainFailure(e, this.dataDir)
    }
  }

  /** Called with the tables a change touched, whichever door or sync made it. */
  onChanged(listener: ChangedListener): () => void {
    this.changed.add(listener)
    return () => this.changed.delete(listener)
  }

  get store(): Store {
    if (this.current) return this.current
    throw this.failure ?? new AppError('unavailable', 'The datastore is closed.')
  }

  status(): ProfileStatus {
    if (this.current) {
      const notices: string[] = []
      const r = this.current.report
      if (r.migratedFrom) notices.push(`The data file was upgraded from schema ${r.migratedFrom}; a copy of the old file is in backups/.`)
      if (r.tornTailDropped) notices.push('An unfinished last change (cut short by a crash) was set aside; everything saved before it is here.')
      notices.push(...r.notices)
      const empty = EXPORTED_TABLES.every((t) => Object.keys(this.current!.tables[t]).length === 0)
      return { state: 'ok', dataDir: this.dataDir, deviceId: this.current.device.deviceId, empty, notices }
    }
    const f = this.failure!
    const state = f.code === 'corrupt' || f.code === 'locked' || f.code === 'log_gap' || f.code === 'copied' ? f.code : 'unavailable'
    return { state, dataDir: this.dataDir, message: f.message, backups: listBackups(this.dataDir) }
  }

  /** Puts a backup in place of a damaged data file (kept aside) and opens the profile again.
   *  A data file that is whole is never set aside: a backup would not help, and would lose work. */
  async restoreBackup(name: string): Promise<ProfileStatus> {
    if (this.current) throw new AppError('conflict', 'The profile is open and healthy; there is nothing to restore.')
    const file = join(this.dataDir, DATA_FILE)
    if (dataFileIsWhole(file)) {
      throw new AppError('conflict', `The data file ${file} is whole, so a backup would not help (and would set newer work aside). The problem is: ${this.failure?.message}`)
    }
    restoreBackup(this.dataDir, file, name)
    await this.reopen()
    return this.status()
  }

  /** Goes on from the data file after a log lost its end or was damaged (the damaged part kept aside). */
  async recoverLog(): Promise<ProfileStatus> {
    if (this.failure?.code !== 'log_gap') throw new AppError('conflict', 'No change log needs putting right.')
    await this.reopen({ recoverLog: true })
    return this.status()
  }

  /** Makes a copied profile a device of its own (new keys, new id); its data stays. */
  async becomeNewDevice(): Promise<ProfileStatus> {
    if (this.failure?.code !== 'copied') throw new AppError('conflict', 'This profile is already this computer\'s own device.')
    Store.becomeNewDevice(this.dataDir)
    await this.reopen()
    return this.status()
  }

  async close(): Promise<void> {
    await this.jobs.settle()
    await this.current?.close()
    this.current = null
  }
}

export type ChangedListener = (tables: TableName[]) => void

function dataFileIsWhole(file: string): boolean {
  if (!existsSync(file)) return false
  try {
    versionOf(JSON.parse(readFileSync(file, 'utf8')), file)
    return true
  } catch {
    return false
  }
}

/** A system error (permissions, a folder that is not there) in words a person can act on. */
function plainFailure(e: unknown, dir: string): AppError {
  const err = e as NodeJS.ErrnoException
  if (err.code === 'EACCES' || err.code === 'EPERM') return new AppError('unavailable', `GFC Desk may not read or write the data folder ${dir} (permission denied). Check who owns it, or choose another folder.`)
  if (err.code === 'EROFS') return new AppError('unavailable', `The data folder ${dir} is on a read-only disk: GFC Desk cannot open it for changes.`)
  if (err.code === 'ENOSPC') return new AppError('unavailable', `The disk holding ${dir} is full: free some space and try again.`)
  if (err.code === 'ENOTDIR' || err.code === 'ENOENT') return new AppError('unavailable', `The data folder ${dir} cannot be used: ${err.message}`)
  return new AppError('unavailable', `The data folder ${dir} could not be opened: ${err.message ?? String(e)}`)
}
