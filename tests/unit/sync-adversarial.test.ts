import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { logPath, readLog } from '../../src-main/core/store/change-log'
import type { LogEntry, Op } from '../../src-main/core/sync/change'
import { encodeHlc } from '../../src-main/core/sync/clock'
import { headMessage, toRun, writeBundle } from '../../src-main/core/sync/bundle'
import { canonical, chainNext, entryDigest, GENESIS } from '../../src-main/core/sync/digest'
import { deviceIdOf, generateKeys, signBytes } from '../../src-main/core/sync/keys'
import { openProfile, tempDir } from '../support/profile'
import { bundle, editContact, enrol, exported, missionId, newDevice, office, receive, send, type Device } from '../support/sync'

// Attacks and accidents on sync, each on its own: a refused bundle changes nothing (every file of
// the profile is byte for byte the same), a refused change never stops the rest.

const filesUnder = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(d, e.name)) : [join(d, e.name)]))

/** Every file of a profile but its lock, with its bytes. */
const filesOf = (dir: string): Record<string, string> =>
  Object.fromEntries(filesUnder(dir).filter((p) => !p.endsWith(`${sep}.lock`)).map((p) => [p, readFileSync(p).toString('base64')]))

async function refusedUnchanged(d: Device, bytes: Buffer, why: RegExp) {
  await d.app.store.snapshot()
  const before = filesOf(d.dir)
  const e = await d.fail('sync.importBundle', { contentBase64: bytes.toString('base64') })
  expect(e.message).toMatch(why)
  expect(e.message).toContain('Nothing was changed')
  expect(filesOf(d.dir)).toEqual(before)
}

/** Two devices of one dataset, the laptop full scope, with a change of the laptop to send. */
async function pair() {
  const chair = await office()
  const laptop = await newDevice('laptop')
  await enrol(chair, laptop)
  const c = (await laptop.call('contacts.list', {}))[0]
  await editContact(laptop, c.id, { notes: 'from the laptop' })
  return { chair, laptop, contactId: c.id }
}

/** Appends a hand-made change to a device's own log (as a tampered program could), then reopens it. */
async function craft(d: Device, ops: Op[], hlc?: string): Promise<Device> {
  await d.close()
  const file = logPath(d.dir, d.id)
  const last = readLog(file, existsSync(file) ? readFileSync(file) : Buffer.alloc(0)).lines.at(-1)?.line
  const e: LogEntry = { v: 2, device: d.id, seq: (last?.e.seq ?? 0) + 1, hlc: hlc ?? encodeHlc(Date.now(), 0), ops }
  appendFileSync(file, JSON.stringify({ h: chainNext(last?.h ?? GENESIS, entryDigest(e)), e }) + '\n')
  const again = await openProfile(d.dir, { chooseFolder: async () => null, chooseSaveFile: async (_t, n) => join(d.files, n) })
  return { ...d, ...again }
}


/** The office holds the laptop's second edit of a contact (its notes: `note`), waiting for the first: `first`, not sent yet. */
async function heldForAGap(note: string, beforeEdits?: (chair: Device) => Promise<unknown>) {
  const chair = await office()
  const laptop = await newDevice('laptop')
  await enrol(chair, laptop)
  await beforeEdits?.(chair)
  const c = (await laptop.call('contacts.list', {}))[0]
  await editContact(laptop, c.id, { notes: 'first' })
  const first = await bundle(laptop, chair)
  believeDelivered(laptop, chair)
  await editContact(laptop, c.id, { notes: note })
  expect((await receive(chair, await bundle(laptop, chair))).waiting.join()).toMatch(/wait for its changes/)
  return { chair, laptop, c, first }
}

