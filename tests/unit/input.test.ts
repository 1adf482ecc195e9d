import i18next from 'i18next'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Method } from '../../src-main/core/api'
import { ContactFields } from '../../src-main/core/model/contact'
import { parseMessage } from '../../src-main/core/model/messages'
import { gfc, openProfile, ROOT, tempDir } from '../support/profile'

// What no field may hold, said once in core/model/fields.ts, and refused by every door with the
// field named; and what the terminal is never sent.

const ESC = '\u001b'
const RLO = '\u202e'
/** What a terminal must never receive from data. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

type Profile = Awaited<ReturnType<typeof openProfile>>

/** This device's change log: a refused call adds nothing to it. */
const logs = (p: Profile) => {
  const file = join(p.dir, 'changes', `${p.app.store.device.deviceId}.jsonl`)
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}

async function withMember(p: Profile) {
  return p.call('organisations.create', { kind: 'state', countryCode: 'GH' })
}

describe('dates and times are real ones', () => {
  it('refuses 30 February, month 13 and 99:99, naming the field, and takes a leap day', async () => {
    const p = await openProfile()
    const meeting = { title: 'Annual meeting', start: '2027-03-15T10:00', end: '2027-03-15T12:00', timeZone: 'America/New_York', city: 'New York' }
    const before = logs(p)
    for (const start of ['2027-02-30T10:00', '2027-13-45T99:99', '2027-03-15T24:00', '2027-03-15T10:60', '2027-03-15T10:00Z', '2027-03-15 10:00']) {
      expect(await p.fail('meetings.create', { ...meeting, start }), start).toMatchObject({ code: 'validation', field: 'start', key: 'validation.dateTime' })
    }
    const member = await withMember(p)
    const contact = await p.call('contacts.create', { contact: { familyName: 'Mensah' } })
    for (const start of ['2027-02-30', '2027-02-29', '2027-13-01', '2027-04-31', '2027-4-1']) {
      expect(await p.fail('affiliations.create', { contactId: contact.id, organisationId: member.id, start }), start).toMatchObject({ field: 'start', key: 'validation.date' })
    }
    expect(logs(p).length).toBeGreaterThan(before.length) // only the member and contact were written
    const written = logs(p)
    expect(await p.fail('progressNotes.create', { activityId: crypto.randomUUID(), date: '2027-02-30', text: 'x' })).toMatchObject({ field: 'date', key: 'validation.date' })
    expect(logs(p)).toBe(written)

    expect((await p.call('meetings.create', meeting)).start).toBe('2027-03-15T10:00')
    const leap = await p.call('affiliations.create', { contactId: contact.id, organisationId: member.id, start: '2028-02-29' })
    expect(leap.affiliations[0].start).toBe('2028-02-29')
  })
})

describe('ids are lowercase UUIDs', () => {
  it('refuses the nil and max UUIDs, capitals and anything else as a bad id, and looks up a good one', async () => {
    const p = await openProfile()
    for (const id of ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', crypto.randomUUID().toUpperCase(), 'not-an-id', '', 42]) {
      expect(await p.fail('organisations.get', { id }), String(id)).toMatchObject({ code: 'validation', field: 'id', key: 'validation.id' })
    }
    expect(await p.fail('organisations.get', { id: crypto.randomUUID() })).toMatchObject({ code: 'not_found' })
  })
})

