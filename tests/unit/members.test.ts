import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openProfile } from '../support/profile'

function logLines(dir: string, deviceId: string): number {
  return readFileSync(join(dir, 'changes', `${deviceId}.jsonl`), 'utf8').split('\n').filter(Boolean).length
}

describe('members', () => {
  it('adds a Member State from the reference list, with its regional group and French name', async () => {
    const p = await openProfile()
    const se = await p.call('organisations.create', {
      kind: 'state',
      countryCode: 'SE',
      email: 'mission@example.org',
      correctionsService: 'Swedish Prison and Probation Service',
    })
    expect(se).toMatchObject({ displayName: 'Sweden', displayNameFr: 'Suède', regionalGroup: 'weog', status: 'active', deleted: false })
    expect(await p.call('organisations.get', { id: se.id })).toEqual(se)
  })

  it('refuses an unknown country, a duplicate Member State and a bad e-mail, naming the field and writing nothing', async () => {
    const p = await openProfile()
    await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    const device = (await p.call('profile.status', {})) as { deviceId: string }
    const before = logLines(p.dir, device.deviceId)

    expect(await p.fail('organisations.create', { kind: 'state', countryCode: 'XX' })).toMatchObject({
      code: 'validation',
      field: 'countryCode',
      key: 'validation.unknownCountry',
    })
    const dup = await p.fail('organisations.create', { kind: 'state', countryCode: 'SE' })
    expect(dup).toMatchObject({ code: 'validation', field: 'countryCode', key: 'validation.alreadyMember' })
    expect(dup.message).toContain('Sweden is already a member')
    expect(await p.fail('organisations.create', { kind: 'sme', name: 'X', category: 'ngo', email: 'not-an-email' })).toMatchObject({
      field: 'email',
      message: 'email is not a valid e-mail address',
    })
    expect(await p.fail('organisations.create', { kind: 'sme', name: '  ', category: 'ngo' })).toMatchObject({ field: 'name', key: 'validation.required' })
    expect(await p.fail('nope.nothing', {})).toMatchObject({ code: 'unknown_method' })

    expect(logLines(p.dir, device.deviceId)).toBe(before)
    expect(await p.call('organisations.list', {})).toHaveLength(1)
  })

  it('edits, deletes (a tombstone) and undoes the deletion', async () => {
    const p = await openProfile()
    const icrc = await p.call('organisations.create', { kind: 'sme', name: 'International Committee of the Red Cross', acronym: 'ICRC', category: 'ngo' })
    if (icrc.kind !== 'sme') throw new Error('expected an SME')
    const edited = await p.call('organisations.update', { id: icrc.id, fields: { ...icrc, nameFr: 'Comité international de la Croix-Rouge' }, seen: icrc.stamps })
    expect(edited.displayNameFr).toBe('Comité international de la Croix-Rouge')

    await p.call('organisations.delete', { id: icrc.id })
    expect(await p.call('organisations.list', {})).toEqual([])
    expect((await p.call('organisations.get', { id: icrc.id })).deleted).toBe(true)
    expect(p.app.store.record('organisations', icrc.id)).toBeDefined() // kept, for sync

    await p.call('organisations.restore', { id: icrc.id })
    expect((await p.call('organisations.list', {})).map((o) => o.displayName)).toEqual(['International Committee of the Red Cross'])
  })

  it('filters by kind, regional group and status, and searches as you type, accents folded', async () => {
    const p = await openProfile()
    await p.call('organisations.create', { kind: 'state', countryCode: 'CI' })
    await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    await p.call('organisations.create', { kind: 'state', countryCode: 'UY', status: 'former' })
    await p.call('organisations.create', { kind: 'sme', name: 'Penal Reform International', acronym: 'PRI', category: 'ngo' })
    const names = async (q: object) => (await p.call('organisations.list', q)).map((o) => o.displayName)
    expect(await names({ search: 'cote' })).toEqual(["Côte d'Ivoire"])
    expect(await names({ search: 'suède' })).toEqual(['Sweden'])
    expect(await names({ kind: 'sme' })).toEqual(['Penal Reform International'])
    expect(await names({ regionalGroup: 'african' })).toEqual(["Côte d'Ivoire"])
    expect(await names({ status: 'former' })).toEqual(['Uruguay'])
    expect(await names({ search: 'pri' })).toEqual(['Penal Reform International'])
  })
})

