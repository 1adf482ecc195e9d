import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkProfile } from '../../src-main/core/services/check'
import { listLogs } from '../../src-main/core/store/change-log'
import { findBreaches } from '../../src-main/core/sync/breaches'
import { emptyTables } from '../../src-main/core/sync/change'
import { editContact, enrol, exported, meet, missionId, newDevice, office, receive, send, bundle } from '../support/sync'
import { gfc, openProfile, ROOT, tempDir } from '../support/profile'

// Devices meeting offline, as the Chair's office, a field officer and a secretary use them:
// real profiles in temp folders, bundles written to files and read back.

const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]))


/** A field laptop (MINUSCA) and the office, which then appoints a person the laptop does not hold to a MINUSCA post (a past term): their fields are sent to it late. */
async function outsiderAppointed() {
  const chair = await office()
  const field = await newDevice('laptop')
  const minusca = await missionId(chair, 'MINUSCA')
  await enrol(chair, field, { kind: 'missions', missionIds: [minusca] })
  await send(field, chair)
  const [all, mine] = [await exported(chair), await exported(field)]
  const outsider = all.contacts.find((c: { id: string }) => !mine.contacts.some((m: { id: string }) => m.id === c.id))
  const post = all.posts.find((p: { missionId: string }) => p.missionId === minusca)
  await chair.call('holders.create', { postId: post.id, contactId: outsider.id, start: '1990-01-01', end: '1990-06-30' })
  return { chair, field, outsider: outsider as { id: string; familyName: string } }
}
describe('enrolling a field device', () => {
  it('gives it its missions, their posts, holders and the holders’ contacts, the Member States’ names, and nothing else', async () => {
    const chair = await office()
    const field = await newDevice('MINUSCA laptop')
    const minusca = await missionId(chair, 'MINUSCA')
    const joined = await enrol(chair, field, { kind: 'missions', missionIds: [minusca] })
    expect(joined.dataset.name).toBe('Group of Friends')
    expect(joined.enroller.fingerprint).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/)
    expect(await field.call('device.show', {})).toMatchObject({ enrolled: true, scope: { kind: 'missions', missionIds: [minusca] } })

    const office_ = await exported(chair)
    const mine = await exported(field)
    const posts = office_.posts.filter((p: { missionId: string }) => p.missionId === minusca)
    const holders = office_.holders.filter((h: { postId: string }) => posts.some((p: { id: string }) => p.id === h.postId))
    expect(mine.missions.map((m: { id: string }) => m.id)).toEqual([minusca])
    expect(mine.posts).toEqual(posts)
    expect(mine.holders).toEqual(holders)
    expect(mine.contacts.map((c: { id: string }) => c.id).sort()).toEqual([...new Set(holders.map((h: { contactId: string }) => h.contactId))].sort())
    for (const t of ['meetings', 'invitees', 'comments', 'activities', 'chairs', 'affiliations', 'issuances']) expect(mine[t], t).toEqual([])
    // Member States by name and status only: no Permanent Mission address, phone or e-mail.
    const states = office_.organisations.filter((o: { kind: string }) => o.kind === 'state')
    expect(mine.organisations.map((o: { id: string }) => o.id).sort()).toEqual(states.map((o: { id: string }) => o.id).sort())
    expect(mine.organisations.every((o: { email?: string; address?: string; phone?: string }) => !o.email && !o.address && !o.phone)).toBe(true)
    const diplomat = office_.contacts.find((c: { id: string }) => !mine.contacts.some((m: { id: string }) => m.id === c.id))
    expect(JSON.stringify(walk(field.dir).map((f) => readFileSync(f, 'utf8')))).not.toContain(diplomat.familyName)
  })

  it('never lets a secret key leave the device: not in its card, its bundles, its exports or its profile folder', async () => {
    const chair = await office()
    const field = await newDevice('laptop')
    await enrol(chair, field)
    const ks = process.env.GFC_KEYSTORE!
    const secrets = readdirSync(ks)
      .map((f) => JSON.parse(readFileSync(join(ks, f), 'utf8')))
      .filter((k) => k.deviceId === field.id || k.deviceId === chair.id)
      .flatMap((k) => [k.signSecret, k.boxSecret])
    expect(secrets).toHaveLength(4)
    const everything = [
      await field.call('device.card', {}),
      (await bundle(field, chair)).toString('latin1'),
      await field.call('data.export', {}),
      ...walk(field.dir).map((f) => readFileSync(f, 'latin1')),
      ...walk(chair.dir).map((f) => readFileSync(f, 'latin1')),
    ].join('\n')
    for (const s of secrets) expect(everything).not.toContain(s)
    for (const f of readdirSync(ks)) expect((statSync(join(ks, f)).mode & 0o777).toString(8)).toBe('600')
  })

  it('refuses, on the field device itself, a change outside its scope', async () => {
    const chair = await office()
    const field = await newDevice('laptop')
    await enrol(chair, field, { kind: 'missions', missionIds: [await missionId(chair, 'MINUSCA')] })
    const e = await field.fail('missions.create', { acronym: 'NEW', nameEn: 'A new mission', location: 'Somewhere', kind: 'political' })
    expect(e.message).toContain('may change only the records of its missions')
    expect(await field.fail('organisations.create', { kind: 'state', countryCode: 'FR' })).toMatchObject({ message: expect.stringContaining('outside them') })
  })

  it('opens again after a person came into its scope (their earlier fields kept beside the logs), and gfc check is green', async () => {
    const { chair, field, outsider } = await outsiderAppointed()
    await send(chair, field)
    expect(existsSync(join(field.dir, 'changes', '.revealed.jsonl'))).toBe(true)
    const before = await exported(field)
    expect(before.contacts.map((c: { id: string }) => c.id)).toContain(outsider.id)
    await field.close()
    expect(checkProfile(field.dir).problems).toEqual([])
    const again = await openProfile(field.dir)
    expect(again.app.status()).toMatchObject({ state: 'ok' })
    expect(await exported(again as never)).toEqual(before)
  })

  it('a reveal cut short by a crash is taken again whole when the bundle is read again', async () => {
    const { chair, field, outsider } = await outsiderAppointed()
    const b = await bundle(chair, field)
    await receive(field, b)
    await field.close()
    // The crash came while the revealed fields were being written: the data file never saw them.
    const revealed = join(field.dir, 'changes', '.revealed.jsonl')
    const whole = readFileSync(revealed)
    writeFileSync(revealed, whole.subarray(0, whole.length >> 1))
    const again = await openProfile(field.dir)
    await again.call('sync.importBundle', { contentBase64: b.toString('base64'), confirmDeletions: false })
    const seen = (await exported(again as never)).contacts.find((c: { id: string }) => c.id === outsider.id)
    await again.close()
    expect(checkProfile(field.dir).problems).toEqual([])
    expect(seen).toMatchObject({ familyName: outsider.familyName })
  })
})

