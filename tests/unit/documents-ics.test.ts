import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildIcs } from '../../src-main/core/documents'
import type { IcsInput } from '../../src-main/core/documents/ics'
import { CHAIR, docsDir, MEETING, readIcs, requireTools, writeFiles, type IcsDump } from '../support/docs'

// The .ics file read back by Python's icalendar (Debian's python3-icalendar), an independent parser.

const ATTENDEES: IcsInput['attendees'] = [
  { name: 'H.E. Mr. Kwame Sampleson', email: 'k.sampleson@ghana-mission.example', response: 'accepted' },
  { name: 'محمد عبد الله المثال, Counsellor', email: 'm.abdallah@egypt-mission.example', response: 'declined' },
  { name: 'Ms. Zoë "Zo" Éxample; Director', email: 'zoe@icrc.example', response: 'tentative' },
  { name: 'Mr. Kofi Example', email: 'kofi@rwanda-mission.example', response: 'no-answer' },
  { name: 'No address', email: '' },
  { name: 'Duplicate', email: 'ZOE@icrc.example' },
]

function input(over: Partial<IcsInput> = {}): IcsInput {
  return { meeting: MEETING, chair: CHAIR, attendees: ATTENDEES, uid: `${MEETING.id}@gfc-desk`, stamp: new Date('2027-02-01T12:00:00Z'), ...over }
}

const CASES: Record<string, IcsInput> = {
  newYork: input(),
  geneva: input({
    meeting: { ...MEETING, timeZone: 'Europe/Zurich', title: 'Side event: corrections in transitions, Geneva', city: 'Geneva', address: 'Palais des Nations, Room XII', onlineLink: '' },
  }),
  // The library knows Accra as a link to Abidjan, and Stockholm to Berlin: the event keeps its own zone's name.
  accra: input({ meeting: { ...MEETING, timeZone: 'Africa/Accra', start: '2027-11-02T09:30', end: '2027-11-03T16:00' } }),
  stockholm: input({ meeting: { ...MEETING, timeZone: 'Europe/Stockholm', city: 'Stockholm', address: 'Rosenbad' }, sequence: 2 }),
  published: input({ attendees: [] }),
  noOrganizer: input({ chair: { ...CHAIR, email: '' } }),
  online: input({ meeting: { ...MEETING, timeZone: 'Asia/Kolkata', city: '', address: '', dialIn: '' }, language: 'fr' }),
}

let dir: { dir: string; cleanup: () => void }
const text: Record<string, string> = {}
const parsed: Record<string, IcsDump> = {}

beforeAll(async () => {
  requireTools()
  dir = docsDir('ics')
  for (const [name, i] of Object.entries(CASES)) text[name] = buildIcs(i)
  const paths = writeFiles(dir.dir, Object.fromEntries(Object.entries(text).map(([k, v]) => [`${k}.ics`, v])))
  for (const [file, path] of Object.entries(paths)) parsed[file.replace(/\.ics$/, '')] = await readIcs(path)
}, 60_000)

afterAll(() => dir?.cleanup())

