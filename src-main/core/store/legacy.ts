import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../model/errors'
import { emptyTables, type LogEntry, type StoredRecord, type Tables } from '../sync/change'
import { chainNext, entryDigest, GENESIS } from '../sync/digest'
import { keepCopy } from './backups'
import { listLogs, logDevice, type LogLine } from './change-log'
import { writeFileDurableSync } from './durable-file'
import type { Snapshot } from './snapshot'
import { SCHEMA_VERSION } from './snapshot'

// Version 5 (sync) chains each log's lines by hash, records what each change's author had seen,
// and stamps each field with the number of the change that wrote it. A version-4 profile's logs
// are rewritten in that form (the originals kept in backups/), with their history: the same
// changes, numbers and times; its data file keeps its values, its stamps gaining the numbers.

const LegacyEntry = z.object({
  v: z.literal(1),
  device: z.string(),
  seq: z.number().int().positive(),
  hlc: z.string(),
  ops: z.array(z.object({ table: z.string(), id: z.string(), set: z.record(z.string(), z.unknown()) })),
})

export function migrateLegacy(dir: string, doc: Record<string, unknown>): Snapshot {
  const numbers = new Map<string, number>()
  const logs: Snapshot['logs'] = {}
  const applied = (doc.applied ?? {}) as Record<string, number>
  for (const path of listLogs(dir)) {
    const device = logDevice(path)
    const text = readFileSync(path, 'utf8')
    const lines: LogLine[] = []
    let chain = GENESIS
    let lineNo = 0
    for (const raw of text.split('\n')) {
      lineNo++
      if (!raw) continue
      let old: z.infer<typeof LegacyEntry>
      try {
        old = LegacyEntry.parse(JSON.parse(raw))
      } catch {
        // A last line cut short by a crash was never acknowledged; anything else is damage.
        if (lineNo === text.split('\n').length && !text.endsWith('\n')) break
        throw new AppError('corrupt', `The change log ${path} is damaged at line ${lineNo}; it cannot be upgraded.`)
      }
      numbers.set(old.hlc, old.seq)
      const e = { v: 2, device: old.device, seq: old.seq, hlc: old.hlc.slice(0, 18), ops: old.ops } as LogEntry
      chain = chainNext(chain, entryDigest(e))
      lines.push({ h: chain, e })
    }
    keepCopy(dir, path, `pre-migration-v4-${device}`)
    const out = Buffer.from(lines.map((l) => JSON.stringify(l) + '\n').join(''))
    writeFileDurableSync(path, out)
    const upTo = lines.filter((l) => l.e.seq <= (applied[device] ?? 0))
    const bytes = upTo.reduce((n, l) => n + Buffer.byteLength(JSON.stringify(l)) + 1, 0)
    logs[device] = { seq: upTo.at(-1)?.e.seq ?? 0, bytes, chain: upTo.at(-1)?.h ?? GENESIS, sha: createHash('sha256').update(out.subarray(0, bytes)).digest('hex') }
  }
  const restamp = (s: string) => `${s}-${numbers.get(s) ?? 0}`
  const tables = { ...emptyTables(), ...(doc.tables as Tables) }
  for (const table of Object.values(tables)) {
    for (const rec of Object.values(table) as StoredRecord[]) {
      rec.base = restamp(rec.base)
      for (const f of Object.keys(rec.stamps)) rec.stamps[f] = restamp(rec.stamps[f])
    }
  }
  for (const device of Object.keys(applied)) if (!existsSync(`${dir}/changes/${device}.jsonl`)) logs[device] ??= { seq: 0, bytes: 0, chain: GENESIS, sha: createHash('sha256').digest('hex') }
  return { schemaVersion: SCHEMA_VERSION, applied, logs, authors: {}, clock: String(doc.clock ?? '').slice(0, 18), tables, setAside: [] }
}
