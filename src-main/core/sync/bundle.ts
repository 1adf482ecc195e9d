import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib'
import { z } from 'zod'
import { AppError } from '../model/errors'
import type { LogLine } from '../store/change-log'
import { LogEntry, Op } from './change'
import type { VersionVector } from './clock'
import { canonical, chainOver } from './digest'
import { seal, signBytes, unseal, verifyBytes, type KeyPairs } from './keys'

// A bundle: what one device sends another, as a file (e-mail, USB stick, shared folder).
//
//   GFCSYNC1\n <header JSON>\n <ciphertext> <64-byte Ed25519 signature>
//
// The header (plaintext) names the dataset, sender and recipient, and carries the ephemeral
// X25519 key and nonce; the ciphertext (AES-256-GCM, the header as associated data) holds the
// brotli-compressed payload; the sender signs everything before the signature, so changing
// any byte, cutting the file or sending it to the wrong device is found before anything is
// read. Inside, per author, a run of that author's changes from where the recipient's copy
// ends, with the author's own signature over the chain head after the run: a change keeps its
// author's proof when another device relays it.

const MAGIC = Buffer.from('GFCSYNC1\n')
const SIGNATURE_BYTES = 64

const Header = z.object({
  dataset: z.string(),
  from: z.string(),
  to: z.string(),
  created: z.string(),
  /** How many changes it holds (shown before opening). */
  changes: z.number().int().nonnegative(),
  ephemeral: z.string(),
  nonce: z.string(),
})
export type BundleHeader = z.infer<typeof Header>

const Head = z.object({ seq: z.number().int().positive(), chain: z.string(), sig: z.string() })
export type Head = z.infer<typeof Head>

/** A change as it travels: its author and number are the run's. `p` is the chain before it
 *  when it closes a declared gap (a base change after a lost tail). */
const Carried = LogEntry.omit({ v: true, device: true }).extend({ p: z.string().optional() })
type Carried = z.infer<typeof Carried>

const Run = z.object({ author: z.string(), prev: z.string(), entries: z.array(Carried).min(1), head: Head })
export type Run = z.infer<typeof Run>

/** An earlier change again, with the fields of records that came into the recipient's scope
 *  since (it held them only as hashes): `apply` names the ones that are still current values. */
const Reveal = z.object({ author: z.string(), seq: z.number().int().positive(), ops: z.array(Op), r: z.array(z.string()), apply: z.array(z.string()) })
export type Reveal = z.infer<typeof Reveal>

const Payload = z.object({
  /** What the sender holds of every device's log: the next bundle back holds only what it lacks. */
  vv: z.record(z.string(), z.number().int().nonnegative()),
  runs: z.array(Run),
  reveals: z.array(Reveal),
})
export type Payload = z.infer<typeof Payload>

/** What an author signs: its log's chain after change `seq`, in one dataset. */
export function headMessage(dataset: string, device: string, seq: number, chain: string): string {
  return canonical({ kind: 'gfc-desk log head', dataset, device, seq, chain })
}

export function toRun(author: string, prev: string, lines: LogLine[], head: Head): Run {
  return {
    author,
    prev,
    entries: lines.map(({ e, p }) => {
      const { v: _v, device: _d, ...rest } = e
      return p ? { ...rest, p } : rest
    }),
    head,
  }
}

export function writeBundle(payload: Payload, h: Omit<BundleHeader, 'ephemeral' | 'nonce' | 'created'>, sender: KeyPairs, recipientBoxKey: string): Buffer {
  const plain = brotliCompressSync(Buffer.from(JSON.stringify(payload)), { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: 0 } })
  const context = `${h.dataset}:${h.from}:${h.to}`
  const sealed = seal(recipientBoxKey, plain, context)
  const header: BundleHeader = { ...h, created: new Date().toISOString(), ephemeral: sealed.ephemeral, nonce: sealed.nonce }
  const body = Buffer.concat([MAGIC, Buffer.from(JSON.stringify(header) + '\n'), sealed.ciphertext])
  return Buffer.concat([body, Buffer.from(signBytes(sender, body), 'base64url')])
}

export interface ReadBundle {
  header: BundleHeader
  body: Buffer
  ciphertext: Buffer
  signature: string
}

/** A bundle's refusal: the reason in English, and the key a screen words it by where there is one. */
export const refused = (why: string, key?: string, params?: Record<string, string>) => new AppError('validation', `This bundle was refused: ${why}. Nothing was changed.`, undefined, key, params)

/** Refusals a file still being copied (or cut short on its way) also gets: a shared folder tries it again later. */
export const MAYBE_BEING_COPIED: ReadonlySet<string> = new Set(['sync.bundle.cutShort', 'sync.bundle.signature', 'sync.bundle.undecryptable'])

