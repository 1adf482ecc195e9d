import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Input } from '../../src-main/core/api'
import { isStale } from '../../src-main/core/model/mission'
import { MISSIONS_AS_OF, REFERENCE_MISSIONS, referenceMission } from '../../src-main/core/model/missions-reference'
import { demoId, memberStateId } from '../../src-main/core/services/ids'
import { referenceMissionId } from '../../src-main/core/services/missions'
import { today } from '../../src-main/core/services/records'
import { gfc, openProfile, tempDir } from '../support/profile'

// The field missions against real profiles in temp folders, through the same dispatch as the app.

type Profile = Awaited<ReturnType<typeof openProfile>>

const mission = (over: Partial<Input<'missions.create'>> = {}): Input<'missions.create'> => ({
  acronym: 'MINUSCA',
  nameEn: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
  location: 'Central African Republic',
  kind: 'peacekeeping',
  ...over,
})

const person = (familyName: string, givenName = 'Test') => ({ honorific: 'Ms.', givenName, familyName, emails: [`${familyName.toLowerCase()}@example.org`] })

/** A date `months` months before `day`, as isStale counts them. */
function monthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString().slice(0, 10)
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/** A mission with one post, for the holder tests. */
async function withPost(p: Profile, acronym = 'MINUSCA') {
  const m = await p.call('missions.create', mission({ acronym }))
  const withPost = await p.call('posts.create', { missionId: m.id, title: 'Senior Corrections Officer', dutyStation: 'Bangui' })
  return { missionId: m.id, postId: withPost.posts[0].id }
}

describe('reference missions', () => {
  it('ships the fifteen missions of the background notes, with unique acronyms and end dates for the closed ones', () => {
    const acronyms = REFERENCE_MISSIONS.map((m) => m.acronym)
    expect(acronyms.sort()).toEqual(
      ['BINUH', 'MINUJUSTH', 'MINUSCA', 'MINUSMA', 'MINUSTAH', 'MONUSCO', 'UNAMA', 'UNAMID', 'UNIOGBIS', 'UNISFA', 'UNMIK', 'UNMIL', 'UNMISS', 'UNSMIL', 'UNSOM'].sort(),
    )
    for (const m of REFERENCE_MISSIONS) {
      expect(m.status === 'closed', m.acronym).toBe(m.end !== '')
      expect(m.nameFr, m.acronym).not.toBe(m.nameEn)
      if (m.end) expect(m.end > m.start, m.acronym).toBe(true)
    }
    expect(referenceMission('minusma')).toMatchObject({ start: '2013-04-25', end: '2023-12-31', status: 'closed', kind: 'peacekeeping', leadDepartment: 'DPO' })
    expect(referenceMission('UNSOM')).toMatchObject({ end: '2024-10-30', kind: 'political', leadDepartment: 'DPPA' })
    expect(referenceMission('MINUSCA')).toMatchObject({ status: 'open', start: '2014-04-10', locationFr: 'République centrafricaine' })
  })

  it('are added on request only, once, with ids every device derives alike', async () => {
    const p = await openProfile()
    expect(await p.call('missions.list', {})).toEqual([]) // a new profile stays empty
    expect(await p.call('missions.addReference', {})).toEqual({ added: 15 })
    expect(await p.call('missions.addReference', {})).toEqual({ added: 0 })
    const list = await p.call('missions.list', {})
    expect(list).toHaveLength(15)
    const minusca = list.find((m) => m.acronym === 'MINUSCA')!
    expect(minusca.id).toBe(referenceMissionId('MINUSCA'))
    expect(minusca).toMatchObject({ nameFr: expect.stringContaining('centrafricaine'), verifiedOn: MISSIONS_AS_OF, status: 'open' })
    expect(list.slice(0, 8).every((m) => m.status === 'open')).toBe(true) // open missions first

    // A mission the register has under its acronym (any case) is not added again.
    const q = await openProfile()
    await q.call('missions.create', mission({ acronym: 'unmiss', nameEn: 'My own UNMISS record', location: 'South Sudan' }))
    expect(await q.call('missions.addReference', {})).toEqual({ added: 14 })
    expect((await q.call('missions.list', { search: 'unmiss' })).map((m) => m.nameEn)).toEqual(['My own UNMISS record'])
  })
})

