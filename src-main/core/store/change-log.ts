import { createHash } from 'node:crypto'
import { closeSync, existsSync, fdatasyncSync, ftruncateSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../model/errors'
import { LogEntry } from '../sync/change'
import { chainNext, entryDigest, GENESIS } from '../sync/digest'
import { FILE_MODE, fsyncDirSync, writeFileDurableSync } from './durable-file'
import { isSealedLine, needsPassphrase, type Sealer } from './encryption'

export const LOG_DIR = 'changes'

/**
 * One line of a log: a change and the chain after it (`h`). `s` is its author's signature of
 * that chain head, when one came with it. `p` is the chain before it, given only after a gap
 * that a base change declares (`lost`), where the lines that would prove it are gone.
 */
export const LogLine = z.object({ h: z.string().length(43), e: LogEntry, s: z.string().optional(), p: z.string().length(43).optional() })
export type LogLine = z.infer<typeof LogLine>

export function logPath(profileDir: string, device: string): string {
  return join(profileDir, LOG_DIR, `${device}.jsonl`)
}

export function logDevice(file: string): string {
  return basename(file, '.jsonl')
}

export function listLogs(profileDir: string): string[] {
  const dir = join(profileDir, LOG_DIR)
  if (!existsSync(dir)) return []
  // Not `.revealed.jsonl` beside them (sync/revealed.ts): it holds fields, not a device's changes.
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl') && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f))
}

/** Where a read starts: the start of the file, or a position the data file vouches for. */
export interface LogPosition {
  seq: number
  bytes: number
  chain: string
}
export const START: LogPosition = { seq: 0, bytes: 0, chain: GENESIS }

export interface ReadLine {
  line: LogLine
  /** The raw text of the line, without its newline. */
  text: string
  /** Byte offset just after the line's newline. */
  end: number
}

export interface LogRead {
  lines: ReadLine[]
  /** The position after the last whole, valid line: where the next append goes. */
  end: LogPosition
  /** A last line cut short by a crash or a full disk: never acknowledged, safe to drop. */
  tornTail: boolean
  /** With `stopAtDamage`: what is wrong with the first bad line (the read ends before it). */
  damage?: string
}

function damaged(file: string, lineNo: number, what: string): string {
  return `The change log ${file} is damaged at line ${lineNo}: ${what}.`
}

/**
 * Reads a log from `from` on, checking every line: it parses, numbers follow on, and the chain
 * after it is the hash of the chain before it and the change's digest, so a line edited,
 * removed or moved anywhere is found, with its number. A damaged last line without its newline
 * is a torn write (reported, not fatal). Any other damage throws, or with `stopAtDamage` ends
 * the read before the bad line and says what is wrong with it. Sealed lines (an encrypted
 * profile) are opened with `sealer`; `text` stays the line as it is on disk.
 */
export function readLog(file: string, buf: Buffer, from: LogPosition = START, stopAtDamage = false, verify = true, sealer: Sealer | null = null): LogRead {
  const lines: ReadLine[] = []
  let pos = from
  let start = from.bytes
  let lineNo = lineNumberAt(buf, start) - 1
  const fail = (what: string): LogRead => {
    const message = damaged(file, lineNo, what)
    if (!stopAtDamage) throw new AppError('corrupt', message)
    return { lines, end: pos, tornTail: false, damage: message }
  }
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start)
    lineNo++
    if (nl === -1) return { lines, end: pos, tornTail: true }
    const text = buf.subarray(start, nl).toString('utf8')
    let json = text
    if (isSealedLine(text)) {
      if (!sealer) throw needsPassphrase(dirname(dirname(file)))
      const opened = sealer.openLine(text)
      if (opened === null) return fail('it does not decrypt with this profile\'s key')
      json = opened
    }
    let line: LogLine
    try {
      line = LogLine.parse(JSON.parse(json))
    } catch {
      return fail('it is not a valid change')
    }
    const e = line.e
    const gap = e.kind === 'base' && e.lost !== undefined && e.lost[0] === pos.seq + 1 && e.seq === e.lost[1] + 1
    if (e.seq !== pos.seq + 1 && !gap) return fail(`it skips from change ${pos.seq} to ${e.seq}`)
    const prev = gap && line.p ? line.p : pos.chain
    if (verify && line.h !== chainNext(prev, entryDigest(e))) return fail('it does not follow from the line before it (a line was edited, removed or moved)')
    pos = { seq: e.seq, bytes: nl + 1, chain: line.h }
    lines.push({ line, text, end: nl + 1 })
    start = nl + 1
  }
  return { lines, end: pos, tornTail: false }
}

/** Where a line that ended at an old byte offset ends after a rewrite, and the SHA-256 of the
 *  file up to there (what the data file records of a log it folded in). */
export type MovedEnds = Map<number, { end: number; sha: string }>

/**
 * Replaces a line file (a log, the revealed fields) by one whose lines are `rewrite(text)` of the
 * old ones, whole (temp, fsync, rename). A last line without its newline (a torn write, never
 * acknowledged) is dropped.
 */
export function rewriteLines(file: string, rewrite: (text: string) => string): MovedEnds {
  const buf = readFileSync(file)
  const ends: MovedEnds = new Map()
  const hash = createHash('sha256')
  const out: string[] = []
  let start = 0
  let bytes = 0
  for (let nl = buf.indexOf(0x0a); nl !== -1; nl = buf.indexOf(0x0a, start)) {
    const text = rewrite(buf.subarray(start, nl).toString('utf8')) + '\n'
    out.push(text)
    hash.update(text)
    bytes += Buffer.byteLength(text)
    ends.set(nl + 1, { end: bytes, sha: hash.copy().digest('hex') })
    start = nl + 1
  }
  writeFileDurableSync(file, out.join(''))
  return ends
}

/** Line number of a byte offset (for messages about a read that starts mid-file). */
function lineNumberAt(buf: Buffer, offset: number): number {
  let n = 1
  for (let i = buf.indexOf(0x0a); i !== -1 && i < offset; i = buf.indexOf(0x0a, i + 1)) n++
  return n
}

/** A device's log, open for appending; every append is fsynced before it returns. */
export class LogWriter {
  private fd: number

  /** Opens `file` to append after its first `size` bytes; anything after them (a torn or
   *  damaged end, kept aside by the caller) is cut off so appends stay line-aligned. Lines are
   *  sealed when a `sealer` is given (an encrypted profile). */
  constructor(
    readonly file: string,
    private size: number,
    fileSize: number,
    private readonly sealer: Sealer | null = null,
  ) {
    const created = !existsSync(file)
    this.fd = openSync(file, created ? 'w+' : 'r+', FILE_MODE)
    // A new log's name must survive a crash too.
    if (created) fsyncDirSync(dirname(file))
    if (fileSize > size) {
      ftruncateSync(this.fd, size)
      fdatasyncSync(this.fd)
    }
  }

  get length(): number {
    return this.size
  }

  /** Appends whole lines; returns their texts as written. Nothing half-lands: a failed write is cut off. */
  append(lines: LogLine[]): string[] {
    const texts = lines.map((l) => (this.sealer ? this.sealer.sealLine(JSON.stringify(l)) : JSON.stringify(l)))
    const buf = Buffer.from(texts.map((t) => t + '\n').join(''))
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
    return texts
  }

  close(): void {
    closeSync(this.fd)
  }
}
