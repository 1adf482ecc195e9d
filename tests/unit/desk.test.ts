import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contactMatches, contactSearchText, NO_CONTACT_FILTER } from '../../src-main/core/model/contact-list'
import { searchWords } from '../../src-main/core/model/search'
import { dashboard, quarterOf } from '../../src-main/core/services/dashboard'
import { listLogs } from '../../src-main/core/store/change-log'
import { gfc, openProfile, tempDir } from '../support/profile'

// The everyday desk's core: the search across everything (the palette), the home dashboard,
// answers for many invitees at once, people added to delegations, and the contacts list's
// one rule for search and filters. Against real profiles with the demo data.

async function demo() {
  const dir = tempDir()
  gfc(['--data', dir, 'demo'])
  return openProfile(dir)
}

/** Changes written so far: one line of a device's log per change (a transaction). */
const changes = (dir: string) => listLogs(dir).reduce((n, p) => n + readFileSync(p, 'utf8').split('\n').filter(Boolean).length, 0)

describe('desk.find: any record by name, accents ignored, best first', () => {
  it('finds members, contacts, meetings, activities, missions, posts and holders', async () => {
    const p = await demo()
    const kinds = async (query: string) => (await p.call('desk.find', { query })).map((r) => r.kind)
    // "suede" is Suède, Sweden's French name; "echantillon" is Ms. Échantillon.
    expect((await p.call('desk.find', { query: 'suede' }))[0]).toMatchObject({ kind: 'member', name: { en: 'Sweden', fr: 'Suède' } })
    expect((await p.call('desk.find', { query: 'echantillon' }))[0]).toMatchObject({ kind: 'contact', name: { en: 'H.E. Ms. Aminata Échantillon' } })
    expect(await kinds('annual meeting')).toContain('meeting')
    expect(await kinds('minusca')).toEqual(expect.arrayContaining(['mission', 'post']))
    const holders = await p.call('desk.find', { query: 'corrections officer' })
    expect(holders.some((h) => h.kind === 'post')).toBe(true)
    const plan = await p.call('activities.list', {})
    const first = await p.call('desk.find', { query: plan[0].title })
    expect(first[0]).toMatchObject({ kind: 'activity', id: plan[0].id, openId: plan[0].id })
  })

  it('opens a post or a holder on its mission, and finds a holder by post and mission', async () => {
    const p = await demo()
    const missions = await p.call('missions.list', {})
    const withHolder = (await Promise.all(missions.map((m) => p.call('missions.get', { id: m.id })))).find((m) => m.posts.some((x) => x.holders.some((h) => h.current)))!
    const post = withHolder.posts.find((x) => x.holders.some((h) => h.current))!
    const holder = post.holders.find((h) => h.current)!
    const hits = await p.call('desk.find', { query: `${holder.contact.name} ${withHolder.acronym}` })
    const hit = hits.find((h) => h.kind === 'holder' && h.id === holder.id)
    expect(hit).toMatchObject({ openId: withHolder.id })
    expect(hit!.note.en).toContain(withHolder.acronym)
    expect((await p.call('desk.find', { query: post.title })).find((h) => h.kind === 'post' && h.id === post.id)?.openId).toBe(withHolder.id)
  })

  it('puts names that start with the words first, leaves deleted records out, and stops at the limit', async () => {
    const p = await demo()
    const hits = await p.call('desk.find', { query: 'muster' })
    expect(hits.map((h) => h.name.en).slice(0, 2).every((n) => /Muster/.test(n))).toBe(true)
    const sweden = (await p.call('desk.find', { query: 'sweden' }))[0]
    await p.call('organisations.delete', { id: sweden.id })
    expect((await p.call('desk.find', { query: 'sweden' })).some((h) => h.id === sweden.id)).toBe(false)
    expect(await p.call('desk.find', { query: 'e', limit: 5 })).toHaveLength(5)
    expect(await p.call('desk.find', { query: '   ' })).toEqual([])
  })
})