describe('missions register', () => {
  it('creates, searches (accents folded), filters, updates, deletes and restores a mission', async () => {
    const p = await openProfile()
    await p.call('missions.addReference', {})
    expect((await p.call('missions.list', { search: 'republique centrafricaine' })).map((m) => m.acronym)).toEqual(['MINUSCA'])
    expect((await p.call('missions.list', { search: 'haiti' })).map((m) => m.acronym)).toEqual(['BINUH', 'MINUJUSTH', 'MINUSTAH'])
    expect((await p.call('missions.list', { status: 'closed' })).map((m) => m.acronym)).toContain('UNMIL')
    expect((await p.call('missions.list', { status: 'open' })).map((m) => m.acronym)).not.toContain('UNMIL')

    const created = await p.call('missions.create', mission({ acronym: 'UNTMIS', nameEn: 'United Nations Transitional Assistance Mission in Somalia', location: 'Somalia', kind: 'political', start: '2024-10-31' }))
    expect(created).toMatchObject({ acronym: 'UNTMIS', status: 'open', posts: [], stale: true })
    const updated = await p.call('missions.update', { id: created.id, fields: { ...mission({ acronym: 'UNTMIS', nameEn: created.nameEn, location: 'Somalia', kind: 'political' }), leadDepartment: 'DPPA' }, seen: created.stamps })
    expect(updated.leadDepartment).toBe('DPPA')

    await p.call('missions.delete', { id: created.id })
    expect((await p.call('missions.list', { search: 'untmis' }))).toEqual([])
    expect(await p.fail('posts.create', { missionId: created.id, title: 'Corrections Officer' })).toMatchObject({ code: 'not_found' })
    await p.call('missions.restore', { id: created.id })
    expect((await p.call('missions.list', { search: 'untmis' })).map((m) => m.id)).toEqual([created.id])
  })

  it('refuses a second mission with the same acronym, and a mission that ends before it starts', async () => {
    const p = await openProfile()
    const first = await p.call('missions.create', mission())
    const dup = await p.fail('missions.create', mission({ acronym: 'minusca', nameEn: 'Another' }))
    expect(dup).toMatchObject({ code: 'validation', field: 'acronym', message: expect.stringContaining('MINUSCA is already in the register') })
    expect(dup).toMatchObject({ key: 'validation.acronymTaken', params: { acronym: 'MINUSCA' } })
    const other = await p.call('missions.create', mission({ acronym: 'MINUSMA', nameEn: 'Mali mission', location: 'Mali' }))
    expect(await p.fail('missions.update', { id: other.id, fields: mission(), seen: other.stamps })).toMatchObject({ field: 'fields.acronym' })
    expect(await p.fail('missions.create', mission({ acronym: 'X', start: '2020-01-01', end: '2019-01-01' }))).toMatchObject({ field: 'end', key: 'validation.endBeforeStart' })

    // A deleted mission whose acronym was taken meanwhile cannot come back as a duplicate.
    await p.call('missions.delete', { id: first.id })
    await p.call('missions.create', mission({ nameEn: 'The new MINUSCA record' }))
    expect(await p.fail('missions.restore', { id: first.id })).toMatchObject({ code: 'validation' })
    expect((await p.call('missions.list', {})).map((m) => m.acronym).sort()).toEqual(['MINUSCA', 'MINUSMA'])
  })
})

