import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync, Zip, ZipDeflate, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { gfc, openProfile, tempDir } from '../support/profile'

// Backups a person can carry (one archive of the profile, brought up on another computer as a new
// device) and the backups the profile keeps (listed, restored, how many kept).

const ks = () => ({ GFC_KEYSTORE: tempDir('gfc-other-computer-keys-') })

/** An archive with some files replaced, its manifest made to match them. */
function crafted(entries: Record<string, Uint8Array>, replaced: Record<string, Uint8Array>): Uint8Array {
  const manifest = JSON.parse(Buffer.from(entries['gfc-archive.json']).toString('utf8'))
  for (const [path, bytes] of Object.entries(replaced)) manifest.files[path] = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }
  return zipSync({ ...entries, ...replaced, 'gfc-archive.json': Buffer.from(JSON.stringify(manifest)) })
}

/** A "zip bomb" of about 0.5 MB that unpacks to 528 MB of zeros, made a slice at a time (never whole in memory). */
function bomb(): Buffer {
  const out: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    out.push(chunk)
  })
  const file = new ZipDeflate('changes/aaaaaaaaaaaaaaaa.jsonl', { level: 1 })
  zip.add(file)
  const slice = new Uint8Array(16 * 1024 * 1024)
  for (let i = 0; i < 33; i++) file.push(slice, i === 32)
  zip.end()
  return Buffer.concat(out)
}

/** The same zip, its directory saying each file unpacks to 949 bytes. */
function lying(zip: Buffer): Buffer {
  const bytes = Buffer.from(zip)
  const central = Buffer.from([0x50, 0x4b, 0x01, 0x02])
  for (let at = bytes.indexOf(central); at >= 0; at = bytes.indexOf(central, at + 4)) bytes.writeUInt32LE(949, at + 24)
  return bytes
}

