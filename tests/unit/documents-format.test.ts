import { describe, expect, it } from 'vitest'
import {
  buildInvitation,
  formatDate,
  formatMeetingTime,
  formatMeetingWhen,
  formatUtcOffset,
  formatWeekdayDate,
  invitationFileName,
  meetingFileName,
  wallClockToInstant,
} from '../../src-main/core/documents'
import { addressee, enInText, frDefinite, frOfInText, frTo, meetingPhrase, parseHonorific, positionText } from '../../src-main/core/documents/wording'
import { AppError } from '../../src-main/core/model/errors'
import { EGYPT, GHANA, ICRC, invitation, MEETING, NETHERLANDS, plain, PRI } from '../support/docs'

// The pure parts: dates and times in both languages, the protocol phrases, file names.

const at = (start: string, end: string, timeZone = 'America/New_York') => ({ start, end, timeZone })

describe('dates and times', () => {
  it('writes dates in English and French', () => {
    expect(formatDate('2027-02-01', 'en')).toBe('1\u00a0February 2027')
    expect(formatDate('2027-02-01', 'fr')).toBe('1er\u00a0février 2027')
    expect(formatDate('2027-08-15', 'fr')).toBe('15\u00a0août 2027')
    expect(formatWeekdayDate('2027-03-15', 'en')).toBe('Monday, 15\u00a0March 2027')
    expect(formatWeekdayDate('2027-03-15', 'fr')).toBe('lundi 15\u00a0mars 2027')
  })

  it('writes the 12-hour clock in English when asked, UN New York style', () => {
    expect(plain(formatMeetingTime(at('2027-03-15T10:00', '2027-03-15T13:00'), 'en', true))).toBe('from 10 a.m. to 1 p.m. (New York time, UTC−04:00)')
    expect(plain(formatMeetingTime(at('2027-03-15T09:30', '2027-03-15T12:00'), 'en', true))).toBe('from 9.30 a.m. to 12 noon (New York time, UTC−04:00)')
    // French keeps the 24-hour clock.
    expect(plain(formatMeetingTime(at('2027-03-15T15:00', '2027-03-15T18:00'), 'fr', true))).toBe('de 15 h 00 à 18 h 00 (heure de New York, UTC−04:00)')
  })

  it('writes the meeting time with its zone and UTC offset, summer and winter', () => {
    expect(formatMeetingWhen(at('2027-03-15T10:00', '2027-03-15T13:00'), 'en')).toBe('Monday, 15\u00a0March 2027, from 10:00 to 13:00 (New York time, UTC−04:00)')
    expect(plain(formatMeetingWhen(at('2027-03-15T10:00', '2027-03-15T13:00'), 'fr'))).toBe('lundi 15 mars 2027, de 10 h 00 à 13 h 00 (heure de New York, UTC−04:00)')
    expect(formatMeetingTime(at('2027-01-12T15:00', '2027-01-12T16:30'), 'en')).toBe('from 15:00 to 16:30 (New York time, UTC−05:00)')
    // The day the clocks change (2027-03-14 in New York).
    expect(formatMeetingTime(at('2027-03-14T01:00', '2027-03-14T01:30'), 'en')).toContain('UTC−05:00')
    expect(formatMeetingTime(at('2027-03-14T09:00', '2027-03-14T10:00'), 'en')).toContain('UTC−04:00')
  })

  it('adds the New York time for a meeting in another zone, with the day when it differs', () => {
    expect(formatMeetingWhen(at('2027-03-15T10:00', '2027-03-15T13:00', 'Europe/Zurich'), 'en')).toBe(
      'Monday, 15\u00a0March 2027, from 10:00 to 13:00 (Central European Time, UTC+01:00; i.e. from 05:00 to 08:00 New York time)',
    )
    expect(plain(formatMeetingWhen(at('2027-03-15T10:00', '2027-03-15T13:00', 'Europe/Zurich'), 'fr'))).toBe(
      'lundi 15 mars 2027, de 10 h 00 à 13 h 00 (heure d’Europe centrale, UTC+01:00, soit de 5 h 00 à 8 h 00, heure de New York)',
    )
    expect(formatMeetingWhen(at('2027-03-15T10:00', '2027-03-15T13:00', 'Australia/Sydney'), 'en')).toBe(
      'Monday, 15\u00a0March 2027, from 10:00 to 13:00 (Australian Eastern Time, UTC+11:00; i.e. on Sunday, 14\u00a0March 2027, from 19:00 to 22:00 New York time)',
    )
    expect(formatMeetingWhen(at('2027-03-15T10:00', '2027-03-15T12:00', 'UTC'), 'en')).toBe(
      'Monday, 15\u00a0March 2027, from 10:00 to 12:00 (Coordinated Universal Time, UTC+00:00; i.e. from 06:00 to 08:00 New York time)',
    )
  })

  it('writes a meeting over several days from one day to the other', () => {
    expect(formatMeetingWhen(at('2027-03-15T10:00', '2027-03-16T13:00'), 'en')).toBe('from Monday, 15\u00a0March 2027, 10:00, to Tuesday, 16\u00a0March 2027, 13:00 (New York time, UTC−04:00)')
    expect(plain(formatMeetingWhen(at('2027-03-15T10:00', '2027-03-16T13:00'), 'fr'))).toBe('du lundi 15 mars 2027, 10 h 00, au mardi 16 mars 2027, 13 h 00 (heure de New York, UTC−04:00)')
  })

  it('turns wall-clock times into instants', () => {
    expect(wallClockToInstant('2027-03-15T10:00', 'America/New_York').toISOString()).toBe('2027-03-15T14:00:00.000Z')
    expect(wallClockToInstant('2027-07-01T09:30', 'Asia/Kolkata').toISOString()).toBe('2027-07-01T04:00:00.000Z')
    expect(wallClockToInstant('2027-10-31T02:30', 'Europe/Zurich').toISOString()).toMatch(/^2027-10-31T0[01]:30:00.000Z$/)
    expect(formatUtcOffset(-240)).toBe('UTC−04:00')
    expect(formatUtcOffset(330)).toBe('UTC+05:30')
  })

  it('refuses impossible dates and zones with a validation error, never writing NaN', async () => {
    for (const bad of [
      () => formatDate('2027-02-30', 'en'),
      () => formatDate('1 Feb 2027', 'en'),
      () => wallClockToInstant('2027-03-15T25:00', 'America/New_York'),
      () => wallClockToInstant('2027-03-15T10:00', 'Mars/Olympus'),
      () => formatMeetingTime(at('2027-03-15T10:00', '2027-03-15T09:00'), 'en'),
    ]) {
      expect(bad).toThrow(AppError)
    }
    await expect(buildInvitation(invitation({ date: '2027-13-01' }))).rejects.toMatchObject({ code: 'validation', field: 'date' })
    await expect(buildInvitation(invitation({ meeting: { ...MEETING, start: 'soon' } }))).rejects.toMatchObject({ code: 'validation', field: 'meeting.start' })
  })
})

