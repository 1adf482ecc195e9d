import { z } from 'zod'
import { AppError } from '../model/errors'
import { emptyTables, TABLES, type Tables } from '../sync/change'
import type { VersionVector } from '../sync/clock'
import type { LogPosition } from './change-log'

/** The schema of the data file written by this version. */
export const SCHEMA_VERSION = 5

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** What the data file has folded in of one log: up to change `seq`, ending at byte `bytes`, with
 *  the chain `chain` there and `sha` the SHA-256 of those bytes (so an open checks a long log in
 *  one pass of hashing instead of re-reading every change). */
export interface Folded extends LogPosition {
  sha: string
}

export interface SetAside {
  device: string
  seq: number
  reason: string
}

export type Snapshot = {
  schemaVersion: number
  /** Per device, the last of its changes folded into the tables. */
  applied: VersionVector
  /** Per log file, how far it is folded in (short of `applied` only for a copy that lost lines). */
  logs: Record<string, Folded>
  /** Per device, what it had seen of the others at its last change folded in. */
  authors: Record<string, VersionVector>
  /** The newest clock time folded in, so the clock never runs backwards after a restart. */
  clock: string
  tables: Tables
  /** Changes from other devices that were refused (out of scope, revoked, invalid), with why. */
  setAside: SetAside[]
  /** Records erased for good (`table:id`) whose values are gone from every file of the profile. */
  erased?: string[]
}

// The envelope is checked with zod; the records, thousands of them, with a plain loop: a
// schema walk over every record would take most of the open-time budget. The entities
// themselves were validated when their changes were logged.
const Envelope = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  applied: z.record(z.string(), z.number().int().nonnegative()),
  logs: z.record(z.string(), z.object({ seq: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), chain: z.string(), sha: z.string() })),
  authors: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
  clock: z.string(),
  tables: z.object(Object.fromEntries(TABLES.map((t) => [t, z.record(z.string(), z.unknown())]))),
  setAside: z.array(z.object({ device: z.string(), seq: z.number(), reason: z.string() })),
  erased: z.array(z.string()).optional(),
})

function recordProblem(id: string, rec: unknown): string | null {
  if (!isObject(rec) || rec.id !== id) return 'id'
  if (!isObject(rec.data)) return 'data'
  if (typeof rec.base !== 'string') return 'base'
  if (!isObject(rec.stamps) || !Object.values(rec.stamps).every((s) => typeof s === 'string')) return 'stamps'
  if (rec.alt !== undefined && !isObject(rec.alt)) return 'alt'
  return null
}

export function emptySnapshot(): Snapshot {
  return { schemaVersion: SCHEMA_VERSION, applied: {}, logs: {}, authors: {}, clock: '', tables: emptyTables(), setAside: [] }
}

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>

/** MIGRATIONS[n] turns a version-n file into version n+1, for the versions whose logs need no
 *  change; version 4 to 5 rewrites the logs too (legacy.ts). */
export const MIGRATIONS: Record<number, Migration> = {
  // Version 1 knew one device and kept its position as `seq`; version 2 keeps one per
  // device (`applied`), ready for changes arriving from other devices.
  // Version 1 also stamped every field of a record; version 2 keeps the creating change's
  // stamp as `base` and lists only later ones (the oldest listed stamp becomes the base).
  1: ({ seq, device, tables, ...rest }) => ({
    ...rest,
    schemaVersion: 2,
    applied: typeof device === 'string' ? { [device]: Number(seq ?? 0) } : {},
    tables: Object.fromEntries(
      Object.entries(tables as Record<string, Record<string, { stamps: Record<string, string> }>>).map(([name, table]) => [
        name,
        Object.fromEntries(
          Object.entries(table).map(([id, rec]) => [id, { ...rec, base: Object.values(rec.stamps).sort()[0] ?? '' }]),
        ),
      ]),
    ),
  }),
  // Version 3 adds the meetings: their invitees, written comments and the issue log.
  2: (doc) => ({
    ...doc,
    schemaVersion: 3,
    tables: { meetings: {}, invitees: {}, comments: {}, issuances: {}, ...(doc.tables as object) },
  }),
  // Version 4 adds the work plan (activities and their progress notes), the register of
  // Chairs, and the field missions with their posts and post holders.
  3: (doc) => ({
    ...doc,
    schemaVersion: 4,
    tables: { activities: {}, progressNotes: {}, chairs: {}, missions: {}, posts: {}, holders: {}, ...(doc.tables as object) },
  }),
}

/** The schema version of a data file's contents; throws `corrupt` for anything that is not one
 *  (null, a list, another program's JSON), which is never mistaken for a missing file. */
export function versionOf(raw: unknown, file: string): number {
  const version = isObject(raw) ? raw.schemaVersion : undefined
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError('corrupt', `The data file ${file} is not a GFC Desk data file (no schema version).`)
  }
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'unavailable',
      `The data file ${file} was written by a newer GFC Desk (schema ${version}); this version reads up to schema ${SCHEMA_VERSION}. Update GFC Desk.`,
    )
  }
  return version
}

/** Brings a file of version 1 to 3 up to version 4 (the step before the logs change). */
export function migrateToV4(raw: Record<string, unknown>, file: string): Record<string, unknown> {
  let doc = raw
  for (let v = versionOf(raw, file); v < 4; v++) doc = MIGRATIONS[v](doc)
  return doc
}

/** Checks a version-5 file's shape. Throws `corrupt` with the reason. */
export function parseSnapshot(raw: unknown, file: string): Snapshot {
  const parsed = Envelope.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('corrupt', `The data file ${file} is damaged (${issue.path.join('.') || 'top level'}: ${issue.message}).`)
  }
  for (const [name, table] of Object.entries(parsed.data.tables)) {
    for (const [id, rec] of Object.entries(table)) {
      const bad = recordProblem(id, rec)
      if (bad) throw new AppError('corrupt', `The data file ${file} is damaged (tables.${name}.${id}.${bad}).`)
    }
  }
  return parsed.data as Snapshot
}