describe('text holds no control or direction-override characters', () => {
  // One field of each area: the rule is in the shared builders, so every schema has it.
  const cases: { method: Method; input: (bad: string) => unknown; field: string }[] = [
    { method: 'contacts.create', input: (bad) => ({ contact: { familyName: bad } }), field: 'contact.familyName' },
    { method: 'contacts.create', input: (bad) => ({ contact: { familyName: 'Mensah', notes: bad } }), field: 'contact.notes' },
    { method: 'organisations.create', input: (bad) => ({ kind: 'sme', name: bad, category: 'ngo' }), field: 'name' },
    { method: 'meetings.create', input: (bad) => ({ title: bad, start: '2027-03-15T10:00', end: '2027-03-15T12:00', timeZone: 'UTC', city: 'Geneva' }), field: 'title' },
    { method: 'activities.create', input: (bad) => ({ title: 'Training', description: bad, function: 'field-needs', start: '2027-01', end: '2027-06' }), field: 'description' },
    { method: 'missions.create', input: (bad) => ({ acronym: 'MINUSCA', nameEn: bad, location: 'Central African Republic', kind: 'peacekeeping' }), field: 'nameEn' },
    { method: 'settings.update', input: (bad) => ({ fields: { signatoryName: bad }, seen: {} }), field: 'fields.signatoryName' },
    { method: 'preferences.update', input: (bad) => ({ userName: bad }), field: 'userName' },
    { method: 'organisations.list', input: (bad) => ({ search: bad }), field: 'search' },
  ]

  it.each([
    ['an escape sequence', `Mensah${ESC}]0;pwned\u0007`, 'validation.controlChar'],
    ['a NUL', 'Men\u0000sah', 'validation.controlChar'],
    ['a lone carriage return', 'Men\rsah', 'validation.controlChar'],
    ['DEL', 'Men\u007fsah', 'validation.controlChar'],
    ['a C1 control (CSI)', 'Men\u009b2Jsah', 'validation.controlChar'],
    ['a right-to-left override', `Mensah ${RLO}fdp.exe`, 'validation.bidiChar'],
    ['a left-to-right embedding', 'Men\u202asah', 'validation.bidiChar'],
    ['a first-strong isolate', 'Men\u2068sah\u2069', 'validation.bidiChar'],
  ])('refuses %s in every area, naming the field, and writes nothing', async (_what, bad, key) => {
    const p = await openProfile()
    const before = logs(p)
    const prefs = readFileSync(join(p.dir, 'device.json'), 'utf8')
    for (const c of cases) {
      expect(await p.fail(c.method, c.input(bad)), `${c.method} ${c.field}`).toMatchObject({ code: 'validation', field: c.field, key })
    }
    expect(logs(p)).toBe(before)
    expect(readFileSync(join(p.dir, 'device.json'), 'utf8')).toBe(prefs)
  })

  it('takes tabs anywhere, newlines only in multi-line fields (Windows line ends made plain), and the marks of right-to-left scripts', async () => {
    const p = await openProfile()
    expect(await p.fail('contacts.create', { contact: { familyName: 'Men\nsah' } })).toMatchObject({ field: 'contact.familyName', key: 'validation.oneLine' })
    const c = await p.call('contacts.create', { contact: { givenName: 'Kofi\tA.', familyName: 'المثال\u200f', notes: 'First line\r\nSecond line\n\tindented' } })
    expect(c).toMatchObject({ givenName: 'Kofi\tA.', familyName: 'المثال\u200f', notes: 'First line\nSecond line\n\tindented' })
    const org = await p.call('organisations.create', { kind: 'sme', name: 'EuroPris', category: 'ngo', address: 'Postbus 13635\n2501 EP The Hague' })
    expect(org.address).toBe('Postbus 13635\n2501 EP The Hague')
  })
})