describe('changes travelling between devices', () => {
  it('a field update reaches the office and an office laptop it relays to, signed by the field device', async () => {
    const chair = await office()
    const laptop = await newDevice('Office laptop 2')
    const field = await newDevice('MINUSCA laptop')
    const minusca = await missionId(chair, 'MINUSCA')
    await enrol(chair, laptop)
    await enrol(chair, field, { kind: 'missions', missionIds: [minusca] })
    const holder = (await field.call('missions.get', { id: minusca })).posts[0].holders[0]
    await field.call('field.verify', { table: 'holders', id: holder.id, by: 'A. Field Officer' })

    const r = await send(field, chair)
    expect(r).toMatchObject({ changed: 1, refused: [], conflicts: [] })
    await send(chair, laptop) // relayed: the laptop checks the field device's own signature
    const onLaptop = (await laptop.call('missions.get', { id: minusca })).posts[0].holders.find((h) => h.id === holder.id)!
    expect(onLaptop).toMatchObject({ verifiedBy: 'A. Field Officer' })
    expect(listLogs(laptop.dir).map((f) => f.split('/').pop())).toContain(`${field.id}.jsonl`)
  })

  it('applying the same bundle twice, or bundles in any order, gives the same data', async () => {
    const chair = await office()
    const field = await newDevice('laptop')
    await enrol(chair, field)
    const c = (await chair.call('contacts.list', {}))[0]
    await editContact(chair, c.id, { notes: 'one' })
    const b1 = await bundle(chair, field)
    await editContact(chair, c.id, { notes: 'two' })
    const b2 = await bundle(chair, field)
    await receive(field, b2)
    await receive(field, b1)
    await receive(field, b2)
    expect((await field.call('contacts.get', { id: c.id })).notes).toBe('two')
    expect(await exported(field)).toEqual(await exported(chair))
  })

  it('a change made after seeing another wins even when its device’s clock is hours behind (faketime)', async () => {
    const chair = await office()
    const dir = tempDir()
    expect(gfc(['--data', dir, 'init']).code).toBe(0)
    const cardFile = join(tempDir(), 'card.gfccard')
    expect(gfc(['--data', dir, 'device', 'export', '--out', cardFile]).code).toBe(0)
    const r = await chair.call('device.enrol', { card: readFileSync(cardFile, 'utf8'), scope: { kind: 'full' } })
    expect(gfc(['--data', dir, 'device', 'join', r.path!]).code).toBe(0)
    const id = JSON.parse(gfc(['--data', dir, 'device', 'show', '--json']).stdout).id

    // The office changes a member's e-mail (now); the laptop, its clock three hours behind,
    // receives that, then changes the same e-mail again through an import.
    const se = (await chair.call('organisations.list', { search: 'Sweden' }))[0]
    await chair.call('organisations.update', { id: se.id, fields: { ...se, email: 'office@example.org' } as never, seen: se.stamps })
    const b = await chair.call('sync.exportBundle', { to: id })
    expect(gfc(['--data', dir, 'sync', 'import', b!.path]).code).toBe(0)
    const doc = JSON.parse(gfc(['--data', dir, 'export', 'json']).stdout)
    doc.organisations.find((o: { id: string }) => o.id === se.id).email = 'laptop@example.org'
    const file = join(tempDir(), 'edit.json')
    writeFileSync(file, JSON.stringify(doc))
    const behind = spawnSync('faketime', ['-f', '-3h', process.execPath, join(ROOT, 'bin/gfc.js'), '--data', dir, 'import', 'json', file], { encoding: 'utf8' })
    expect(behind.status, behind.stderr).toBe(0)
    const back = join(tempDir(), 'back.gfcsync')
    expect(gfc(['--data', dir, 'sync', 'export', '--to', chair.id, '--out', back]).code).toBe(0)
    await receive(chair, readFileSync(back))
    expect((await chair.call('organisations.get', { id: se.id })).email).toBe('laptop@example.org')
    expect((await chair.call('conflicts.list', {})).filter((c) => c.kind === 'field')).toEqual([])
  }, 180_000)
})

