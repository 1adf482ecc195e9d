import { createInterface } from 'node:readline'
import { appendFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import { checkProfile } from '../../src-main/core/services/check'
import { passphraseKey, unlockProfile } from '../../src-main/core/store/encryption'
import { gfc, openProfile, spawnChild, waitExit } from '../support/profile'
import { enrol, exported, meet, office, send } from '../support/sync'

// Erasing a person for good: gone from every file of the profile, on every device the erasure
// reaches, with the logs' chains intact and gfc check green.

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
}

function found(dir: string, needles: string[]): string[] {
  return filesUnder(dir).flatMap((f) => {
    const text = readFileSync(f).toString('utf8')
    return needles.filter((n) => text.includes(n)).map((n) => `${n} in ${f}`)
  })
}

type Doc = { contacts: { id: string; givenName: string; familyName: string; emails: string[]; phones: string[]; notes: string }[] }

/** A contact of the demo and what only it holds (its names, e-mails, phones), to grep for. */
function victim(doc: Doc, n = 3) {
  const c = doc.contacts[n]
  const others = JSON.stringify(doc.contacts.filter((x) => x.id !== c.id))
  const needles = [c.givenName, c.familyName, ...c.emails, ...c.phones].filter((s) => s && s.length >= 4 && !others.includes(s))
  expect(needles.length).toBeGreaterThanOrEqual(2)
  return { id: c.id, needles }
}

