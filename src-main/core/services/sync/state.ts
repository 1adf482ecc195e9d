import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileDurableSync } from '../../store/durable-file'
import type { Store } from '../../store/store'

// What this device knows of the others, kept in the profile (sync.json), not synced: what each
// last said it holds (so the next bundle to it holds only what it lacks) and when it was last
// heard from; the shared folder it syncs with and which of its files were read.

const Vv = z.record(z.string(), z.number().int().nonnegative())

const SyncState = z.object({
  peers: z
    .record(z.string(), z.object({ vv: Vv, heardAt: z.string() }))
    .default({}),
  folder: z
    .object({
      dir: z.string(),
      /** Files of other devices already read. */
      read: z.array(z.string()).default([]),
      /** The last file written for each device, and what this device held then. */
      written: z.record(z.string(), z.object({ n: z.number().int(), vv: Vv })).default({}),
      lastSync: z.string().default(''),
    })
    .optional(),
  /** The trust anchor of a device that joined: the enrolling device's keys. */
  anchor: z.object({ id: z.string(), signKey: z.string(), boxKey: z.string() }).optional(),
})
export type SyncState = z.output<typeof SyncState>

const file = (store: Store) => join(store.dir, 'sync.json')

export function readState(store: Store): SyncState {
  const f = file(store)
  if (!existsSync(f)) return SyncState.parse({})
  try {
    return SyncState.parse(JSON.parse(readFileSync(f, 'utf8')))
  } catch {
    // Only bookkeeping: lost, the next bundles are a little larger, nothing more.
    return SyncState.parse({})
  }
}

export function writeState(store: Store, state: SyncState): void {
  writeFileDurableSync(file(store), JSON.stringify(state, null, 1))
}

export function updateState(store: Store, change: (s: SyncState) => void): SyncState {
  const s = readState(store)
  change(s)
  writeState(store, s)
  return s
}