describe('the .ics file', () => {
  it('puts the event at the right instant, in the meeting zone with its VTIMEZONE', () => {
    const expected: Record<string, [string, string, string]> = {
      newYork: ['America/New_York', '2027-03-15T14:00:00+00:00', '2027-03-15T17:00:00+00:00'],
      geneva: ['Europe/Zurich', '2027-03-15T09:00:00+00:00', '2027-03-15T12:00:00+00:00'],
      accra: ['Africa/Accra', '2027-11-02T09:30:00+00:00', '2027-11-03T16:00:00+00:00'],
      stockholm: ['Europe/Stockholm', '2027-03-15T09:00:00+00:00', '2027-03-15T12:00:00+00:00'],
      online: ['Asia/Kolkata', '2027-03-15T04:30:00+00:00', '2027-03-15T07:30:00+00:00'],
    }
    for (const [name, [tzid, start, end]] of Object.entries(expected)) {
      const cal = parsed[name]
      expect(cal.version).toBe('2.0')
      expect(cal.events, name).toHaveLength(1)
      const ev = cal.events[0]
      expect(ev.tzid, name).toBe(tzid)
      expect(cal.vtimezones, name).toEqual([tzid])
      expect([ev.start_utc, ev.end_utc], name).toEqual([start, end])
      expect(text[name]).toContain(`DTSTART;TZID=${tzid}:`)
    }
  })

  it('writes UID, DTSTAMP, SUMMARY, LOCATION, DESCRIPTION with the agenda, URL and ORGANIZER', () => {
    const ev = parsed.newYork.events[0]
    expect(ev.uid).toBe(`${MEETING.id}@gfc-desk`)
    expect(ev.dtstamp).toBe('2027-02-01T12:00:00+00:00')
    expect(ev.summary).toBe('Annual meeting 2027')
    expect(ev.location).toBe('United Nations Headquarters, Conference Room 7, New York')
    expect(ev.url).toBe('https://meet.example.org/gfc-2027')
    expect(ev.description).toContain('Provisional agenda:\n1. Opening of the meeting and adoption of the agenda (Sweden (Chair), 10 min)')
    expect(ev.description).toContain('5. Selection of the next Chair')
    expect(ev.organizer).toEqual({ email: 'mailto:gfc.chair@gov.example', cn: 'Permanent Mission of Sweden to the United Nations' })
    // Text with commas and semicolons comes back as written.
    expect(parsed.geneva.events[0].summary).toBe('Side event: corrections in transitions, Geneva')
    expect(parsed.geneva.events[0].url).toBeNull()
    // An online meeting is located at its link.
    expect(parsed.online.events[0].location).toBe('https://meet.example.org/gfc-2027')
    expect(parsed.online.events[0].description).toContain('Ordre du jour provisoire')
  })

  it('lists the attendees with a name, a mailto, ROLE, and PARTSTAT from their answer; none without an address, none twice', () => {
    const attendees = parsed.newYork.events[0].attendees
    expect(attendees.map((a) => a.email)).toEqual([
      'mailto:k.sampleson@ghana-mission.example',
      'mailto:m.abdallah@egypt-mission.example',
      'mailto:zoe@icrc.example',
      'mailto:kofi@rwanda-mission.example',
    ])
    expect(attendees.map((a) => a.cn)).toEqual(['H.E. Mr. Kwame Sampleson', 'محمد عبد الله المثال, Counsellor', "Ms. Zoë 'Zo' Éxample; Director", 'Mr. Kofi Example'])
    expect(attendees.map((a) => [a.partstat, a.rsvp])).toEqual([
      ['ACCEPTED', null],
      ['DECLINED', null],
      ['TENTATIVE', null],
      ['NEEDS-ACTION', 'TRUE'],
    ])
    for (const a of attendees) expect(a.role).toBe('REQ-PARTICIPANT')
  })

  it('is a REQUEST with its ORGANIZER when it has attendees, and PUBLISH without', () => {
    expect(parsed.newYork.method).toBe('REQUEST')
    expect(parsed.newYork.events[0].organizer?.email).toBe('mailto:gfc.chair@gov.example')
    expect(parsed.published.method).toBe('PUBLISH')
    expect(parsed.published.events[0].attendees).toEqual([])
    // No e-mail for the Chair: no organizer, so no request and no attendees (RFC 5546).
    expect(parsed.noOrganizer.method).toBe('PUBLISH')
    expect(parsed.noOrganizer.events[0].organizer).toBeNull()
    expect(parsed.noOrganizer.events[0].attendees).toEqual([])
  })

  it('carries the meeting SEQUENCE, so that a calendar updates the event', () => {
    expect(parsed.newYork.events[0].sequence).toBe(0)
    expect(parsed.stockholm.events[0].sequence).toBe(2)
  })

  it('ends lines with CRLF and folds them at 75 octets without cutting a character', () => {
    for (const [name, t] of Object.entries(text)) {
      expect(t.endsWith('\r\n'), name).toBe(true)
      expect(t.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      const lines = t.split('\r\n').slice(0, -1)
      for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75)
      // Folding never splits a UTF-8 sequence: each physical line is valid UTF-8 on its own.
      for (const line of lines) expect(Buffer.from(Buffer.from(line, 'utf8').toString('utf8'), 'utf8').toString('utf8')).toBe(line)
      expect(lines.some((l) => l.startsWith(' ')), name).toBe(true)
      expect(lines[0]).toBe('BEGIN:VCALENDAR')
      expect(lines.at(-1)).toBe('END:VCALENDAR')
    }
  })

  it('refuses an event without a UID or with an impossible time', () => {
    expect(() => buildIcs(input({ uid: ' ' }))).toThrow(/UID/)
    expect(() => buildIcs(input({ meeting: { ...MEETING, end: '2027-03-15T09:00' } }))).toThrow(/ends before it starts/)
    expect(() => buildIcs(input({ meeting: { ...MEETING, timeZone: 'Mars/Olympus' } }))).toThrow(/time zone/)
  })
})
