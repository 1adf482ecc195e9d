import { appendFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { App } from '../../src-main/core/app'
import { SCHEMA_VERSION } from '../../src-main/core/store/snapshot'
import { Store } from '../../src-main/core/store/store'
import { fieldStamp } from '../../src-main/core/sync/change'
import { child, gfc, openProfile, tempDir, waitExit } from '../support/profile'

async function profileWithSweden() {
  const p = await openProfile()
  const se = await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
  await p.close()
  return { dir: p.dir, id: se.id }
}

describe('durability', () => {
  it('keeps an acknowledged change when the process is killed right after it', async () => {
    const dir = tempDir()
    const { proc, line } = await child(dir, 'crash-after-commit')
    const id = line.replace('acked ', '')
    await waitExit(proc)
    expect(proc.signalCode).toBe('SIGKILL')

    // The dead process never released its lock: it is taken over at once, not refused.
    const p = await openProfile(dir)
    expect((await p.call('organisations.get', { id })).displayName).toBe('Ghana')
  })

  it('writes the data file durably on close, and shows everything after reopening', async () => {
    const { dir, id } = await profileWithSweden()
    const snapshot = JSON.parse(readFileSync(join(dir, 'gfc.json'), 'utf8'))
    expect(snapshot.schemaVersion).toBe(SCHEMA_VERSION)
    expect(snapshot.tables.organisations[id].data.countryCode).toBe('SE')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const p = await openProfile(dir)
    expect((await p.call('organisations.list', {})).map((o) => o.id)).toEqual([id])
  })

  it('stamps every field with a hybrid logical clock and the device, in an append-only log', async () => {
    const p = await openProfile()
    const se = await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    await p.call('organisations.update', { id: se.id, fields: { ...se, email: 'new@example.org' }, seen: se.stamps })
    const rec = p.app.store.record('organisations', se.id)!
    const device = p.app.store.device.deviceId
    expect(fieldStamp(rec, 'countryCode')).toMatch(new RegExp(`^\\d{13}-\\d{4}-${device}-1$`))
    expect(fieldStamp(rec, 'email')! > fieldStamp(rec, 'countryCode')!).toBe(true)
    expect(fieldStamp(rec, 'phone')).toBe(fieldStamp(rec, 'countryCode'))
    const lines = readFileSync(join(p.dir, 'changes', `${device}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.e.seq)).toEqual([1, 2])
    expect(lines[1].e.ops).toEqual([{ table: 'organisations', id: se.id, set: { email: 'new@example.org' } }])
    expect(lines[1].h).toMatch(/^[A-Za-z0-9_-]{43}$/) // the hash chain: each line vouches for the ones before
  })

  it('rebuilds the data file from the change log when the file is missing', async () => {
    const { dir, id } = await profileWithSweden()
    const { rmSync } = await import('node:fs')
    rmSync(join(dir, 'gfc.json'))
    const p = await openProfile(dir)
    expect((await p.call('organisations.get', { id })).displayName).toBe('Sweden')
  })
})

describe('the lock', () => {
  it('refuses a second process on the same profile with a clear message', async () => {
    const dir = tempDir()
    const { proc, line } = await child(dir, 'hold')
    expect(line).toBe('ready')
    await expect(Store.open(dir)).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining('in use by another GFC Desk window or gfc command') })
    const cli = gfc(['--data', dir, 'members'])
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain('is in use by another GFC Desk window')
    proc.kill('SIGTERM')
    await waitExit(proc)
  })
})

describe('a damaged data file', () => {
  for (const [what, damage] of [
    ['garbage', (f: string) => writeFileSync(f, '\u0000\u0001 not json at all')],
    ['cut short', (f: string) => truncateSync(f, Math.floor(readFileSync(f).length / 2))],
    ['not ours', (f: string) => writeFileSync(f, JSON.stringify({ hello: 'world' }))],
  ] as const) {
    it(`(${what}) is reported, kept as it is, and a backup can be restored`, async () => {
      const { dir, id } = await profileWithSweden()
      const file = join(dir, 'gfc.json')
      damage(file)
      const damaged = readFileSync(file)

      const app = await App.open(dir)
      const status = app.status()
      expect(status.state).toBe('corrupt')
      if (status.state !== 'corrupt') return
      expect(status.message).toContain('gfc.json')
      expect(status.backups.length).toBeGreaterThan(0)
      expect(() => app.store).toThrow(/damaged|not a GFC Desk data file/)
      expect(readFileSync(file).equals(damaged)).toBe(true) // never replaced by an empty store

      const restored = await app.restoreBackup(status.backups[0].name)
      expect(restored.state).toBe('ok')
      expect(app.store.record('organisations', id)?.data.countryCode).toBe('SE')
      expect(readdirSync(join(dir, 'backups')).some((n) => n.startsWith('damaged-'))).toBe(true)
      await app.close()
    })
  }

  it('gfc check names the problem and exits non-zero', async () => {
    const { dir } = await profileWithSweden()
    expect(gfc(['--data', dir, 'check']).code).toBe(0)
    const file = join(dir, 'gfc.json')
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    const rec = Object.values(doc.tables.organisations)[0] as { data: { countryCode: string } }
    rec.data.countryCode = 'NO' // edited behind the app's back: not what the log says
    writeFileSync(file, JSON.stringify(doc))
    const r = gfc(['--data', dir, 'check'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('differs from what its change logs rebuild to')
  })

  it('gfc check passes the demo, and finds a record pointing at one that is not there', async () => {
    const dir = tempDir()
    expect(gfc(['--data', dir, 'demo']).code).toBe(0)
    expect(gfc(['--data', dir, 'check'])).toMatchObject({ code: 0, stdout: expect.stringContaining('holders: ') })
    const p = await openProfile(dir)
    const contactId = Object.keys(p.app.store.tables.contacts)[0]
    const lost = '00000000-0000-4000-8000-000000000001'
    // Written past the services (which refuse it), as a faulty import or sync might.
    p.app.store.commit([{ table: 'holders', id: '00000000-0000-4000-8000-000000000002', set: { postId: lost, contactId, start: '2024-01-01', deleted: false } }])
    await p.close()
    const r = gfc(['--data', dir, 'check'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`holders 00000000-0000-4000-8000-000000000002: postId points at ${lost}, which is not in posts.`)
  })
})

describe('a damaged change log', () => {
  it('sets aside a torn last line (a crash mid-write) and keeps everything before it', async () => {
    const p = await openProfile()
    const se = await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    const log = join(p.dir, 'changes', `${p.app.store.device.deviceId}.jsonl`)
    await p.close()
    appendFileSync(log, '{"h":"abc","e":{"v":2,"device":"x","seq":2,"hlc":"00')
    expect(gfc(['--data', p.dir, 'check']).stderr).toContain('ends with an unfinished change')

    const again = await openProfile(p.dir)
    const status = await again.call('profile.status', {})
    expect(status.state === 'ok' && status.notices.join()).toContain('unfinished last change')
    expect((await again.call('organisations.get', { id: se.id })).displayName).toBe('Sweden')
    await again.call('organisations.create', { kind: 'state', countryCode: 'NO' })
    await again.close()
    expect(readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l).e.seq)).toEqual([1, 2])
    expect(readdirSync(join(p.dir, 'backups')).some((n) => n.startsWith('torn-'))).toBe(true)
  })

  it('refuses to open a log whose line is cut in the middle', async () => {
    const p = await openProfile()
    await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    await p.call('organisations.create', { kind: 'state', countryCode: 'NO' })
    const log = join(p.dir, 'changes', `${p.app.store.device.deviceId}.jsonl`)
    await p.close()
    const lines = readFileSync(log, 'utf8').split('\n')
    lines[0] = lines[0].slice(0, 20)
    writeFileSync(log, lines.join('\n'))
    const app = await App.open(p.dir)
    expect(app.status()).toMatchObject({ state: 'log_gap', message: expect.stringContaining('damaged at line 1') })
  })
})

describe('schema versions', () => {
  it('migrates a version-1 file after keeping a copy', async () => {
    const dir = tempDir()
    const fixture = readFileSync(new URL('../fixtures/profile-v1/gfc.json', import.meta.url), 'utf8')
    writeFileSync(join(dir, 'gfc.json'), fixture)
    const p = await openProfile(dir)
    const status = await p.call('profile.status', {})
    expect(status.state === 'ok' && status.notices.join()).toContain('upgraded from schema 1')
    expect((await p.call('organisations.list', {})).map((o) => o.displayName)).toEqual(['Norway'])
    expect(readdirSync(join(dir, 'backups')).some((n) => n.startsWith('pre-migration-v1'))).toBe(true)
    await p.close()
    const doc = JSON.parse(readFileSync(join(dir, 'gfc.json'), 'utf8'))
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION)
    expect(doc.tables.meetings).toEqual({})
    expect(doc.applied).toEqual({ '0123456789abcdef': 1 })
    expect(doc.logs['0123456789abcdef']).toMatchObject({ seq: 0 }) // the fixture has no log
    expect(doc.seq).toBeUndefined()
  })

  it('refuses a file from a newer version without touching it', async () => {
    const { dir } = await profileWithSweden()
    const file = join(dir, 'gfc.json')
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    writeFileSync(file, JSON.stringify({ ...doc, schemaVersion: 99 }))
    const before = readFileSync(file)
    const app = await App.open(dir)
    expect(app.status()).toMatchObject({ state: 'unavailable', message: expect.stringContaining('newer GFC Desk (schema 99)') })
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})

describe('backups', () => {
  it('keeps the ten newest distinct copies of the data file', async () => {
    const dir = tempDir()
    for (let i = 0; i < 12; i++) {
      const p = await openProfile(dir)
      await p.call('settings.update', { fields: { city: `City ${i}` }, seen: (await p.call('settings.get', {})).stamps })
      await p.close()
    }
    const backups = readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('gfc-'))
    expect(backups).toHaveLength(10)
    expect(existsSync(join(dir, '.lock'))).toBe(false)
  })
})
