import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ActivityFields, type ActivityFieldsInput, type ActivityView } from '../../src-main/core/model/workplan'
import { ChairTermFields } from '../../src-main/core/model/chair'
import { gfc, openProfile, tempDir } from '../support/profile'

// The work plan's core: activities and their progress notes against a real profile (the demo),
// through the same dispatch as the app.

async function demoProfile() {
  const dir = tempDir()
  expect(gfc(['--data', dir, 'demo']).code).toBe(0)
  const p = await openProfile(dir)
  const members = await p.call('organisations.list', {})
  const id = (name: string) => members.find((m) => m.displayName === name)!.id
  return { ...p, id }
}

const base = (over: Partial<ActivityFieldsInput> = {}): ActivityFieldsInput => ({
  title: 'Training of trainers',
  function: 'field-needs',
  start: '2027-03',
  end: '2027-12',
  ...over,
})

describe('activities', () => {
  it('are created, read with their members resolved, updated, deleted and restored', async () => {
    const p = await demoProfile()
    const created = await p.call('activities.create', base({ leadIds: [p.id('Ghana')], supportIds: [p.id('Sweden'), p.id('International Committee of the Red Cross')], status: 'under-way' }))
    expect(created).toMatchObject({ title: 'Training of trainers', status: 'under-way', deleted: false, meeting: null, notes: [] })
    expect(created.leads).toEqual([{ id: p.id('Ghana'), kind: 'state', en: 'Ghana', fr: 'Ghana' }])
    expect(created.supporters.map((s) => [s.en, s.fr, s.kind])).toEqual([
      ['Sweden', 'Suède', 'state'],
      ['International Committee of the Red Cross', 'Comité international de la Croix-Rouge', 'sme'],
    ])

    const meetingId = (await p.call('meetings.list', {})).find((m) => m.title === 'Annual meeting 2027')!.id
    const updated = await p.call('activities.update', { id: created.id, fields: base({ title: 'Training of trainers (revised)', leadIds: [p.id('Ghana')], meetingId }), seen: created.stamps })
    expect(updated).toMatchObject({ title: 'Training of trainers (revised)', supporters: [], meeting: { id: meetingId, title: 'Annual meeting 2027', start: '2027-03-15T10:00' } })
    expect((await p.call('activities.get', { id: created.id })).title).toBe('Training of trainers (revised)')

    expect((await p.call('activities.delete', { id: created.id })).deleted).toBe(true)
    expect((await p.call('activities.list', {})).some((a) => a.id === created.id)).toBe(false)
    expect((await p.call('activities.get', { id: created.id })).deleted).toBe(true)
    expect(await p.fail('activities.update', { id: created.id, fields: base(), seen: {} })).toMatchObject({ code: 'not_found' })
    expect((await p.call('activities.restore', { id: created.id })).deleted).toBe(false)
    expect((await p.call('activities.list', {})).some((a) => a.id === created.id)).toBe(true)
  })

  it('refuses links to records that do not exist or were deleted, and a member both lead and supporter, and writes nothing', async () => {
    const p = await demoProfile()
    const before = (await p.call('activities.list', {})).length
    const nobody = '00000000-0000-4000-8000-00000000abcd'
    expect(await p.fail('activities.create', base({ leadIds: [nobody] }))).toMatchObject({ code: 'validation', field: 'leadIds', key: 'validation.notLive' })
    expect(await p.fail('activities.create', base({ supportIds: [nobody] }))).toMatchObject({ field: 'supportIds', key: 'validation.notLive' })
    expect(await p.fail('activities.create', base({ missionIds: [nobody] }))).toMatchObject({ field: 'missionIds', key: 'validation.notLive' })
    expect(await p.fail('activities.create', base({ meetingId: nobody }))).toMatchObject({ field: 'meetingId', key: 'validation.notLive' })
    const both = await p.fail('activities.create', base({ leadIds: [p.id('Sweden')], supportIds: [p.id('Norway'), p.id('Sweden')] }))
    expect(both).toMatchObject({ field: 'supportIds', key: 'validation.leadAndSupport' })
    expect(both.message).toContain('Sweden is already a lead')

    await p.call('organisations.delete', { id: p.id('Japan') })
    expect(await p.fail('activities.create', base({ leadIds: [p.id('Japan')] }))).toMatchObject({ field: 'leadIds', key: 'validation.notLive' })
    expect(await p.fail('activities.create', base({ end: '2027-01' }))).toMatchObject({ field: 'end', key: 'validation.endBeforeStart' })
    expect(await p.fail('activities.create', base({ start: '2027-13' }))).toMatchObject({ field: 'start', key: 'validation.month' })
    expect(await p.fail('activities.create', base({ title: ' ' }))).toMatchObject({ field: 'title', key: 'validation.required' })
    expect(await p.fail('activities.create', { ...base(), function: 'catering' })).toMatchObject({ field: 'function' })
    expect((await p.call('activities.list', {})).length).toBe(before)
  })

  it('keeps a link to a member deleted since (hidden until it is restored), so editing the title still works', async () => {
    const p = await demoProfile()
    const a = await p.call('activities.create', base({ leadIds: [p.id('Serbia'), p.id('Ghana')] }))
    await p.call('organisations.delete', { id: p.id('Serbia') })
    const edited = await p.call('activities.update', { id: a.id, fields: base({ title: 'Renamed', leadIds: a.leadIds }), seen: a.stamps })
    expect(edited.leadIds).toEqual([p.id('Serbia'), p.id('Ghana')])
    expect(edited.leads.map((l) => l.en)).toEqual(['Ghana'])
    await p.call('organisations.restore', { id: p.id('Serbia') })
    expect((await p.call('activities.get', { id: a.id })).leads.map((l) => l.en)).toEqual(['Serbia', 'Ghana'])
  })

  it('lists in the order of the plan and filters by search (accents folded), period, function, status and lead', async () => {
    const p = await demoProfile()
    const all = await p.call('activities.list', {})
    expect(all.length).toBe(12)
    const order = ['legislative-support', 'field-needs', 'technical-expertise', 'policy-guidance', 'global-focal-point', 'conferences']
    const sorted = [...all].sort((a, b) => order.indexOf(a.function) - order.indexOf(b.function) || a.start.localeCompare(b.start) || a.title.localeCompare(b.title))
    expect(all.map((a) => a.id)).toEqual(sorted.map((a) => a.id))
    expect(new Set(all.map((a) => a.function)).size).toBe(6)

    const accented = await p.call('activities.create', base({ title: 'Évaluation des établissements pénitentiaires', description: 'Sécurité', leadIds: [p.id('Senegal')] }))
    expect((await p.call('activities.list', { search: 'evaluation securite' })).map((a) => a.id)).toEqual([accented.id])
    expect((await p.call('activities.list', { search: 'SÉNÉGAL' })).map((a) => a.id)).toContain(accented.id) // the lead's French name
    expect((await p.call('activities.list', { search: 'bangkok rules' })).map((a) => a.title)).toEqual(['Guidance on women in detention'])

    // Periods overlap when they share a month; either end of the filter may be open.
    const window = (from: string, to: string) => p.call('activities.list', { from, to }).then((l) => l.map((a) => `${a.start}/${a.end}`))
    const overlapping = (from: string, to: string) => [...all, accented].filter((a) => (!from || a.end >= from) && (!to || a.start <= to)).map((a) => `${a.start}/${a.end}`).sort()
    for (const [from, to] of [['2027-01', '2027-12'], ['2026-02', '2026-02'], ['2028-03', ''], ['', '2025-10'], ['2030-01', '2030-12']]) {
      expect((await window(from, to)).sort(), `${from}–${to}`).toEqual(overlapping(from, to))
    }
    expect(await window('2027-12', '2027-12')).toContain('2027-03/2027-12') // the last month counts
    expect(await window('2028-01', '')).not.toContain('2027-03/2027-12')
    expect(await p.fail('activities.list', { from: '2027-06', to: '2027-01' })).toMatchObject({ field: 'to', key: 'validation.endBeforeStart' })
    expect(await p.fail('activities.list', { from: '2027-6' })).toMatchObject({ field: 'from', key: 'validation.month' })

    expect((await p.call('activities.list', { function: 'conferences' })).map((a) => a.title)).toEqual([
      'Conference on corrections in peace operations, 2027',
      'Regional workshop on corrections in Africa',
    ])
    expect((await p.call('activities.list', { status: 'deferred' })).map((a) => a.title)).toEqual(['Mapping of joint rule-of-law programmes'])
    const ghana = await p.call('activities.list', { leadId: p.id('Ghana') })
    expect(ghana.map((a) => a.title).sort()).toEqual(['Conference on corrections in peace operations, 2027', 'Roster of government-provided corrections officers'])
    expect((await p.call('activities.list', { leadId: p.id('Ghana'), status: 'planned' })).length).toBe(1)
  })
})