describe('erase for good', () => {
  it('removes the person from the data file, every log and every backup; the chain holds and gfc check is green; the erasure is recorded', async () => {
    const p = await openProfile()
    await p.call('demo.load', {})
    const { id, needles } = victim(JSON.parse(await p.call('data.export', {})))
    // Edited and deleted first: several changes, and backups, hold the person.
    const c = await p.call('contacts.get', { id })
    await p.call('contacts.update', { id, fields: { ...c, notes: 'Met in Juba.' }, seen: c.stamps })
    await p.call('contacts.delete', { id })
    await p.close()
    const again = await openProfile(p.dir)
    expect(found(p.dir, needles).length).toBeGreaterThan(2)

    const r = await again.call('contacts.erase', { id })
    expect(r.id).toBe(id)
    expect(found(p.dir, needles)).toEqual([])
    expect((await again.fail('contacts.get', { id })).message).toMatch(/erased for good/)
    expect((await again.fail('contacts.restore', { id })).message).toMatch(/erased for good/)
    // Edits after the erasure still work, and the profile opens again as it was.
    await again.call('contacts.create', { contact: { familyName: 'After the erasure' } })
    const before = await again.call('data.export', {})
    await again.close()
    expect(found(p.dir, needles)).toEqual([])
    const check = gfc(['--data', p.dir, 'check'])
    expect(check.stdout).toMatch(/^OK:/m)
    expect(check.code).toBe(0)
    const reopened = await openProfile(p.dir)
    expect(await reopened.call('data.export', {})).toBe(before)
    // Recorded: who and when (the change's device and stamp), not what.
    const history = await reopened.call('history.get', { table: 'contacts', id })
    expect(history.some((h) => h.field === 'erased' && h.after === true)).toBe(true)
    expect(JSON.stringify(history)).not.toContain(needles[0])
  })

  it('gfc erase contact ID, in an encrypted profile', async () => {
    const p = await openProfile()
    await p.call('demo.load', {})
    const { id, needles } = victim(JSON.parse(await p.call('data.export', {})), 5)
    await p.call('profile.encrypt', { passphrase: 'erase me please' })
    await p.close()
    const env = { GFC_PASSPHRASE: 'erase me please' }
    expect(gfc(['--data', p.dir, 'erase', 'member', id], env).stderr).toMatch(/only a contact/)
    const r = gfc(['--data', p.dir, 'erase', 'contact', id], env)
    expect(r.stdout).toMatch(/erased for good/)
    expect(gfc(['--data', p.dir, 'check'], env).stdout).toMatch(/^OK:/m)
    const app = await App.open(p.dir, undefined, 'erase me please')
    const doc = JSON.parse(((await dispatch(app, 'data.export', {})) as { result: string }).result) as Doc
    await app.close()
    expect(doc.contacts.some((c) => c.id === id)).toBe(false)
    const sealer = unlockProfile(p.dir, passphraseKey(p.dir, 'erase me please'))
    // Opened with the key, the files still do not hold the person.
    for (const f of filesUnder(p.dir)) {
      const buf = readFileSync(f)
      const text = buf.subarray(0, 9).toString() === 'GFCSEAL1\n' ? sealer.openFile(buf, f).toString() : buf.toString().split('\n').map((l) => (l.startsWith('~') ? sealer.openLine(l) : l)).join('\n')
      for (const n of needles) expect(text.includes(n), `${n} in ${f}`).toBe(false)
    }
  })

  it('reaches the unfinished last change of a log kept aside, when it names the person', async () => {
    const p = await openProfile()
    await p.call('demo.load', {})
    const { id, needles } = victim(JSON.parse(await p.call('data.export', {})))
    const device = (await p.call('device.show', {})).id
    await p.close()
    // A crash cut short an edit of the person's phone: the next open keeps the log aside in backups/.
    const phone = '+41 22 555 0177'
    appendFileSync(join(p.dir, 'changes', `${device}.jsonl`), `{"h":"${'A'.repeat(43)}","e":{"v":2,"device":"${device}","seq":9999,"hlc":"1796687863991-0000","ops":[{"table":"contacts","id":"${id}","set":{"phones":["${phone}"]`)
    const again = await openProfile(p.dir)
    expect(again.app.status()).toMatchObject({ state: 'ok', notices: [expect.stringMatching(/unfinished last change/)] })
    expect(found(p.dir, [phone])).toHaveLength(1)
    await again.call('contacts.erase', { id })
    await again.close()
    expect(found(p.dir, [phone, ...needles])).toEqual([])
  })

  it('reaches a log kept aside in an encrypted profile (an unfinished last change set aside at an open)', async () => {
    const p = await openProfile()
    await p.call('demo.load', {})
    const { id, needles } = victim(JSON.parse(await p.call('data.export', {})))
    await p.call('profile.encrypt', { passphrase: 'erase me please' })
    const device = (await p.call('device.show', {})).id
    await p.close()
    // A crash cut the last change short: the next open keeps the log aside in backups/.
    appendFileSync(join(p.dir, 'changes', `${device}.jsonl`), '~AAAA')
    const app = await App.open(p.dir, undefined, 'erase me please')
    expect(app.status()).toMatchObject({ state: 'ok' })
    expect((await dispatch(app, 'contacts.erase', { id })).ok).toBe(true)
    await app.close()
    expect(readdirSync(join(p.dir, 'backups')).some((n) => n.startsWith('torn-'))).toBe(true)
    const sealer = unlockProfile(p.dir, passphraseKey(p.dir, 'erase me please'))
    for (const f of filesUnder(p.dir)) {
      const buf = readFileSync(f)
      const plain = buf.subarray(0, 9).toString() === 'GFCSEAL1\n' ? sealer.openFile(buf, f) : buf
      const text = plain.toString().split('\n').map((l) => (l.startsWith('~') ? sealer.openLine(l) : l)).join('\n')
      for (const n of needles) expect(text.includes(n), `${n} in ${f}`).toBe(false)
    }
  })

  it('a crash during the erasure leaves a profile that opens, and the erasure is finished then', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const p = await openProfile()
      await p.call('demo.load', {})
      const { id, needles } = victim(JSON.parse(await p.call('data.export', {})), trial + 1)
      await p.close()
      const proc = spawnChild(p.dir, 'erase', [id])
      await new Promise<void>((ok) => createInterface({ input: proc.stdout! }).on('line', (l) => l === 'erasing' && ok()))
      await new Promise((ok) => setTimeout(ok, trial * 15))
      proc.kill('SIGKILL')
      await waitExit(proc)
      const app = await App.open(p.dir)
      const status = app.status()
      expect(status.state).toBe('ok')
      const doc = JSON.parse(((await dispatch(app, 'data.export', {})) as { result: string }).result) as Doc
      const erased = !doc.contacts.some((c) => c.id === id)
      await app.close()
      // Either the erasure change never landed (nothing changed), or it did and the data is gone.
      if (erased) expect(found(p.dir, needles)).toEqual([])
      expect(checkProfile(p.dir).problems).toEqual([])
    }
  })

  it('the erasure syncs: the other device erases the person from its own files too', async () => {
    const a = await office()
    const b = await (await import('../support/sync')).newDevice('Laptop B')
    await enrol(a, b)
    await meet(a, b)
    const { id, needles } = victim(await exported(a), 4)
    expect(found(b.dir, needles).length).toBeGreaterThan(0)

    await a.call('contacts.erase', { id })
    const report = await send(a, b)
    expect(report.refused).toEqual([])
    expect(found(a.dir, needles)).toEqual([])
    expect(found(b.dir, needles)).toEqual([])
    expect((await b.fail('contacts.get', { id })).message).toMatch(/erased for good/)
    // They go on exchanging changes both ways: chains and signatures still check out.
    await b.call('contacts.create', { contact: { familyName: 'Made on B after the erasure' } })
    await meet(a, b)
    expect(await exported(a)).toEqual(await exported(b))
    await a.close()
    await b.close()
    expect(checkProfile(a.dir).problems).toEqual([])
    expect(checkProfile(b.dir).problems).toEqual([])
  })
})
