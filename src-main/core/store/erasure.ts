import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { ENTITIES, TABLES, type TableName } from '../model/entities'
import type { LogEntry, Op, StoredRecord, Tables } from '../sync/change'
import { entryDigest, leafHash } from '../sync/digest'
import { BACKUP_DIR } from './backups'
import { LogLine, listLogs, logDevice, rewriteLines, type MovedEnds } from './change-log'
import { writeFileDurableSync } from './durable-file'
import { isSealedFile, isSealedLine, plainContent, type Sealer } from './encryption'

// Erasing a person for good. The erasure itself is an ordinary change (`erased: true`, with the
// tombstone), so it syncs and records who erased whom and when, not what. Each device that folds
// it removes every other value the record ever had from its files: in each log the erased
// fields are replaced by their leaf hashes (`r`, as in a scoped device's partial copies; only the
// change's digest `d` when nothing else is left in it), so each change's digest, each log's hash
// chain and its authors' signatures stay what they were on every device, and no version vector
// moves; the revealed fields, the data file and the backups are rewritten without them.

/** The fields an erased record keeps from changes before its erasure: its tombstone. (The
 *  erasure's own change, which sets the registry's blank values, stays whole.) */
const KEPT = new Set(['deleted', 'erased'])
const REVEALED = join('changes', '.revealed.jsonl')
const DATA_FILE = 'gfc.json'
const HELD_DIR = 'held'

/** `table:id` of a record. */
export const recordKey = (table: string, id: string) => `${table}:${id}`

/** Whether an op gives an erased record a value an erasure removes. */
export function erasesSomething(op: Op, erased: (table: TableName, id: string) => boolean): boolean {
  return ENTITIES[op.table].erasable !== undefined && op.set.erased !== true && erased(op.table, op.id) && Object.keys(op.set).some((f) => !KEPT.has(f))
}

/** The ops of a change that an erasure of `targets` changes: the targets' ops, but the erasure's own. */
const erases = (op: Op, targets: Set<string>) => op.set.erased !== true && targets.has(recordKey(op.table, op.id)) && Object.keys(op.set).some((f) => !KEPT.has(f))

/** The records erased in `tables` (whether or not their files are rewritten yet). */
export function erasedRecords(tables: Tables): string[] {
  const out: string[] = []
  for (const t of TABLES) {
    if (ENTITIES[t].erasable === undefined) continue
    for (const rec of Object.values(tables[t])) if (rec.data.erased === true) out.push(recordKey(t, rec.id))
  }
  return out
}

/** A change without the erased records' values; null when it holds none. */
function eraseEntry(e: LogEntry, targets: Set<string>): LogEntry | null {
  if (e.d !== undefined || !e.ops.some((op) => erases(op, targets))) return null
  const ops: Op[] = []
  const hidden = [...(e.r ?? [])]
  for (const op of e.ops) {
    if (!erases(op, targets)) {
      ops.push(op)
      continue
    }
    const set: Record<string, unknown> = {}
    const at: Record<string, string> = {}
    for (const [field, value] of Object.entries(op.set)) {
      if (KEPT.has(field)) {
        set[field] = value
        if (op.at?.[field]) at[field] = op.at[field]
      } else hidden.push(leafHash(op, field, value))
    }
    if (Object.keys(set).length) ops.push({ table: op.table, id: op.id, set, ...(op.at ? { at } : {}) })
  }
  const { r: _r, ...header } = e
  // `x`: as whole as any device will ever hold it, so it is relayed like a whole change.
  if (ops.length === 0) return { ...header, ops: [], d: entryDigest(e), x: true }
  return { ...header, ops, r: hidden, x: true }
}

