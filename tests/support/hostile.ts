import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { ROOT } from './profile'

// Hostile inputs for the contract's methods: the corpus in tests/fixtures/hostile/ (strings.json,
// values.json, and cases.json, the exact calls that once found a bug), and fast-check
// arbitraries that put hostile values anywhere in an otherwise plausible input.

const HOSTILE = join(ROOT, 'tests/fixtures/hostile')
const read = (name: string) => JSON.parse(readFileSync(join(HOSTILE, name), 'utf8'))

/** The corpus may describe, anywhere in a value, what a file should not hold verbatim: a 10 MB string, deep nesting, a huge array. */
type Expandable =
  | { $repeat: string; times: number; prefix?: string; suffix?: string }
  | { $nest: number; kind: 'array' | 'object' }
  | { $array: number }

function expand(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(expand)
  if (typeof v !== 'object' || v === null) return v
  const e = v as Expandable
  if ('$repeat' in e) return `${e.prefix ?? ''}${e.$repeat.repeat(e.times)}${e.suffix ?? ''}`
  if ('$nest' in e) {
    let inner: unknown = 'deep'
    for (let i = 0; i < e.$nest; i++) inner = e.kind === 'array' ? [inner] : { a: inner }
    return inner
  }
  if ('$array' in e) return Array.from({ length: e.$array }, (_, i) => i)
  // Defined, not assigned, so that a "__proto__" key stays an own key.
  const out = {}
  for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: expand(x), enumerable: true, writable: true, configurable: true })
  return out
}

export interface CorpusEntry {
  value: unknown
  why: string
}

export const corpus: CorpusEntry[] = [...read('strings.json'), ...read('values.json').map((e: CorpusEntry) => ({ ...e, value: expand(e.value) }))]

/** The calls that found a bug once, replayed exactly. */
export const cases: { method: string; input: unknown; found: string }[] = read('cases.json').map((c: { input: unknown }) => ({ ...c, input: expand(c.input) }))

const CONTROLS = ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028']

/** A string with control or bidi characters among ordinary ones. */
const controlString = fc
  .array(fc.oneof(fc.constantFrom(...CONTROLS), fc.constantFrom('a', 'Z', ' ', '1', '-', 'é', 'ك', '\t', '\n')), { minLength: 1, maxLength: 12 })
  .filter((parts) => parts.some((p) => CONTROLS.includes(p)))
  .map((parts) => parts.join(''))

/** Dates and date-times that look right and are not. */
const badDate = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 }), fc.integer({ min: 24, max: 99 }), fc.integer({ min: 60, max: 99 })).map(
    ([m, d, h, min]) => `2027-${String(m).padStart(2, '0')}-${d}T${h}:${min}`,
  ),
)

/** A value no field expects: the corpus, control characters, impossible dates, or anything at all. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...corpus.map((e) => e.value)) },
  { weight: 2, arbitrary: controlString },
  { weight: 1, arbitrary: badDate },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }) },
)

type JsonSchema = {
  type?: string
  const?: unknown
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  format?: string
  pattern?: string
  minimum?: number
  maximum?: number
}

/** Strings the schema would take, more or less, by what its JSON Schema says of them (the
 *  earliest first: an end or a "to" takes the second, so it comes after its start). */
function plausibleStrings(s: JsonSchema, ids: string[]): string[] {
  if (s.pattern?.includes('[0-9a-f]{8}')) return ids
  if (s.format === 'date') return ['2027-03-15', '2027-12-01']
  if (s.pattern?.includes('T\\d{2}')) return ['2027-03-15T10:00', '2027-03-15T12:00']
  if (s.format === 'email') return ['someone@example.org']
  if (s.pattern === '^[A-Z]{2}$') return ['GH', 'SE']
  if (s.pattern?.includes('(0[1-9]|1[0-2])')) return ['2027-01', '2027-06']
  if (s.pattern?.includes('ext')) return ['+1 212 555 0100']
  return ['UTC', 'Geneva', 'Test entry', 'Europe/Paris', 'x']
}

/**
 * Something the schema would take, more or less: enough to get a hostile value past the first
 * field into the depths of an input. `ids` are records of the profile, so handlers find them.
 */