describe('desk.dashboard: the day at a glance', () => {
  it('quarters run January–March, April–June, …', () => {
    expect(quarterOf('2027-01-01')).toEqual({ from: '2027-01', to: '2027-03' })
    expect(quarterOf('2027-06-30')).toEqual({ from: '2027-04', to: '2027-06' })
    expect(quarterOf('2027-11-15')).toEqual({ from: '2027-10', to: '2027-12' })
  })

  it('shows the next meeting with its answers, the Chairs, what to verify, and members without an addressee', async () => {
    const p = await demo()
    const d = await p.call('desk.dashboard', {})
    const meetings = await p.call('meetings.list', {})
    const annual = meetings.find((m) => m.title === 'Annual meeting 2027')!
    expect(d.nextMeeting?.id).toBe(annual.id)
    expect(d.nextMeeting?.counts).toEqual(annual.counts)
    const register = await p.call('chairs.register', {})
    expect(d.currentChair?.id).toBe(register.current?.id)
    expect(d.incomingChair?.id).toBe(register.incoming?.id)
    const stale = await p.call('field.stale', {})
    expect(d.toVerify).toEqual(stale.map((s) => ({ mission: s.mission, count: s.items.length })))

    // Jordan's only contact is a counsellor: its invitation would go to the mission.
    const jordan = d.withoutAddressee.find((m) => m.en === 'Jordan')!
    expect(jordan).toBeDefined()
    await p.call('contacts.create', {
      contact: { familyName: 'Mithal', emails: [], phones: [] },
      affiliation: { organisationId: jordan.id, role: 'focal-point' },
    })
    expect((await p.call('desk.dashboard', {})).withoutAddressee.some((m) => m.id === jordan.id)).toBe(false)
  })

  it('lists activities planned or under way that end this quarter', async () => {
    const p = await demo()
    const plan = await p.call('activities.list', {})
    const target = plan.find((a) => a.status === 'planned' || a.status === 'under-way')!
    const d = dashboard(p.app.store, `${target.end}-15`)
    expect(d.quarter.from <= target.end && target.end <= d.quarter.to).toBe(true)
    expect(d.dueThisQuarter.map((a) => a.id)).toContain(target.id)
    expect(d.dueThisQuarter.every((a) => (a.status === 'planned' || a.status === 'under-way') && a.end >= d.quarter.from && a.end <= d.quarter.to)).toBe(true)
  })

  it('names what changed last first; a change to an answer counts for its meeting', async () => {
    const p = await demo()
    const contact = (await p.call('contacts.list', { search: 'voorbeeld' }))[0]
    await p.call('contacts.update', { id: contact.id, fields: { ...contact, notes: 'Called today.' }, seen: contact.stamps })
    let recent = (await p.call('desk.dashboard', {})).recent
    expect(recent[0]).toMatchObject({ kind: 'contact', id: contact.id, name: { en: 'Ms. Femke Voorbeeld' }, deleted: false })
    const meeting = await p.call('meetings.get', { id: (await p.call('meetings.list', {}))[0].id })
    await p.call('invitees.update', { id: meeting.invitees[0].id, changes: { response: 'declined' }, seen: meeting.invitees[0].stamps })
    recent = (await p.call('desk.dashboard', {})).recent
    expect(recent[0]).toMatchObject({ kind: 'meeting', id: meeting.id })
    expect(recent.filter((r) => r.id === meeting.id)).toHaveLength(1)
    expect(recent.length).toBeLessThanOrEqual(8)
  })
})

describe('invitees.updateMany: one answer for many invitees, in one change', () => {
  it('sets the response of several invitees at once, and nothing else', async () => {
    const p = await demo()
    const m = await p.call('meetings.get', { id: (await p.call('meetings.list', {}))[0].id })
    const three = m.invitees.slice(0, 3)
    const before = changes(p.dir)
    const seen = Object.fromEntries(three.map((i) => [i.id, i.stamps]))
    const after = await p.call('invitees.updateMany', { ids: three.map((i) => i.id), changes: { response: 'accepted' }, seen })
    expect(changes(p.dir)).toBe(before + 1)
    for (const i of three) expect(after.invitees.find((x) => x.id === i.id)).toMatchObject({ response: 'accepted', attendees: i.attendees, attended: i.attended })
    const others = after.invitees.filter((x) => !three.some((i) => i.id === x.id))
    expect(others.map((i) => i.response)).toEqual(m.invitees.filter((x) => !three.some((i) => i.id === x.id)).map((i) => i.response))
    // An answer changed meanwhile (another window, a sync) refuses the whole, with who and when.
    const stale = await p.fail('invitees.updateMany', { ids: three.map((i) => i.id), changes: { response: 'declined' }, seen })
    expect(stale).toMatchObject({ code: 'stale' })
    expect(changes(p.dir)).toBe(before + 1)
  })

  it('refuses invitees of two meetings, an unknown one, or an addressee for all, and changes nothing', async () => {
    const p = await demo()
    const [a, b] = await p.call('meetings.list', {})
    const ma = await p.call('meetings.get', { id: a.id })
    const mb = await p.call('meetings.get', { id: b.id })
    const before = changes(p.dir)
    expect(await p.fail('invitees.updateMany', { ids: [ma.invitees[0].id, mb.invitees[0].id], changes: { response: 'declined' }, seen: {} })).toMatchObject({ code: 'validation', field: 'ids' })
    expect(await p.fail('invitees.updateMany', { ids: [ma.invitees[0].id, '00000000-0000-4000-8000-000000000000'], changes: { response: 'declined' }, seen: {} })).toMatchObject({ code: 'not_found' })
    expect(await p.fail('invitees.updateMany', { ids: [], changes: { response: 'declined' }, seen: {} })).toMatchObject({ code: 'validation', field: 'ids' })
    expect(changes(p.dir)).toBe(before)
  })
})

