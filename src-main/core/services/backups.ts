import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EXPORTED_TABLES } from '../model/entities'
import { AppError } from '../model/errors'
import type { Shell } from '../shell'
import { ARCHIVE_EXT } from '../store/archive'
import { BACKUP_DIR, listBackups, type BackupInfo } from '../store/backups'
import { writeFileDurable } from '../store/durable-file'
import { plainContent } from '../store/encryption'
import { parseSnapshot } from '../store/snapshot'
import { today } from './records'
import type { Store } from '../store/store'
import type { Op } from '../sync/change'
import { canonical } from '../sync/digest'

// The backups a person sees in Settings: the copies of the data file the profile keeps (how many
// is a preference of this device), each of which can be brought back, and an archive of the
// whole profile to carry to another computer.

export function backupList(store: Store): { backups: BackupInfo[]; keep: number } {
  return { backups: listBackups(store.dir), keep: store.preferences.keepBackups }
}

/**
 * Brings the data back to what a backup holds, as one ordinary change: every field that differs
 * is set to the backup's value, records made since are deleted, records deleted since come back.
 * So it syncs like any change, and a newer backup brings the data forward again. People erased
 * for good stay erased.
 */
export function restoreFromBackup(store: Store, name: string): { changed: number } {
  if (!listBackups(store.dir).some((b) => b.name === name)) throw new AppError('not_found', `There is no backup named ${name}.`, 'name')
  const file = join(store.dir, BACKUP_DIR, name)
  let then
  try {
    then = parseSnapshot(JSON.parse(plainContent(readFileSync(file), store.sealer, file).toString('utf8')), file).tables
  } catch (e) {
    throw new AppError('corrupt', `The backup ${name} cannot be restored: ${e instanceof AppError ? e.message : 'it is damaged'}. Nothing was changed.`, 'name')
  }
  const ops: Op[] = []
  for (const table of EXPORTED_TABLES) {
    const now = store.tables[table]
    for (const [id, rec] of Object.entries(then[table])) {
      const cur = Object.hasOwn(now, id) ? now[id] : undefined
      if (rec.data.erased === true || cur?.data.erased === true) continue
      const set: Record<string, unknown> = {}
      for (const [field, value] of Object.entries(rec.data)) if (canonical(value) !== canonical(cur?.data[field])) set[field] = value
      if (Object.keys(set).length) ops.push({ table, id, set })
    }
    for (const [id, cur] of Object.entries(now)) if (!Object.hasOwn(then[table], id) && cur.data.deleted !== true) ops.push({ table, id, set: { deleted: true } })
  }
  store.commit(ops)
  return { changed: ops.length }
}

/** Saves an archive of the whole profile where the person chooses; null if they cancel. */
export async function saveArchive(store: Store, shell: Shell): Promise<{ path: string; bytes: number } | null> {
  const path = await shell.chooseSaveFile('Save a backup of the profile', `GFC Desk backup ${today()}${ARCHIVE_EXT}`)
  if (!path) return null
  const bytes = await store.archive()
  await writeFileDurable(path, bytes)
  return { path, bytes: bytes.length }
}
