import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import { checkProfile } from '../../src-main/core/services/check'
import { passphraseKey, unlockProfile } from '../../src-main/core/store/encryption'
import { gfc, openProfile, spawnChild, tempDir, waitExit } from '../support/profile'

// Data at rest, against real profiles in temp folders and real processes: encryption, and what
// a stolen laptop's disk shows without the passphrase.

const PASS = 'correct horse battery staple'

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]))
}

/** The names, e-mails and phones of the profile's contacts, as someone with a disk would grep for them. */
async function personalStrings(call: (m: 'data.export', i: Record<string, never>) => Promise<string>): Promise<string[]> {
  const doc = JSON.parse(await call('data.export', {})) as { contacts: { givenName: string; familyName: string; emails: string[]; phones: string[] }[] }
  expect(doc.contacts.length).toBeGreaterThan(10)
  const out = new Set<string>()
  for (const c of doc.contacts) {
    for (const s of [c.givenName, c.familyName, ...c.emails, ...c.phones]) if (s && s.length >= 4) out.add(JSON.stringify(s))
  }
  // As JSON writes them, quotes included: a quote is never in base64, so a short name such as
  // "Anne" cannot turn up by chance in sealed text, as it once did.
  return [...out]
}

/** Which of `needles` some file under `dir` holds (as UTF-8 or Latin-1 text). */
function found(dir: string, needles: string[]): string[] {
  const hits: string[] = []
  for (const f of filesUnder(dir)) {
    const buf = readFileSync(f)
    const texts = [buf.toString('utf8'), buf.toString('latin1')]
    for (const n of needles) if (texts.some((t) => t.includes(n))) hits.push(`${n} in ${f}`)
  }
  return hits
}

function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).filter((f) => !f.includes('.lock')).map((f) => [f, createHash('sha256').update(readFileSync(f)).digest('hex') + statSync(f).size]))
}

async function demoProfile() {
  const p = await openProfile()
  await p.call('demo.load', {})
  return p
}