describe('conflicts', () => {
  it('keeps both values of a field changed on two devices apart, shows who (the user each device has now), where and when, and a resolution clears it everywhere', async () => {
    const chair = await office()
    const laptop = await newDevice('Secretary laptop')
    await enrol(chair, laptop)
    // Who uses each device, set after the enrolment: the other device learns it with the changes.
    await chair.call('preferences.update', { userName: 'Ingrid Secretary' })
    await laptop.call('preferences.update', { userName: 'Amaru Quispe' })
    const c = (await chair.call('contacts.list', {}))[0]
    await editContact(chair, c.id, { emails: ['chair@example.org'] })
    await editContact(laptop, c.id, { emails: ['laptop@example.org'] })
    const r1 = await send(laptop, chair)
    expect(r1.conflicts).toEqual([{ table: 'contacts', id: c.id, fields: ['emails'] }])
    await send(chair, laptop)
    for (const d of [chair, laptop]) {
      const [conflict] = await d.call('conflicts.list', {})
      expect(conflict).toMatchObject({ kind: 'field', table: 'contacts', id: c.id, field: 'emails' })
      if (conflict.kind !== 'field') return
      expect(conflict.values.map((v) => [v.value, v.deviceName, v.user]).sort()).toEqual([
        [['chair@example.org'], 'Chair office', 'Ingrid Secretary'],
        [['laptop@example.org'], 'Secretary laptop', 'Amaru Quispe'],
      ])
      expect(conflict.values.every((v) => /^\d{4}-\d\d-\d\dT/.test(v.at))).toBe(true)
    }
    // Both show the same value first until a person chooses.
    expect((await chair.call('contacts.get', { id: c.id })).emails).toEqual((await laptop.call('contacts.get', { id: c.id })).emails)

    await laptop.call('conflicts.resolve', { table: 'contacts', id: c.id, field: 'emails', value: ['chosen@example.org'] })
    await send(laptop, chair)
    expect(await chair.call('conflicts.list', {})).toEqual([])
    expect((await chair.call('contacts.get', { id: c.id })).emails).toEqual(['chosen@example.org'])
    // The history shows every edit, with its device.
    const h = (await chair.call('history.get', { table: 'contacts', id: c.id })).filter((x) => x.field === 'emails')
    expect(h.map((x) => [x.deviceName, x.after])).toEqual(
      expect.arrayContaining([
        ['Chair office', ['chair@example.org']],
        ['Secretary laptop', ['laptop@example.org']],
        ['Secretary laptop', ['chosen@example.org']],
      ]),
    )
    // A link reads as what it points to: the member a person belongs to, by its name.
    const [link] = (await chair.call('contacts.get', { id: c.id })).affiliations
    const made = (await chair.call('history.get', { table: 'affiliations', id: link.id })).find((x) => x.field === 'organisationId')
    expect(made?.after).toBe(link.organisationName)
  })

  it('equal values written apart are not a conflict', async () => {
    const chair = await office()
    const laptop = await newDevice('laptop')
    await enrol(chair, laptop)
    const c = (await chair.call('contacts.list', {}))[0]
    for (const d of [chair, laptop]) await editContact(d, c.id, { notes: 'same' })
    await meet(chair, laptop)
    expect(await chair.call('conflicts.list', {})).toEqual([])
  })

  it('a record deleted on one device while edited on another is a conflict, settled by keeping either', async () => {
    const chair = await office()
    const laptop = await newDevice('laptop')
    await enrol(chair, laptop)
    const c = (await chair.call('contacts.list', {}))[0]
    await chair.call('contacts.delete', { id: c.id })
    await editContact(laptop, c.id, { notes: 'still here' })
    await meet(chair, laptop)
    for (const d of [chair, laptop]) expect(await d.call('conflicts.list', {})).toMatchObject([{ kind: 'deleted', id: c.id, edits: [{ field: 'notes' }] }])
    await chair.call('conflicts.resolve', { table: 'contacts', id: c.id, keep: 'record' })
    await meet(chair, laptop)
    for (const d of [chair, laptop]) {
      expect(await d.call('conflicts.list', {})).toEqual([])
      expect(await d.call('contacts.get', { id: c.id })).toMatchObject({ deleted: false, notes: 'still here' })
    }
  })

  it('rules a merge breaks are listed (two current holders of one post); a Member State added on two devices is one member', async () => {
    const chair = await office()
    const laptop = await newDevice('laptop')
    await enrol(chair, laptop)
    const minusca = await missionId(chair, 'MINUSCA')
    const detail = await chair.call('posts.create', { missionId: minusca, title: 'Corrections Adviser (new)' })
    const post = detail.posts.find((p) => p.title === 'Corrections Adviser (new)')!
    await meet(chair, laptop)
    for (const [d, name] of [[chair, 'Chair pick'], [laptop, 'Laptop pick']] as const) {
      await d.call('holders.create', { postId: post.id, start: '2026-11-01', contact: { familyName: name } })
      await d.call('organisations.create', { kind: 'state', countryCode: 'FR' })
    }
    await meet(chair, laptop)
    const rules = (await chair.call('conflicts.list', {})).filter((c) => c.kind === 'rule')
    expect(rules).toMatchObject([{ table: 'holders', rule: 'oneAtATime' }])
    expect((await chair.call('organisations.list', { search: 'France' }))).toHaveLength(1)
    await chair.close()
    const check = gfc(['--data', chair.dir, 'check'])
    expect(check.stdout).toContain('rule: two holders records overlap in time')
  })
})

