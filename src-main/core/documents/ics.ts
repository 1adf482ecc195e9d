import { tzlib_get_ical_block } from 'timezones-ical-library'
import type { Language } from '../model/fields'
import type { Response } from '../model/meeting'
import { AppError } from '../model/errors'
import { meetingInstants } from '../model/format'
import type { ChairInfo, IcsAttendee, MeetingInfo } from './types'
import { GROUP_NAME, localMeeting, venueText } from './wording'

// The meeting as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple
// Calendar import at the right time: one VEVENT whose start and end are wall-clock times in
// the meeting's own zone (DTSTART;TZID=…), with the matching VTIMEZONE.
//
// Why not the `ics` package for the event: it writes times only in UTC or as floating local
// times, never with a TZID parameter (so the VTIMEZONE would be orphaned and a floating time
// means "wherever the reader is"), and it folds lines every 75 characters rather than every
// 75 octets, so a line of accented or Arabic names can exceed the limit of RFC 5545 §3.1.
// The few lines of the event are written here; the VTIMEZONE comes from timezones-ical-library.

export interface IcsInput {
  meeting: MeetingInfo
  chair: ChairInfo
  attendees: IcsAttendee[]
  /** Stable across re-exports of the same meeting, so calendars update the event rather than duplicate it. */
  uid: string
  /** When the file is made (DTSTAMP). */
  stamp: Date | string
  /** The language of the summary's and description's fixed words; English unless told. */
  language?: Language
  /** The meeting's version: it rises each time its time or place changes (0 unless told). */
  sequence?: number
}

/** The invitee's answer as a calendar's participation status. */
const PARTSTAT: Record<Response, string> = {
  invited: 'NEEDS-ACTION',
  'no-answer': 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
}

const CRLF = '\r\n'
const encoder = new TextEncoder()

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
}

/** A parameter value (CN=…): quoted, without the characters a quoted value cannot hold (§3.2). */
function paramValue(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing them is the point
  return `"${text.replace(/[\u0000-\u001F\u007F"]/g, "'").trim()}"`
}

/** Folds a content line at 75 octets, never inside a UTF-8 character; continuation lines begin with a space (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const ch of line) {
    const size = encoder.encode(ch).length
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74 // the leading space takes one
    }
    current += ch
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

/** "20270315T140000Z". */
function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** "2027-03-15T10:00" → "20270315T100000". */
function localStamp(local: string): string {
  return `${local.replace(/[-:]/g, '')}00`
}