describe('posts and their holders', () => {
  it('keeps the history of a post, newest first, and creates a new person with the holding', async () => {
    const p = await openProfile()
    const { missionId, postId } = await withPost(p)
    await p.call('holders.create', { postId, contact: person('Earlier'), start: '2019-01-01', end: '2022-12-31', secondedBy: 'SE' })
    const d = await p.call('holders.create', { postId, contact: { ...person('Later'), language: 'fr' }, start: '2023-01-01', secondedBy: 'GH' })
    expect(d.id).toBe(missionId)
    const holders = d.posts[0].holders
    expect(holders.map((h) => [h.contact.name, h.current])).toEqual([
      ['Ms. Test Later', true],
      ['Ms. Test Earlier', false],
    ])
    expect(holders[0]).toMatchObject({ contact: { language: 'fr', emails: ['later@example.org'] }, seconding: { code: 'GH', en: 'Ghana', fr: 'Ghana', organisationId: null } })
    expect((await p.call('contacts.list', { search: 'later' })).map((c) => c.familyName)).toEqual(['Later'])
    const summary = (await p.call('missions.list', {}))[0]
    expect(summary).toMatchObject({ posts: 1, filled: 1, officers: 1 })

    // The same person can take another post: an existing contact.
    const other = await p.call('posts.create', { missionId, title: 'Corrections Officer', dutyStation: 'Bria' })
    const bria = other.posts.find((x) => x.dutyStation === 'Bria')!
    const after = await p.call('holders.create', { postId: bria.id, contactId: holders[1].contactId, start: '2023-02-01' })
    expect(after.posts.find((x) => x.id === bria.id)!.holders[0].contact.name).toBe('Ms. Test Earlier')
  })

  it('names the Group member that seconded an officer, and refuses a code that is not a UN Member State', async () => {
    const p = await openProfile()
    const sweden = await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    const { postId } = await withPost(p)
    const d = await p.call('holders.create', { postId, contact: person('Seconded'), start: '2024-01-01', secondedBy: 'SE' })
    expect(d.posts[0].holders[0].seconding).toEqual({ code: 'SE', en: 'Sweden', fr: 'Suède', organisationId: sweden.id })
    expect(await p.fail('holders.create', { postId, contact: person('Nowhere'), start: '2025-01-01', secondedBy: 'XX' })).toMatchObject({ field: 'secondedBy', key: 'validation.unknownCountry' })
    expect(await p.fail('holders.create', { postId, start: '2025-01-01' })).toMatchObject({ field: 'contactId', key: 'validation.required' })
  })

  it('refuses overlapping holders, naming the other and the dates, and changes nothing', async () => {
    const p = await openProfile()
    const { postId } = await withPost(p)
    const first = await p.call('holders.create', { postId, contact: person('Incumbent'), start: '2023-01-01' })
    const contactsBefore = (await p.call('contacts.list', {})).length
    const refused = await p.fail('holders.create', { postId, contact: person('Newcomer'), start: '2024-06-01' })
    expect(refused).toMatchObject({
      code: 'validation',
      field: 'start',
      key: 'validation.holderOverlap',
      params: { name: 'Ms. Test Incumbent', start: '2023-01-01', end: '…' },
    })
    expect(refused.message).toContain('Ms. Test Incumbent holds this post since 2023-01-01')
    expect((await p.call('contacts.list', {})).length).toBe(contactsBefore) // the new person was not created either

    // Back to back is fine; a day of overlap is not.
    const ended = await p.call('holders.update', { id: first.posts[0].holders[0].id, fields: { ...first.posts[0].holders[0], end: '2024-05-31' }, seen: first.posts[0].holders[0].stamps })
    expect(ended.posts[0].holders[0].end).toBe('2024-05-31')
    const next = await p.call('holders.create', { postId, contact: person('Newcomer'), start: '2024-06-01' })
    const [newcomer, incumbent] = next.posts[0].holders
    const overlap = await p.fail('holders.update', { id: incumbent.id, fields: { ...incumbent, end: '2024-06-01' }, seen: incumbent.stamps })
    expect(overlap).toMatchObject({ field: 'fields.start', message: expect.stringContaining('Ms. Test Newcomer holds this post since 2024-06-01') })
    expect(await p.fail('holders.create', { postId, contactId: incumbent.contactId, start: '2020-01-01', end: '2023-01-01' })).toMatchObject({
      message: expect.stringContaining('from 2023-01-01 to 2024-05-31'),
    })
    expect(newcomer.current).toBe(true)
  })

  it('with closePrevious, ends the current holder the day before the new one starts, in the same change', async () => {
    const p = await openProfile()
    const { postId } = await withPost(p)
    await p.call('holders.create', { postId, contact: person('Outgoing'), start: '2022-03-01' })
    const start = today()
    const d = await p.call('holders.create', { postId, contact: person('Incoming'), start, closePrevious: true })
    const [incoming, outgoing] = d.posts[0].holders
    expect(incoming).toMatchObject({ contact: { name: 'Ms. Test Incoming' }, current: true, end: '' })
    expect(outgoing).toMatchObject({ contact: { name: 'Ms. Test Outgoing' }, current: false, end: dayBefore(start) })

    // Ending the current holder before their own start is refused.
    const late = await p.fail('holders.create', { postId, contact: person('Early'), start: '2020-01-01', closePrevious: true })
    expect(late).toMatchObject({ field: 'start', message: expect.stringContaining(`Ms. Test Incoming started on ${start}`) })
    expect((await p.call('missions.get', { id: d.id })).posts[0].holders).toHaveLength(2)

    // Deleting a holding is a tombstone: it leaves the history.
    const gone = await p.call('holders.delete', { id: outgoing.id })
    expect(gone.posts[0].holders.map((h) => h.id)).toEqual([incoming.id])
    expect(await p.fail('holders.delete', { id: outgoing.id })).toMatchObject({ code: 'not_found' })
    expect((await p.call('holders.restore', { id: outgoing.id })).posts[0].holders.map((h) => h.id)).toEqual([incoming.id, outgoing.id])
  })

  it('restores a deleted holding unless another now overlaps it or its post is gone, and then changes nothing', async () => {
    const p = await openProfile()
    const { postId } = await withPost(p)
    const d = await p.call('holders.create', { postId, contact: person('Deleted'), start: '2023-01-01', end: '2023-12-31' })
    const deleted = d.posts[0].holders[0]
    await p.call('holders.delete', { id: deleted.id })
    await p.call('holders.create', { postId, contact: person('Since'), start: '2023-06-01' })

    expect(await p.fail('holders.restore', { id: deleted.id })).toMatchObject({
      code: 'validation',
      key: 'validation.holderOverlap',
      params: { name: 'Ms. Test Since', start: '2023-06-01', end: '…' },
    })
    expect(p.app.store.record('holders', deleted.id)?.data.deleted).toBe(true)
    expect((await p.call('missions.get', { id: d.id })).posts[0].holders.map((h) => h.contact.name)).toEqual(['Ms. Test Since'])

    await p.call('posts.delete', { id: postId })
    expect(await p.fail('holders.restore', { id: deleted.id })).toMatchObject({ code: 'not_found' })
    expect(p.app.store.record('holders', deleted.id)?.data.deleted).toBe(true)
  })

  it('updates, deletes and restores a post; a post needs a live mission', async () => {
    const p = await openProfile()
    const { missionId, postId } = await withPost(p)
    const d = await p.call('posts.update', { id: postId, fields: { missionId, title: 'Head of the Justice and Corrections Component', dutyStation: 'Bangui', head: true }, seen: (await p.call('missions.get', { id: missionId })).posts[0].stamps })
    expect(d.posts[0]).toMatchObject({ head: true, title: 'Head of the Justice and Corrections Component' })
    expect((await p.call('posts.delete', { id: postId })).posts).toEqual([])
    expect((await p.call('posts.restore', { id: postId })).posts.map((x) => x.id)).toEqual([postId])
    expect(await p.fail('posts.create', { missionId: demoId('nowhere'), title: 'X' })).toMatchObject({ code: 'not_found' })
  })
})