describe('revoking a device', () => {
  it('refuses its later changes everywhere; what it sent before stays', async () => {
    const chair = await office()
    const laptop = await newDevice('Secretary laptop')
    const field = await newDevice('lost laptop')
    await enrol(chair, laptop)
    await enrol(chair, field)
    await send(chair, laptop) // the laptop learns of the field device
    const c = (await chair.call('contacts.list', {}))[0]
    await editContact(field, c.id, { notes: 'before' })
    await send(field, chair)
    await chair.call('device.revoke', { id: field.id })
    await editContact(field, c.id, { notes: 'after' })
    // Its own bundles are refused outright; its later changes relayed by others are set aside.
    await expect(send(field, chair)).rejects.toThrow(/was revoked/)
    await send(field, laptop)
    const r = await send(laptop, chair)
    expect(r.refused).toMatchObject([{ device: field.id, reason: expect.stringContaining('revoked') }])
    await send(chair, laptop)
    for (const d of [chair, laptop]) expect((await d.call('contacts.get', { id: c.id })).notes).toBe('before')
    expect((await chair.call('devices.list', {})).find((d) => d.id === field.id)).toMatchObject({ revoked: true })
  })
})

describe('the command line', () => {
  it('enrols, joins a new empty profile (and finishes a join run again), exchanges, lists conflicts and history', () => {
    const office = tempDir()
    const field = tempDir()
    const files = tempDir()
    expect(gfc(['--data', office, 'demo']).code).toBe(0)
    expect(gfc(['--data', field, 'init']).code).toBe(0)
    const shown = JSON.parse(gfc(['--data', field, 'device', 'show', '--json']).stdout)
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(['id', 'name', 'publicKey', 'fingerprint']))
    expect(gfc(['--data', field, 'device', 'export', '--out', join(files, 'card')]).stdout).toContain(shown.fingerprint)
    const enrolled = gfc(['--data', office, 'device', 'enrol', join(files, 'card'), '--scope', 'mission:MINUSCA', '--out', join(files, 'join')])
    expect(enrolled.code, enrolled.stderr).toBe(0)
    expect(enrolled.stdout).toContain(shown.fingerprint)
    const joined = gfc(['--data', field, 'device', 'join', join(files, 'join')])
    expect(joined.code, joined.stderr).toBe(0)
    expect(joined.stdout).toMatch(/records added/)
    expect(gfc(['--data', field, 'device', 'join', join(files, 'join')]).code).toBe(0) // run again: completes, adds nothing
    expect(gfc(['--data', field, 'missions', 'list']).stdout.trim().split('\n')).toHaveLength(1)
    const officeId = JSON.parse(gfc(['--data', office, 'device', 'show', '--json']).stdout).id
    const out = gfc(['--data', field, 'sync', 'export', '--to', officeId, '--out', join(files, 'b')])
    expect(out.stdout).toMatch(/\d+ changes, \d+ bytes/)
    expect(gfc(['--data', office, 'sync', 'import', join(files, 'b')]).stdout).toContain('From ')
    expect(gfc(['--data', office, 'conflicts', 'list'])).toMatchObject({ code: 0, stdout: 'No conflicts.\n' })
    const bad = gfc(['--data', office, 'sync', 'import', join(files, 'card')])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('not a GFC Desk bundle')
    expect(gfc(['--data', office, 'check']).code).toBe(0)
    expect(gfc(['--data', field, 'check']).code).toBe(0)
    expect(existsSync(join(files, 'join'))).toBe(true)
  }, 300_000)
})

