import { spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { App } from '../../src-main/core/app'
import { writeFileDurable } from '../../src-main/core/store/durable-file'
import { gfc, openProfile, ROOT, spawnChild, tempDir, waitExit } from '../support/profile'

// The store under racing processes, kills and damaged files: real child processes killed with
// SIGKILL, real files cut and edited, and the profile opened again each time.

/** Collects a child's lines as they come; `next(pred)` waits for the next line matching. */
function lines(proc: ChildProcess) {
  const seen: string[] = []
  const waiters: { pred: (l: string) => boolean; ok: (l: string) => void }[] = []
  createInterface({ input: proc.stdout! }).on('line', (l) => {
    seen.push(l)
    const i = waiters.findIndex((w) => w.pred(l))
    if (i !== -1) waiters.splice(i, 1)[0].ok(l)
  })
  return {
    seen,
    next: (pred: (l: string) => boolean, from = 0) =>
      new Promise<string>((ok) => {
        const l = seen.slice(from).find(pred)
        if (l) ok(l)
        else waiters.push({ pred, ok })
      }),
  }
}

const acked = (ls: string[]) => ls.filter((l) => l.startsWith('acked ')).map((l) => l.slice(6))

async function profileWithMember(): Promise<string> {
  const p = await openProfile()
  await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
  await p.close()
  return p.dir
}

async function contactIds(dir: string): Promise<Set<string>> {
  const app = await App.open(dir)
  try {
    expect(app.status().state).toBe('ok')
    return new Set(Object.keys(app.store.tables.contacts))
  } finally {
    await app.close()
  }
}

const logOf = (dir: string) => join(dir, 'changes', readdirSync(join(dir, 'changes')).find((f) => f.endsWith('.jsonl'))!)

describe('the lock under racing starts', () => {
  it('after its holder is killed, exactly one of 8 processes started at once writes; the others are refused; nothing acknowledged is lost (30 trials)', async () => {
    const dir = await profileWithMember()
    const racers = Array.from({ length: 8 }, () => spawnChild(dir, 'race'))
    const outs = racers.map(lines)
    const everAcked: string[] = []
    for (let trial = 0; trial < 30; trial++) {
      // A holder writes, acknowledging each change, and is killed mid-stream.
      const holder = spawnChild(dir, 'write')
      const hold = lines(holder)
      await hold.next((l) => l.startsWith('acked '))
      await new Promise((ok) => setTimeout(ok, Math.random() * 40))
      holder.kill('SIGKILL')
      await waitExit(holder)
      everAcked.push(...acked(hold.seen))

      const marks = outs.map((o) => o.seen.length)
      for (const r of racers) r.stdin!.write('go\n')
      const results = await Promise.all(outs.map((o, i) => o.next((l) => l === 'done' || l.startsWith('refused '), marks[i])))
      const winners = results.filter((r) => r === 'done')
      expect(winners, `trial ${trial}: ${results.join(' | ')}`).toHaveLength(1)
      for (const r of results.filter((x) => x !== 'done')) expect(r).toContain('is in use by another GFC Desk window or gfc command')
      outs.forEach((o, i) => everAcked.push(...acked(o.seen.slice(marks[i]))))

      const present = await contactIds(dir)
      const lost = everAcked.filter((id) => !present.has(id))
      expect(lost, `trial ${trial}`).toEqual([])
    }
    for (const r of racers) r.kill('SIGKILL')
    expect(gfc(['--data', dir, 'check'])).toMatchObject({ code: 0 })
  }, 600_000)
})

describe('the crash harness', () => {
  it('keeps every acknowledged change when a writer is killed at random moments (50 trials), and gfc check passes', async () => {
    const dir = await profileWithMember()
    const everAcked: string[] = []
    for (let trial = 0; trial < 50; trial++) {
      const writer = spawnChild(dir, 'write')
      const out = lines(writer)
      await out.next((l) => l.startsWith('acked '))
      await new Promise((ok) => setTimeout(ok, Math.random() * 150))
      writer.kill('SIGKILL')
      await waitExit(writer)
      everAcked.push(...acked(out.seen))
      const present = await contactIds(dir)
      expect(everAcked.filter((id) => !present.has(id)), `trial ${trial}`).toEqual([])
    }
    expect(everAcked.length).toBeGreaterThan(50)
    const check = gfc(['--data', dir, 'check'])
    expect(check.code, check.stderr).toBe(0)
  }, 600_000)
})

describe('a change log altered outside GFC Desk', () => {
  async function threeChanges() {
    const p = await openProfile()
    for (const code of ['SE', 'NO', 'GH']) await p.call('organisations.create', { kind: 'state', countryCode: code })
    await p.close()
    return p.dir
  }

  for (const [what, alter] of [
    ['a line edited (still valid JSON)', (ls: string[]) => ls.splice(1, 1, ls[1].replace('"NO"', '"DK"'))],
    ['a line removed', (ls: string[]) => ls.splice(1, 1)],
    ['two lines swapped', (ls: string[]) => ls.splice(0, 2, ls[1], ls[0])],
  ] as const) {
    it(`is found at open and by gfc check, with the line number: ${what}`, async () => {
      const dir = await threeChanges()
      const log = logOf(dir)
      const ls = readFileSync(log, 'utf8').trimEnd().split('\n')
      alter(ls)
      writeFileSync(log, ls.join('\n') + '\n')
      const check = gfc(['--data', dir, 'check'])
      expect(check.code).toBe(1)
      expect(check.stderr).toMatch(/damaged at line [12]/)
      const app = await App.open(dir)
      const status = app.status()
      expect(status).toMatchObject({ state: 'log_gap', message: expect.stringMatching(/damaged at line [12]/) })
      await app.close()
    })
  }
})

describe('a change log that lost its last lines', () => {
  it('is found at open; recovery keeps everything the data file holds and the log goes on without a gap', async () => {
    const p = await openProfile()
    const ids: string[] = []
    for (const code of ['SE', 'NO', 'GH', 'KE', 'CA']) ids.push((await p.call('organisations.create', { kind: 'state', countryCode: code })).id)
    await p.close()
    const log = logOf(p.dir)
    const ls = readFileSync(log, 'utf8').trimEnd().split('\n')
    writeFileSync(log, ls.slice(0, 2).join('\n') + '\n') // the last three changes are gone from the log

    const app = await App.open(p.dir)
    const status = app.status()
    expect(status.state).toBe('log_gap')
    if (status.state === 'ok') return
    expect(status.message).toContain('ends at change 2, but the data file holds changes up to 5')
    // The data file is whole: restoring a backup would set it aside, so it is refused.
    const backup = status.backups[0]?.name ?? 'none'
    await expect(app.restoreBackup(backup)).rejects.toThrow(/data file .* is whole/)
    expect(gfc(['--data', p.dir, 'restore', backup]).code).toBe(1)
    expect(existsSync(join(p.dir, 'gfc.json'))).toBe(true)

    const recovered = await app.recoverLog()
    expect(recovered.state).toBe('ok')
    expect(Object.keys(app.store.tables.organisations).sort()).toEqual([...ids].sort())
    // The next change is numbered after every number ever used: never into the gap.
    const dk = await (await import('../../src-main/core/dispatch')).dispatch(app, 'organisations.create', { kind: 'state', countryCode: 'DK' })
    expect(dk.ok).toBe(true)
    await app.close()
    const seqs = readFileSync(log, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).e.seq)
    expect(seqs).toEqual([1, 2, 6, 7])
    expect(JSON.parse(readFileSync(log, 'utf8').trimEnd().split('\n')[2]).e).toMatchObject({ kind: 'base', lost: [3, 5] })
    const check = gfc(['--data', p.dir, 'check'])
    expect(check.code, check.stderr).toBe(0)
    const again = await openProfile(p.dir)
    expect((await again.call('organisations.list', {})).map((o) => (o.kind === 'state' ? o.countryCode : '')).sort()).toEqual(['CA', 'DK', 'GH', 'KE', 'NO', 'SE'])
  })

  it('gfc recover does the same from the command line', async () => {
    const p = await openProfile()
    for (const code of ['SE', 'NO', 'GH']) await p.call('organisations.create', { kind: 'state', countryCode: code })
    await p.close()
    const log = logOf(p.dir)
    truncateSync(log, readFileSync(log, 'utf8').indexOf('\n') + 1)
    const refused = gfc(['--data', p.dir, 'members'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('gfc recover')
    const r = gfc(['--data', p.dir, 'recover'])
    expect(r.code, r.stderr).toBe(0)
    expect(gfc(['--data', p.dir, 'members']).stdout.split('\n').filter(Boolean)).toHaveLength(3)
  })
})

describe('a data file that is not a profile', () => {
  for (const [what, content] of [
    ['null', 'null'],
    ['an empty list', '[]'],
    ['another program’s JSON', '{"name":"something else"}'],
    ['a number', '42'],
  ] as const) {
    it(`(${what}) is damaged, reported and kept, never taken for a missing file`, async () => {
      const dir = await profileWithMember()
      writeFileSync(join(dir, 'gfc.json'), content)
      const app = await App.open(dir)
      expect(app.status()).toMatchObject({ state: 'corrupt', message: expect.stringContaining('not a GFC Desk data file') })
      expect(readFileSync(join(dir, 'gfc.json'), 'utf8')).toBe(content)
      await app.close()
    })
  }
})

describe('files at rest', () => {
  it('are readable by their owner only: folders 0700, files 0600', async () => {
    const dir = await profileWithMember()
    const p = await openProfile(dir)
    await p.close()
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [join(d, e.name), ...walk(join(d, e.name))] : [join(d, e.name)]))
    for (const f of [dir, ...walk(dir)]) {
      const mode = statSync(f).mode & 0o777
      expect(mode.toString(8), f).toBe(statSync(f).isDirectory() ? '700' : '600')
    }
  })

  it('a write that fails leaves no temp file behind', async () => {
    const dir = tempDir()
    const target = join(dir, 'gfc.json')
    mkdirSync(join(target, 'in-the-way'), { recursive: true }) // a folder where the file should go: rename fails
    await expect(writeFileDurable(target, '{}')).rejects.toThrow()
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe('a profile copied to another computer or folder', () => {
  it('does not sign as the device it was copied from: it asks to become a new device, keeping its data', async () => {
    const dir = await profileWithMember()
    const before = JSON.parse(readFileSync(join(dir, 'device.json'), 'utf8')).deviceId
    const copy = join(tempDir(), 'copy')
    cpSync(dir, copy, { recursive: true })
    const app = await App.open(copy)
    expect(app.status()).toMatchObject({ state: 'copied', message: expect.stringContaining('may not sign changes as the device it came from') })
    const cli = gfc(['--data', copy, 'members'])
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain('gfc device new')
    const status = await app.becomeNewDevice()
    expect(status.state).toBe('ok')
    expect(app.store.device.deviceId).not.toBe(before)
    expect(Object.values(app.store.tables.organisations).map((o) => o.data.countryCode)).toEqual(['SE'])
    await app.close()
    // The original still opens as itself.
    const original = await App.open(dir)
    expect(original.status()).toMatchObject({ state: 'ok', deviceId: before })
    await original.close()
  })
})

describe('plain messages for a folder this user may not write or read', () => {
  // Run as another user (root, who runs CI here, may write anywhere).
  const canSwitch = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv')
  const asNobody = (args: string[]) => {
    const r = spawnSync('/usr/bin/setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, join(ROOT, 'bin/gfc.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, HOME: '/tmp', GFC_KEYSTORE: join('/tmp', `gfc-nobody-keys-${process.pid}`) },
    })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [join(d, e.name), ...walk(join(d, e.name))] : [join(d, e.name)]))

  it.skipIf(!canSwitch)('a profile that cannot be written opens read-only: it shows and exports, and says so when asked to change', async () => {
    const dir = await profileWithMember()
    for (const f of [dir, ...walk(dir)]) chmodSync(f, statSync(f).isDirectory() ? 0o755 : 0o644)
    const list = asNobody(['--data', dir, 'members'])
    expect(list.code, list.stderr).toBe(0)
    expect(list.stdout).toContain('Sweden')
    expect(asNobody(['--data', dir, 'export', 'json']).stdout).toContain('"countryCode": "SE"')
    const change = asNobody(['--data', dir, 'missions', 'add-reference'])
    expect(change.code).toBe(1)
    expect(change.stderr).toContain('opened read-only: you can look and export, not change')
    expect(change.stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it.skipIf(!canSwitch)('a profile that cannot be read says so in one sentence', async () => {
    const dir = await profileWithMember() // 0700, root's
    const r = asNobody(['--data', dir, 'members'])
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe(`gfc: GFC Desk may not read the data folder ${dir} (permission denied). Check who owns it, or choose another folder.`)
  })
})
