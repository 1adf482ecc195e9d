import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEntry, conflictedFields, emptyTables, expandedTables, heads, unseenByDelete, type LogEntry, type Tables } from '../../src-main/core/sync/change'
import { encodeHlc, type VersionVector } from '../../src-main/core/sync/clock'
import { canonical } from '../../src-main/core/sync/digest'

// The merge alone, on tables in memory: per field, a value replaces the values its author had
// seen and stands beside those it had not. Whole devices meeting through bundles are tested in
// sync*.test.ts.

const ID = '11111111-1111-4111-8111-111111111111'

/** A tiny world of devices that write and exchange everything they know. */
class Device {
  seq = 0
  log: { e: LogEntry; seenVv: VersionVector }[] = []
  known: VersionVector = {}
  tables: Tables = emptyTables()
  constructor(
    readonly id: string,
    public clockMs: number,
  ) {}
  write(set: Record<string, unknown>) {
    const seen = { ...this.known }
    delete seen[this.id]
    const e: LogEntry = { v: 2, device: this.id, seq: ++this.seq, hlc: encodeHlc(this.clockMs++, 0), ops: [{ table: 'contacts', id: ID, set }] }
    this.apply(e, seen)
    return e
  }
  apply(e: LogEntry, seen: VersionVector) {
    applyEntry(this.tables, e, { ...seen, [e.device]: e.seq - 1 })
    this.known[e.device] = e.seq
    this.log.push({ e, seenVv: seen })
  }
  /** Receives everything `from` has that this device lacks, in `from`'s order (causal). */
  pull(from: Device) {
    for (const { e, seenVv } of from.log) if ((this.known[e.device] ?? 0) < e.seq) this.apply(e, seenVv)
  }
  get rec() {
    return this.tables.contacts[ID]
  }
}

describe('the merge', () => {
  it('a write made after seeing another wins, even when its clock is behind', () => {
    const a = new Device('aaaaaaaaaaaaaaaa', 2_000_000)
    const b = new Device('bbbbbbbbbbbbbbbb', 1_000_000) // an hour and more behind
    a.write({ familyName: 'Svensson', emails: ['a@example.org'] })
    b.pull(a)
    b.write({ emails: ['b@example.org'] })
    a.pull(b)
    for (const d of [a, b]) {
      expect(d.rec.data.emails).toEqual(['b@example.org'])
      expect(conflictedFields(d.rec)).toEqual([])
    }
  })

  it('two writes that never saw each other are both kept, the same one shown first everywhere', () => {
    const a = new Device('aaaaaaaaaaaaaaaa', 1_000)
    const b = new Device('bbbbbbbbbbbbbbbb', 5_000)
    a.write({ familyName: 'Svensson' })
    b.pull(a)
    a.write({ familyName: 'Svenson' })
    b.write({ familyName: 'Swenson' })
    a.pull(b)
    b.pull(a)
    for (const d of [a, b]) {
      expect(conflictedFields(d.rec)).toEqual(['familyName'])
      expect(heads(d.rec, 'familyName').map(([v]) => v).sort()).toEqual(['Svenson', 'Swenson'])
      expect(d.rec.data.familyName).toBe('Swenson') // the higher stamp, on every device
    }
    // Resolving is an ordinary write that saw both: the conflict is gone everywhere.
    a.write({ familyName: 'Svensson-Swenson' })
    b.pull(a)
    for (const d of [a, b]) expect([d.rec.data.familyName, conflictedFields(d.rec)]).toEqual(['Svensson-Swenson', []])
  })

  it('equal values written apart are not a conflict', () => {
    const a = new Device('aaaaaaaaaaaaaaaa', 1_000)
    const b = new Device('bbbbbbbbbbbbbbbb', 1_000)
    a.write({ familyName: 'Svensson' })
    b.pull(a)
    a.write({ language: 'fr' })
    b.write({ language: 'fr' })
    a.pull(b)
    expect(conflictedFields(a.rec)).toEqual([])
  })

  it('a delete and an edit it had not seen make a delete/edit conflict; one that had seen it does not', () => {
    const a = new Device('aaaaaaaaaaaaaaaa', 1_000)
    const b = new Device('bbbbbbbbbbbbbbbb', 1_000)
    a.write({ familyName: 'Svensson', deleted: false })
    b.pull(a)
    a.write({ deleted: true })
    b.write({ notes: 'moved to Geneva' })
    a.pull(b)
    b.pull(a)
    for (const d of [a, b]) expect(unseenByDelete(d.rec)).toEqual([{ field: 'notes', stamp: expect.stringContaining('bbbbbbbbbbbbbbbb') }])
    const c = new Device('cccccccccccccccc', 1_000)
    c.pull(a)
    c.write({ deleted: true }) // deleted again, having seen the edit
    a.pull(c)
    expect(unseenByDelete(a.rec)).toEqual([])
  })

  it('converges: devices writing apart and exchanging in any order end with the same tables', () => {
    const value = fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.boolean())
    const step = fc.record({ who: fc.nat(2), field: fc.constantFrom('familyName', 'notes', 'deleted'), value, pullFrom: fc.nat(2) })
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }), (steps, clocks) => {
        const ds = [0, 1, 2].map((i) => new Device(`d${i}`.padEnd(16, String(i)), 1_000 + clocks[i] * 1_000))
        for (const s of steps) {
          const d = ds[s.who]
          d.write({ [s.field]: s.field === 'deleted' ? s.value === true : String(s.value) })
          d.pull(ds[s.pullFrom])
        }
        for (let round = 0; round < 2; round++) for (const d of ds) for (const o of ds) d.pull(o)
        const views = ds.map((d) => canonical(expandedTables(d.tables)))
        expect(views[1]).toBe(views[0])
        expect(views[2]).toBe(views[0])
      }),
      { numRuns: 300 },
    )
  })
})
