import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../src-main/core/store/snapshot'
import { gfc, openProfile, tempDir } from '../support/profile'

function exported(dir: string): string {
  const r = gfc(['--data', dir, 'export', 'json'])
  expect(r.code, r.stderr).toBe(0)
  return r.stdout
}

describe('gfc init, demo, export json, import json', () => {
  it('round-trips the whole dataset byte for byte, and equal data gives equal bytes', () => {
    const a = tempDir()
    expect(gfc(['--data', a, 'init']).stdout).toContain('Profile ready')
    const demo = gfc(['--data', a, 'demo'])
    expect(demo.stdout).toMatch(/Demo data loaded: \d+ records/)
    const first = exported(a)
    const doc = JSON.parse(first)
    expect(doc.format).toBe('gfc-desk')
    expect(doc.organisations.length).toBeGreaterThan(15)
    expect(doc.contacts.some((c: { familyName: string }) => /\p{Script=Arabic}/u.test(c.familyName))).toBe(true)

    const file = join(tempDir(), 'export.json')
    writeFileSync(file, first)
    const b = tempDir()
    expect(gfc(['--data', b, 'import', 'json', file]).stdout).toMatch(/created, 0 updated, 0 unchanged/)
    expect(exported(b)).toBe(first)
    // Importing the same file again changes nothing.
    expect(gfc(['--data', b, 'import', 'json', file]).stdout).toMatch(/ 0 created, 0 updated, \d+ unchanged/)
    expect(exported(a)).toBe(first)
  })

  it('exports keys and records in a canonical order, whatever order they were written in', async () => {
    const one = await openProfile()
    const two = await openProfile()
    const doc = {
      format: 'gfc-desk',
      formatVersion: 1,
      organisations: [
        { id: '11111111-1111-4111-8111-111111111111', kind: 'state', countryCode: 'SE' },
        { id: '22222222-2222-4222-8222-222222222222', kind: 'sme', name: 'PRI', category: 'ngo' },
      ],
    }
    await one.call('data.import', { document: doc })
    await two.call('data.import', { document: { ...doc, organisations: [...doc.organisations].reverse().map((o) => Object.fromEntries(Object.entries(o).reverse())) } })
    expect(await one.call('data.export', {})).toBe(await two.call('data.export', {}))
  })

  it('merges by id: updates what the file changes, adds what is new, leaves the rest', async () => {
    const p = await openProfile()
    const se = await p.call('organisations.create', { kind: 'state', countryCode: 'SE', email: 'old@example.org' })
    const no = await p.call('organisations.create', { kind: 'state', countryCode: 'NO' })
    const summary = await p.call('data.import', {
      document: {
        format: 'gfc-desk',
        formatVersion: 1,
        organisations: [
          { id: se.id, kind: 'state', countryCode: 'SE', email: 'new@example.org' },
          { id: '33333333-3333-4333-8333-333333333333', kind: 'state', countryCode: 'GH' },
        ],
      },
    })
    expect(summary).toEqual({ created: 1, updated: 1, unchanged: 0, keptDeleted: 0 })
    expect((await p.call('organisations.get', { id: se.id })).email).toBe('new@example.org')
    expect((await p.call('organisations.get', { id: no.id })).deleted).toBe(false)
    expect(await p.call('organisations.list', {})).toHaveLength(3)
  })

  it('writes only the fields that differ, as one change of this device; keeps records deleted since; settings change only what the file gives', async () => {
    const p = await openProfile()
    const se = await p.call('organisations.create', { kind: 'state', countryCode: 'SE', email: 'se@example.org', phone: '+46 8 1234' })
    const no = await p.call('organisations.create', { kind: 'state', countryCode: 'NO' })
    await p.call('settings.update', { fields: { city: 'Stockholm', signatoryName: 'Anna Svensson' }, seen: {} })
    const old = JSON.parse(await p.call('data.export', {}))
    // Since the export: Norway deleted.
    await p.call('organisations.delete', { id: no.id })
    const log = join(p.dir, 'changes', `${p.app.store.device.deviceId}.jsonl`)
    const before = readFileSync(log, 'utf8').trimEnd().split('\n').length

    old.organisations.find((o: { id: string }) => o.id === se.id).email = 'new@example.org'
    const summary = await p.call('data.import', { document: { ...old, settings: { city: 'Geneva' } } })
    expect(summary).toMatchObject({ updated: 2, keptDeleted: 1 })
    expect(await p.call('organisations.get', { id: se.id })).toMatchObject({ email: 'new@example.org', phone: '+46 8 1234' })
    expect((await p.call('organisations.get', { id: no.id })).deleted).toBe(true)
    expect(await p.call('settings.get', {})).toMatchObject({ city: 'Geneva', signatoryName: 'Anna Svensson' })
    // One change, holding only what differs: fields the file agrees with keep their stamps, so
    // the import does not override newer edits of them made on other devices.
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(before + 1)
    expect(JSON.parse(lines.at(-1)!).e.ops).toEqual([
      { table: 'organisations', id: se.id, set: { email: 'new@example.org' } },
      { table: 'settings', id: expect.any(String), set: { city: 'Geneva' } },
    ])
    // "settings": {} changes nothing; asking brings the deleted record back.
    expect(await p.call('data.import', { document: { format: 'gfc-desk', formatVersion: 1, settings: {} } })).toMatchObject({ created: 0, updated: 0 })
    expect(await p.call('data.import', { document: old, restoreDeleted: true })).toMatchObject({ created: 1 })
    expect((await p.call('organisations.get', { id: no.id })).deleted).toBe(false)
  })

  it('refuses a file with any bad record, names every problem, and changes nothing', async () => {
    const dir = tempDir()
    gfc(['--data', dir, 'demo'])
    const before = exported(dir)
    const doc = JSON.parse(before)
    doc.organisations[2].email = 'broken@'
    doc.contacts[0].familyName = ''
    doc.affiliations[0].organisationId = '44444444-4444-4444-8444-444444444444'
    doc.organisations.push({ id: '55555555-5555-4555-8555-555555555555', kind: 'state', countryCode: 'SE' })
    const file = join(tempDir(), 'bad.json')
    writeFileSync(file, JSON.stringify(doc))
    const r = gfc(['--data', dir, 'import', 'json', file])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('nothing was changed')
    expect(r.stderr).toContain('organisations[2].email: is not a valid e-mail address')
    expect(r.stderr).toContain('contacts[0].familyName: is required')
    expect(r.stderr).toContain('organisationId 44444444-4444-4444-8444-444444444444 is neither in the file nor in this profile')
    expect(r.stderr).toContain('Sweden is already a member of the Group')
    expect(exported(dir)).toBe(before)
  })

  it('refuses a file that is not JSON, or not an export, with a clear message', () => {
    const dir = tempDir()
    const file = join(tempDir(), 'x.json')
    writeFileSync(file, '{"format": "gfc-desk", "organisations": [')
    const r = gfc(['--data', dir, 'import', 'json', file])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/is not valid JSON .*nothing was imported/)
    writeFileSync(file, JSON.stringify({ hello: 'world' }))
    expect(gfc(['--data', dir, 'import', 'json', file]).stderr).toContain('Not a GFC Desk export')
    expect(gfc(['--data', dir, 'import', 'json', join(dir, 'missing.json')]).stderr).toContain('Cannot read')
  })

  it('reads the data folder from GFC_DATA_DIR, and refuses the demo on a profile in use', () => {
    const dir = tempDir()
    expect(gfc(['demo'], { GFC_DATA_DIR: dir }).code).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'gfc.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION)
    const again = gfc(['--data', dir, 'demo'])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('only be loaded into an empty profile')
    expect(gfc(['--data', dir, 'nonsense']).code).toBe(2)
  })
})