/** `from` believes `to` holds all it has (as if told so): its next bundle to `to` holds only what follows, a gap if `to` lacks the last. */
function believeDelivered(from: Device, to: Device): void {
  const state = JSON.parse(readFileSync(join(from.dir, 'sync.json'), 'utf8'))
  state.peers[to.id] = { vv: { ...from.app.store.receivedVector }, heardAt: new Date().toISOString() }
  writeFileSync(join(from.dir, 'sync.json'), JSON.stringify(state))
}
describe('a bundle changed, cut or misdirected', () => {
  it('is refused when any part is changed: header, ciphertext, signature, last byte', async () => {
    const { chair, laptop } = await pair()
    const b = await bundle(laptop, chair)
    const at = (i: number) => {
      const x = Buffer.from(b)
      x[i] ^= 0x01
      return x
    }
    const headerByte = b.indexOf('"from"') + 9
    await refusedUnchanged(chair, at(headerByte), /refused/)
    await refusedUnchanged(chair, at(b.indexOf(0x0a, 10) + 20), /signature does not match/)
    await refusedUnchanged(chair, at(b.length - 30), /signature does not match/)
    await refusedUnchanged(chair, at(b.length - 1), /signature does not match/)
  })

  it('is refused when cut short', async () => {
    const { chair, laptop } = await pair()
    const b = await bundle(laptop, chair)
    await refusedUnchanged(chair, b.subarray(0, Math.floor(b.length / 2)), /signature does not match|cut short/)
    await refusedUnchanged(chair, b.subarray(0, 20), /cut short|not a GFC Desk bundle/)
  })

  it('is refused by a device it was not made for, and from another dataset', async () => {
    const { chair, laptop } = await pair()
    const third = await newDevice('third')
    await enrol(chair, third)
    await refusedUnchanged(third, await bundle(laptop, chair), /made for device .*, not for this one/)
    const other = await office('Another office')
    const stranger = await newDevice('stranger')
    await enrol(other, stranger)
    // A device of another dataset cannot even be addressed; its bundle to a device of its own is refused here.
    await refusedUnchanged(chair, await bundle(stranger, other), /another dataset/)
  })

  it('is refused from a sender that is not enrolled, or was revoked', async () => {
    const { chair, laptop } = await pair()
    const late = await newDevice('late')
    await enrol(chair, late)
    // The laptop has not heard of `late` yet (it was enrolled after the laptop last synced).
    await refusedUnchanged(laptop, await bundle(late, laptop), /its sender, device .*, is not enrolled in this dataset/)
    await chair.call('device.revoke', { id: laptop.id })
    await refusedUnchanged(chair, await bundle(laptop, chair), /was revoked/)
  })

  it('a replayed bundle changes nothing', async () => {
    const { chair, laptop, contactId } = await pair()
    const b = await bundle(laptop, chair)
    expect((await receive(chair, b)).changed).toBe(1)
    await chair.app.store.snapshot()
    const before = filesOf(chair.dir)
    expect(await receive(chair, b)).toMatchObject({ changes: 0, added: 0, changed: 0, deleted: 0 })
    await chair.app.store.snapshot()
    const after = filesOf(chair.dir)
    delete before[join(chair.dir, 'sync.json')]
    delete after[join(chair.dir, 'sync.json')] // only when the laptop was last heard from
    expect(after).toEqual(before)
    expect((await chair.call('contacts.get', { id: contactId })).notes).toBe('from the laptop')
  })
})