function mailto(email: string): string {
  return `mailto:${email.trim()}`
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/

/**
 * The VTIMEZONE block, named with the meeting's own zone: the library resolves links to the
 * zone that holds the rules (Europe/Stockholm → Europe/Berlin), but the event keeps its own
 * name, which is what a calendar shows.
 */
function timeZoneBlock(timeZone: string): { tzid: string; lines: string[] } | null {
  let block: string[] | string
  try {
    block = tzlib_get_ical_block(timeZone)
  } catch {
    return null
  }
  if (!Array.isArray(block) || !block[0]?.startsWith('BEGIN:VTIMEZONE')) return null
  if (!/^TZID=(.+)$/.test(block[1] ?? '')) return null
  const lines = block[0].split(/\r?\n/).filter(Boolean).map((l) => (l.startsWith('TZID:') ? `TZID:${timeZone}` : l))
  return { tzid: timeZone, lines }
}

function description(meeting: MeetingInfo, language: Language): string {
  const lines: string[] = [GROUP_NAME[language]]
  if (meeting.agenda.length) {
    lines.push('', language === 'fr' ? 'Ordre du jour provisoire :' : 'Provisional agenda:')
    meeting.agenda.forEach((item, i) => {
      const detail = [item.presenter.trim(), item.minutes > 0 ? `${item.minutes} min` : ''].filter(Boolean).join(', ')
      lines.push(`${i + 1}. ${item.title.trim()}${detail ? ` (${detail})` : ''}`)
    })
  }
  if (meeting.onlineLink.trim()) lines.push('', `${language === 'fr' ? 'En ligne' : 'Online'}: ${meeting.onlineLink.trim()}`)
  if (meeting.dialIn.trim()) lines.push(`${language === 'fr' ? 'Par téléphone' : 'By telephone'}: ${meeting.dialIn.trim()}`)
  if (meeting.rsvpContact.trim()) lines.push('', `${language === 'fr' ? 'Réponse' : 'RSVP'}: ${meeting.rsvpContact.trim()}`)
  return lines.join('\n')
}

/** The .ics text: CRLF line endings, folded lines, one event. */
export function buildIcs(input: IcsInput): string {
  const { chair, attendees } = input
  const language = input.language ?? 'en'
  const meeting = localMeeting(input.meeting, language)
  const { start, end } = meetingInstants(meeting)
  const stamp = input.stamp instanceof Date ? input.stamp : new Date(input.stamp)
  if (Number.isNaN(stamp.getTime())) throw new AppError('validation', `Not an instant: "${String(input.stamp)}"`, 'stamp')
  if (!input.uid.trim()) throw new AppError('validation', 'The calendar event needs a UID', 'uid', 'validation.required')

  const zone = timeZoneBlock(meeting.timeZone)
  // With attendees, the file is a request (RFC 5546), which needs its organizer: the Chair's
  // e-mail. Without either, it is published: a calendar adds the event, with no one to answer.
  const organizer = EMAIL.test(chair.email.trim()) ? chair.email.trim() : ''
  const seen = new Set<string>()
  const invited = organizer
    ? attendees.filter((a) => {
        const email = a.email.trim().toLowerCase()
        if (!EMAIL.test(email) || seen.has(email) || email === organizer.toLowerCase()) return false
        seen.add(email)
        return true
      })
    : []
  const method = invited.length ? 'REQUEST' : 'PUBLISH'
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//GFC Desk//Meeting documents//EN', 'CALSCALE:GREGORIAN', `METHOD:${method}`]
  if (zone) lines.push(...zone.lines)
  lines.push('BEGIN:VEVENT', `UID:${escapeText(input.uid.trim())}`, `DTSTAMP:${utcStamp(stamp)}`)
  if (zone) {
    lines.push(`DTSTART;TZID=${zone.tzid}:${localStamp(meeting.start)}`, `DTEND;TZID=${zone.tzid}:${localStamp(meeting.end)}`)
  } else {
    // A zone the library does not know: the same instants in UTC, which every calendar reads right.
    lines.push(`DTSTART:${utcStamp(start)}`, `DTEND:${utcStamp(end)}`)
  }
  const summary = meeting.title.trim() || GROUP_NAME[language]
  lines.push(`SUMMARY:${escapeText(summary)}`)
  const location = venueText(meeting) || meeting.onlineLink.trim()
  if (location) lines.push(`LOCATION:${escapeText(location)}`)
  lines.push(`DESCRIPTION:${escapeText(description(meeting, language))}`)
  if (meeting.onlineLink.trim()) lines.push(`URL:${meeting.onlineLink.trim()}`)
  if (organizer) {
    const cn = chair.missionName.trim() || chair.signatoryName.trim()
    lines.push(`ORGANIZER${cn ? `;CN=${paramValue(cn)}` : ''}:${mailto(organizer)}`)
  }
  for (const a of invited) {
    const cn = a.name.trim() ? `;CN=${paramValue(a.name)}` : ''
    const status = PARTSTAT[a.response ?? 'invited'] ?? 'NEEDS-ACTION'
    lines.push(`ATTENDEE${cn};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${status}${status === 'NEEDS-ACTION' ? ';RSVP=TRUE' : ''}:${mailto(a.email)}`)
  }
  const sequence = Math.max(0, Math.floor(input.sequence ?? 0))
  lines.push('STATUS:CONFIRMED', `SEQUENCE:${sequence}`, 'TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}
