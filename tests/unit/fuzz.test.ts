import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inputs, METHODS, type Method } from '../../src-main/core/api'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import { cases, completeInput, corpus, hostileInput, inject } from '../support/hostile'

// Every method of the contract (METHODS, so methods added later are fuzzed too), called through
// dispatch with hostile inputs against a real profile holding the demo data. An input its schema
// refuses must be refused with a clear error, and the profile's files must stay byte for byte as
// they were. An input the schema takes is not hostile: it may be served (and may write, a few
// times per method), but never with an internal error. Every bug found goes into
// tests/fixtures/hostile/.

let app: App
let dir: string
let ids: string[]

/**
 * After a served write the data file is refolded from the log in the background, at a moment of
 * its own: until the next settle() it is left out of the comparison. The change log, which any
 * change must go through first, and every other file stay in.
 */
let dirty = false
const refolded = (name: string) => name === 'gfc.json' || /^\.gfc\.json\..*\.tmp$/.test(name)

/** Every file of the profile, relative to it (readdirSync with recursive: true lists folders too). */
const files = () => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort()

/** What the profile's files are: path, inode, size and mtime (cheap enough for every call). */
function fingerprint(): string {
  return files()
    .filter((f) => !(dirty && refolded(f)))
    .map((f) => {
      const s = statSync(join(dir, f), { bigint: true })
      return `${f} ${s.ino} ${s.size} ${s.mtimeNs}`
    })
    .join('\n')
}

/** Every byte of every file of the profile (once per method: the fingerprint is the quick check). */
const contents = () => new Map(files().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]))

/** Lets the background refold of the data file finish, so that every file is compared again. */
async function settle(): Promise<void> {
  await app.store.snapshot()
  dirty = false
  baseline = fingerprint()
}

const isValid = (method: Method, input: unknown) => inputs[method].safeParse(input ?? {}).success

const describeInput = (input: unknown) => {
  try {
    const s = JSON.stringify(input, (_k, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v))
    return s === undefined ? typeof input : s.length > 400 ? `${s.slice(0, 400)}…` : s
  } catch {
    return `(${Array.isArray(input) ? 'an array' : typeof input} that cannot be shown)`
  }
}

/** Corpus entries too big to try in every field of every method (see the corpus replay). */
const isHuge = (v: unknown) => (typeof v === 'string' && v.length > 65_536) || (Array.isArray(v) && v.length > 65_536)
const hugeTried = new Set<string>()

const prototypeNames = Object.getOwnPropertyNames(Object.prototype)

let baseline = ''
/** Set when a call the schema took changed the files (a legitimate write). */
let wrote = false

/**
 * Valid inputs are not hostile: a method that writes when served gets a few of them (enough to
 * run its handler on odd but valid data), then they are skipped, so the profile stays small and
 * the run short.
 */
const VALID_WRITES_PER_METHOD = 8
const validWrites = new Map<Method, number>()

/** One call: the reply must be a clear answer; a refused call must leave every file as it was. */
async function check(method: Method, input: unknown): Promise<void> {
  if ((validWrites.get(method) ?? 0) >= VALID_WRITES_PER_METHOD && isValid(method, input)) return
  const reply = await dispatch(app, method, input)
  // Said only when something is wrong: describing a 10 MB input for every call would cost more than the call.
  const fail = (why: string) => expect.fail(`${method} ${describeInput(input)}: ${why}`)
  if (!reply.ok) {
    const e = reply.error
    if (e.code === 'internal') fail(`an internal error: ${e.message}`)
    if (typeof e.message !== 'string' || e.message.length === 0) fail('an error without a message')
    if (e.message.length > 4000) fail(`a message of ${e.message.length} characters`)
    if (/\n\s+at .+:\d+:\d+/.test(e.message)) fail(`a stack trace: ${e.message}`)
    if (/\{\{\w+\}\}|validation\.\w+/.test(e.message)) fail(`a message with a key or a placeholder left in it: ${e.message}`)
    if (fingerprint() !== baseline) fail("refused, but the profile's files changed")
  } else {
    if (!isValid(method, input)) fail('served, although its schema refuses it')
    if (fingerprint() !== baseline) {
      validWrites.set(method, (validWrites.get(method) ?? 0) + 1)
      wrote = true
      dirty = true
      baseline = fingerprint()
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gfc-fuzz-')) // for the whole file: the profile outlives each test
  app = await App.open(dir)
  const demo = await dispatch(app, 'demo.load', {})
  if (!demo.ok) throw new Error(demo.error.message)
  await settle()
  ids = Object.values(app.store.tables).flatMap((t) => Object.keys(t)).filter((id) => /^[0-9a-f-]{36}$/.test(id))
})

afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('every method of the contract, fed hostile input', () => {
  it('covers the whole contract', () => {
    expect(METHODS.length).toBeGreaterThan(70)
    expect(new Set(METHODS)).toEqual(new Set(Object.keys(inputs)))
  })

  it('replays the calls that once found a bug', async () => {
    for (const c of cases) {
      expect(METHODS, c.found).toContain(c.method)
      await check(c.method as Method, c.input)
    }
  })

  it.each(METHODS)('%s: refuses the hostile corpus with a clear error and changes nothing', async (method) => {
    const before = contents()
    wrote = false
    const { input, places } = completeInput(inputs[method], ids)
    for (const [n, entry] of corpus.entries()) {
      await check(method, entry.value) // as the whole input
      for (const place of places) {
        // In each of its fields; a huge value once per kind of field in the whole contract, to keep the run short.
        if (isHuge(entry.value)) {
          if (hugeTried.has(`${n} ${place.kind}`)) continue
          hugeTried.add(`${n} ${place.kind}`)
        }
        await check(method, inject(input, entry.value, place.index, null))
      }
    }
    await fc.assert(
      fc.asyncProperty(hostileInput(inputs[method], ids), async (input) => {
        await check(method, input)
      }),
      { numRuns: 25, seed: [...method].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 2026) },
    )
    await settle()
    // When nothing valid was written, not a byte may differ.
    if (!wrote) expect(contents()).toEqual(before)
    // And no "__proto__" or "constructor" key reached a prototype.
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeNames)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