describe('the forms\' rules on dates', () => {
  it('say an end comes before its start as soon as both are filled, while other fields are still empty', () => {
    const issues = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(issues(ActivityFields.safeParse({ title: '', start: '2027-05', end: '2027-01' }))).toContain('end: validation.endBeforeStart')
    expect(issues(ActivityFields.safeParse({ title: '', start: 'May', end: '2027-01' }))).toEqual(expect.not.arrayContaining(['end: validation.endBeforeStart']))
    expect(issues(ChairTermFields.safeParse({ start: '2027-09-01', end: '2027-01-01', selectedOn: '2027-03-01', selectedBy: [] }))).toEqual(
      expect.arrayContaining(['organisationId: validation.id', 'end: validation.endBeforeStart', 'selectedBy: validation.quorum']),
    )
    expect(issues(ActivityFields.safeParse(undefined))).toHaveLength(1)
  })
})

describe('progress notes', () => {
  it('are dated, listed newest first, edited, deleted (tombstones) and restored; they follow their activity', async () => {
    const p = await demoProfile()
    const a = await p.call('activities.create', base())
    await p.call('progressNotes.create', { activityId: a.id, date: '2027-04-02', text: 'Course designed.' })
    await p.call('progressNotes.create', { activityId: a.id, date: '2027-06-20', text: 'First course held.' })
    let v = await p.call('progressNotes.create', { activityId: a.id, date: '2027-05-01', text: 'Trainers selected.' })
    expect(v.notes.map((n) => n.date)).toEqual(['2027-06-20', '2027-05-01', '2027-04-02'])

    const first = v.notes[2]
    // Only the date and text change: a note stays on its activity.
    const other = (await p.call('activities.list', {}))[0]
    v = await p.call('progressNotes.update', { id: first.id, fields: { activityId: other.id, date: '2027-04-03', text: 'Course designed with ZIF.' }, seen: first.stamps })
    expect(v.notes.find((n) => n.id === first.id)).toMatchObject({ activityId: a.id, date: '2027-04-03', text: 'Course designed with ZIF.' })

    v = await p.call('progressNotes.delete', { id: first.id })
    expect(v.notes.map((n) => n.text)).toEqual(['First course held.', 'Trainers selected.'])
    expect(p.app.store.record('progressNotes', first.id)?.data.deleted).toBe(true)
    expect(await p.fail('progressNotes.update', { id: first.id, fields: { activityId: a.id, date: '2027-04-03', text: 'x' }, seen: {} })).toMatchObject({ code: 'not_found' })

    // Undo brings back the same note; restoring it again changes nothing.
    v = await p.call('progressNotes.restore', { id: first.id })
    expect(v.notes.find((n) => n.date === '2027-04-03')).toMatchObject({ id: first.id, text: 'Course designed with ZIF.' })
    expect((await p.call('progressNotes.restore', { id: first.id })).notes.length).toBe(3)
    await p.call('progressNotes.delete', { id: first.id })

    expect(await p.fail('progressNotes.create', { activityId: a.id, date: '2027-02-30', text: 'x' })).toMatchObject({ field: 'date', key: 'validation.date' })
    expect(await p.fail('progressNotes.create', { activityId: a.id, date: '2027-02-10', text: '' })).toMatchObject({ field: 'text', key: 'validation.required' })
    await p.call('activities.delete', { id: a.id })
    expect(await p.fail('progressNotes.create', { activityId: a.id, date: '2027-07-01', text: 'Late.' })).toMatchObject({ code: 'not_found' })
    expect(await p.fail('progressNotes.restore', { id: first.id })).toMatchObject({ code: 'not_found' })
    expect(p.app.store.record('progressNotes', first.id)?.data.deleted).toBe(true)
    await p.call('activities.restore', { id: a.id })
    expect((await p.call('activities.get', { id: a.id })).notes.length).toBe(2)
  })
})

