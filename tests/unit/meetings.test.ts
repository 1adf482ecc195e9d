import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import type { Shell } from '../../src-main/core/shell'
import { readDocx } from '../support/docs'
import { ROOT, gfc, tempDir } from '../support/profile'
import type { Input, Method, Results } from '../../src-main/core/api'

/** A profile whose "save" dialogs answer with paths in a temp folder. */
async function profile(withDemo = true) {
  const dir = tempDir()
  const out = tempDir('gfc-out-')
  if (withDemo) gfc(['--data', dir, 'demo'])
  const shell: Shell = { chooseFolder: async (_t, name) => join(out, name), chooseSaveFile: async (_t, name) => join(out, name) }
  const app = await App.open(dir, shell)
  async function call<M extends Method>(method: M, input: Input<M>): Promise<Results[M]> {
    const r = await dispatch(app, method, input)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { data: r.error })
    return r.result as Results[M]
  }
  async function fail(method: string, input: unknown) {
    const r = await dispatch(app, method, input)
    if (r.ok) throw new Error(`${method} should have failed`)
    return r.error
  }
  return { app, dir, out, call, fail, close: () => app.close() }
}

const meeting = {
  kind: 'regular' as const,
  title: 'Regular meeting',
  start: '2027-06-10T15:00',
  end: '2027-06-10T17:00',
  timeZone: 'Europe/Zurich',
  city: 'Geneva',
  agenda: [{ title: 'Field needs', presenter: 'Chair', minutes: 30 }],
}

describe('meetings', () => {
  it('invites every active member but the Chair, addressed to its Permanent Representative, else its focal point', async () => {
    const p = await profile()
    const members = await p.call('organisations.list', {})
    // Convened by Norway: every active member but Norway.
    const norway = members.find((o) => o.displayName === 'Norway')!
    const m = await p.call('meetings.create', { ...meeting, chairOrganisationId: norway.id })
    const active = members.filter((o) => o.status === 'active' && o.id !== norway.id)
    expect(m.invitees.map((i) => i.organisationId).sort()).toEqual(active.map((o) => o.id).sort())
    expect(m.invitees.some((i) => i.organisation.en === 'Uruguay')).toBe(false) // a former member
    const sweden = m.invitees.find((i) => i.organisation.en === 'Sweden')!
    expect(sweden.addressee?.name).toBe('H.E. Ms. Ingrid Exempelsson') // PR before the focal point
    expect(sweden.candidates.map((c) => c.role)).toEqual(['permanent-representative', 'focal-point'])
    expect(m.invitees.find((i) => i.organisation.en === 'Ghana')!.addressee?.role).toBe('focal-point')
    expect(m.invitees.find((i) => i.organisation.en === 'Senegal')!.language).toBe('fr')
    await p.close()
  })

  it('refuses an end before the start, an unknown time zone, no venue nor link, and a Chair that is not a Member State', async () => {
    const p = await profile()
    expect(await p.fail('meetings.create', { ...meeting, end: '2027-06-10T14:00' })).toMatchObject({ field: 'end', key: 'validation.endBeforeStart' })
    expect(await p.fail('meetings.create', { ...meeting, timeZone: 'Mars/Olympus' })).toMatchObject({ field: 'timeZone', key: 'validation.timeZone' })
    expect(await p.fail('meetings.create', { ...meeting, city: '' })).toMatchObject({ field: 'city', key: 'validation.venueOrLink' })
    const icrc = (await p.call('organisations.list', { search: 'ICRC' }))[0]
    expect(await p.fail('meetings.create', { ...meeting, chairOrganisationId: icrc.id })).toMatchObject({ field: 'chairOrganisationId' })
    expect((await p.call('meetings.list', {})).map((x) => x.title)).not.toContain('Regular meeting')
    await p.close()
  })

  it('tracks responses, attendance and agenda input; members can be removed and invited again with their answers', async () => {
    const p = await profile()
    const m = await p.call('meetings.create', meeting)
    const ghana = m.invitees.find((i) => i.organisation.en === 'Ghana')!
    await p.call('invitees.update', { id: ghana.id, changes: { response: 'accepted', attendees: 'Mr. Kwame Sampleson', agendaInput: 'Training.' }, seen: ghana.stamps })
    const answered = (await p.call('meetings.get', { id: m.id })).invitees.find((i) => i.id === ghana.id)!
    await p.call('invitees.update', { id: ghana.id, changes: { attended: true }, seen: answered.stamps })
    const other = (await p.call('contacts.list', { search: 'Exempelsson' }))[0]
    expect(await p.fail('invitees.update', { id: ghana.id, changes: { addresseeId: other.id }, seen: {} })).toMatchObject({ field: 'addresseeId' })

    const removed = await p.call('invitees.remove', { id: ghana.id })
    expect(removed.invitees.some((i) => i.id === ghana.id)).toBe(false)
    const back = await p.call('invitees.add', { meetingId: m.id, organisationId: ghana.organisationId })
    expect(back.invitees.find((i) => i.id === ghana.id)).toMatchObject({ response: 'accepted', attended: true, agendaInput: 'Training.' })
    expect(await p.fail('invitees.add', { meetingId: m.id, organisationId: ghana.organisationId })).toMatchObject({ key: 'validation.alreadyInvited' })
    const summary = (await p.call('meetings.list', {})).find((x) => x.id === m.id)!
    expect(summary.counts).toMatchObject({ accepted: 1, attended: 1, total: m.invitees.length })
    await p.close()
  })

  it('records written comments and compiles them for tabling', async () => {
    const p = await profile()
    const m = await p.call('meetings.create', meeting)
    expect(await p.fail('meetings.saveDocument', { meetingId: m.id, kind: 'comments' })).toMatchObject({ message: expect.stringContaining('No written comments') })
    const norway = m.invitees.find((i) => i.organisation.en === 'Norway')!
    const withComment = await p.call('comments.create', { meetingId: m.id, organisationId: norway.organisationId, text: 'Norway supports the plan.', received: '2027-06-01' })
    expect(withComment.comments).toMatchObject([{ organisation: { en: 'Norway' }, text: 'Norway supports the plan.' }])
    const saved = await p.call('meetings.saveDocument', { meetingId: m.id, kind: 'comments', language: 'en' })
    expect(readFileSync(saved!.path).subarray(0, 2).toString()).toBe('PK')
    await p.call('comments.delete', { id: withComment.comments[0].id })
    expect((await p.call('meetings.get', { id: m.id })).comments).toEqual([])
    const undone = await p.call('comments.restore', { id: withComment.comments[0].id })
    expect(undone.comments.map((c) => c.id)).toEqual([withComment.comments[0].id])
    await p.close()
  })
})