describe('encryption at rest', () => {
  it('encrypts an existing profile: every file, the same data after, nothing personal to grep for without the passphrase', async () => {
    const p = await demoProfile()
    const before = await p.call('data.export', {})
    const needles = await personalStrings(p.call)
    expect(found(p.dir, needles).length).toBeGreaterThan(0) // the grep finds them in a plain profile

    const s = await p.call('profile.encrypt', { passphrase: PASS })
    expect(s).toMatchObject({ state: 'ok', encrypted: true })
    // Edits after encryption are sealed too (a log line each), and so is the next backup.
    const c = await p.call('contacts.create', { contact: { givenName: 'Zebulon', familyName: 'Quarrington', emails: ['zebulon.q@example.org'], phones: ['+41 22 917 1234'] } })
    await p.close()
    expect(found(p.dir, [...needles, 'Quarrington', 'zebulon.q@example.org', '+41 22 917 1234'])).toEqual([])

    const again = await App.open(p.dir, undefined, PASS)
    try {
      const exported = await dispatch(again, 'data.export', {})
      expect(exported.ok).toBe(true)
      const doc = JSON.parse((exported as { result: string }).result)
      expect(doc.contacts.find((x: { id: string }) => x.id === c.id).familyName).toBe('Quarrington')
      expect(JSON.parse(before).contacts.length + 1).toBe(doc.contacts.length)
    } finally {
      await again.close()
    }
    expect(found(p.dir, [...needles, 'Quarrington'])).toEqual([])
    const check = checkProfile(p.dir, unlockProfile(p.dir, passphraseKey(p.dir, PASS)))
    expect(check.problems).toEqual([])
  })

  it('refuses a wrong passphrase in words, and without one asks for it; nothing is changed either way', async () => {
    const p = await demoProfile()
    await p.call('profile.encrypt', { passphrase: PASS })
    await p.close()
    const files = fingerprint(p.dir)

    const wrong = await App.open(p.dir, undefined, 'not the passphrase')
    expect(wrong.status()).toMatchObject({ state: 'encrypted', message: expect.stringMatching(/passphrase is wrong/), wrongPassphrase: true })
    const none = await App.open(p.dir)
    expect(none.status()).toMatchObject({ state: 'encrypted', message: expect.stringMatching(/is encrypted: give its passphrase/), wrongPassphrase: false })
    const refused = await dispatch(none, 'profile.unlock', { passphrase: 'still wrong', remember: false })
    expect(refused).toMatchObject({ ok: false, error: { code: 'passphrase', field: 'passphrase' } })
    const cli = gfc(['--data', p.dir, 'members'], { GFC_PASSPHRASE: 'wrong wrong wrong' })
    expect(cli.code).toBe(1)
    expect(cli.stderr).toMatch(/The passphrase is wrong/)
    const asked = gfc(['--data', p.dir, 'members'], { GFC_PASSPHRASE: undefined })
    expect(asked.code).toBe(1)
    expect(asked.stderr).toMatch(/is encrypted: give its passphrase/)
    expect(fingerprint(p.dir)).toEqual(files)

    const opened = await dispatch(none, 'profile.unlock', { passphrase: PASS, remember: false })
    expect(opened).toMatchObject({ ok: true, result: { state: 'ok', encrypted: true } })
    await none.close()
    await wrong.close()
  })

  it('gfc init --encrypt, gfc demo, gfc check and gfc passphrase, from GFC_PASSPHRASE', async () => {
    const dir = tempDir()
    expect(gfc(['--data', dir, 'init', '--encrypt'], { GFC_PASSPHRASE: 'short' }).stderr).toMatch(/at least 8 characters/)
    const init = gfc(['--data', dir, 'init', '--encrypt'], { GFC_PASSPHRASE: PASS })
    expect(init.stdout).toMatch(/encrypted/)
    expect(gfc(['--data', dir, 'demo'], { GFC_PASSPHRASE: PASS }).code).toBe(0)
    expect(gfc(['--data', dir, 'check'], { GFC_PASSPHRASE: PASS }).stdout).toMatch(/^OK:/m)
    expect(found(dir, ['example.org', '+1 212 555 0100'])).toEqual([])

    const changed = gfc(['--data', dir, 'passphrase'], { GFC_PASSPHRASE: PASS, GFC_NEW_PASSPHRASE: 'a new passphrase' })
    expect(changed.stdout).toMatch(/changed/)
    expect(gfc(['--data', dir, 'members'], { GFC_PASSPHRASE: PASS }).stderr).toMatch(/passphrase is wrong/)
    expect(gfc(['--data', dir, 'members'], { GFC_PASSPHRASE: 'a new passphrase' }).stdout).toMatch(/Argentina/)
  })

  it('a crash during encryption leaves a profile that opens, with all its data (killed at random moments)', async () => {
    for (let trial = 0; trial < 6; trial++) {
      const p = await demoProfile()
      const before = await p.call('data.export', {})
      await p.close()
      const proc = spawnChild(p.dir, 'encrypt', [], { GFC_PASSPHRASE: PASS })
      await new Promise<void>((ok) => createInterface({ input: proc.stdout! }).on('line', (l) => l === 'encrypting' && ok()))
      await new Promise((ok) => setTimeout(ok, trial * 12))
      proc.kill('SIGKILL')
      await waitExit(proc)

      const app = await App.open(p.dir, undefined, PASS)
      try {
        expect(app.status()).toMatchObject({ state: 'ok' })
        const exported = await dispatch(app, 'data.export', {})
        expect((exported as { result: string }).result).toBe(before)
      } finally {
        await app.close()
      }
    }
  })

  it('a damaged encrypted data file opens the recovery, and a sealed backup brings it back; a whole one is never set aside', async () => {
    const p = await demoProfile()
    await p.call('profile.encrypt', { passphrase: PASS })
    const before = await p.call('data.export', {})
    await p.close()
    const whole = await App.open(p.dir, undefined, PASS)
    await whole.close()
    const file = join(p.dir, 'gfc.json')
    const sealed = readFileSync(file)
    writeFileSync(file, sealed.subarray(0, sealed.length - 40))
    const app = await App.open(p.dir, undefined, PASS)
    const status = app.status()
    expect(status).toMatchObject({ state: 'corrupt', message: expect.stringMatching(/does not decrypt/) })
    const backups = (status as { backups: { name: string; bytes: number }[] }).backups
    const restored = await app.restoreBackup(backups.find((b) => b.bytes > 10_000)!.name)
    expect(restored.state).toBe('ok')
    expect(((await dispatch(app, 'data.export', {})) as { result: string }).result).toBe(before)
    await app.close()
    // A log line removed: the data file is whole (and sealed), so no backup is put in its place.
    const log = filesUnder(join(p.dir, 'changes'))[0]
    writeFileSync(log, readFileSync(log, 'utf8').split('\n').slice(1).join('\n'))
    const gap = await App.open(p.dir, undefined, PASS)
    expect(gap.status().state).not.toBe('ok')
    await expect(gap.restoreBackup(backups[0].name)).rejects.toThrow(/is whole/)
    await gap.close()
  })
})

describe('a damaged key file', () => {
  it('is refused in words, whatever its scrypt parameters say', async () => {
    const p = await openProfile()
    await p.call('profile.encrypt', { passphrase: PASS })
    await p.close()
    const file = join(p.dir, 'encryption.json')
    const kf = JSON.parse(readFileSync(file, 'utf8'))
    for (const kdf of [{ N: 3 }, { N: 2 ** 40 }, { r: 0 }, { p: -1 }]) {
      writeFileSync(file, JSON.stringify({ ...kf, kdf: { ...kf.kdf, ...kdf } }))
      const app = await App.open(p.dir, undefined, PASS)
      expect(app.status(), JSON.stringify(kdf)).toMatchObject({ state: 'corrupt', message: expect.stringMatching(/key file .* is damaged/) })
    }
  })
})

describe('what a crash leaves', () => {
  it('a temp file a crash left beside the logs is gone once the profile opens, so an encryption leaves no plain copy', async () => {
    const p = await demoProfile()
    const needles = await personalStrings(p.call)
    const device = (await p.call('device.show', {})).id
    await p.close()
    // As a crash in the middle of rewriting a log (an erasure, an encryption) leaves it.
    const log = join(p.dir, 'changes', `${device}.jsonl`)
    writeFileSync(join(p.dir, 'changes', `.${device}.jsonl.4242.tmp`), readFileSync(log))
    const again = await openProfile(p.dir)
    await again.call('profile.encrypt', { passphrase: PASS })
    await again.close()
    expect(found(p.dir, needles)).toEqual([])
  })
})