describe('export and import', () => {
  it('carry activities, progress notes and Chair terms through gfc export/import json, unchanged', async () => {
    const dir = tempDir()
    const other = tempDir()
    const out = join(tempDir('gfc-out-'), 'group.json')
    expect(gfc(['--data', dir, 'demo']).code).toBe(0)
    expect(gfc(['--data', dir, 'export', 'json', '--out', out]).code).toBe(0)
    const doc = JSON.parse(readFileSync(out, 'utf8'))
    expect([doc.activities.length, doc.progressNotes.length, doc.chairs.length]).toEqual([12, 10, 4])
    const imported = gfc(['--data', other, 'import', 'json', out])
    expect(imported.code, imported.stderr).toBe(0)
    expect(gfc(['--data', other, 'export', 'json']).stdout).toBe(readFileSync(out, 'utf8'))

    const a = await openProfile(dir)
    const b = await openProfile(other)
    // The same views, but for the time of the last change (the import is a change of its own).
    const undated = (l: ActivityView[]) => l.map(({ updatedAt: _u, stamps: _s, notes, ...x }) => ({ ...x, notes: notes.map(({ updatedAt: _n, stamps: _ns, ...n }) => n) }))
    expect(undated(await b.call('activities.list', {}))).toEqual(undated(await a.call('activities.list', {})))
    expect((await b.call('chairs.register', {})).terms.map((t) => [t.organisation.en, t.start, t.status])).toEqual((await a.call('chairs.register', {})).terms.map((t) => [t.organisation.en, t.start, t.status]))
  })

  it('refuses a file whose activity points at a member it does not have, and imports nothing', async () => {
    const dir = tempDir()
    const out = join(tempDir('gfc-out-'), 'group.json')
    gfc(['--data', dir, 'demo'])
    gfc(['--data', dir, 'export', 'json', '--out', out])
    const doc = JSON.parse(readFileSync(out, 'utf8'))
    doc.organisations = doc.organisations.filter((o: { countryCode?: string }) => o.countryCode !== 'SE')
    const bad = join(tempDir('gfc-out-'), 'bad.json')
    writeFileSync(bad, JSON.stringify(doc))
    const other = tempDir()
    const r = gfc(['--data', other, 'import', 'json', bad])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/activities [0-9a-f-]+: leadIds [0-9a-f-]+ is neither in the file nor in this profile/)
    expect(JSON.parse(gfc(['--data', other, 'export', 'json']).stdout).activities).toEqual([])
  })
})