describe('verification and staleness', () => {
  it('flags a record not verified for more than six months (the boundary day itself is still fresh)', () => {
    expect(isStale('', '2026-11-23')).toBe(true)
    expect(isStale('2026-05-23', '2026-11-23')).toBe(false)
    expect(isStale('2026-05-22', '2026-11-23')).toBe(true)
    expect(isStale('2026-11-23', '2026-11-23')).toBe(false)
  })

  it('names each record to check in English and in French', async () => {
    const p = await openProfile()
    const m = await p.call('missions.create', mission())
    await p.call('posts.create', { missionId: m.id, title: 'Corrections Officer', titleFr: 'Spécialiste des questions pénitentiaires', dutyStation: 'Bria' })
    const [group] = await p.call('field.stale', {})
    expect(group.items.map((i) => i.label)).toEqual([
      { en: 'MINUSCA', fr: 'MINUSCA' },
      { en: 'Corrections Officer, Bria', fr: 'Spécialiste des questions pénitentiaires, Bria' },
    ])
  })

  it('counts what someone enters as checked by them today, once this device knows their name', async () => {
    const p = await openProfile()
    const unnamed = await p.call('missions.create', mission({ acronym: 'UNMISS' }))
    expect(unnamed).toMatchObject({ verifiedOn: '', verifiedBy: '', stale: true })
    await p.call('preferences.update', { userName: 'Aïssata Diallo' })
    const { missionId, postId } = await withPost(p)
    const detail = await p.call('holders.create', { postId, contact: person('Incumbent'), start: '2024-01-01' })
    expect(detail).toMatchObject({ verifiedOn: today(), verifiedBy: 'Aïssata Diallo', stale: false })
    expect(detail.posts[0]).toMatchObject({ verifiedOn: today(), verifiedBy: 'Aïssata Diallo' })
    expect(detail.posts[0].holders[0]).toMatchObject({ verifiedOn: today(), verifiedBy: 'Aïssata Diallo' })
    // A verification given with the record stays as given.
    const given = await p.call('posts.create', { missionId, title: 'Corrections Officer', verifiedOn: '2026-01-05', verifiedBy: 'Reference list' })
    expect(given.posts.find((x) => x.title === 'Corrections Officer')).toMatchObject({ verifiedOn: '2026-01-05', verifiedBy: 'Reference list' })
  })

  it('lists what needs checking per open mission, and verifying takes a record off the list', async () => {
    const p = await openProfile()
    const now = today()
    const limit = monthsBefore(now, 6)
    const checked = { verifiedOn: now, verifiedBy: 'Chair staff' }
    const m = await p.call('missions.create', mission({ ...checked }))
    const fresh = await p.call('posts.create', { missionId: m.id, title: 'Corrections Officer', dutyStation: 'Bangui', verifiedOn: limit, verifiedBy: 'A' })
    const stale = await p.call('posts.create', { missionId: m.id, title: 'Corrections Officer', dutyStation: 'Bria', verifiedOn: dayBefore(limit), verifiedBy: 'B' })
    const bangui = fresh.posts.find((x) => x.dutyStation === 'Bangui')!
    const bria = stale.posts.find((x) => x.dutyStation === 'Bria')!
    expect([bangui.stale, bria.stale]).toEqual([false, true])
    await p.call('holders.create', { postId: bangui.id, contact: person('Never'), start: '2024-01-01' }) // never verified
    await p.call('holders.create', { postId: bria.id, contact: person('Past'), start: '2020-01-01', end: '2021-01-01' }) // history: not checked
    const closed = await p.call('missions.create', mission({ acronym: 'UNMIL', nameEn: 'UN Mission in Liberia', location: 'Liberia', status: 'closed' }))
    await p.call('posts.create', { missionId: closed.id, title: 'Corrections Officer' })

    const list = await p.call('field.stale', {})
    expect(list.map((g) => g.mission.acronym)).toEqual(['MINUSCA'])
    expect(list[0].items.map((i) => [i.table, i.label.en, i.verifiedBy])).toEqual([
      ['holders', 'Ms. Test Never (Corrections Officer, Bangui)', ''],
      ['posts', 'Corrections Officer, Bria', 'B'],
    ])
    // A post with no French title keeps its English one in a French list.
    expect(list[0].items[1].label.fr).toBe('Corrections Officer, Bria')
    expect((await p.call('missions.list', {})).map((s) => [s.acronym, s.staleCount])).toEqual([
      ['MINUSCA', 2],
      ['UNMIL', 0],
    ])

    const afterCheck = await p.call('field.verify', { table: 'posts', id: bria.id, by: 'Maja Exempel' })
    expect(afterCheck.posts.find((x) => x.id === bria.id)).toMatchObject({ verifiedOn: now, verifiedBy: 'Maja Exempel', stale: false })
    const holder = list[0].items[0]
    await p.call('field.verify', { table: 'holders', id: holder.id, by: 'Maja Exempel' })
    expect(await p.call('field.stale', {})).toEqual([])
    expect(await p.call('field.stale', { missionId: m.id })).toEqual([])
    expect(await p.fail('field.verify', { table: 'missions', id: m.id, by: '' })).toMatchObject({ field: 'by', key: 'validation.required' })
  })
})