describe('length limits say the limit', () => {
  it('names the number of characters allowed, in the core’s English and in the UI’s English and French', async () => {
    const p = await openProfile()
    const e = await p.fail('contacts.create', { contact: { familyName: 'x'.repeat(101) } })
    expect(e).toMatchObject({ code: 'validation', field: 'contact.familyName', key: 'validation.tooLong', params: { max: '100' } })
    expect(e.message).toBe('contact.familyName is too long (at most 100 characters)')
    expect((await p.fail('contacts.create', { contact: { familyName: 'X', emails: Array(11).fill('a@example.org') } })).message).toBe(
      'contact.emails has too many entries (at most 10)',
    )

    // The form checks with the same schema and shows the message in the interface language.
    const issue = ContactFields.safeParse({ familyName: 'x'.repeat(101) }).error!.issues[0]
    const { key, params } = parseMessage(issue.message)
    const locale = (name: string) => JSON.parse(readFileSync(join(ROOT, `src-renderer/i18n/${name}.json`), 'utf8'))
    const i18n = i18next.createInstance()
    await i18n.init({ resources: { en: { translation: locale('en') }, fr: { translation: locale('fr') } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false })
    expect(i18n.t(key, params)).toBe('This is too long: at most 100 characters.')
    expect(i18n.t(e.key!, { ...e.params, lng: 'fr' })).toBe('Ce texte est trop long : 100 caractères au plus.')
  })
})

describe('web addresses', () => {
  it('take www.example.org as https://www.example.org, and refuse other schemes', async () => {
    const p = await openProfile()
    const org = await p.call('organisations.create', { kind: 'sme', name: 'Penal Reform International', category: 'ngo', website: 'www.penalreform.example.org' })
    expect(org.website).toBe('https://www.penalreform.example.org')
    const m = await p.call('meetings.create', { title: 'Call', start: '2027-03-15T10:00', end: '2027-03-15T11:00', timeZone: 'UTC', onlineLink: 'meet.example.org/gfc' })
    expect(m.onlineLink).toBe('https://meet.example.org/gfc')
    expect((await p.call('organisations.update', { id: org.id, fields: { ...org, website: 'http://example.org/a' }, seen: org.stamps })).website).toBe('http://example.org/a')
    for (const website of ['javascript:alert(1)', 'file:///etc/passwd', 'mailto:a@example.org', 'www.exa mple.org', `www.example.org/${RLO}`]) {
      expect(await p.fail('organisations.update', { id: org.id, fields: { ...org, website } }), website).toMatchObject({ code: 'validation', field: 'fields.website' })
    }
  })
})

describe('gfc: files and the terminal', () => {
  it('refuses a JSON file that is not UTF-8 rather than replacing its bytes, and imports nothing', async () => {
    const dir = tempDir()
    const file = join(tempDir(), 'latin1.json')
    // "Hervé" in Latin-1: the é is the byte 0xE9, not UTF-8.
    const doc = `{"format":"gfc-desk","formatVersion":1,"contacts":[{"id":"${crypto.randomUUID()}","familyName":"Herv\u00e9"}]}`
    writeFileSync(file, Buffer.from(doc, 'latin1'))
    const r = gfc(['--data', dir, 'import', 'json', file])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('is not valid UTF-8 text')
    expect(r.stderr).toContain('Nothing was imported')
    expect(JSON.parse(gfc(['--data', dir, 'export', 'json']).stdout).contacts).toEqual([])
  })

  it('shows control characters from the data as escapes, in lists, messages and JSON on stdout', async () => {
    // Data written before these rules (or by an older version on another device) can still hold them.
    const p = await openProfile()
    const evil = `Evil${ESC}]0;owned\u0007${ESC}[2J\u009b31m\ttab\nnewline ${RLO}gpj.exe`
    const org = await p.call('organisations.create', { kind: 'sme', name: 'Placeholder', category: 'ngo' })
    const meeting = await p.call('meetings.create', { title: 'Placeholder', start: '2027-03-15T10:00', end: '2027-03-15T11:00', timeZone: 'UTC', city: 'Geneva' })
    p.app.store.commit([
      { table: 'organisations', id: org.id, set: { name: evil } },
      { table: 'meetings', id: meeting.id, set: { title: evil } },
    ])
    await p.close()

    for (const args of [['members'], ['meetings', 'list']]) {
      const r = gfc(['--data', p.dir, ...args])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).not.toMatch(RAW_CONTROL)
      expect(r.stdout).toContain('Evil\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\x09tab\\x0anewline \\u202egpj.exe')
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(1) // one record, one line
    }

    const json = gfc(['--data', p.dir, 'export', 'json'])
    expect(json.stdout).not.toMatch(RAW_CONTROL)
    expect(JSON.parse(json.stdout).meetings[0].title).toBe(evil) // the same data, only written safely

    const refused = gfc(['--data', p.dir, 'missions', 'stale', '--mission', `X${ESC}[8m`])
    expect(refused.code).toBe(1)
    expect(refused.stderr).not.toMatch(RAW_CONTROL)
    expect(refused.stderr).toContain('X\\x1b[8m')
  })
})
