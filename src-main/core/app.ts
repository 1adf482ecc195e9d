import type { ProfileStatus } from './api'
import { AppError } from './model/errors'
import { listBackups, restoreBackup } from './store/backups'
import { DATA_FILE, Store } from './store/store'
import { join } from 'node:path'
import { Jobs } from './services/jobs'
import { noShell, type Shell } from './shell'

/**
 * One open profile, or the reason it could not be opened. Every door (Electron, CLI, test
 * host) holds one App and sends calls through dispatch(); a damaged profile stays closed
 * until the user picks a backup, and is never replaced by an empty one.
 */
export class App {
  /** Background document work (invitation batches). */
  readonly jobs = new Jobs()

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

  private async reopen(): Promise<void> {
    try {
      this.current = await Store.open(this.dataDir)
      this.failure = null
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      this.current = null
      this.failure = e
    }
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
      const empty = Object.values(this.current.tables).every((t) => Object.keys(t).length === 0)
      return { state: 'ok', dataDir: this.dataDir, deviceId: this.current.device.deviceId, empty, notices }
    }
    const f = this.failure!
    const state = f.code === 'corrupt' || f.code === 'locked' ? f.code : 'unavailable'
    return { state, dataDir: this.dataDir, message: f.message, backups: listBackups(this.dataDir) }
  }

  /** Puts a backup in place of a damaged data file (kept aside) and opens the profile again. */
  async restoreBackup(name: string): Promise<ProfileStatus> {
    if (this.current) throw new AppError('conflict', 'The profile is open and healthy; there is nothing to restore.')
    restoreBackup(this.dataDir, join(this.dataDir, DATA_FILE), name)
    await this.reopen()
    return this.status()
  }

  async close(): Promise<void> {
    await this.jobs.settle()
    await this.current?.close()
    this.current = null
  }
}