describe('views across missions', () => {
  it('counts officers per seconding state today and at the end of each year', async () => {
    const p = await openProfile()
    await p.call('organisations.create', { kind: 'state', countryCode: 'GH' })
    const { missionId, postId } = await withPost(p)
    const second = (await p.call('posts.create', { missionId, title: 'Corrections Officer', dutyStation: 'Bria' })).posts.find((x) => x.dutyStation === 'Bria')!.id
    const third = (await p.call('posts.create', { missionId, title: 'Corrections Officer', dutyStation: 'Bangui' })).posts.find((x) => x.title === 'Corrections Officer' && x.dutyStation === 'Bangui')!.id
    await p.call('holders.create', { postId, contact: person('Svensson'), start: '2020-03-01', end: '2022-06-30', secondedBy: 'SE' })
    await p.call('holders.create', { postId, contact: person('Andersson'), start: '2023-01-01', secondedBy: 'SE' })
    await p.call('holders.create', { postId: second, contact: person('Mensah'), start: '2021-01-01', secondedBy: 'GH' })
    await p.call('holders.create', { postId: third, contact: person('Staff'), start: '2021-01-01' }) // UN staff: not counted

    const rows = await p.call('field.secondments', {})
    const year = Number(today().slice(0, 4))
    const years = (from: number, value: (y: number) => number) => Object.fromEntries(Array.from({ length: year - from + 1 }, (_, i) => [String(from + i), value(from + i)]))
    expect(rows.map((r) => r.seconding.code)).toEqual(['GH', 'SE']) // equal today: by name
    expect(rows[0]).toMatchObject({ current: 1, seconding: { organisationId: expect.any(String) }, byYear: years(2020, (y) => (y >= 2021 ? 1 : 0)) })
    expect(rows[1]).toMatchObject({ current: 1, seconding: { organisationId: null }, byYear: years(2020, (y) => (y === 2022 ? 0 : 1)) })
  })

  it('searches the field contacts by name, e-mail, post, duty station, mission and seconding state, current only by default', async () => {
    const p = await openProfile()
    const { postId } = await withPost(p)
    await p.call('holders.create', { postId, contact: { ...person('Ndiaye-Exemple', 'Moussa'), emails: ['moussa@example.org'] }, start: '2019-01-01', end: '2020-12-31', secondedBy: 'SN' })
    await p.call('holders.create', { postId, contact: person('Exemplaire', 'Geneviève'), start: '2021-01-01', secondedBy: 'CA' })
    const names = async (search: string, currentOnly = true) => (await p.call('field.contacts', { search, currentOnly })).map((r) => r.holder.contact.name)
    expect(await names('genevieve')).toEqual(['Ms. Geneviève Exemplaire'])
    expect(await names('canada')).toEqual(['Ms. Geneviève Exemplaire'])
    expect(await names('minusca bangui senior')).toEqual(['Ms. Geneviève Exemplaire'])
    expect(await names('moussa')).toEqual([])
    expect(await names('sénégal', false)).toEqual(['Ms. Moussa Ndiaye-Exemple'])
    expect(await names('moussa@example', false)).toEqual(['Ms. Moussa Ndiaye-Exemple'])
    const all = await p.call('field.contacts', { currentOnly: false })
    expect(all).toHaveLength(2)
    expect(all[0]).toMatchObject({ mission: { acronym: 'MINUSCA' }, post: { title: 'Senior Corrections Officer', dutyStation: 'Bangui' } })
  })
})

