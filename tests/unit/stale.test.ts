import { afterEach, describe, expect, it } from 'vitest'
import { cleanUpNow } from '../support/profile'
import { editContact, enrol, newDevice, office, send } from '../support/sync'

// A form sends back the stamps of the values it was loaded with (`seen`): a value changed
// meanwhile, here or by another device through sync, is never overwritten without the person
// seeing it.

afterEach(cleanUpNow)

async function demoContact(d: Awaited<ReturnType<typeof office>>) {
  const c = (await d.call('contacts.list', { search: 'voorbeeld' }))[0]
  const { id: _i, deleted: _d, updatedAt: _u, affiliations: _a, stamps, ...fields } = c
  return { id: c.id, fields, stamps }
}

describe('forms never overwrite what they did not see', () => {
  it('refuses a value changed meanwhile by another device, naming who, where, when and both values; changes nothing', async () => {
    const chair = await office()
    const laptop = await newDevice('Field laptop')
    await laptop.call('preferences.update', { userName: 'Amina Officer' })
    await enrol(chair, laptop)
    const form = await demoContact(chair) // the form opens on the office
    await editContact(laptop, form.id, { emails: ['new@example.org'] })
    await send(laptop, chair) // meanwhile the laptop's change arrives
    const changes = (await chair.call('history.get', { table: 'contacts', id: form.id })).length

    const e = await chair.fail('contacts.update', { id: form.id, fields: { ...form.fields, emails: ['mine@example.org'] }, seen: form.stamps })
    expect(e).toMatchObject({ code: 'stale', stale: [{ field: 'emails', current: ['new@example.org'], yours: ['mine@example.org'], deviceName: 'Field laptop', device: laptop.id }] })
    expect(e.stale![0].at).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(e.message).toContain('emails')
    expect((await chair.call('contacts.get', { id: form.id })).emails).toEqual(['new@example.org'])
    expect(await chair.call('history.get', { table: 'contacts', id: form.id })).toHaveLength(changes)
  })

  it('takes a fresh form, and leaves a field the person did not touch with its newer value', async () => {
    const p = await office()
    const form = await demoContact(p)
    await editContact(p, form.id, { emails: ['other@example.org'] }) // another window
    // The form changes only the notes; it still holds the old e-mail, which it does not overwrite.
    const saved = await p.call('contacts.update', { id: form.id, fields: { ...form.fields, notes: 'Called.' }, seen: form.stamps })
    expect(saved).toMatchObject({ notes: 'Called.', emails: ['other@example.org'] })
    // A form loaded now saves without a word.
    const fresh = await demoContact(p)
    expect((await p.call('contacts.update', { id: form.id, fields: { ...fresh.fields, phones: ['+1 212 555 0100'] }, seen: fresh.stamps })).phones).toEqual(['+1 212 555 0100'])
  })

  it('a stale field does not block the others; keeping one’s value is recorded as resolving, on every device', async () => {
    const chair = await office()
    const laptop = await newDevice('Field laptop')
    await enrol(chair, laptop)
    const form = await demoContact(chair)
    await editContact(laptop, form.id, { emails: ['laptop@example.org'] })
    await send(laptop, chair)

    const typed = { ...form.fields, emails: ['mine@example.org'], notes: 'Met in Geneva.' }
    const e = await chair.fail('contacts.update', { id: form.id, fields: typed, seen: form.stamps })
    expect(e.stale!.map((f) => f.field)).toEqual(['emails']) // the notes did not change meanwhile
    // Keep mine: sent again with the stamp of the value now there, which it replaces.
    const kept = await chair.call('contacts.update', { id: form.id, fields: typed, seen: { ...form.stamps, emails: e.stale![0].stamp } })
    expect(kept).toMatchObject({ emails: ['mine@example.org'], notes: 'Met in Geneva.' })
    await send(chair, laptop)
    for (const d of [chair, laptop]) {
      expect(await d.call('conflicts.list', {})).toEqual([])
      expect((await d.call('contacts.get', { id: form.id })).emails).toEqual(['mine@example.org'])
    }
    const history = await laptop.call('history.get', { table: 'contacts', id: form.id })
    expect(history.filter((h) => h.field === 'emails').slice(-2).map((h) => h.after)).toEqual([['laptop@example.org'], ['mine@example.org']])
  })

  it('a form showing a conflict resolves it when saved, but not when a value arrived beside it meanwhile', async () => {
    const chair = await office()
    const laptop = await newDevice('Field laptop')
    await enrol(chair, laptop)
    const c = await demoContact(chair)
    await editContact(laptop, c.id, { notes: 'laptop' })
    await editContact(chair, c.id, { notes: 'chair' })
    await send(laptop, chair)
    expect(await chair.call('conflicts.list', {})).toHaveLength(1)
    const form = await demoContact(chair)
    await editContact(laptop, c.id, { notes: 'laptop again' })
    await send(laptop, chair)
    expect(await chair.fail('contacts.update', { id: c.id, fields: { ...form.fields, notes: 'settled' }, seen: form.stamps })).toMatchObject({ code: 'stale' })
    const now = await demoContact(chair)
    await chair.call('contacts.update', { id: c.id, fields: { ...now.fields, notes: 'settled' }, seen: now.stamps })
    expect(await chair.call('conflicts.list', {})).toEqual([])
  })

  it('applies to every update: settings, members, meetings, answers, missions', async () => {
    const p = await office()
    const s = await p.call('settings.get', {})
    await p.call('settings.update', { fields: { ...s, city: 'Geneva' }, seen: s.stamps })
    expect(await p.fail('settings.update', { fields: { ...s, city: 'Vienna' }, seen: s.stamps })).toMatchObject({ code: 'stale', stale: [{ field: 'city', current: 'Geneva', yours: 'Vienna' }] })

    const m = await p.call('meetings.get', { id: (await p.call('meetings.list', {}))[0].id })
    const inv = m.invitees[0]
    await p.call('invitees.update', { id: inv.id, changes: { attendees: 'A' }, seen: inv.stamps })
    expect(await p.fail('invitees.update', { id: inv.id, changes: { attendees: 'B' }, seen: inv.stamps })).toMatchObject({ code: 'stale' })

    const mission = await p.call('missions.get', { id: (await p.call('missions.list', {}))[0].id })
    const { id: _i, deleted: _d, updatedAt: _u, stamps, ...fields } = mission
    await p.call('missions.update', { id: mission.id, fields: { ...fields, notes: 'one' }, seen: stamps })
    expect(await p.fail('missions.update', { id: mission.id, fields: { ...fields, notes: 'two' }, seen: stamps })).toMatchObject({ code: 'stale', stale: [{ field: 'notes', current: 'one' }] })
  })

  it('tells every listener which tables a change touched, whether made here or brought by sync', async () => {
    const chair = await office()
    const laptop = await newDevice('Field laptop')
    await enrol(chair, laptop)
    const heard: string[][] = []
    const stop = chair.app.onChanged((tables) => heard.push(tables))
    const c = await demoContact(chair)
    await editContact(laptop, c.id, { notes: 'from the field' })
    await send(laptop, chair)
    expect(heard).toEqual([['contacts']])
    const s = await chair.call('settings.get', {})
    await chair.call('settings.update', { fields: { ...s, city: 'Geneva' }, seen: s.stamps })
    expect(heard.at(-1)).toEqual(['settings'])
    stop()
    await editContact(chair, c.id, { notes: 'unheard' })
    expect(heard).toHaveLength(2)
  })
})