describe('changes refused one by one, the rest applied', () => {
  it('a field device’s change outside its scope is set aside with the reason; its other changes apply', async () => {
    const chair = await office()
    let field = await newDevice('field')
    const minusca = await missionId(chair, 'MINUSCA')
    await enrol(chair, field, { kind: 'missions', missionIds: [minusca] })
    const holder = (await field.call('missions.get', { id: minusca })).posts[0].holders[0]
    const diplomat = (await chair.call('contacts.list', {})).find((c) => c.affiliations.length > 0)!
    field = await craft(field, [{ table: 'contacts', id: diplomat.id, set: { notes: 'not mine to change' } }])
    await field.call('field.verify', { table: 'holders', id: holder.id, by: 'Officer' })
    const r = await send(field, chair)
    expect(r.refused).toMatchObject([{ device: field.id, reason: expect.stringContaining('outside the scope') }])
    expect(r.changed).toBe(1)
    expect((await chair.call('contacts.get', { id: diplomat.id })).notes).not.toBe('not mine to change')
    expect((await chair.call('conflicts.list', {})).filter((c) => c.kind === 'refused')).toHaveLength(1)
  })

  it('ids and field names like __proto__, constructor, prototype are refused; nothing is polluted', async () => {
    const { chair } = await pair()
    let laptop = await newDevice('crafty')
    await enrol(chair, laptop)
    const c = (await laptop.call('contacts.list', {}))[0]
    laptop = await craft(laptop, [{ table: 'contacts', id: '__proto__', set: { familyName: 'x' } }])
    laptop = await craft(laptop, [{ table: 'contacts', id: c.id, set: { constructor: 'x', prototype: 'y' } }])
    laptop = await craft(laptop, [{ table: 'contacts', id: c.id, set: { emails: 'not a list' } }])
    laptop = await craft(laptop, [{ table: 'contacts', id: c.id, set: { notes: 'a fair change after the bad ones' } }])
    const r = await send(laptop, chair)
    expect(r.refused.map((x) => x.reason)).toEqual([
      expect.stringContaining('"__proto__" is not a record id'),
      expect.stringContaining('no field called "constructor"'),
      expect.stringContaining('contacts.emails'),
    ])
    expect((await chair.call('contacts.get', { id: c.id })).notes).toBe('a fair change after the bad ones')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a bundle holding a __proto__ key, even signed by an enrolled device, is refused whole', async () => {
    const { chair, laptop } = await pair()
    const keys = laptop.app.store.identity.keys
    const dataset = laptop.app.store.device.dataset!.id
    const { prev, lines } = laptop.app.store.logRun(laptop.id, 0)
    const forged: LogEntry = { v: 2, device: laptop.id, seq: lines.length + 1, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'contacts', id: '11111111-1111-4111-8111-111111111111', set: JSON.parse('{"__proto__": {"polluted": true}}') }] }
    const all = [...lines, { h: chainNext(lines.at(-1)?.h ?? prev, entryDigest(forged)), e: forged }]
    const last = all.at(-1)!
    const run = toRun(laptop.id, prev, all, { seq: last.e.seq, chain: last.h, sig: signBytes(keys, headMessage(dataset, laptop.id, last.e.seq, last.h)) })
    const bytes = writeBundle({ vv: {}, runs: [run], reveals: [] }, { dataset, from: laptop.id, to: chair.id, changes: all.length }, keys, chair.app.store.device.boxKey)
    await refusedUnchanged(chair, bytes, /holds a field named __proto__/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a change whose clock is more than a day ahead waits (quarantine); five minutes ahead gives a warning', async () => {
    const chair = await office()
    let laptop = await newDevice('fast clock')
    await enrol(chair, laptop)
    const c = (await laptop.call('contacts.list', {}))[0]
    laptop = await craft(laptop, [{ table: 'contacts', id: c.id, set: { notes: 'ten minutes ahead' } }], encodeHlc(Date.now() + 10 * 60_000, 0))
    const r1 = await send(laptop, chair)
    expect(r1.warnings.join()).toMatch(/clock was 1\d minutes ahead/)
    laptop = await craft(laptop, [{ table: 'contacts', id: c.id, set: { notes: 'two days ahead' } }], encodeHlc(Date.now() + 2 * 86_400_000, 0))
    const r2 = await send(laptop, chair)
    expect(r2.waiting.join()).toMatch(/hours ahead of this computer's/)
    expect((await chair.call('contacts.get', { id: c.id })).notes).toBe('ten minutes ahead')
  })

  it('a gap in a device’s changes: later ones wait until the missing ones arrive, then all apply', async () => {
    const { chair, c, first } = await heldForAGap('second')
    expect((await chair.call('contacts.get', { id: c.id })).notes).not.toBe('second')
    await receive(chair, first)
    expect((await chair.call('contacts.get', { id: c.id })).notes).toBe('second')
  })

  it('erasing a person reaches the changes held for a gap', async () => {
    const { chair, c, first } = await heldForAGap('Met the minister in Bangui')
    await chair.call('contacts.erase', { id: c.id })
    expect(filesUnder(chair.dir).filter((f) => readFileSync(f).toString('utf8').includes('Met the minister in Bangui'))).toEqual([])
    // The gap closes later: the held changes still follow on, and the person stays erased.
    await receive(chair, first)
    expect(await chair.fail('contacts.get', { id: c.id })).toMatchObject({ message: expect.stringMatching(/erased for good/) })
    expect(chair.app.store.waiting.size).toBe(0)
  })

  it.each([false, true])('changes waiting for a gap are kept encrypted in an encrypted profile (encrypted after they came: %s)', async (encryptAfter) => {
    const encrypt = (chair: Device) => chair.call('profile.encrypt', { passphrase: 'a long passphrase' })
    const { chair, c, first } = await heldForAGap('Met the minister in Bangui', encryptAfter ? undefined : encrypt)
    if (encryptAfter) await encrypt(chair)
    const found = (needle: string) => filesUnder(chair.dir).filter((f) => readFileSync(f).toString('latin1').includes(needle))
    expect(found('Met the minister in Bangui')).toEqual([])
    expect(found(JSON.stringify(c.familyName))).toEqual([])
    await receive(chair, first)
    expect((await chair.call('contacts.get', { id: c.id })).notes).toBe('Met the minister in Bangui')
  })
})