describe('demo and transfer', () => {
  it('loads the demo field data (validated) and carries missions, posts and holders through a JSON export and import', async () => {
    const dir = tempDir()
    expect(gfc(['--data', dir, 'demo']).code).toBe(0)
    const list = gfc(['--data', dir, 'missions', 'list'])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/^MINUSCA\t.*\topen\tposts 4\tofficers 4\tto verify \d+$/m)
    const stale = gfc(['--data', dir, 'missions', 'stale'])
    expect(stale.stdout).toContain('never verified')
    expect(stale.stdout).toMatch(/^UNMISS \(\d+ to verify\)$/m)

    const out = tempDir('gfc-out-')
    const file = join(out, 'export.json')
    expect(gfc(['--data', dir, 'export', 'json', '--out', file]).code).toBe(0)
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    expect(doc.missions).toHaveLength(15)
    expect(doc.missions.map((m: { id: string }) => m.id)).toContain(demoId('mission:MINUSCA'))
    expect(doc.posts.length).toBeGreaterThanOrEqual(10)
    expect(doc.holders.some((h: { secondedBy: string }) => h.secondedBy === '')).toBe(true)

    const other = tempDir()
    expect(gfc(['--data', other, 'import', 'json', file]).stdout).toMatch(/created/)
    const again = join(out, 'again.json')
    gfc(['--data', other, 'export', 'json', '--out', again])
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'))

    const p = await openProfile(other)
    const rows = await p.call('field.secondments', {})
    expect(rows[0].current).toBeGreaterThanOrEqual(rows[rows.length - 1].current)
    expect(rows.find((r) => r.seconding.code === 'KE')).toMatchObject({ seconding: { organisationId: null } }) // not a member of the demo Group
    expect(rows.find((r) => r.seconding.code === 'SE')!.seconding.organisationId).toBe(memberStateId('SE'))
    expect(await p.call('missions.addReference', {})).toEqual({ added: 0 })
  })
})