describe('issuing invitations', () => {
  it('previews, then writes one file per member in its language, numbered and logged; the Chair is sent none', async () => {
    const p = await profile()
    const m = (await p.call('meetings.list', {})).find((x) => x.title === 'Annual meeting 2027')!
    const detail0 = await p.call('meetings.get', { id: m.id })
    const preview = await p.call('invitations.preview', { meetingId: m.id, form: 'letter' })
    expect(preview.alreadyIssued).toEqual([])
    const chosen = preview.rows.filter((r) => r.selected)
    // The Chair convening the meeting is never sent the letter it signs.
    const chair = preview.rows.filter((r) => r.chair)
    expect(chosen.length).toBe(preview.rows.length - chair.length)
    for (const r of chair) expect(r).toMatchObject({ selected: false, reference: '', organisation: { id: detail0.chairOrganisationId } })
    expect(preview.chairInvited).toEqual(chair.map((r) => r.organisation.en))
    const year = new Date().getFullYear()
    expect(chosen.map((r) => r.reference).slice(0, 3)).toEqual([`GFC/${year}/001`, `GFC/${year}/002`, `GFC/${year}/003`])
    const senegal = preview.rows.find((r) => r.organisation.en === 'Senegal')!
    expect(senegal.language).toBe('fr')
    expect(senegal.fileName).toMatch(/Senegal.*FR/)

    const job = await p.call('invitations.issue', { meetingId: m.id, form: 'letter', combined: true })
    const done = await p.app.jobs.wait(job!.id)
    expect(done).toMatchObject({ state: 'done', done: chosen.length + 1, total: chosen.length + 1 })
    const files = readdirSync(done!.folder)
    expect(files).toHaveLength(chosen.length + 1)
    expect(files.some((f) => /all invitations/.test(f))).toBe(true)
    for (const f of files) expect(readFileSync(join(done!.folder, f)).subarray(0, 2).toString()).toBe('PK')

    const detail = await p.call('meetings.get', { id: m.id })
    expect(detail.issuances).toHaveLength(chosen.length)
    expect(detail.issuances.find((s) => s.organisation.en === 'Senegal')).toMatchObject({ language: 'fr', form: 'letter' })

    // Issued already: by default nobody is selected; "all" issues again, numbering on.
    const none = await p.call('invitations.preview', { meetingId: m.id, form: 'note-verbale' })
    expect(none.rows.filter((r) => r.selected)).toEqual([])
    expect(await p.fail('invitations.issue', { meetingId: m.id, form: 'letter' })).toMatchObject({ key: 'validation.nothingToIssue' })
    const again = await p.call('invitations.preview', { meetingId: m.id, form: 'note-verbale', select: 'all' })
    expect(again.alreadyIssued).toHaveLength(chosen.length)
    expect(again.rows.find((r) => r.selected)!.reference).toBe(`GFC/${year}/${String(chosen.length + 1).padStart(3, '0')}`)
    await p.close()
  })

  it('sends a member added late its letter alone, with the next reference; nobody else is re-issued', async () => {
    const p = await profile()
    const m = (await p.call('meetings.list', {})).find((x) => x.title === 'Annual meeting 2027')!
    const first = await p.call('invitations.issue', { meetingId: m.id, form: 'letter' })
    await p.app.jobs.wait(first!.id)
    const issued = (await p.call('meetings.get', { id: m.id })).issuances.length

    // A member joins after the meeting was planned: the meeting page offers it.
    const peru = await p.call('organisations.create', { kind: 'state', countryCode: 'PE' })
    const offered = await p.call('meetings.get', { id: m.id })
    expect(offered.lateMembers.map((x) => x.id)).toEqual([peru.id])
    const invited = await p.call('invitees.add', { meetingId: m.id, organisationId: peru.id })
    expect(invited.lateMembers).toEqual([])

    const preview = await p.call('invitations.preview', { meetingId: m.id, form: 'letter' })
    expect(preview.rows.filter((r) => r.selected).map((r) => r.organisation.en)).toEqual(['Peru'])
    const year = new Date().getFullYear()
    expect(preview.rows.find((r) => r.selected)!.reference).toBe(`GFC/${year}/${String(issued + 1).padStart(3, '0')}`)
    const job = await p.call('invitations.issue', { meetingId: m.id, form: 'letter' })
    const done = await p.app.jobs.wait(job!.id)
    expect(done?.files).toHaveLength(1)
    expect(done!.files[0]).toMatch(/Peru/)
    const log = (await p.call('meetings.get', { id: m.id })).issuances
    expect(log).toHaveLength(issued + 1)

    // Or any selection: two members chosen by hand.
    const two = log.slice(0, 2).map((s) => s.organisationId)
    const chosen = await p.call('invitations.preview', { meetingId: m.id, form: 'letter', select: 'chosen', organisationIds: two })
    expect(chosen.rows.filter((r) => r.selected).map((r) => r.organisation.id).sort()).toEqual([...two].sort())
    await p.close()
  })

  it('does not invite the convening Chair by default, and warns when it is added', async () => {
    const p = await profile()
    const sweden = (await p.call('organisations.list', { search: 'Sweden' }))[0]
    const m = await p.call('meetings.create', { ...meeting, chairOrganisationId: sweden.id })
    expect(m.invitees.some((i) => i.organisationId === sweden.id)).toBe(false)
    expect(m.lateMembers.map((x) => x.id)).not.toContain(sweden.id)
    await p.call('invitees.add', { meetingId: m.id, organisationId: sweden.id })
    const preview = await p.call('invitations.preview', { meetingId: m.id, form: 'letter', select: 'all' })
    expect(preview.chairInvited).toEqual(['Sweden'])
    expect(preview.rows.find((r) => r.organisation.id === sweden.id)).toMatchObject({ selected: false, chair: true })
    // No Chair named: the register's Chair in office on the meeting's day convenes it.
    const inOffice = (await p.call('chairs.register', {})).terms.find((t) => t.start <= '2027-06-10' && '2027-06-10' <= t.end)!
    const unnamed = await p.call('meetings.create', { ...meeting, chairOrganisationId: '' })
    expect(unnamed.invitees.some((i) => i.organisationId === inOffice.organisationId)).toBe(false)
    await p.close()
  })

  it('warns of past dates and of a reply-by date after the meeting; says which French letters use English text', async () => {
    const p = await profile()
    const m = await p.call('meetings.create', { ...meeting, start: '2020-06-10T15:00', end: '2020-06-10T17:00', rsvpDeadline: '2020-06-20', address: 'Palais des Nations' })
    const preview = await p.call('invitations.preview', { meetingId: m.id, form: 'letter' })
    expect(preview.dates).toEqual({ meetingPast: true, rsvpPast: true, rsvpAfterMeeting: true })
    expect(preview.frenchFallback.fields).toEqual(['title', 'venue', 'agenda 1'])
    const french = preview.rows.filter((r) => r.selected && r.language === 'fr').map((r) => r.organisation.en)
    expect(french.length).toBeGreaterThan(0)
    expect(preview.frenchFallback.members).toEqual(french)
    const translated = await p.call('meetings.update', {
      id: m.id,
      fields: { ...meeting, start: '2027-06-10T15:00', end: '2027-06-10T17:00', address: 'Palais des Nations', addressFr: 'Palais des Nations', titleFr: 'Réunion ordinaire', agenda: [{ title: 'Field needs', titleFr: 'Besoins du terrain', presenter: 'Chair', minutes: 30 }] },
      seen: m.stamps,
    })
    const after = await p.call('invitations.preview', { meetingId: translated.id, form: 'letter' })
    expect(after.frenchFallback).toEqual({ fields: [], members: [] })
    expect(after.dates).toEqual({ meetingPast: false, rsvpPast: false, rsvpAfterMeeting: false })
    await p.close()
  })

  it('counts each change of time or place in the meeting’s sequence, which the calendar file carries', async () => {
    const p = await profile()
    const m = await p.call('meetings.create', meeting)
    expect(m.sequence).toBe(0)
    const renamed = await p.call('meetings.update', { id: m.id, fields: { ...meeting, title: 'Regular meeting (renamed)' }, seen: m.stamps })
    expect(renamed.sequence).toBe(0)
    const moved = await p.call('meetings.update', { id: m.id, fields: { ...meeting, start: '2027-06-11T15:00', end: '2027-06-11T17:00' }, seen: renamed.stamps })
    expect(moved.sequence).toBe(1)
    const elsewhere = await p.call('meetings.update', { id: m.id, fields: { ...meeting, start: '2027-06-11T15:00', end: '2027-06-11T17:00', city: 'Vienna' }, seen: moved.stamps })
    expect(elsewhere.sequence).toBe(2)
    const saved = await p.call('meetings.saveDocument', { meetingId: m.id, kind: 'ics', language: 'en' })
    expect(readFileSync(saved!.path, 'utf8')).toContain('SEQUENCE:2')
    await p.close()
  })

  it('lists participants before the meeting as those who accepted, after it as those who attended', async () => {
    const p = await profile()
    const m = (await p.call('meetings.list', {})).find((x) => x.title === 'Annual meeting 2027')!
    for (const mode of ['accepted', 'attended'] as const) {
      const saved = await p.call('meetings.saveDocument', { meetingId: m.id, kind: 'participants', language: 'en', mode })
      expect(readFileSync(saved!.path).subarray(0, 2).toString()).toBe('PK')
    }
    expect(await p.fail('meetings.saveDocument', { meetingId: m.id, kind: 'participants', mode: 'everyone' })).toMatchObject({ field: 'mode' })
    // A member that accepted without naming its delegation is listed with its addressee, as the language writes the name.
    const norway = (await p.call('meetings.get', { id: m.id })).invitees.find((i) => i.organisation.en === 'Norway')!
    await p.call('invitees.update', { id: norway.id, changes: { response: 'accepted', attendees: '' }, seen: norway.stamps })
    const fr = await p.call('meetings.saveDocument', { meetingId: m.id, kind: 'participants', language: 'fr', mode: 'accepted' })
    const rows = Object.values(await readDocx([fr!.path]))[0].tables[0]
    expect(rows.find((r) => r.cells[0] === 'Norvège')?.cells[1].replace(/\u00a0/g, ' ')).toBe('S. E. Mme Kari Eksempelsen')
    await p.close()
  })

  it('addresses the letter with the position the addressee holds now, not one they left', async () => {
    const p = await profile(false)
    const sweden = await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
    await p.call('organisations.create', { kind: 'state', countryCode: 'GH' })
    // Counsellor at the mission until 2025, its Permanent Representative since.
    const anna = await p.call('contacts.create', { contact: { honorific: 'H.E. Ms.', givenName: 'Anna', familyName: 'Exempel' } })
    await p.call('affiliations.create', { contactId: anna.id, organisationId: sweden.id, role: 'other', position: 'Counsellor', start: '2019-01-01', end: '2024-12-31' })
    await p.call('affiliations.create', { contactId: anna.id, organisationId: sweden.id, role: 'permanent-representative', position: 'Permanent Representative', start: '2025-01-01' })
    const m = await p.call('meetings.create', meeting)
    expect(m.invitees.find((i) => i.organisationId === sweden.id)!.addressee?.id).toBe(anna.id)
    const job = await p.call('invitations.issue', { meetingId: m.id, form: 'letter' })
    const done = await p.app.jobs.wait(job!.id)
    const file = join(done!.folder, done!.files.find((f) => /Sweden/.test(f))!)
    const text = Object.values(await readDocx([file]))[0].paragraphs.map((x) => x.text)
    expect(text, text.join('\n')).toContain('Permanent Representative of Sweden to the United Nations')
    expect(text.join('\n')).not.toContain('Counsellor')
    await p.close()
  })

  it('tables two written comments of one member under that member once, and counts members, not comments', async () => {
    const p = await profile(false)
    const norway = await p.call('organisations.create', { kind: 'state', countryCode: 'NO' })
    const m = await p.call('meetings.create', meeting)
    await p.call('comments.create', { meetingId: m.id, organisationId: norway.id, text: 'Norway welcomes the draft.', received: '2027-06-01' })
    await p.call('comments.create', { meetingId: m.id, organisationId: norway.id, text: 'Norway adds a note on item 1.', received: '2027-06-03' })
    const saved = await p.call('meetings.saveDocument', { meetingId: m.id, kind: 'comments', language: 'en' })
    const text = Object.values(await readDocx([saved!.path]))[0].paragraphs.map((x) => x.text.replace(/\u00a0/g, ' '))
    expect(text).toContain('The Chair tables below the written comments of the one member of the Group who was unable to attend the meeting.')
    expect(text.filter((t) => /^\d+\.\s+Norway$/.test(t))).toEqual(['1.  Norway'])
    expect(text).toContain('Norway welcomes the draft.')
    expect(text).toContain('Norway adds a note on item 1.')
    await p.close()
  })

  it('dates the letters with the day where the secretary is: 8.30 p.m. in New York is still 8 December', async () => {
    const p = await profile(false)
    await p.call('organisations.create', { kind: 'state', countryCode: 'GH' })
    const m = await p.call('meetings.create', meeting)
    await p.close()
    const out = tempDir('gfc-out-')
    // 20:30 in New York is 01:30 the next day in UTC.
    const r = spawnSync('faketime', ['-f', '@2026-12-08 20:30:00', process.execPath, join(ROOT, 'bin/gfc.js'), '--data', p.dir, 'invitations', '--meeting', m.id, '--out', out], { encoding: 'utf8', env: { ...process.env, TZ: 'America/New_York' } })
    expect(r.status, r.stderr).toBe(0)
    const file = join(out, readdirSync(out).find((f) => f.endsWith('.docx'))!)
    const text = Object.values(await readDocx([file]))[0].paragraphs.map((x) => x.text.replace(/\u00a0/g, ' '))
    expect(text.slice(0, 2)).toEqual(['GFC/2026/001', 'New York, 8 December 2026'])
  })

  it('refuses a Word template with an unknown placeholder, naming it', async () => {
    const p = await profile()
    const fixture = join(import.meta.dirname, '../fixtures/templates/letterhead.docx')
    const good = readFileSync(fixture)
    const added = await p.call('templates.add', { name: 'Our letterhead', contentBase64: good.toString('base64') })
    expect(added.placeholders).toContain('addressee.block')
    expect((await p.call('templates.list', {})).map((t) => t.name)).toEqual(['Our letterhead'])
    expect(await p.fail('templates.add', { name: 'x', contentBase64: Buffer.from('not a docx').toString('base64') })).toMatchObject({ code: 'validation' })
    await p.close()
  })
})

describe('from the command line', () => {
  it('lists meetings, writes the invitations and the calendar file', async () => {
    const dir = tempDir()
    gfc(['--data', dir, 'demo'])
    const list = gfc(['--data', dir, 'meetings', 'list'])
    expect(list.code).toBe(0)
    const line = list.stdout.split('\n').find((l) => l.includes('Annual meeting 2027'))!
    const id = line.split('\t')[0]
    const out = tempDir('gfc-cli-out-')
    const r = gfc(['--data', dir, 'invitations', '--meeting', id, '--out', out, '--form', 'note-verbale'])
    expect(r.code, r.stderr).toBe(0)
    expect(readdirSync(out).length).toBeGreaterThan(15)
    expect(readdirSync(out).some((f) => /Senegal.*FR.*note verbale/i.test(f))).toBe(true)

    const ics = join(out, 'meeting.ics')
    expect(gfc(['--data', dir, 'ics', '--meeting', id, '--out', ics]).code).toBe(0)
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VCALENDAR')
    expect(gfc(['--data', dir, 'invitations', '--meeting', id, '--out', out, '--form', 'telegram']).stderr).toContain('form')
    expect(existsSync(join(dir, 'gfc.json'))).toBe(true)
  })
})