describe('the shared folder', () => {
  async function folderPair() {
    const shared = tempDir('gfc-shared-')
    const chair = await office('Chair office', shared)
    const laptop = await newDevice('laptop', shared)
    await enrol(chair, laptop)
    return { shared, chair, laptop }
  }

  it('syncs two devices through their own immutable files', async () => {
    const { shared, chair, laptop } = await folderPair()
    expect(await chair.call('sync.chooseFolder', { init: true })).toMatchObject({ ok: true, written: 1 })
    expect(existsSync(join(shared, 'gfc-sync.json'))).toBe(true)
    const c = (await laptop.call('contacts.list', {}))[0]
    await editContact(laptop, c.id, { notes: 'via the folder' })
    expect(await laptop.call('sync.chooseFolder', { init: false })).toMatchObject({ ok: true, read: 1, written: 1 })
    expect(await chair.call('sync.folder', {})).toMatchObject({ ok: true, read: 1 })
    expect((await chair.call('contacts.get', { id: c.id })).notes).toBe('via the folder')
    expect(readdirSync(shared).sort()).toEqual([chair.id, 'gfc-sync.json', laptop.id].sort())
    for (const d of [chair.id, laptop.id]) expect(readdirSync(join(shared, d)).every((f) => /^to-.+-\d+\.gfcsync$/.test(f))).toBe(true)
  })

  it('an empty, missing or foreign folder is reported and changes nothing; a half-copied file waits', async () => {
    const { shared, chair, laptop } = await folderPair()
    await chair.call('sync.chooseFolder', { init: true })
    await laptop.call('sync.chooseFolder', { init: false })
    const before = (await exported(laptop)).contacts.length
    // Missing (unplugged).
    rmSync(shared, { recursive: true })
    expect((await laptop.call('sync.folder', {})).problems.map((p) => p.text).join()).toMatch(/not reachable/)
    // Empty (a new drive mounted in its place).
    mkdirSync(shared)
    expect((await laptop.call('sync.folder', {})).problems.map((p) => p.text).join()).toMatch(/not set up for GFC Desk/)
    // Another dataset's folder.
    writeFileSync(join(shared, 'gfc-sync.json'), JSON.stringify({ format: 'gfc-sync-folder', version: 1, dataset: { id: 'other', name: 'Other' } }))
    expect((await laptop.call('sync.folder', {})).problems.map((p) => p.text).join()).toMatch(/belongs to another dataset/)
    expect((await exported(laptop)).contacts.length).toBe(before)
    // Back in place, with a file still being copied.
    rmSync(join(shared, 'gfc-sync.json'))
    await chair.call('sync.chooseFolder', { init: true })
    const c = (await chair.call('contacts.list', {}))[0]
    await editContact(chair, c.id, { notes: 'late' })
    const s = await chair.call('sync.folder', {})
    expect(s.written).toBe(1)
    const file = join(shared, chair.id, readdirSync(join(shared, chair.id)).sort().at(-1)!)
    const whole = readFileSync(file)
    writeFileSync(file, whole.subarray(0, whole.length - 100))
    expect((await laptop.call('sync.folder', {})).problems.map((p) => p.text).join()).toMatch(/1 file is still being copied/)
    writeFileSync(file, whole)
    expect(await laptop.call('sync.folder', {})).toMatchObject({ ok: true })
    expect((await laptop.call('contacts.get', { id: c.id })).notes).toBe('late')
  })

  it('a file found empty or barely begun (its copy just started) is read once it is whole', async () => {
    const { shared, chair, laptop } = await folderPair()
    await chair.call('sync.chooseFolder', { init: true })
    await laptop.call('sync.chooseFolder', { init: false })
    const c = (await laptop.call('contacts.list', {}))[0]
    await editContact(laptop, c.id, { notes: 'copied slowly' })
    await laptop.call('sync.folder', {})
    const file = join(shared, laptop.id, readdirSync(join(shared, laptop.id)).sort().at(-1)!)
    const whole = readFileSync(file)
    for (const begun of [0, 4]) {
      writeFileSync(file, whole.subarray(0, begun))
      expect((await chair.call('sync.folder', {})).problems.map((p) => p.key)).toEqual(['sync.problem.copying'])
    }
    writeFileSync(file, whole)
    expect(await chair.call('sync.folder', {})).toMatchObject({ ok: true, read: 1 })
    expect((await chair.call('contacts.get', { id: c.id })).notes).toBe('copied slowly')
  })

  it('a file from a device not yet known here is read again once its enrolment has arrived', async () => {
    const { shared, chair, laptop } = await folderPair()
    await chair.call('sync.chooseFolder', { init: true })
    await laptop.call('sync.chooseFolder', { init: false })
    const late = await newDevice('late', shared)
    await enrol(chair, late)
    await chair.call('sync.folder', {})
    await late.call('sync.chooseFolder', { init: false })
    const c = (await late.call('contacts.list', {}))[0]
    await editContact(late, c.id, { notes: 'from the late device' })
    await late.call('sync.folder', {})
    // The laptop finds the late device's file before the office's that enrols it (still on its way).
    const office = join(shared, chair.id)
    const away = tempDir('gfc-away-')
    for (const f of readdirSync(office)) renameSync(join(office, f), join(away, f))
    expect((await laptop.call('sync.folder', {})).problems.map((p) => p.text).join()).toMatch(/not enrolled in this dataset/)
    for (const f of readdirSync(away)) renameSync(join(away, f), join(office, f))
    // Read in the folder's order, the late device's file may come before the office's again: then it is the next sync's.
    await laptop.call('sync.folder', {})
    await laptop.call('sync.folder', {})
    expect((await laptop.call('contacts.get', { id: c.id })).notes).toBe('from the late device')
  })

  it('a bundle that would delete more than a fifth of a list waits until a person confirms', async () => {
    const { chair, laptop } = await folderPair()
    await chair.call('sync.chooseFolder', { init: true })
    await laptop.call('sync.chooseFolder', { init: false })
    const contacts = await chair.call('contacts.list', {})
    for (const c of contacts.slice(0, Math.ceil(contacts.length / 3))) await chair.call('contacts.delete', { id: c.id })
    await chair.call('sync.folder', {})
    const s = await laptop.call('sync.folder', {})
    expect(s.problems.map((p) => p.text).join()).toMatch(/would delete \d+ of \d+ contacts: it waits until a person confirms/)
    expect((await laptop.call('contacts.list', {})).length).toBe(contacts.length)
    expect((await laptop.call('sync.status', {})).held).toBe(1)
    expect((await laptop.call('sync.folder', { confirmDeletions: true })).ok).toBe(true)
    expect((await laptop.call('contacts.list', {})).length).toBe(contacts.length - Math.ceil(contacts.length / 3))
    expect((await laptop.call('sync.status', {})).held).toBe(0)
  })
})