describe('backup archives', () => {
  it('gfc backup --out, then gfc restore on another computer: the same data, a new device id', async () => {
    const p = await openProfile()
    await p.call('demo.load', {})
    const before = await p.call('data.export', {})
    const device = (await p.call('profile.status', {})) as { deviceId: string }
    await p.close()
    const file = join(tempDir(), 'carried.gfcbackup')
    const made = gfc(['--data', p.dir, 'backup', '--out', file])
    expect(made.code).toBe(0)
    expect(made.stdout).toContain(file)

    const other = ks()
    const target = join(tempDir(), 'restored')
    const r = gfc(['--data', target, 'restore', file], other)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/now device [a-z2-7]{16} of its own/)
    expect(gfc(['--data', target, 'check'], other).stdout).toMatch(/^OK:/m)
    const exported = gfc(['--data', target, 'export', 'json'], other)
    expect(exported.stdout).toBe(before)
    const restoredId = JSON.parse(readFileSync(join(target, 'device.json'), 'utf8')).deviceId
    expect(restoredId).not.toBe(device.deviceId)
    // The original opens as before, and a restore into a folder holding a profile is refused.
    const again = gfc(['--data', target, 'restore', file], other)
    expect(again.stderr).toMatch(/is not empty.*Nothing was changed/)
  })

  it('an encrypted profile gives an encrypted archive, restored with the passphrase', async () => {
    const p = await openProfile()
    await p.call('demo.load', {})
    await p.call('profile.encrypt', { passphrase: 'carry me safely' })
    const before = await p.call('data.export', {})
    await p.close()
    const file = join(tempDir(), 'sealed.gfcbackup')
    expect(gfc(['--data', p.dir, 'backup', '--out', file], { GFC_PASSPHRASE: 'carry me safely' }).code).toBe(0)
    const inside = Object.values(unzipSync(readFileSync(file))).map((b) => Buffer.from(b).toString('utf8')).join('\n')
    expect(inside).not.toContain('example.org')
    const other = ks()
    const target = join(tempDir(), 'restored')
    expect(gfc(['--data', target, 'restore', file], other).stdout).toMatch(/encrypted/)
    expect(gfc(['--data', target, 'export', 'json'], other).stderr).toMatch(/encrypted: give its passphrase/)
    expect(gfc(['--data', target, 'export', 'json'], { ...other, GFC_PASSPHRASE: 'carry me safely' }).stdout).toBe(before)
  })

  it('refuses a damaged or foreign archive, naming what is wrong, and writes nothing', async () => {
    const p = await openProfile()
    await p.call('demo.load', {})
    await p.close()
    const dir = tempDir()
    const good = join(dir, 'good.gfcbackup')
    gfc(['--data', p.dir, 'backup', '--out', good])
    const entries = unzipSync(readFileSync(good))
    const goodHash = createHash('sha256').update(readFileSync(good)).digest('hex')
    const big = bomb()
    const cases: [string, Uint8Array, RegExp][] = [
      ['cut.gfcbackup', readFileSync(good).subarray(0, 4000), /damaged or cut short/],
      ['foreign.gfcbackup', zipSync({ 'readme.txt': Buffer.from('hello') }), /no gfc-archive.json/],
      ['text.gfcbackup', Buffer.from('just text'), /not a GFC Desk backup archive/],
      ['edited.gfcbackup', zipSync({ ...entries, 'gfc.json': Buffer.concat([entries['gfc.json'], Buffer.from(' ')]) }), /gfc.json in it is damaged/],
      ['stray.gfcbackup', zipSync({ ...entries, '../evil.sh': Buffer.from('rm -rf /') }), /does not list/],
      // Refused before it is unpacked into memory, whether its directory tells the truth or not.
      ['bomb.gfcbackup', big, /would unpack to more than 512 MB/],
      ['lying-bomb.gfcbackup', lying(big), /would unpack to more than 512 MB/],
      // Made to match their manifest, but not what a profile holds: refused too, not a profile that will not open.
      ['climbing.gfcbackup', crafted(entries, { 'templates/..': Buffer.from('x') }), /names a file GFC Desk does not put in a profile \(templates\/\.\.\)/],
      ['data.gfcbackup', crafted(entries, { 'gfc.json': Buffer.from('garbage') }), /gfc.json in it is not a GFC Desk data file/],
      ['key.gfcbackup', crafted(entries, { 'encryption.json': Buffer.from(JSON.stringify({ v: 1, kdf: { alg: 'scrypt', N: 3, r: 8, p: 1, salt: 'AAAA' }, key: 'AAAA' })) }), /encryption.json in it is not the key file of an encrypted profile/],
      ['device.gfcbackup', crafted(entries, { 'device.json': Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(entries['device.json']).toString()), preferences: { keepBackups: -5 } })) }), /device.json in it is not a GFC Desk device file/],
    ]
    for (const [name, bytes, why] of cases) {
      writeFileSync(join(dir, name), bytes)
      const target = join(tempDir(), 'restored')
      const r = gfc(['--data', target, 'restore', join(dir, name)], ks())
      expect(r.code, name).toBe(1)
      expect(r.stderr, name).toMatch(why)
      expect(r.stderr, name).toMatch(/Nothing was changed/)
      expect(existsSync(target), name).toBe(false)
      expect(readdirSync(join(target, '..')), name).toEqual([])
    }
    expect(createHash('sha256').update(readFileSync(good)).digest('hex')).toBe(goodHash) // the good archive the cases were made from is untouched
  }, 120_000) // making and refusing a 528 MB zip bomb takes seconds
})

describe('the backups a profile keeps', () => {
  it('lists them with date and size, restores any of them as a change, and keeps as many as the preference says', async () => {
    const p = await openProfile()
    await p.call('demo.load', {})
    const before = await p.call('data.export', {})
    await p.close()
    const o = await openProfile(p.dir) // the open backs up the data file as it stands
    await o.call('contacts.create', { contact: { familyName: 'Made after the backup' } })
    await o.close()
    const q = await openProfile(p.dir)
    const list = await q.call('backups.list', {})
    expect(list.keep).toBe(10)
    expect(list.backups.length).toBeGreaterThan(0)
    for (const b of list.backups) {
      expect(b.bytes).toBeGreaterThan(0)
      expect(Date.parse(b.createdAt)).toBeGreaterThan(0)
    }
    expect((await q.fail('backups.restore', { name: 'nope.json' })).message).toMatch(/no backup named/)
    // The copy made when the demo was in (the first open's copy is of the empty profile).
    const demo = list.backups.find((b) => b.bytes > 10_000)!
    const r = await q.call('backups.restore', { name: demo.name })
    expect(r.changed).toBe(1)
    expect(await q.call('data.export', {})).toBe(before)

    expect((await q.fail('preferences.update', { keepBackups: 0 })).field).toBe('keepBackups')
    await q.call('preferences.update', { keepBackups: 2 })
    await q.close()
    for (let i = 0; i < 3; i++) {
      const o = await openProfile(p.dir)
      await o.call('contacts.create', { contact: { familyName: `Another ${i}` } })
      await o.close()
    }
    const last = await openProfile(p.dir)
    expect((await last.call('backups.list', {})).backups.length).toBe(2)
  })
})
