import { hash } from 'node:crypto'
import type { LogEntry, Op } from './change'

// What a device's signature covers. Each field a change sets is a leaf, hashed on its own, so a
// copy of the change without some fields (for a device scoped to some missions) still proves
// the fields it has: the missing ones travel as their hashes. A change's digest covers its
// header and all its leaves; each log is a hash chain of those digests, and signing the chain's
// head vouches for every change before it.

export const GENESIS = Buffer.alloc(32).toString('base64url')

/** JSON with object keys sorted: the same value always gives the same bytes. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`
}

const sha256 = (data: string | Buffer): Buffer => hash('sha256', data, 'buffer') as Buffer

export function leafHash(op: Pick<Op, 'table' | 'id' | 'at'>, field: string, value: unknown): string {
  return sha256(`${canonical([op.table, op.id, field, value, op.at?.[field] ?? null])}`).toString('base64url')
}

/** Every leaf of a change's fields it holds, as hashes. */
export function leavesOf(ops: readonly Op[]): string[] {
  const out: string[] = []
  for (const op of ops) for (const [field, value] of Object.entries(op.set)) out.push(leafHash(op, field, value))
  return out
}

export function headerOf(e: LogEntry): string {
  return canonical({ v: e.v, device: e.device, seq: e.seq, hlc: e.hlc, seen: e.seen, kind: e.kind, lost: e.lost })
}

/** The digest of a change: its header and the sorted hashes of all its leaves (held or not). */
export function entryDigest(e: LogEntry): string {
  if (e.d !== undefined) return e.d
  const leaves = [...leavesOf(e.ops), ...(e.r ?? [])].sort()
  return sha256(headerOf(e) + '\n' + leaves.join('\n')).toString('base64url')
}

/** The chain after a change: the hash of the chain before it and its digest. */
export function chainNext(prev: string, digest: string): string {
  return sha256(Buffer.concat([Buffer.from(prev, 'base64url'), Buffer.from(digest, 'base64url')])).toString('base64url')
}
