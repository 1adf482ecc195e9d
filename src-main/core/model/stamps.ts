import { z } from 'zod'

// Forms never overwrite what they did not see: a read that feeds a form returns, per field, the
// stamp of the value it shows (`stamps`), and the update sends them back (`seen`). A field whose
// stamp changed meanwhile (sync, another window) is refused with `stale`, never overwritten.

/** Per field, the stamp of the value shown ("<ms>-<counter>-<device>-<seq>"; several, space-separated,
 *  for a field holding concurrent values). */
export const Stamps = z.record(z.string().max(100), z.string().max(2000))
export type Stamps = z.output<typeof Stamps>

/** A field changed meanwhile: its value now, who wrote it where and when, and what was typed. */
export interface StaleField {
  field: string
  current: unknown
  /** The stamp of the current value: sent back as seen, the typed value replaces it. */
  stamp: string
  user: string
  device: string
  deviceName: string
  at: string
  yours: unknown
}
