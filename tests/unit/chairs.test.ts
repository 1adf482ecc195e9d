import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chairStatus, defaultTermEnd, type ChairTermFieldsInput } from '../../src-main/core/model/chair'
import { chairInfo } from '../../src-main/core/services/chair-info'
import { chairRegister } from '../../src-main/core/services/chairs'
import { today } from '../../src-main/core/services/records'
import type { Shell } from '../../src-main/core/shell'
import { readDocx, requireTools } from '../support/docs'
import { gfc, openProfile, tempDir } from '../support/profile'

// The register of Chairs against the demo profile: Canada 2021–23, Ghana 2023–25, Sweden
// 2025–27 (in office), Indonesia 2027–29 (selected 2026-06-15, shadowing from March 2027).

async function demoProfile() {
  const dir = tempDir()
  const out = tempDir('gfc-out-')
  expect(gfc(['--data', dir, 'demo']).code).toBe(0)
  const shell: Shell = { chooseFolder: async (_t, name) => join(out, name), chooseSaveFile: async (_t, name) => join(out, name) }
  const p = await openProfile(dir, shell)
  const members = await p.call('organisations.list', {})
  const id = (name: string) => members.find((m) => m.displayName === name)!.id
  return { ...p, id }
}

type Profile = Awaited<ReturnType<typeof demoProfile>>

/** Norway, after Indonesia, selected while Indonesia is in office. */
const norway = (p: Profile, over: Partial<ChairTermFieldsInput> = {}): ChairTermFieldsInput => ({
  organisationId: p.id('Norway'),
  start: '2029-09-01',
  end: '2031-08-31',
  selectedOn: '2028-10-15',
  selectedBy: [p.id('Indonesia'), p.id('Ghana'), p.id('Japan')],
  shadowStart: '2029-03-01',
  shadowEnd: '2029-08-31',
  ...over,
})

