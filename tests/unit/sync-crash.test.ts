import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gfc, ROOT, tempDir, waitExit } from '../support/profile'
import { editContact, office } from '../support/sync'

// `gfc sync import` killed with SIGKILL at random moments: the profile opens, passes gfc check,
// and the import completes when it is run again.

describe('an import killed at random moments', () => {
  it('leaves a profile that opens and passes gfc check, and completes when run again (20 trials)', async () => {
    const chair = await office()
    const laptopDir = tempDir()
    expect(gfc(['--data', laptopDir, 'init']).code).toBe(0)
    const card = join(tempDir(), 'card')
    gfc(['--data', laptopDir, 'device', 'export', '--out', card])
    const r = await chair.call('device.enrol', { card: readFileSync(card, 'utf8'), scope: { kind: 'full' } })
    expect(gfc(['--data', laptopDir, 'device', 'join', r.path!]).code).toBe(0)
    const laptop = { id: JSON.parse(gfc(['--data', laptopDir, 'device', 'show', '--json']).stdout).id as string }

    const contacts = await chair.call('contacts.list', {})
    const file = join(tempDir(), 'b.gfcsync')
    const newWork = async (trial: number) => {
      // New work on the office each time, so that every import has something to do.
      for (let i = 0; i < 60; i++) {
        const c = contacts[(trial * 60 + i) % contacts.length]
        await editContact(chair, c.id, { notes: `trial ${trial} edit ${i}` })
      }
      writeFileSync(file, readFileSync((await chair.call('sync.exportBundle', { to: laptop.id }))!.path))
    }
    const importing = (dir: string) => spawn(process.execPath, [join(ROOT, 'bin/gfc.js'), '--data', dir, 'sync', 'import', file], { stdio: 'ignore' })
    // The kills fall inside the time an import takes on this machine, fast or busy: the first
    // import runs whole to measure it, and an import that ends before its kill corrects it.
    let lasts = Infinity
    let kills = 0
    for (let trial = 0; trial < 20; trial++) {
      await newWork(trial)
      const child = importing(laptopDir)
      const started = performance.now()
      if (lasts < Infinity) await new Promise((ok) => setTimeout(ok, lasts * (0.1 + Math.random() * 0.8)))
      else await waitExit(child)
      if (child.exitCode === null) {
        child.kill('SIGKILL')
        kills++
      } else lasts = performance.now() - started
      await waitExit(child)
      const check = gfc(['--data', laptopDir, 'check'])
      expect(check.code, `trial ${trial}: ${check.stderr}`).toBe(0)
    }
    expect(kills).toBeGreaterThan(5)
    // Run again: it completes, and the laptop holds what the office holds.
    const done = gfc(['--data', laptopDir, 'sync', 'import', file])
    expect(done.code, done.stderr).toBe(0)
    expect(gfc(['--data', laptopDir, 'export', 'json']).stdout).toBe(await chair.call('data.export', {}))
    expect(gfc(['--data', laptopDir, 'check']).code).toBe(0)
  }, 900_000)
})