function plausible(s: JsonSchema, ids: string[]): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const options = s.anyOf ?? s.oneOf
  if (options) return fc.oneof(...options.map((o) => plausible(o, ids)))
  switch (s.type) {
    case 'object': {
      const props = s.properties ?? {}
      const shape = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, plausible(v, ids)]))
      return fc.record(shape, { requiredKeys: (s.required ?? []).filter((k) => k in props) })
    }
    case 'array':
      return fc.array(s.items ? plausible(s.items, ids) : fc.constant('x'), { maxLength: 3 })
    case 'integer':
    case 'number':
      return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 10, 10) })
    case 'boolean':
      return fc.boolean()
    case 'string':
      return fc.constantFrom(...plausibleStrings(s, ids))
    default:
      return fc.constant({})
  }
}

const LATER = new Set(['end', 'to', 'shadowEnd'])

/** One input with every field there (lists of ids with three), each a place for a hostile value. */
function complete(s: JsonSchema, ids: string[], key = ''): unknown {
  if (s.const !== undefined) return s.const
  if (s.enum) return s.enum[0]
  const options = s.anyOf ?? s.oneOf
  if (options) return complete(options[options.length - 1], ids, key) // the last: ('' | id) gives an id
  switch (s.type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, complete(v, ids, k)]))
    case 'array': {
      const item = s.items ?? {}
      return item.pattern?.includes('[0-9a-f]{8}') ? ids.slice(0, 3) : [complete(item, ids)]
    }
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1)
    case 'boolean':
      return false
    case 'string': {
      const options = plausibleStrings(s, ids)
      return options[LATER.has(key) ? options.length - 1 : 0]
    }
    default:
      return {}
  }
}

type Path = (string | number)[]

function paths(v: unknown, at: Path = []): Path[] {
  const here = [at]
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => paths(x, [...at, i])))
  if (typeof v === 'object' && v !== null) return here.concat(...Object.entries(v).map(([k, x]) => paths(x, [...at, k])))
  return here
}

/** Defines, never assigns: `__proto__` becomes an own key, as JSON.parse and IPC make it. */
function put(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

/** `input` with `value` at one of its places (the i-th path), or under a new key there. */
export function inject(input: unknown, value: unknown, i: number, newKey: string | null): unknown {
  const all = paths(input)
  const path = all[i % all.length]
  if (path.length === 0 && newKey === null) return value
  const root = structuredClone(input)
  let node = root as Record<string | number, unknown>
  for (const step of path.slice(0, newKey === null ? -1 : undefined)) node = node[step] as Record<string | number, unknown>
  if (newKey !== null) {
    if (typeof node !== 'object' || node === null) return value
    put(node, newKey, value)
  } else put(node, path[path.length - 1], value)
  return root
}

const shapeOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema

/** A hostile input for a method: a plausible input with a hostile value put somewhere in it. */
export function hostileInput(schema: z.ZodType, ids: string[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(plausible(shapeOf(schema), ids), hostileValue, fc.nat(), fc.option(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'then'), { freq: 3 }))
    .map(([input, value, i, key]) => inject(input, value, i, key))
}

/** The part of a JSON Schema that describes the value at `path` of complete()'s output. */
function schemaAt(s: JsonSchema, path: Path): JsonSchema {
  let node = s
  for (const step of path) {
    const options = node.anyOf ?? node.oneOf
    if (options) node = options[options.length - 1]
    node = typeof step === 'number' ? (node.items ?? {}) : (node.properties?.[step] ?? {})
  }
  return node
}

export interface Place {
  /** Which path of the input (see inject). */
  index: number
  /** What the schema says of the value there: places alike take a value alike. */
  kind: string
}

/** A method's input with every field filled, and its places for a hostile value (not the root). */
export function completeInput(schema: z.ZodType, ids: string[]): { input: unknown; places: Place[] } {
  const shape = shapeOf(schema)
  const input = complete(shape, ids)
  const places = paths(input)
    .map((path, index) => ({ index, kind: JSON.stringify(schemaAt(shape, path)) }))
    .filter((p) => p.index > 0)
  return { input, places }
}