describe('the register of Chairs', () => {
  it('derives each status from the dates: past, current, incoming', async () => {
    const p = await demoProfile()
    const at = (date: string) => chairRegister(p.app.store, date)
    const r = at('2026-11-23')
    expect(r.terms.map((t) => [t.organisation.en, t.start, t.end, t.status])).toEqual([
      ['Indonesia', '2027-09-01', '2029-08-31', 'incoming'],
      ['Sweden', '2025-09-01', '2027-08-31', 'current'],
      ['Ghana', '2023-09-01', '2025-08-31', 'past'],
      ['Canada', '2021-09-01', '2023-08-31', 'past'],
    ])
    expect(r.current?.organisation.en).toBe('Sweden')
    expect(r.incoming?.organisation.en).toBe('Indonesia')
    expect(r.incoming?.selectors.map((s) => s.en)).toEqual(['Sweden', 'Norway', 'Ghana', 'Japan'])
    expect(r.incoming).toMatchObject({ selectedOn: '2026-06-15', shadowStart: '2027-03-01', shadowEnd: '2027-08-31' })
    // The last day of a term is still in it; the next day belongs to the next Chair.
    expect(at('2027-08-31').current?.organisation.en).toBe('Sweden')
    expect(at('2027-09-01').current?.organisation.en).toBe('Indonesia')
    expect(at('2027-09-01').incoming).toBeNull()
    expect(at('2035-01-01').current).toBeNull()
    // Through the dispatch, with today's date.
    const now = today()
    for (const t of (await p.call('chairs.register', {})).terms) expect(t.status).toBe(chairStatus(t, now))
    expect(defaultTermEnd('2029-09-01')).toBe('2031-08-31')
  })

  it('holds a demo register that keeps every rule (each term saved again unchanged)', async () => {
    const p = await demoProfile()
    for (const t of (await p.call('chairs.register', {})).terms) {
      const { organisationId, start, end, selectedOn, selectedBy, shadowStart, shadowEnd, notes } = t
      expect((await p.call('chairs.update', { id: t.id, fields: { organisationId, start, end, selectedOn, selectedBy, shadowStart, shadowEnd, notes }, seen: t.stamps })).updatedAt).toBe(t.updatedAt)
    }
  })

  it('shows the rotation by regional group and the groups that have not chaired among the last five terms', async () => {
    const p = await demoProfile()
    const r = await p.call('chairs.register', {})
    const row = (g: string) => r.rotation.find((x) => x.group === g)!
    expect(r.rotation.map((x) => x.group)).toEqual(['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'weog'])
    expect(row('weog').terms.map((t) => t.organisation.en)).toEqual(['Canada', 'Sweden']) // oldest first
    expect(row('weog').lastEnd).toBe('2027-08-31')
    expect(row('african').terms.map((t) => t.organisation.en)).toEqual(['Ghana'])
    expect(row('eastern-european')).toMatchObject({ terms: [], lastEnd: '' })
    expect(r.notRecently).toEqual(['eastern-european', 'latin-american-caribbean'])

    // Serbia follows Indonesia: five terms, and only Latin America and the Caribbean has not chaired.
    await p.call('chairs.create', { organisationId: p.id('Serbia'), start: '2029-09-01', end: '2031-08-31' })
    expect((await p.call('chairs.register', {})).notRecently).toEqual(['latin-american-caribbean'])
    // Argentina next: Canada drops out of the last five, but Sweden keeps the WEOG among them.
    await p.call('chairs.create', { organisationId: p.id('Argentina'), start: '2031-09-01', end: '2033-08-31' })
    const later = await p.call('chairs.register', {})
    expect(later.notRecently).toEqual([])
    expect(later.rotation.find((x) => x.group === 'latin-american-caribbean')!.terms.map((t) => t.start)).toEqual(['2031-09-01'])
  })

  it('records a term selected by a quorum that includes the Chair in office, and edits, deletes and restores it', async () => {
    const p = await demoProfile()
    const created = await p.call('chairs.create', norway(p))
    expect(created).toMatchObject({ status: 'incoming', organisation: { en: 'Norway', kind: 'state', regionalGroup: 'weog' }, deleted: false })
    expect(created.selectors.map((s) => s.en)).toEqual(['Indonesia', 'Ghana', 'Japan'])
    const edited = await p.call('chairs.update', { id: created.id, fields: norway(p, { notes: 'Confirmed by the annual meeting.' }), seen: created.stamps })
    expect(edited.notes).toBe('Confirmed by the annual meeting.')
    expect((await p.call('chairs.get', { id: created.id })).notes).toBe('Confirmed by the annual meeting.')
    expect((await p.call('chairs.delete', { id: created.id })).deleted).toBe(true)
    expect((await p.call('chairs.register', {})).terms.some((t) => t.id === created.id)).toBe(false)
    expect((await p.call('chairs.restore', { id: created.id })).deleted).toBe(false)
    expect((await p.call('chairs.register', {})).terms[0].id).toBe(created.id)
  })

  it('refuses a quorum of fewer than three, or one without the Chair in office, with a message naming the field; nothing is written', async () => {
    const p = await demoProfile()
    const count = async () => (await p.call('chairs.register', {})).terms.length
    const few = await p.fail('chairs.create', norway(p, { selectedBy: [p.id('Indonesia'), p.id('Ghana')] }))
    expect(few).toMatchObject({ code: 'validation', field: 'selectedBy', key: 'validation.quorum' })
    const twice = await p.fail('chairs.create', norway(p, { selectedBy: [p.id('Indonesia'), p.id('Ghana'), p.id('Ghana')] }))
    expect(twice).toMatchObject({ field: 'selectedBy', key: 'validation.quorum' })
    expect(twice.message).toBe('selectedBy: the quorum needs at least 3 members (2 recorded).')

    const withoutChair = await p.fail('chairs.create', norway(p, { selectedBy: [p.id('Ghana'), p.id('Japan'), p.id('Germany')] }))
    expect(withoutChair).toMatchObject({ field: 'selectedBy', key: 'validation.quorumChair' })
    expect(withoutChair.message).toBe('selectedBy: the quorum must include the current Chair, Indonesia (Chair on 2028-10-15).')
    // Selected while Sweden was in office: Sweden must be among them.
    const earlier = await p.fail('chairs.create', norway(p, { selectedOn: '2026-12-01', selectedBy: [p.id('Indonesia'), p.id('Ghana'), p.id('Japan')] }))
    expect(earlier.message).toContain('the current Chair, Sweden')

    // A state's own voice does not count towards its quorum.
    const itself = await p.fail('chairs.create', norway(p, { selectedBy: [p.id('Norway'), p.id('Indonesia'), p.id('Ghana')] }))
    expect(itself).toMatchObject({ field: 'selectedBy', key: 'validation.quorum' })
    expect(itself.message).toContain('not counting Norway itself')
    // The members who selected it need the date of the selection.
    expect(await p.fail('chairs.create', norway(p, { selectedOn: '' }))).toMatchObject({ field: 'selectedOn', key: 'validation.required' })
    // The schema says it first when the form sends too few.
    expect(await p.fail('chairs.create', norway(p, { selectedBy: [] }))).toMatchObject({ field: 'selectedBy', key: 'validation.quorum' })
    expect(await count()).toBe(4)
  })

  it('needs no Chair in the quorum when the register has none on the day of the selection, and lets a Chair be renewed by three others', async () => {
    const p = await demoProfile()
    const early = await p.call('chairs.create', {
      organisationId: p.id('Netherlands (Kingdom of the)'),
      start: '2019-09-01',
      end: '2021-08-31',
      selectedOn: '2019-03-01',
      selectedBy: [p.id('Norway'), p.id('Ghana'), p.id('Japan')],
    })
    expect(early.status).toBe('past')
    const renewal = (selectedBy: string[]) => ({
      organisationId: p.id('Indonesia'),
      start: '2029-09-01',
      end: '2031-08-31',
      selectedOn: '2028-10-15',
      selectedBy,
    })
    const short = await p.fail('chairs.create', renewal([p.id('Indonesia'), p.id('Ghana'), p.id('Japan')]))
    expect(short.message).toBe('selectedBy: the quorum needs at least 3 members (2 recorded, not counting Indonesia itself).')
    expect((await p.call('chairs.create', renewal([p.id('Indonesia'), p.id('Ghana'), p.id('Japan'), p.id('Norway')]))).status).toBe('incoming')
  })

  it('refuses an expert organisation, a deleted member, overlapping terms (naming the other Chair) and a shadowing after the start', async () => {
    const p = await demoProfile()
    const sme = await p.fail('chairs.create', norway(p, { organisationId: p.id('International Committee of the Red Cross') }))
    expect(sme).toMatchObject({ field: 'organisationId', key: 'validation.chairNotState' })
    expect(sme.message).toBe('organisationId: International Committee of the Red Cross is not a Member State; only Member States can chair the Group.')
    await p.call('organisations.delete', { id: p.id('Uruguay') })
    expect(await p.fail('chairs.create', norway(p, { organisationId: p.id('Uruguay') }))).toMatchObject({ field: 'organisationId', key: 'validation.notLive' })

    const overlap = await p.fail('chairs.create', norway(p, { start: '2029-08-31', shadowStart: '', shadowEnd: '' }))
    expect(overlap).toMatchObject({ field: 'start', key: 'validation.chairOverlap', params: { name: 'Indonesia', start: '2027-09-01', end: '2029-08-31' } })
    expect(overlap.message).toBe('start: the term overlaps that of Indonesia (2027-09-01 to 2029-08-31); terms of the Chair may not overlap.')
    const inside = await p.fail('chairs.create', { organisationId: p.id('Japan'), start: '2026-01-01', end: '2026-06-30' })
    expect(inside.message).toContain('Sweden (2025-09-01 to 2027-08-31)')

    expect(await p.fail('chairs.create', norway(p, { shadowEnd: '2029-09-02' }))).toMatchObject({ field: 'shadowEnd', key: 'validation.shadowAfterStart' })
    expect(await p.fail('chairs.create', norway(p, { shadowStart: '', shadowEnd: '2029-08-01' }))).toMatchObject({ field: 'shadowStart', key: 'validation.required' })
    expect(await p.fail('chairs.create', norway(p, { end: '2029-09-01' }))).toMatchObject({ field: 'end', key: 'validation.endBeforeStart' })

    // Moving Sweden's term onto Indonesia's is refused too; its own dates do not count against it.
    const sweden = (await p.call('chairs.register', {})).terms.find((t) => t.organisation.en === 'Sweden')!
    const fields = { organisationId: sweden.organisationId, start: sweden.start, end: '2027-12-31', selectedOn: sweden.selectedOn, selectedBy: sweden.selectedBy, shadowStart: sweden.shadowStart, shadowEnd: sweden.shadowEnd }
    expect(await p.fail('chairs.update', { id: sweden.id, fields, seen: sweden.stamps })).toMatchObject({ key: 'validation.chairOverlap' })
    expect((await p.call('chairs.update', { id: sweden.id, fields: { ...fields, end: sweden.end, notes: 'Term as planned.' }, seen: sweden.stamps })).notes).toBe('Term as planned.')

    // A term deleted, then another recorded for its dates: the first cannot come back.
    const indonesia = (await p.call('chairs.register', {})).incoming!
    await p.call('chairs.delete', { id: indonesia.id })
    await p.call('chairs.create', { organisationId: p.id('Japan'), start: '2027-09-01', end: '2029-08-31' })
    expect(await p.fail('chairs.restore', { id: indonesia.id })).toMatchObject({ key: 'validation.chairOverlap' })
    expect((await p.call('chairs.register', {})).terms.length).toBe(4)
  })
})

describe('gfc chairs', () => {
  it('prints the register, newest first, and the regional groups that have not chaired recently', () => {
    const dir = tempDir()
    gfc(['--data', dir, 'demo'])
    const r = gfc(['--data', dir, 'chairs'])
    expect(r.code, r.stderr).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines.slice(0, 4).map((l) => l.split('\t').slice(0, 3))).toEqual([
      ['Indonesia', '2027-09-01', '2029-08-31'],
      ['Sweden', '2025-09-01', '2027-08-31'],
      ['Ghana', '2023-09-01', '2025-08-31'],
      ['Canada', '2021-09-01', '2023-08-31'],
    ])
    expect(lines.slice(0, 4).map((l) => l.split('\t')[3])).toEqual(['2027-09-01', '2025-09-01', '2023-09-01', '2021-09-01'].map((start, i) => chairStatus({ start, end: lines[i].split('\t')[2] }, today())))
    expect(lines[4]).toBe('Not Chair in the last five terms: Eastern European States; Latin American and Caribbean States')
  })
})

describe('documents pick up the Chair', () => {
  it('from the register when the meeting names no convening Chair: the Chair on the meeting\'s day, else today\'s', async () => {
    const p = await demoProfile()
    const store = p.app.store
    expect(chairInfo(store, '2024-05-01').state?.en).toBe('Ghana')
    expect(chairInfo(store, '2028-03-01').state?.en).toBe('Indonesia')
    expect(chairInfo(store, '2040-01-01').state?.en).toBe((await p.call('chairs.register', {})).current?.organisation.en)
    expect(chairInfo(store, '2028-03-01', p.id('Norway')).state?.en).toBe('Norway') // the meeting's own Chair first
    // Letterhead and signatory stay those of Settings.
    expect(chairInfo(store, '2028-03-01')).toMatchObject({ missionName: 'Permanent Mission of Sweden to the United Nations', signatoryName: 'Ingrid Exempelsson' })

    requireTools()
    const meeting = { kind: 'regular' as const, title: 'Regular meeting', timeZone: 'America/New_York', city: 'New York', start: '2028-03-01T10:00', end: '2028-03-01T12:00' }
    const m = await p.call('meetings.create', meeting)
    expect(m.chairOrganisationId).toBe('')
    const saved = await p.call('meetings.saveDocument', { meetingId: m.id, kind: 'agenda', language: 'fr' })
    const doc = Object.values(await readDocx([saved!.path]))[0]
    // In French the letterhead names the Chair's state.
    expect(doc.sections[0].first_header?.text).toContain('Mission permanente de l’Indonésie')
  })
})