describe('a crafted bundle from an enrolled device', () => {
  /** A bundle `from` signs for `to`, holding the runs given. */
  const forge = (from: Device, to: Device, runs: ReturnType<typeof toRun>[]) =>
    writeBundle({ vv: {}, runs, reveals: [] }, { dataset: from.app.store.device.dataset!.id, from: from.id, to: to.id, changes: runs.reduce((n, r) => n + r.entries.length, 0) }, from.app.store.identity.keys, to.app.store.device.boxKey)

  it('cannot make a device up: a field device enrolling one (refused) gives it no key here, so nothing it signs is taken', async () => {
    const chair = await office()
    const field = await newDevice('field')
    await enrol(chair, field, { kind: 'missions', missionIds: [await missionId(chair, 'MINUSCA')] })
    const diplomat = (await chair.call('contacts.list', {})).find((c) => c.affiliations.length > 0)!
    const dataset = field.app.store.device.dataset!.id
    // The field device writes an enrolment of a device whose keys it holds…
    const ghost = generateKeys()
    const ghostId = deviceIdOf(ghost.signKey)
    const { prev, lines } = field.app.store.logRun(field.id, 0)
    const enrolGhost: LogEntry = { v: 2, device: field.id, seq: lines.length + 1, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'devices', id: ghostId, set: { name: 'ghost', signKey: ghost.signKey, boxKey: ghost.boxKey, scope: { kind: 'full' } } }] }
    const own = [...lines, { h: chainNext(lines.at(-1)?.h ?? prev, entryDigest(enrolGhost)), e: enrolGhost }]
    const ownHead = own.at(-1)!
    // …and signs, as that device, a change no field device may make.
    const forged: LogEntry = { v: 2, device: ghostId, seq: 1, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'contacts', id: diplomat.id, set: { notes: 'written by a made-up device' } }] }
    const h = chainNext(GENESIS, entryDigest(forged))
    const bytes = forge(field, chair, [
      toRun(field.id, prev, own, { seq: ownHead.e.seq, chain: ownHead.h, sig: signBytes(field.app.store.identity.keys, headMessage(dataset, field.id, ownHead.e.seq, ownHead.h)) }),
      toRun(ghostId, GENESIS, [{ h, e: forged }], { seq: 1, chain: h, sig: signBytes(ghost, headMessage(dataset, ghostId, 1, h)) }),
    ])
    await receive(chair, bytes)
    expect((await chair.call('contacts.get', { id: diplomat.id })).notes).not.toBe('written by a made-up device')
    expect(chair.app.store.record('devices', ghostId)).toBeUndefined()
  })

  it('cannot slip changes into another device’s run by restarting its chain: a relay forging the office’s changes is refused', async () => {
    const chair = await office()
    const laptop = await newDevice('office laptop')
    await enrol(chair, laptop)
    const field = await newDevice('field')
    await enrol(chair, field, { kind: 'missions', missionIds: [await missionId(chair, 'MINUSCA')] })
    await send(chair, laptop)
    const diplomat = (await chair.call('contacts.list', {})).find((c) => c.affiliations.length > 0)!
    await editContact(chair, diplomat.id, { notes: 'one' })
    await editContact(chair, diplomat.id, { notes: 'two' })
    await send(chair, field)
    // The field device holds the office's changes (partly, as hashes) and its signature of their head.
    const { lines } = field.app.store.logRun(chair.id, 0)
    const from = laptop.app.store.receivedVector[chair.id]
    const last = lines.at(-1)!
    expect(last.e.seq).toBeGreaterThan(from + 1)
    const forged = lines.slice(from, -1).map((l) => ({ h: l.h, e: { ...l.e, r: undefined, d: undefined, ops: [{ table: 'contacts' as const, id: diplomat.id, set: { notes: 'forged by a relay' } }] } }))
    const run = toRun(chair.id, lines[from - 1].h, [...forged, { ...last, p: lines.at(-2)!.h }], { seq: last.e.seq, chain: last.h, sig: last.s! })
    await refusedUnchanged(laptop, forge(field, laptop, [run]), /do not match that device's signature/)
    expect((await laptop.call('contacts.get', { id: diplomat.id })).notes).not.toBe('forged by a relay')
  })
  it('cannot name a device so that its log is written outside the profile folder, even from an office device', async () => {
    const { chair, laptop } = await pair()
    const dataset = laptop.app.store.device.dataset!.id
    const escape = `../../gfc-escape-${process.pid}-${Date.now()}`
    const outside = join(chair.dir, 'changes', `${escape}.jsonl`)
    const ghost = generateKeys()
    const { prev, lines } = laptop.app.store.logRun(laptop.id, 0)
    const enrolIt: LogEntry = { v: 2, device: laptop.id, seq: lines.length + 1, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'devices', id: escape, set: { signKey: ghost.signKey } }] }
    const own = [...lines, { h: chainNext(lines.at(-1)?.h ?? prev, entryDigest(enrolIt)), e: enrolIt }]
    const ownHead = own.at(-1)!
    const e: LogEntry = { v: 2, device: escape, seq: 1, hlc: encodeHlc(Date.now(), 0), ops: [] }
    const h = chainNext(GENESIS, entryDigest(e))
    await receive(
      chair,
      forge(laptop, chair, [
        toRun(laptop.id, prev, own, { seq: ownHead.e.seq, chain: ownHead.h, sig: signBytes(laptop.app.store.identity.keys, headMessage(dataset, laptop.id, ownHead.e.seq, ownHead.h)) }),
        toRun(escape, GENESIS, [{ h, e }], { seq: 1, chain: h, sig: signBytes(ghost, headMessage(dataset, escape, 1, h)) }),
      ]),
    )
    const written = existsSync(outside)
    rmSync(outside, { force: true })
    expect(written).toBe(false)
  })
  it('cannot give an enrolled device another key: an office laptop cannot sign changes as the Chair’s device', async () => {
    const { chair, laptop } = await pair()
    const other = await newDevice('other office laptop')
    await enrol(chair, other)
    await send(chair, laptop)
    const diplomat = (await chair.call('contacts.list', {})).find((c) => c.affiliations.length > 0)!
    const dataset = laptop.app.store.device.dataset!.id
    const fake = generateKeys()
    const { prev, lines } = laptop.app.store.logRun(laptop.id, 0)
    const rekey: LogEntry = { v: 2, device: laptop.id, seq: lines.length + 1, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'devices', id: chair.id, set: { signKey: fake.signKey } }] }
    const own = [...lines, { h: chainNext(lines.at(-1)?.h ?? prev, entryDigest(rekey)), e: rekey }]
    const ownHead = own.at(-1)!
    // The Chair's changes, after those the other laptop holds, signed with the new key.
    const from = other.app.store.receivedVector[chair.id]
    const start = laptop.app.store.logRun(chair.id, from).prev
    const e: LogEntry = { v: 2, device: chair.id, seq: from + 1, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'contacts', id: diplomat.id, set: { notes: 'not from the Chair' } }] }
    const h = chainNext(start, entryDigest(e))
    await receive(
      other,
      forge(laptop, other, [
        toRun(laptop.id, prev, own, { seq: ownHead.e.seq, chain: ownHead.h, sig: signBytes(laptop.app.store.identity.keys, headMessage(dataset, laptop.id, ownHead.e.seq, ownHead.h)) }),
        toRun(chair.id, start, [{ h, e }], { seq: from + 1, chain: h, sig: signBytes(fake, headMessage(dataset, chair.id, from + 1, h)) }),
      ]),
    ).catch(() => null)
    expect((await other.call('contacts.get', { id: diplomat.id })).notes).not.toBe('not from the Chair')
  })
})

