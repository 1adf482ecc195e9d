import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProfileStatus } from './api'
import { EXPORTED_TABLES, TABLES, type TableName } from './model/entities'
import { AppError } from './model/errors'
import { Jobs } from './services/jobs'
import { noShell, type Shell } from './shell'
import { unpackArchive } from './store/archive'
import { listBackups, restoreBackup } from './store/backups'
import { changePassphrase, checkNewPassphrase, isEncrypted, needsPassphrase, passphraseKey, plainContent, unlockProfile, type PassphraseKey, type Sealer } from './store/encryption'
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

  /** The passphrase key of an encrypted profile, once given (or recalled). */
  private key: PassphraseKey | undefined

  /** `passphrase` opens an encrypted profile (the CLI's and host's GFC_PASSPHRASE, or a prompt);
   *  without it, a key the shell remembered is tried, else the profile waits for profile.unlock. */
  static async open(dataDir: string, shell: Shell = noShell, passphrase?: string): Promise<App> {
    const app = new App(dataDir, shell, null, null)
    try {
      if (isEncrypted(dataDir)) app.key = passphrase !== undefined ? passphraseKey(dataDir, passphrase) : rememberedKey(dataDir, shell)
    } catch (e) {
      app.failure = e as AppError
      return app
    }
    await app.reopen()
    return app
  }

  private async reopen(options: OpenOptions = {}): Promise<void> {
    try {
      this.current = await Store.open(this.dataDir, { ...options, key: this.key })
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

  /** Once the data file (and the backup an open makes) is written: before a reply that reopened. */
  private async written(): Promise<void> {
    await this.current?.snapshot()
  }

  /** Rewrites the files without the people erased since the last call (store/erasure.ts): the
   *  store is closed, and the open that follows does it under the lock. */
  async settleErasures(): Promise<void> {
    if (!this.current?.erasureDue) return
    await this.jobs.settle()
    await this.current.close()
    this.current = null
    await this.reopen()
    await this.written()
  }

  /** Opens an encrypted profile with its passphrase; `remember` keeps the key with the shell. */
  async unlock(passphrase: string, remember: boolean): Promise<ProfileStatus> {
    if (this.current || !isEncrypted(this.dataDir)) throw new AppError('conflict', 'The profile is not waiting for a passphrase.')
    const key = passphraseKey(this.dataDir, passphrase)
    unlockProfile(this.dataDir, key)
    this.key = key
    await this.reopen()
    if (remember && this.current) this.shell.keys?.remember(this.dataDir, key)
    return this.status()
  }

  /** Encrypts this profile's files with a passphrase (closed, sealed under its lock, opened again). */
  async encrypt(passphrase: string): Promise<ProfileStatus> {
    const store = this.store
    if (store.sealer) throw new AppError('conflict', 'This profile is encrypted already; you can change its passphrase.')
    if (store.readOnly) throw new AppError('unavailable', `This profile was opened read-only (${this.dataDir} cannot be written).`)
    checkNewPassphrase(passphrase)
    await this.jobs.settle()
    await store.close()
    this.current = null
    try {
      this.key = await Store.encrypt(this.dataDir, passphrase)
    } finally {
      await this.reopen()
      await this.written()
    }
    return this.status()
  }

  /** A new passphrase for an encrypted profile (the files stay as they are: their key is rewrapped). */
  changePassphrase(current: string, passphrase: string): ProfileStatus {
    if (!this.store.sealer) throw new AppError('conflict', 'This profile is not encrypted; set a passphrase to encrypt it.')
    checkNewPassphrase(passphrase)
    const remembered = this.shell.keys?.recall(this.dataDir)
    this.key = changePassphrase(this.dataDir, passphraseKey(this.dataDir, current), passphrase)
    if (remembered) this.shell.keys?.remember(this.dataDir, this.key)
    return this.status()
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
      return { state: 'ok', dataDir: this.dataDir, deviceId: this.current.device.deviceId, empty, notices, encrypted: this.current.sealer !== null }
    }
    const f = this.failure!
    if (f.code === 'encrypted' || f.code === 'passphrase') return { state: 'encrypted', dataDir: this.dataDir, message: f.message, backups: [], wrongPassphrase: f.code === 'passphrase' }
    const state = f.code === 'corrupt' || f.code === 'locked' || f.code === 'log_gap' || f.code === 'copied' ? f.code : 'unavailable'
    return { state, dataDir: this.dataDir, message: f.message, backups: listBackups(this.dataDir) }
  }

  /** Puts a backup in place of a damaged data file (kept aside) and opens the profile again.
   *  A data file that is whole is never set aside: a backup would not help, and would lose work. */
  async restoreBackup(name: string): Promise<ProfileStatus> {
    if (this.current) throw new AppError('conflict', 'The profile is open and healthy; there is nothing to restore.')
    const file = join(this.dataDir, DATA_FILE)
    if (isEncrypted(this.dataDir) && !this.key) throw needsPassphrase(this.dataDir)
    if (dataFileIsWhole(file, this.key ? unlockProfile(this.dataDir, this.key) : null)) {
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

  /** Brings a backup archive up in `target` (new or empty) as a new device of its own: the same
   *  data, new keys and id (the keys of the device it came from stay on that computer). */
  static restoreArchive(bytes: Uint8Array, file: string, target: string): { from: string; device: string; encrypted: boolean } {
    const manifest = unpackArchive(bytes, file, target)
    Store.becomeNewDevice(target)
    const device = String(JSON.parse(readFileSync(join(target, 'device.json'), 'utf8')).deviceId)
    return { from: manifest.device, device, encrypted: manifest.encrypted }
  }

  async close(): Promise<void> {
    await this.jobs.settle()
    await this.current?.close()
    this.current = null
  }
}

/** A key the shell kept for this profile, if it still opens it (a changed passphrase: forgotten). */
function rememberedKey(dir: string, shell: Shell): PassphraseKey {
  const key = shell.keys?.recall(dir)
  if (!key) throw needsPassphrase(dir)
  try {
    unlockProfile(dir, key)
    return key
  } catch {
    shell.keys?.forget(dir)
    throw needsPassphrase(dir)
  }
}

export type ChangedListener = (tables: TableName[]) => void

function dataFileIsWhole(file: string, sealer: Sealer | null): boolean {
  if (!existsSync(file)) return false
  try {
    versionOf(JSON.parse(plainContent(readFileSync(file), sealer, file).toString('utf8')), file)
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