describe('invitees.addToDelegations: people from the contacts list into their member’s delegation', () => {
  it('names each person in "who will attend" of their member, invites a member not invited, and reports the rest', async () => {
    const p = await demo()
    const m = await p.call('meetings.get', { id: (await p.call('meetings.list', {}))[0].id })
    const sweden = m.invitees.find((i) => i.organisation.en === 'Sweden')!
    await p.call('invitees.update', { id: sweden.id, changes: { attendees: '' }, seen: sweden.stamps })
    await p.call('invitees.remove', { id: sweden.id })
    const [ingrid] = await p.call('contacts.list', { search: 'exempelsson' })
    const [olof] = await p.call('contacts.list', { search: 'provsson' })
    const loner = await p.call('contacts.create', { contact: { familyName: 'Alone', emails: [], phones: [] } })
    const before = changes(p.dir)
    const r = await p.call('invitees.addToDelegations', { meetingId: m.id, contactIds: [ingrid.id, olof.id, loner.id] })
    expect(changes(p.dir)).toBe(before + 1)
    expect(r).toMatchObject({ added: 2, invited: 1, already: 0, noMember: [{ id: loner.id, name: 'Alone' }] })
    const back = r.meeting.invitees.find((i) => i.organisation.en === 'Sweden')!
    expect(back.id).toBe(sweden.id) // the removed invitee comes back with its record
    expect(back.attendees).toBe('H.E. Ms. Ingrid Exempelsson, Mr. Olof Provsson')
    const again = await p.call('invitees.addToDelegations', { meetingId: m.id, contactIds: [olof.id] })
    expect(again).toMatchObject({ added: 0, already: 1, invited: 0 })
  })
})

describe('contacts: every contact when no limit is asked, and one rule for search and filters', () => {
  it('lists more than two hundred contacts', async () => {
    const p = await openProfile()
    const org = await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    for (let i = 0; i < 230; i++) await p.call('contacts.create', { contact: { familyName: `Person ${i}`, emails: [], phones: [] }, affiliation: { organisationId: org.id } })
    expect(await p.call('contacts.list', {})).toHaveLength(230)
    expect(await p.call('contacts.list', { limit: 10 })).toHaveLength(10)
  })

  it('filters by member, role, language and current or past links, and by every word typed', async () => {
    const p = await demo()
    const all = await p.call('contacts.list', {})
    const orgs = await p.call('organisations.list', {})
    const names = new Map(orgs.map((o) => [o.id, [o.displayName, o.displayNameFr]]))
    const text = (c: (typeof all)[number]) => contactSearchText(c, c.affiliations.map((a) => ({ position: a.position, memberNames: names.get(a.organisationId) ?? [] })))
    const pick = (f: Partial<typeof NO_CONTACT_FILTER>) => all.filter((c) => contactMatches(c, text(c), { ...NO_CONTACT_FILTER, ...f })).map((c) => c.familyName)
    const sweden = orgs.find((o) => o.displayName === 'Sweden')!
    expect(pick({ organisationId: sweden.id }).sort()).toEqual(['Exempelsson', 'Provsson'])
    expect(pick({ organisationId: sweden.id, role: 'focal-point' })).toEqual(['Provsson'])
    const french = pick({ language: 'fr' })
    expect(french).toEqual(expect.arrayContaining(['Exemple', 'Muster', 'Échantillon']))
    expect(french).toHaveLength(all.filter((c) => c.language === 'fr').length)
    // The core's own search finds the same people as the window's.
    for (const q of ['suede', 'counsellor', 'exempelsson ingrid', 'المثال']) {
      expect(pick({ words: searchWords(q) }).sort()).toEqual((await p.call('contacts.list', { search: q })).map((c) => c.familyName).sort())
    }
    // Olof leaves Sweden: he is a past contact of Sweden, no longer a current one.
    const olof = all.find((c) => c.familyName === 'Provsson')!
    const link = olof.affiliations[0]
    await p.call('affiliations.update', { id: link.id, fields: { ...link, end: '2020-01-01', start: '2019-01-01' }, seen: link.stamps })
    const after = await p.call('contacts.list', {})
    const pickAfter = (f: Partial<typeof NO_CONTACT_FILTER>) => after.filter((c) => contactMatches(c, text(c), { ...NO_CONTACT_FILTER, ...f })).map((c) => c.familyName)
    expect(pickAfter({ organisationId: sweden.id, period: 'past' })).toEqual(['Provsson'])
    expect(pickAfter({ organisationId: sweden.id, period: 'current' })).toEqual(['Exempelsson'])
  })
})
