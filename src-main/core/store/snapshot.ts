import { z } from 'zod'
import { AppError } from '../model/errors'
import { emptyTables, TABLES, type Tables } from '../sync/change'

/** The schema of the data file written by this version. */
export const SCHEMA_VERSION = 4

// The envelope is checked with zod; the records, thousands of them, with a plain loop: a
// schema walk over every record would take most of the open-time budget. The entities
// themselves were validated when their changes were logged.
export const Snapshot = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Per device, the highest change-log sequence folded into this file. */
  applied: z.record(z.string(), z.number().int().nonnegative()),
  /** The newest clock stamp folded in, so the clock never runs backwards after a restart. */
  clock: z.string(),
  tables: z.object(Object.fromEntries(TABLES.map((t) => [t, z.record(z.string(), z.unknown())]))),
})

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function recordProblem(id: string, rec: unknown): string | null {
  if (!isObject(rec) || rec.id !== id) return 'id'
  if (!isObject(rec.data)) return 'data'
  if (typeof rec.base !== 'string') return 'base'
  if (!isObject(rec.stamps) || !Object.values(rec.stamps).every((s) => typeof s === 'string')) return 'stamps'
  return null
}

export type Snapshot = { schemaVersion: number; applied: Record<string, number>; clock: string; tables: Tables }

export function emptySnapshot(): Snapshot {
  return { schemaVersion: SCHEMA_VERSION, applied: {}, clock: '', tables: emptyTables() }
}

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>

/** MIGRATIONS[n] turns a version-n file into version n+1. */
const MIGRATIONS: Record<number, Migration> = {
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

export function needsMigration(raw: unknown): boolean {
  const v = (raw as { schemaVersion?: unknown } | null)?.schemaVersion
  return typeof v === 'number' && v < SCHEMA_VERSION
}

/** Checks the file's shape and brings an older one up to date. Throws `corrupt` with the reason. */
export function parseSnapshot(raw: unknown, file: string): Snapshot {
  let doc = raw as Record<string, unknown>
  const version = doc && typeof doc === 'object' ? doc.schemaVersion : undefined
  if (typeof version !== 'number') {
    throw new AppError('corrupt', `The data file ${file} is not a GFC Desk data file (no schema version).`)
  }
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'unavailable',
      `The data file ${file} was written by a newer GFC Desk (schema ${version}); this version reads up to schema ${SCHEMA_VERSION}. Update GFC Desk.`,
    )
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v]
    if (!step) throw new AppError('corrupt', `The data file ${file} has schema ${version}, which cannot be migrated.`)
    doc = step(doc)
  }
  const parsed = Snapshot.safeParse(doc)
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
