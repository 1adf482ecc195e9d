import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { readFile, unlink } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { AppError } from '../model/errors'
import { DIR_MODE, writeFileDurable, writeFileDurableSync } from './durable-file'

export const BACKUP_DIR = 'backups'

export interface BackupInfo {
  name: string
  createdAt: string
  bytes: number
}

function stampName(prefix: string, ext = '.json'): string {
  return `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}${ext}`
}

export function backupDir(profileDir: string): string {
  const dir = join(profileDir, BACKUP_DIR)
  mkdirSync(dir, { recursive: true, mode: DIR_MODE })
  return dir
}

/** Regular backups, newest first (pre-migration copies and damaged files are kept apart). */
export function listBackups(profileDir: string): BackupInfo[] {
  const dir = join(profileDir, BACKUP_DIR)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => n.startsWith('gfc-') && n.endsWith('.json'))
    .sort()
    .reverse()
    .map((name) => {
      const st = statSync(join(dir, name))
      return { name, createdAt: st.mtime.toISOString(), bytes: st.size }
    })
}

/** Copies a good data file into backups/ unless the newest backup is identical; keeps the newest
 *  `keep`. (In an encrypted profile the data file is sealed, and so is its copy.) */
export async function rotateBackup(profileDir: string, content: Buffer, keep: number): Promise<void> {
  const dir = backupDir(profileDir)
  const newest = listBackups(profileDir)[0]
  if (newest && (await readFile(join(dir, newest.name))).equals(content)) return
  await writeFileDurable(join(dir, stampName('gfc')), content)
  for (const old of listBackups(profileDir).slice(keep)) await unlink(join(dir, old.name))
}

/** Keeps a copy of a file in backups/ (a data file before migration, a damaged log…). */
export function keepCopy(profileDir: string, file: string, prefix: string): string {
  const target = join(backupDir(profileDir), stampName(prefix, extname(file)))
  copyFileSync(file, target)
  return target
}

/** Moves the damaged data file aside (never deleted) and puts the chosen backup in its place. */
export function restoreBackup(profileDir: string, dataFile: string, name: string): void {
  if (!listBackups(profileDir).some((b) => b.name === name)) {
    throw new AppError('not_found', `There is no backup named ${name}.`, 'name')
  }
  if (existsSync(dataFile)) renameSync(dataFile, join(backupDir(profileDir), stampName('damaged')))
  writeFileDurableSync(dataFile, readFileSync(join(profileDir, BACKUP_DIR, name)))
}