describe('protocol phrases', () => {
  it('reads honorifics as typed, in English or French', () => {
    expect(parseHonorific('H.E. Mr.')).toMatchObject({ excellency: true, gender: 'm', title: 'mr' })
    expect(parseHonorific('H.E. Ms.')).toMatchObject({ excellency: true, gender: 'f', title: 'ms' })
    expect(parseHonorific('H.E.')).toMatchObject({ excellency: true, gender: null, title: null })
    expect(parseHonorific('Mrs.')).toMatchObject({ excellency: false, gender: 'f', title: 'mrs' })
    expect(parseHonorific('Dr.')).toMatchObject({ excellency: false, gender: null, title: 'dr' })
    expect(parseHonorific('S.E. Mme')).toMatchObject({ excellency: true, gender: 'f', title: 'ms' })
    expect(parseHonorific('HE Mr')).toMatchObject({ excellency: true, gender: 'm' })
    expect(parseHonorific('Prof.')).toMatchObject({ excellency: false, title: 'other', other: 'Prof.' })
  })

  const person = (honorific: string, position = 'Permanent Representative') => ({ honorific, givenName: 'Kim', familyName: 'Example', position })
  const block = (honorific: string, language: 'en' | 'fr', org = GHANA, position?: string) =>
    addressee({ addressee: person(honorific, position), organisation: org, language, chair: invitation().chair })

  it('builds the address block, salutation and closing from the honorific', () => {
    expect(block('H.E. Ms.', 'en').lines).toEqual(['Her Excellency Ms. Kim Example', 'Permanent Representative of Ghana to the United Nations', 'New York'])
    expect(plain(block('H.E. Ms.', 'fr').lines[0])).toBe('S. E. Mme Kim Example')
    expect(block('H.E. Ms.', 'fr').lines[1]).toBe('Représentante permanente du Ghana auprès de l’Organisation des Nations Unies')
    expect(block('H.E.', 'en').lines[0]).toBe('H.E. Kim Example')
    expect(block('H.E.', 'en').salutation).toBe('Excellency,')
    expect(block('Mr.', 'en', GHANA, 'Counsellor').lines).toEqual(['Mr. Kim Example', 'Counsellor', 'Permanent Mission of Ghana to the United Nations', 'New York'])
    expect(block('Mr.', 'en').salutation).toBe('Dear Mr. Example,')
    expect(block('Mr.', 'en').closing).toBe('Yours sincerely,')
    expect(block('Mr.', 'fr').salutation).toBe('Monsieur,')
    expect(block('Mr.', 'fr').closing).toBe('Veuillez agréer, Monsieur, l’assurance de ma haute considération.')
    expect(block('Mrs.', 'fr', GHANA, 'First Secretary').lines.slice(0, 2).map(plain)).toEqual(['Mme Kim Example', 'Première Secrétaire'])
    expect(block('Mrs.', 'en').salutation).toBe('Dear Mrs. Example,')
    expect(block('Dr.', 'fr').salutation).toBe('Madame, Monsieur,')
    expect(block('', 'en').salutation).toBe('Dear Kim Example,')
    expect(block('Ms.', 'en', ICRC, '').lines).toEqual(['Ms. Kim Example', 'International Committee of the Red Cross'])
    expect(block('H.E. Mr.', 'en', EGYPT).lines[1]).toBe('Permanent Representative of Egypt to the United Nations')
    expect(block('H.E. Mr.', 'fr', EGYPT).lines[1]).toBe('Représentant permanent de l’Égypte auprès de l’Organisation des Nations Unies')
  })

  it('writes state and organisation names as they read in running text', () => {
    expect(enInText(NETHERLANDS)).toBe('the Kingdom of the Netherlands')
    expect(enInText({ kind: 'state', en: 'Bolivia (Plurinational State of)' })).toBe('the Plurinational State of Bolivia')
    expect(enInText({ kind: 'state', en: 'Niger' })).toBe('the Niger')
    expect(enInText({ kind: 'state', en: 'Ghana' })).toBe('Ghana')
    expect(enInText(ICRC)).toBe('the International Committee of the Red Cross')
    expect(enInText(PRI)).toBe('Penal Reform International')
    expect(frTo('du Ghana')).toBe('au Ghana')
    expect(frTo('de la Suède')).toBe('à la Suède')
    expect(frTo("de l'Égypte")).toBe("à l'Égypte")
    expect(frTo('des Pays-Bas (Royaume des)')).toBe('aux Pays-Bas (Royaume des)')
    expect(frOfInText('des Pays-Bas (Royaume des)')).toBe('du Royaume des Pays-Bas')
    expect(frOfInText("de l'Iran (République islamique d')")).toBe("de la République islamique d'Iran")
    expect(frOfInText('de la Bolivie (État plurinational de)')).toBe("de l'État plurinational de Bolivie")
    expect(frOfInText('du Ghana')).toBe('du Ghana')
    expect(frDefinite('du Mali')).toBe('le Mali')
    expect(frDefinite('de Cuba')).toBe('Cuba')
    expect(positionText('Deputy Permanent Representative', 'fr', 'f')).toBe('Représentante permanente adjointe')
    expect(positionText('Head of Corrections Unit', 'fr', 'm')).toBe('Head of Corrections Unit')
  })

  it('names the meeting by its kind, and adds the title when it says more', () => {
    expect(meetingPhrase({ kind: 'annual', title: 'Annual meeting 2027' }, 'en')).toBe('the annual meeting of the Group of Friends of Corrections in Peace Operations')
    expect(meetingPhrase({ kind: 'annual', title: 'GFC annual meeting' }, 'en')).toBe('the annual meeting of the Group of Friends of Corrections in Peace Operations')
    expect(meetingPhrase({ kind: 'side-event', title: 'Corrections in transitions' }, 'en')).toBe(
      'the side event of the Group of Friends of Corrections in Peace Operations, entitled “Corrections in transitions”,',
    )
    expect(plain(meetingPhrase({ kind: 'teleconference', title: 'Work plan review' }, 'fr'))).toBe(
      'la téléconférence du Groupe des amis des questions pénitentiaires dans les opérations de paix, intitulée « Work plan review »,',
    )
  })
})