function eraseLine(text: string, targets: Set<string>, sealer: Sealer | null): string {
  const json = isSealedLine(text) ? sealer?.openLine(text) : text
  if (json == null) return text
  let line: LogLine
  try {
    line = LogLine.parse(JSON.parse(json))
  } catch {
    return text // a damaged line stays as it is (the open reports it)
  }
  const e = eraseEntry(line.e, targets)
  if (!e) return text
  const out = JSON.stringify({ ...line, e })
  return sealer ? sealer.sealLine(out) : out
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function eraseRevealedLine(text: string, targets: Set<string>, sealer: Sealer | null): string {
  const json = isSealedLine(text) ? sealer?.openLine(text) : text
  if (json == null) return text
  try {
    const r = JSON.parse(json) as { device: string; seq: number; ops: Op[] }
    const ops = r.ops.map((op) => (erases(op, targets) ? { ...op, set: Object.fromEntries(Object.entries(op.set).filter(([f]) => KEPT.has(f))) } : op))
    const out = JSON.stringify({ ...r, ops: ops.filter((op) => Object.keys(op.set).length) })
    return sealer ? sealer.sealLine(out) : out
  } catch {
    return text
  }
}

type DataDoc = { tables?: Record<string, Record<string, StoredRecord>>; logs?: Record<string, { bytes: number; sha: string }>; erased?: string[] }

/** The erased records in a data file (or a backup of one) replaced by what the erased logs give. */
function eraseDoc(doc: DataDoc, targets: Set<string>, records: Map<string, StoredRecord | undefined>): void {
  for (const key of targets) {
    const [table, id] = key.split(':')
    const t = doc.tables?.[table]
    if (!t || !Object.hasOwn(t, id)) continue
    const rec = records.get(key)
    if (rec) t[id] = rec
    else delete t[id]
  }
}

function readDoc(file: string, sealer: Sealer | null): DataDoc | null {
  try {
    return JSON.parse(plainContent(readFileSync(file), sealer, file).toString('utf8')) as DataDoc
  } catch {
    return null
  }
}

function writeDoc(file: string, doc: DataDoc, sealer: Sealer | null): void {
  const text = JSON.stringify(doc)
  writeFileDurableSync(file, sealer ? sealer.sealFile(text) : text)
}

/**
 * Rewrites the profile's files without the values of `targets` (`table:id`), its lock held by
 * the caller: the logs and revealed fields first, each file replaced whole, then the backups, then
 * the data file (its records from `rebuilt`, the logs' new byte positions, and `targets` marked
 * done). A crash in between leaves files each old or new; the next open erases again.
 */
export function eraseFromFiles(dir: string, sealer: Sealer | null, targets: Set<string>, rebuilt: () => Tables): void {
  const moved = new Map<string, MovedEnds>()
  for (const log of listLogs(dir)) moved.set(logDevice(log), rewriteLines(log, (t) => eraseLine(t, targets, sealer)))
  const revealed = join(dir, REVEALED)
  if (existsSync(revealed)) rewriteLines(revealed, (t) => eraseRevealedLine(t, targets, sealer))

  const tables = rebuilt()
  const records = new Map([...targets].map((key) => {
    const [table, id] = key.split(':') as [TableName, string]
    return [key, Object.hasOwn(tables[table], id) ? tables[table][id] : undefined]
  }))
  const ids = [...targets].map((k) => k.split(':')[1])
  const backups = join(dir, BACKUP_DIR)
  for (const name of existsSync(backups) ? readdirSync(backups) : []) {
    const file = join(backups, name)
    const buf = readFileSync(file)
    const plain = isSealedFile(buf) ? (sealer ? sealer.openFile(buf, file) : buf) : buf
    if (name.endsWith('.jsonl')) {
      // A log kept aside (damaged, torn, before a migration): its lines erased like the log's.
      // (Its lines may be sealed one by one, so the ids are looked for in them, not in the file.)
      // A line there that is not a whole change (cut short by a crash) and names the person goes.
      const unreadable = (t: string) => !isSealedLine(t) && !LogLine.safeParse(safeJson(t)).success
      const before = plain.toString('utf8')
      const text = before
        .split('\n')
        .filter((t) => !(unreadable(t) && ids.some((id) => t.includes(id))))
        .map((t) => (t ? eraseLine(t, targets, sealer) : t))
        .join('\n')
      if (text !== before) writeFileDurableSync(file, isSealedFile(buf) && sealer ? sealer.sealFile(text) : text)
      continue
    }
    if (!ids.some((id) => plain.includes(id))) continue
    const doc = readDoc(file, sealer)
    if (doc?.tables) writeDoc(file, (eraseDoc(doc, targets, records), doc), isSealedFile(buf) ? sealer : null)
    else unlinkSync(file) // a damaged copy that still names the person: it goes too
  }

  // Other devices' changes held for a gap (services/sync/exchange.ts): erased like the logs, so
  // their digests, and so their chains and signatures, stay what they were.
  const held = join(dir, HELD_DIR)
  for (const name of existsSync(held) ? readdirSync(held).filter((n) => n.startsWith('run-')) : []) {
    const file = join(held, name)
    const buf = readFileSync(file)
    let lines: LogLine[]
    try {
      lines = z.array(LogLine).parse(JSON.parse(plainContent(buf, sealer, file).toString('utf8')))
    } catch {
      continue // not readable as changes: it is never applied either
    }
    if (!lines.some((l) => eraseEntry(l.e, targets))) continue
    const text = JSON.stringify(lines.map((l) => ({ ...l, e: eraseEntry(l.e, targets) ?? l.e })))
    writeFileDurableSync(file, isSealedFile(buf) && sealer ? sealer.sealFile(text) : text)
  }

  const data = join(dir, DATA_FILE)
  const doc = readDoc(data, sealer)
  if (!doc) return
  eraseDoc(doc, targets, records)
  for (const [device, at] of Object.entries(doc.logs ?? {})) {
    const now = moved.get(device)?.get(at.bytes)
    if (now) doc.logs![device] = { ...at, bytes: now.end, sha: now.sha }
  }
  doc.erased = [...new Set([...(doc.erased ?? []), ...targets])]
  writeDoc(data, doc, isSealedFile(readFileSync(data)) ? sealer : null)
}