describe('a bundle received twice', () => {
  it('brings back no value the field device replaced since: a contact revealed by the first copy, edited, then the copy again', async () => {
    const chair = await office()
    const field = await newDevice('field')
    const minusca = await missionId(chair, 'MINUSCA')
    await enrol(chair, field, { kind: 'missions', missionIds: [minusca] })
    const diplomat = (await chair.call('contacts.list', {})).find((c) => c.affiliations.length > 0)!
    await editContact(chair, diplomat.id, { notes: 'from the office' })
    await send(chair, field)
    await send(field, chair)
    // The diplomat now holds a post of the field device's mission: the next bundle reveals the contact.
    const post = (await chair.call('missions.get', { id: minusca })).posts[0]
    await chair.call('holders.create', { postId: post.id, contactId: diplomat.id, start: '2026-01-01', closePrevious: true })
    const b = await bundle(chair, field)
    await receive(field, b)
    expect((await field.call('contacts.get', { id: diplomat.id })).notes).toBe('from the office')
    await editContact(field, diplomat.id, { notes: 'from the field' })
    await receive(field, b)
    expect((await field.call('contacts.get', { id: diplomat.id })).notes).toBe('from the field')
    expect((await field.call('conflicts.list', {})).filter((c) => c.kind === 'field')).toEqual([])
  })
})

