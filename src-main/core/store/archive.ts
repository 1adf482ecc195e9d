import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { z } from 'zod'
import { AppError } from '../model/errors'
import { LOG_DIR } from './change-log'
import { DIR_MODE, fsyncDirSync, writeFileDurableSync } from './durable-file'
import { DeviceFile } from './device'
import { declaredSize, unpacksBeyond } from './unpacked-size'
import { isKeyFile, isSealedFile, KEY_FILE } from './encryption'
import { parseSnapshot, SCHEMA_VERSION, versionOf } from './snapshot'

// A backup a person can carry: one file holding what makes the profile (the data file, every
// change log, the revealed fields, the Word templates, device.json for the preferences, and
// encryption.json when the profile is encrypted: its files go in sealed as they are, so the
// archive is exactly as encrypted as the profile). A manifest lists each file with its SHA-256:
// an archive that is damaged, cut short or not one of ours is refused before anything is written.

const MANIFEST = 'gfc-archive.json'
const FORMAT = 'GFC Desk profile archive'
export const ARCHIVE_EXT = '.gfcbackup'

const Manifest = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  device: z.string(),
  encrypted: z.boolean(),
  files: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int().nonnegative() })),
})

/** The paths an archive may hold: anything else (`../`, an absolute path, a stray file) is refused. */
const ALLOWED = /^(gfc\.json|device\.json|encryption\.json|changes\/[a-z0-9]{16}\.jsonl|changes\/\.revealed\.jsonl|templates\/(?!\.\.?$)[^/\\]+)$/

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

function profileFiles(dir: string): string[] {
  const out = ['gfc.json', 'device.json', KEY_FILE].filter((f) => existsSync(join(dir, f)))
  for (const sub of [LOG_DIR, 'templates']) {
    if (!existsSync(join(dir, sub))) continue
    for (const name of readdirSync(join(dir, sub))) {
      const path = `${sub}/${name}`
      if (ALLOWED.test(path)) out.push(path)
    }
  }
  return out
}

/** One archive of the profile in `dir` (its data file written and its lock held by the caller). */
export function writeArchive(dir: string, device: string): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  const listed: z.infer<typeof Manifest>['files'] = {}
  for (const path of profileFiles(dir)) {
    const bytes = readFileSync(join(dir, ...path.split('/')))
    files[path] = bytes
    listed[path] = { sha256: sha256(bytes), bytes: bytes.length }
  }
  const manifest = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), device, encrypted: KEY_FILE in files, files: listed }
  files[MANIFEST] = Buffer.from(JSON.stringify(manifest, null, 2))
  return zipSync(files, { level: 6 })
}

/** Far above a real profile (200,000 changes and 5,000 contacts come to about 45 MB): a crafted archive is refused before it fills memory. */
const MAX_UNPACKED = 512 * 1024 * 1024

function refuse(file: string, why: string): AppError {
  return new AppError('validation', `${file} cannot be restored: ${why}. Nothing was changed.`, 'file')
}

/** The files of an archive, every one checked against its manifest; throws naming what is wrong. */
function readArchive(bytes: Uint8Array, file: string): { manifest: z.infer<typeof Manifest>; files: Record<string, Uint8Array> } {
  let entries: Record<string, Uint8Array> | null
  try {
    entries = declaredSize(bytes) > MAX_UNPACKED || unpacksBeyond(bytes, MAX_UNPACKED) ? null : unzipSync(bytes)
  } catch {
    throw refuse(file, 'it is not a GFC Desk backup archive, or it is damaged or cut short')
  }
  if (!entries) throw refuse(file, `it would unpack to more than ${MAX_UNPACKED / 1024 ** 2} MB, far more than a profile holds`)
  if (!entries[MANIFEST]) throw refuse(file, 'it is not a GFC Desk backup archive (no gfc-archive.json in it)')
  let manifest: z.infer<typeof Manifest>
  try {
    manifest = Manifest.parse(JSON.parse(Buffer.from(entries[MANIFEST]).toString('utf8')))
  } catch {
    throw refuse(file, 'its gfc-archive.json is not that of a GFC Desk backup archive this version reads')
  }
  const files: Record<string, Uint8Array> = {}
  for (const [path, meta] of Object.entries(manifest.files)) {
    if (!ALLOWED.test(path)) throw refuse(file, `it names a file GFC Desk does not put in a profile (${path})`)
    const content = entries[path]
    if (!content) throw refuse(file, `${path} is missing from it`)
    if (content.length !== meta.bytes || sha256(content) !== meta.sha256) throw refuse(file, `${path} in it is damaged (its checksum differs)`)
    files[path] = content
  }
  for (const path of Object.keys(entries)) if (path !== MANIFEST && !files[path]) throw refuse(file, `it holds a file its manifest does not list (${path})`)
  if (!files['gfc.json'] || !files['device.json']) throw refuse(file, 'it holds no data file')
  // Its checksums only say the files are as the archive was made: what they hold is checked too,
  // so a restore never leaves a profile that will not open.
  const text = (path: string) => Buffer.from(files[path]).toString('utf8')
  if (!DeviceFile.safeParse(safeJson(text('device.json'))).success) throw refuse(file, 'device.json in it is not a GFC Desk device file')
  if (files[KEY_FILE] && !isKeyFile(text(KEY_FILE))) throw refuse(file, `${KEY_FILE} in it is not the key file of an encrypted profile`)
  if (!isSealedFile(Buffer.from(files['gfc.json']))) {
    try {
      const raw = JSON.parse(text('gfc.json'))
      if (versionOf(raw, 'gfc.json') === SCHEMA_VERSION) parseSnapshot(raw, 'gfc.json')
    } catch (e) {
      throw refuse(file, `gfc.json in it is not a GFC Desk data file${e instanceof AppError ? ` (${e.message})` : ''}`)
    }
  }
  return { manifest, files }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Writes an archive's files into `target`, which must be empty or absent: into a folder beside
 * it first, then renamed into place, so a failure leaves nothing half-written. The caller makes
 * the restored profile a new device (its keys stay on the computer the archive came from).
 */
export function unpackArchive(bytes: Uint8Array, file: string, target: string): z.infer<typeof Manifest> {
  const { manifest, files } = readArchive(bytes, file)
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new AppError('conflict', `The folder ${target} is not empty: restore into a new or empty folder (--data DIR). Nothing was changed.`, 'data')
  }
  mkdirSync(dirname(target), { recursive: true })
  const temp = `${target}.restoring-${process.pid}`
  rmSync(temp, { recursive: true, force: true })
  try {
    for (const [path, content] of Object.entries(files)) {
      const out = join(temp, ...path.split('/'))
      if (relative(temp, out).startsWith('..') || relative(temp, out).includes(`..${sep}`)) throw refuse(file, `it names a file outside the profile (${path})`)
      mkdirSync(dirname(out), { recursive: true, mode: DIR_MODE })
      writeFileDurableSync(out, content)
    }
    if (existsSync(target)) rmdirSync(target)
    renameSync(temp, target)
    fsyncDirSync(dirname(target))
  } catch (e) {
    rmSync(temp, { recursive: true, force: true })
    throw e
  }
  return manifest
}