describe('file names', () => {
  it('names an invitation by meeting date, short title, member, language and form', () => {
    expect(invitationFileName(invitation())).toBe('2027-03-15 Annual meeting - Ghana - EN - letter.docx')
    expect(invitationFileName(invitation({ language: 'fr', form: 'note-verbale', organisation: EGYPT }))).toBe('2027-03-15 Annual meeting - Egypt - FR - note verbale.docx')
    // Nothing is cut while the name fits.
    const icpa = { ...ICRC, en: 'International Corrections and Prisons Association' }
    expect(invitationFileName(invitation({ organisation: icpa }))).toBe('2027-03-15 Annual meeting - International Corrections and Prisons Association - EN - letter.docx')
  })

  it('replaces characters no file system accepts and stays short', () => {
    const name = invitationFileName(
      invitation({
        meeting: { ...MEETING, title: 'Review: "corrections/prisons" <MINUSCA|MONUSCO>? *draft* ' + 'very long title '.repeat(12) },
        organisation: { ...ICRC, en: 'Org: A/B\\C "quoted"? ' + 'name '.repeat(20) },
      }),
    )
    // eslint-disable-next-line no-control-regex -- none may be left
    expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/)
    expect(Array.from(name).length).toBeLessThanOrEqual(120)
    expect(name).toMatch(/^2027-03-15 Review 'corrections-prisons' MINUSCA-MONUSCO - /)
    expect(name).toContain(" - Org A-B-C 'quoted' name")
    expect(name).toMatch(/ - EN - letter\.docx$/)
    expect(meetingFileName(MEETING, 'participants', 'fr')).toBe('2027-03-15 Annual meeting - liste des participants - FR.docx')
    expect(meetingFileName(MEETING, 'calendar', 'en')).toBe('2027-03-15 Annual meeting - calendar.ics')
  })
})

describe('the builders stay pure node-side core', () => {
  it('import only the document libraries, zlib, the model and each other (no Electron, React, store or services)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { ROOT } = await import('../support/profile')
    const dir = join(ROOT, 'src-main/core/documents')
    const allowed = /^(\.\/[\w-]+|\.\.\/model\/[\w-]+|node:zlib|fflate|docx|docxtemplater(\/js\/inspect-module\.js)?|pizzip|@date-fns\/tz|timezones-ical-library|papaparse)$/
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8')
      for (const [, spec] of source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)) expect(spec, `${file} imports ${spec}`).toMatch(allowed)
    }
  })
})