describe('changes held for a gap', () => {
  it('that turn out not to follow on (another history of their device) are dropped, and never stop later bundles', async () => {
    const { chair, laptop, contactId } = await pair()
    const keys = laptop.app.store.identity.keys
    const dataset = laptop.app.store.device.dataset!.id
    // The laptop signs changes after a gap, on a chain that is not its log's.
    const n = laptop.app.store.logRun(laptop.id, 0).lines.length
    const lines = []
    let h = GENESIS
    for (let seq = n + 1; seq <= n + 3; seq++) {
      const e: LogEntry = { v: 2, device: laptop.id, seq, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'contacts', id: contactId, set: { notes: `another history ${seq}` } }] }
      h = chainNext(h, entryDigest(e))
      lines.push({ h, e })
    }
    const run = toRun(laptop.id, GENESIS, lines, { seq: n + 3, chain: h, sig: signBytes(keys, headMessage(dataset, laptop.id, n + 3, h)) })
    const r = await receive(chair, writeBundle({ vv: {}, runs: [run], reveals: [] }, { dataset, from: laptop.id, to: chair.id, changes: 3 }, keys, chair.app.store.device.boxKey))
    expect(r.waiting.join()).toMatch(/wait for its changes/)
    // The laptop's real changes arrive: they apply, and the held ones, another history, go.
    expect((await send(laptop, chair)).changed).toBe(1)
    expect((await chair.call('contacts.get', { id: contactId })).notes).toBe('from the laptop')
    await editContact(laptop, contactId, { notes: 'later from the laptop' })
    await send(laptop, chair)
    expect((await chair.call('contacts.get', { id: contactId })).notes).toBe('later from the laptop')
  })
})