describe('contacts', () => {
  it('keeps people with names in any script, linked to members by role, and finds them by any part', async () => {
    const p = await openProfile()
    const eg = await p.call('organisations.create', { kind: 'state', countryCode: 'EG' })
    const ru = await p.call('organisations.create', { kind: 'state', countryCode: 'RU' })
    const pr = await p.call('contacts.create', {
      contact: { honorific: 'H.E.', givenName: 'كريم', familyName: 'المثال', emails: ['k@example.org'], language: 'fr' },
      affiliation: { organisationId: eg.id, role: 'permanent-representative', position: 'Permanent Representative' },
    })
    await p.call('contacts.create', {
      contact: { givenName: 'Иван', familyName: 'Примеров' },
      affiliation: { organisationId: ru.id, role: 'focal-point', position: 'Counsellor' },
    })
    await p.call('contacts.create', { contact: { givenName: '示例', familyName: '王' } })

    expect(pr.affiliations).toMatchObject([{ organisationName: 'Egypt', role: 'permanent-representative', current: true }])
    expect((await p.call('contacts.list', { search: 'المثال' })).map((c) => c.id)).toEqual([pr.id])
    expect((await p.call('contacts.list', { search: 'примеров' })).map((c) => c.familyName)).toEqual(['Примеров'])
    expect((await p.call('contacts.list', { search: '王' })).map((c) => c.givenName)).toEqual(['示例'])
    expect((await p.call('contacts.list', { search: 'egypt permanent' })).map((c) => c.id)).toEqual([pr.id])
    expect((await p.call('contacts.list', { organisationId: ru.id })).map((c) => c.givenName)).toEqual(['Иван'])
  })

  it('lets a person be a contact of a second member over time, keeping the history', async () => {
    const p = await openProfile()
    const se = await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    const icpa = await p.call('organisations.create', { kind: 'sme', name: 'International Corrections and Prisons Association', category: 'ngo' })
    const c = await p.call('contacts.create', {
      contact: { honorific: 'Ms.', givenName: 'Ingrid', familyName: 'Exempelsson' },
      affiliation: { organisationId: se.id, role: 'focal-point', position: 'Counsellor', start: '2020-01-01' },
    })
    const ended = await p.call('affiliations.update', { id: c.affiliations[0].id, fields: { ...c.affiliations[0], end: '2023-06-30' }, seen: c.affiliations[0].stamps })
    expect(ended.affiliations[0].current).toBe(false)
    const moved = await p.call('affiliations.create', { contactId: c.id, organisationId: icpa.id, role: 'focal-point', position: 'Adviser', start: '2023-07-01' })
    expect(moved.affiliations.map((a) => [a.organisationName, a.current])).toEqual([
      ['International Corrections and Prisons Association', true],
      ['Sweden', false],
    ])
    expect(await p.fail('affiliations.create', { contactId: c.id, organisationId: icpa.id, start: '2024-01-01', end: '2023-01-01' })).toMatchObject({
      field: 'end',
      key: 'validation.endBeforeStart',
    })
  })

  it('validates contacts with the same schema as the form, and deletes with undo', async () => {
    const p = await openProfile()
    expect(await p.fail('contacts.create', { contact: { familyName: '' } })).toMatchObject({ field: 'contact.familyName', key: 'validation.required' })
    expect(await p.fail('contacts.create', { contact: { familyName: 'X', emails: ['a@b.org', 'nope'] } })).toMatchObject({
      field: 'contact.emails.1',
      key: 'validation.email',
    })
    expect(await p.fail('contacts.create', { contact: { familyName: 'X', language: 'de' } })).toMatchObject({ field: 'contact.language' })
    const c = await p.call('contacts.create', { contact: { familyName: 'Sample' } })
    await p.call('contacts.delete', { id: c.id })
    expect(await p.call('contacts.list', {})).toEqual([])
    await p.call('contacts.restore', { id: c.id })
    expect((await p.call('contacts.list', {})).map((x) => x.familyName)).toEqual(['Sample'])
  })
})

describe('settings and preferences', () => {
  it('keeps the letterhead basics, and preferences changed one at a time', async () => {
    const p = await openProfile()
    expect((await p.call('settings.get', {})).city).toBe('New York')
    await p.call('settings.update', { fields: { chairMissionName: 'Permanent Mission of Sweden', signatoryName: 'Ingrid Exempelsson', chairMissionEmail: 'chair@example.org' }, seen: {} })
    expect(await p.fail('settings.update', { fields: { chairMissionEmail: 'chair@' }, seen: {} })).toMatchObject({ field: 'fields.chairMissionEmail' })
    await p.call('preferences.update', { uiLanguage: 'fr' })
    await p.call('preferences.update', { userName: 'Aïssata Diallo' })
    await p.call('preferences.update', { theme: 'dark' })
    expect(await p.fail('preferences.update', { theme: 'purple' })).toMatchObject({ code: 'validation', field: 'theme' })
    await p.close()
    const again = await openProfile(p.dir)
    expect(await again.call('settings.get', {})).toMatchObject({ chairMissionName: 'Permanent Mission of Sweden', signatoryName: 'Ingrid Exempelsson' })
    expect(await again.call('preferences.get', {})).toEqual({ uiLanguage: 'fr', userName: 'Aïssata Diallo', theme: 'dark', importMappings: { organisations: [], contacts: [] }, keepBackups: 10 })
  })
})
