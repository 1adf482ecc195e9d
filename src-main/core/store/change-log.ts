import { closeSync, copyFileSync, fdatasyncSync, ftruncateSync, openSync, readdirSync, readFileSync, statSync, writeSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../model/errors'
import { LogEntry } from '../sync/change'

export const LOG_DIR = 'changes'

export function logPath(profileDir: string, device: string): string {
  return join(profileDir, LOG_DIR, `${device}.jsonl`)
}

export interface LogRead {
  entries: LogEntry[]
  /** Bytes of whole, valid lines: where the next append goes. */
  goodLength: number
  /** A last line cut short by a crash or a full disk: never acknowledged, safe to drop. */
  tornTail: boolean
}

/**
 * Reads a change log. A damaged last line without its newline is a torn write (reported,
 * not fatal); any other bad line means the file was altered and is refused.
 */
export function readLog(file: string): LogRead {
  if (!existsSync(file)) return { entries: [], goodLength: 0, tornTail: false }
  const buf = readFileSync(file)
  const entries: LogEntry[] = []
  let start = 0
  let lineNo = 0
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start)
    lineNo++
    if (nl === -1) return { entries, goodLength: start, tornTail: true }
    const line = buf.subarray(start, nl).toString('utf8')
    let entry: LogEntry
    try {
      entry = LogEntry.parse(JSON.parse(line))
    } catch {
      throw new AppError('corrupt', `The change log ${file} is damaged at line ${lineNo}.`)
    }
    const prev = entries[entries.length - 1]
    if (prev && entry.seq !== prev.seq + 1) {
      throw new AppError('corrupt', `The change log ${file} skips from change ${prev.seq} to ${entry.seq} at line ${lineNo}.`)
    }
    entries.push(entry)
    start = nl + 1
  }
  return { entries, goodLength: start, tornTail: false }
}

export function listLogs(profileDir: string): string[] {
  const dir = join(profileDir, LOG_DIR)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f))
}

/** This device's log, open for appending; every append is fsynced before it returns. */
export class LogWriter {
  private fd: number
  private size: number

  constructor(
    readonly file: string,
    goodLength: number,
    backupDir: string,
  ) {
    this.fd = openSync(file, existsSync(file) ? 'r+' : 'w+')
    const actual = statSync(file).size
    if (actual > goodLength) {
      // Keep the torn bytes for inspection, then cut them off so appends stay line-aligned.
      copyFileSync(file, join(backupDir, `torn-${Date.now()}-${file.split(/[\\/]/).pop()}`))
      ftruncateSync(this.fd, goodLength)
      fdatasyncSync(this.fd)
    }
    this.size = goodLength
  }

  append(entry: LogEntry): void {
    const buf = Buffer.from(JSON.stringify(entry) + '\n')
    try {
      let off = 0
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off, this.size + off)
      fdatasyncSync(this.fd)
    } catch (e) {
      // Undo a partial line (full disk, I/O error) so the log stays whole and nothing half-lands.
      try {
        ftruncateSync(this.fd, this.size)
      } catch {
        /* the original error is the one to report */
      }
      throw new AppError('unavailable', `The change could not be saved: ${(e as Error).message}`)
    }
    this.size += buf.length
  }

  close(): void {
    closeSync(this.fd)
  }
}