describe('a bundle holding another history of a device', () => {
  it('is refused whole before anything is written, even when other devices’ changes come first in it', async () => {
    const { chair, laptop } = await pair()
    const third = await newDevice('third')
    await enrol(chair, third)
    await send(chair, laptop)
    const c = (await third.call('contacts.list', {}))[1]
    await editContact(third, c.id, { notes: 'from the third' })
    await send(third, laptop)
    const keys = laptop.app.store.identity.keys
    const dataset = laptop.app.store.device.dataset!.id
    const relayed = laptop.app.store.logRun(third.id, 0)
    const last = relayed.lines.at(-1)!
    // The laptop's own changes, on a chain that is not the one the office holds.
    const { lines } = laptop.app.store.logRun(laptop.id, 0)
    const other = (seq: number) => ({ v: 2 as const, device: laptop.id, seq, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'contacts' as const, id: c.id, set: { notes: `another history ${seq}` } }] })
    const start = chainNext(GENESIS, entryDigest(other(0)))
    let h = start
    const forked = lines.map((l) => {
      const e = other(l.e.seq)
      h = chainNext(h, entryDigest(e))
      return { h, e }
    })
    const bytes = writeBundle(
      {
        vv: {},
        runs: [
          toRun(third.id, relayed.prev, relayed.lines, { seq: last.e.seq, chain: last.h, sig: last.s! }),
          toRun(laptop.id, start, forked, { seq: forked.at(-1)!.e.seq, chain: h, sig: signBytes(keys, headMessage(dataset, laptop.id, forked.at(-1)!.e.seq, h)) }),
        ],
        reveals: [],
      },
      { dataset, from: laptop.id, to: chair.id, changes: relayed.lines.length + forked.length },
      keys,
      chair.app.store.device.boxKey,
    )
    await refusedUnchanged(chair, bytes, /do not follow on/)
  })
})

describe('an enrolment file', () => {
  it('made by a device not enrolled in the dataset is refused by a device that joined it already, and changes nothing', async () => {
    const chair = await office()
    const field = await newDevice('field')
    await enrol(chair, field, { kind: 'missions', missionIds: [await missionId(chair, 'MINUSCA')] })
    const dataset = field.app.store.device.dataset!
    const c = (await field.call('contacts.list', {}))[0]
    // Someone who knows the dataset's id (in every bundle's header) and the device's makes one.
    const evil = generateKeys()
    const evilId = deviceIdOf(evil.signKey)
    const e: LogEntry = { v: 2, device: evilId, seq: 1, hlc: encodeHlc(Date.now(), 0), ops: [{ table: 'contacts', id: c.id, set: { notes: 'from a stranger' } }] }
    const h = chainNext(GENESIS, entryDigest(e))
    const run = toRun(evilId, GENESIS, [{ h, e }], { seq: 1, chain: h, sig: signBytes(evil, headMessage(dataset.id, evilId, 1, h)) })
    const bytes = writeBundle({ vv: {}, runs: [run], reveals: [] }, { dataset: dataset.id, from: evilId, to: field.id, changes: 1 }, evil, field.app.store.device.boxKey)
    const body = { format: 'gfc-enrolment', version: 1, dataset, device: field.id, scope: { kind: 'full' }, enroller: { id: evilId, name: 'Chair office', signKey: evil.signKey, boxKey: evil.boxKey }, bundle: bytes.toString('base64') }
    const file = JSON.stringify({ ...body, sig: signBytes(evil, canonical(body)) })
    await field.app.store.snapshot()
    const before = filesOf(field.dir)
    const err = await field.fail('device.join', { content: Buffer.from(file).toString('base64') })
    expect(err.message).toMatch(/not enrolled in this dataset/)
    expect(filesOf(field.dir)).toEqual(before)
    expect((await field.call('contacts.get', { id: c.id })).notes).not.toBe('from a stranger')
  })
})
