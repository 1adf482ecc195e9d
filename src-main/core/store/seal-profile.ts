import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { BACKUP_DIR } from './backups'
import { listLogs, logDevice, rewriteLines, type MovedEnds } from './change-log'
import { writeFileDurableSync } from './durable-file'
import { isSealedFile, isSealedLine, type Sealer } from './encryption'
import type { Snapshot } from './snapshot'

// Turning a plain profile into an encrypted one, file by file, each file replaced whole (temp,
// fsync, rename): the logs, the revealed fields, the backups and the changes held for a gap, and
// the data file last, with the logs' new byte positions. A crash in between leaves files each
// wholly plain or wholly sealed; the next open with the passphrase finishes the job (an encrypted
// profile reads both). A data file whose log positions went stale meanwhile is put right at open,
// which finds each log's folded change by its number and chain.

const DATA_FILE = 'gfc.json'
const REVEALED = join('changes', '.revealed.jsonl')
const HELD_DIR = 'held'

function firstBytes(file: string, n: number): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(n)
    return buf.subarray(0, readSync(fd, buf, 0, n, 0))
  } finally {
    closeSync(fd)
  }
}

/** Whether some file of an encrypted profile is still plain (an encryption cut short). */
export function hasPlainFiles(dir: string): boolean {
  const plainLines = (f: string) => existsSync(f) && firstBytes(f, 1).length > 0 && !isSealedLine(firstBytes(f, 1).toString())
  const plainFile = (f: string) => existsSync(f) && !isSealedFile(firstBytes(f, 16))
  return listLogs(dir).some(plainLines) || plainLines(join(dir, REVEALED)) || plainFile(join(dir, DATA_FILE)) || wholeFiles(dir).some(plainFile)
}

function wholeFiles(dir: string): string[] {
  const d = join(dir, BACKUP_DIR)
  const held = join(dir, HELD_DIR)
  // And the changes held for a gap (services/sync/exchange.ts), opened: the held bundles beside
  // them are encrypted for this device already.
  return [
    ...(existsSync(d) ? readdirSync(d).filter((n) => !n.startsWith('.')).map((n) => join(d, n)) : []),
    ...(existsSync(held) ? readdirSync(held).filter((n) => n.startsWith('run-')).map((n) => join(held, n)) : []),
  ]
}

/** Seals every plain file of the profile in `dir` (its lock held by the caller). */
export function sealProfileFiles(dir: string, sealer: Sealer): void {
  const seal = (text: string) => (isSealedLine(text) ? text : sealer.sealLine(text))
  const moved = new Map<string, MovedEnds>()
  for (const log of listLogs(dir)) {
    if (firstBytes(log, 1).length && !isSealedLine(firstBytes(log, 1).toString())) moved.set(logDevice(log), rewriteLines(log, seal))
  }
  const revealed = join(dir, REVEALED)
  if (existsSync(revealed) && firstBytes(revealed, 1).length && !isSealedLine(firstBytes(revealed, 1).toString())) rewriteLines(revealed, seal)
  for (const f of wholeFiles(dir)) {
    const buf = readFileSync(f)
    if (!isSealedFile(buf)) writeFileDurableSync(f, sealer.sealFile(buf))
  }
  const data = join(dir, DATA_FILE)
  if (!existsSync(data)) return
  const buf = readFileSync(data)
  if (isSealedFile(buf)) return
  let text = buf.toString('utf8')
  try {
    const snap = JSON.parse(text) as Partial<Snapshot>
    for (const [device, at] of Object.entries(snap.logs ?? {})) {
      const now = moved.get(device)?.get(at.bytes)
      if (now) snap.logs![device] = { ...at, bytes: now.end, sha: now.sha }
    }
    text = JSON.stringify(snap)
  } catch {
    // A damaged data file is sealed as it is: the open that follows reports it.
  }
  writeFileDurableSync(data, sealer.sealFile(text))
}