/** The bundle's header, read without trusting it yet. */
export function readBundle(buf: Buffer): ReadBundle {
  // An empty file, or one holding only the start of the mark, is a copy that has just begun.
  if (buf.length < MAGIC.length && MAGIC.subarray(0, buf.length).equals(buf)) throw refused('it is cut short (incomplete, or still being copied)', 'sync.bundle.cutShort')
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw refused('it is not a GFC Desk bundle (a .gfcsync file)', 'sync.bundle.notBundle')
  const nl = buf.indexOf(0x0a, MAGIC.length)
  if (nl === -1 || buf.length < nl + 1 + 16 + SIGNATURE_BYTES) throw refused('it is cut short (incomplete, or still being copied)', 'sync.bundle.cutShort')
  let header: BundleHeader
  try {
    header = Header.parse(JSON.parse(buf.subarray(MAGIC.length, nl).toString('utf8')))
  } catch {
    throw refused('its header is damaged')
  }
  const body = buf.subarray(0, buf.length - SIGNATURE_BYTES)
  return { header, body, ciphertext: buf.subarray(nl + 1, buf.length - SIGNATURE_BYTES), signature: buf.subarray(buf.length - SIGNATURE_BYTES).toString('base64url') }
}

/** Checks the sender's signature, decrypts and parses the payload; any changed byte is refused. */
export function openBundle(b: ReadBundle, senderSignKey: string, mine: KeyPairs): Payload {
  if (!verifyBytes(senderSignKey, b.body, b.signature)) throw refused(`its signature does not match device ${b.header.from}: it was changed after it was made, or cut short`, 'sync.bundle.signature', { device: b.header.from })
  let plain: Buffer
  try {
    plain = brotliDecompressSync(unseal(mine, { ephemeral: b.header.ephemeral, nonce: b.header.nonce, ciphertext: b.ciphertext }, `${b.header.dataset}:${b.header.from}:${b.header.to}`), {
      maxOutputLength: 512 * 1024 * 1024,
    })
  } catch {
    throw refused('it cannot be decrypted with this device\'s key', 'sync.bundle.undecryptable')
  }
  let json: unknown
  const text = plain.toString('utf8')
  try {
    // A key "__proto__" (written plainly or with \u escapes) is refused by name; the key-by-key
    // check runs only for text that could hold one.
    const suspicious = text.includes('__proto__') || text.includes('\\u')
    json = suspicious
      ? JSON.parse(text, (key, value) => {
          if (key === '__proto__') throw new Error('__proto__')
          return value
        })
      : JSON.parse(text)
  } catch (e) {
    throw refused((e as Error).message === '__proto__' ? 'it holds a field named __proto__, which no GFC Desk record has' : 'its contents are not JSON')
  }
  const parsed = Payload.safeParse(json)
  if (!parsed.success) throw refused(`its contents are not well formed (${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message})`)
  return parsed.data
}

/** A run's changes as log lines, once its chain leads to a head its author signed; null if not. */
export function verifyRun(run: Run, dataset: string, signKey: string, firstSeq: number): LogLine[] | null {
  const entries: LogEntry[] = []
  const gaps: (string | undefined)[] = []
  let seq = firstSeq
  for (const c of run.entries) {
    // The carried change becomes a log entry in place (the payload is this import's own copy).
    const p = c.p
    delete c.p
    const e = Object.assign(c, { v: 2 as const, device: run.author }) as LogEntry
    const closesGap = e.kind === 'base' && e.lost?.[0] === seq && e.seq === e.lost[1] + 1
    if (e.seq !== seq && !closesGap) return null
    // Anywhere else, a chain that starts again would leave the changes before it unsigned.
    if (p !== undefined && !closesGap) return null
    entries.push(e)
    gaps.push(p)
    seq = e.seq + 1
  }
  const chains = chainOver(run.prev, entries, (i) => gaps[i])
  const lines: LogLine[] = entries.map((e, i) => (gaps[i] ? { h: chains[i], e, p: gaps[i] } : { h: chains[i], e }))
  const last = lines.at(-1)!
  if (last.e.seq !== run.head.seq || last.h !== run.head.chain) return null
  if (!verifyBytes(signKey, headMessage(dataset, run.author, run.head.seq, run.head.chain), run.head.sig)) return null
  last.s = run.head.sig
  return lines
}

/** How many changes a payload carries (its runs' entries). */
export function changeCount(runs: Run[]): number {
  return runs.reduce((n, r) => n + r.entries.length, 0)
}

export type { VersionVector }
