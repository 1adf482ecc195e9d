import { appendFileSync, closeSync, existsSync, fdatasyncSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { FILE_MODE } from '../store/durable-file'
import { LOG_DIR } from '../store/change-log'
import { isSealedLine, type Sealer } from '../store/encryption'
import { addValues, entryStamp, type LogEntry, type Op, type Tables } from './change'

// Fields of earlier changes that a device scoped to some missions first received as hashes,
// and received whole once their record came into its scope (a contact who now holds a post).
// Kept beside the logs (changes/.revealed.jsonl, this device's own file, never sent) and folded
// in with the change they belong to, so the tables rebuild the same from the logs.

export type Revealed = Map<string, Op[]>

const file = (dir: string) => join(dir, LOG_DIR, '.revealed.jsonl')
const key = (device: string, seq: number) => `${device}:${seq}`

export function readRevealed(dir: string, sealer: Sealer | null): Revealed {
  const out: Revealed = new Map()
  if (!existsSync(file(dir))) return out
  for (const line of readFileSync(file(dir), 'utf8').split('\n')) {
    if (!line) continue
    try {
      const { device, seq, ops } = JSON.parse(isSealedLine(line) ? (sealer?.openLine(line) ?? '') : line) as { device: string; seq: number; ops: Op[] }
      out.set(key(device, seq), [...(out.get(key(device, seq)) ?? []), ...ops])
    } catch {
      // A last line cut short by a crash: the bundle that brought it is read again next time.
    }
  }
  return out
}

export function appendRevealed(dir: string, device: string, seq: number, ops: Op[], sealer: Sealer | null): void {
  const f = file(dir)
  const fd = openSync(f, 'a+', FILE_MODE)
  try {
    // After a line cut short by a crash, on a line of its own (else both would be unreadable).
    const size = fstatSync(fd).size
    const last = Buffer.alloc(1)
    const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a
    const text = JSON.stringify({ device, seq, ops })
    appendFileSync(fd, (torn ? '\n' : '') + (sealer ? sealer.sealLine(text) : text) + '\n')
    fdatasyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Adds the revealed values of a change already folded in: beside what is there, replacing nothing. */
export function foldRevealed(tables: Tables, entry: Pick<LogEntry, 'device' | 'seq' | 'hlc'>, ops: Op[]): void {
  addValues(tables, entryStamp(entry), ops)
}

export function revealedFor(revealed: Revealed, device: string, seq: number): Op[] | undefined {
  return revealed.get(key(device, seq))
}