describe('rules checked again after a merge', () => {
  it('finds a reference number used twice, a member invited twice, two members for one state', () => {
    const tables = emptyTables()
    const put = (table: keyof typeof tables, id: string, data: Record<string, unknown>) => (tables[table][id] = { id, data: { ...data, deleted: false }, base: '0000000000001-0000-aaaaaaaaaaaaaaaa-1', stamps: {} })
    const m = '11111111-1111-4111-8111-111111111111'
    const o = '22222222-2222-4222-8222-222222222222'
    put('issuances', '33333333-3333-4333-8333-333333333331', { meetingId: m, organisationId: o, addresseeId: '', form: 'letter', language: 'en', reference: 'GFC/2027/001', issuedOn: '2027-01-10', fileName: 'a.docx' })
    put('issuances', '33333333-3333-4333-8333-333333333332', { meetingId: m, organisationId: o, addresseeId: '', form: 'letter', language: 'en', reference: 'GFC/2027/001', issuedOn: '2027-01-10', fileName: 'b.docx' })
    put('invitees', '44444444-4444-4444-8444-444444444441', { meetingId: m, organisationId: o })
    put('invitees', '44444444-4444-4444-8444-444444444442', { meetingId: m, organisationId: o })
    put('organisations', '55555555-5555-4555-8555-555555555551', { kind: 'state', countryCode: 'SE' })
    put('organisations', '55555555-5555-4555-8555-555555555552', { kind: 'state', countryCode: 'SE' })
    const found = findBreaches(tables).filter((b) => b.rule === 'unique')
    expect(found.map((b) => [b.table, b.fields.join('+'), b.ids.length])).toEqual([
      ['organisations', 'countryCode', 2],
      ['invitees', 'meetingId+organisationId', 2],
      ['issuances', 'reference', 2],
    ])
  })
})
