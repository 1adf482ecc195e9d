import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src-main/core/services/canonical-json'
import { applyEntry, emptyTables, expandedTables, type LogEntry } from '../../src-main/core/sync/change'
import { HybridClock } from '../../src-main/core/sync/clock'

// The property sync will rely on: applying the same change-log entries in any order, any
// number of times, gives the same tables.
describe('per-field merge', () => {
  it('converges whatever the order and repetition of entries', () => {
    const ids = ['a', 'b']
    const fields = ['name', 'email', 'deleted']
    const entry = fc.record({
      device: fc.constantFrom('dev1', 'dev2', 'dev3'),
      ms: fc.integer({ min: 1, max: 50 }),
      id: fc.constantFrom(...ids),
      field: fc.constantFrom(...fields),
      value: fc.oneof(fc.string({ maxLength: 3 }), fc.boolean()),
    })
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), fc.integer(), (raw, seed) => {
        const entries: LogEntry[] = raw.map((r, i) => ({
          v: 1,
          device: r.device,
          seq: i + 1,
          hlc: `${String(r.ms).padStart(13, '0')}-${String(i).padStart(4, '0')}-${r.device}`,
          ops: [{ table: 'contacts', id: r.id, set: { [r.field]: r.value } }],
        }))
        const inOrder = emptyTables()
        entries.forEach((e) => applyEntry(inOrder, e))
        const shuffled = [...entries, ...entries].sort((x, y) => ((x.seq * 7919 + seed) % 97) - ((y.seq * 7919 + seed) % 97))
        const other = emptyTables()
        shuffled.forEach((e) => applyEntry(other, e))
        expect(canonicalJson(expandedTables(other))).toBe(canonicalJson(expandedTables(inOrder)))
      }),
    )
  })

  it('issues ever-increasing stamps, even when the wall clock goes back', () => {
    const clock = new HybridClock('dev1')
    const a = clock.tick(1_000)
    const b = clock.tick(900)
    const c = clock.tick(900)
    expect(a < b && b < c).toBe(true)
    const later = new HybridClock('dev2', c)
    expect(later.tick(100) > c).toBe(true)
  })
})
