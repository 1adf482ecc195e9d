import { tzOffset } from '@date-fns/tz'
import { formatUtcOffset, NEW_YORK, wallClockToInstant } from '../../src-main/core/model/format'
import { isTimeZone } from '../../src-main/core/model/meeting'
import type { UiLanguage } from './format'

// Meeting times as the screens show them. A meeting's start and end are wall-clock readings
// in its own IANA zone ("2027-03-15T10:00" in Europe/Vienna); the instant they stand for, and
// the zone's offset then, are worked out as the documents do (core/model/format.ts).

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

function locale(lang: UiLanguage): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB'
}

/** The zone of this computer, e.g. "Europe/Paris". */
export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

let zoneCache: string[] | null = null
/** Every IANA zone this engine knows (plus UTC), for the time-zone pick-list. */
export function allTimeZones(): string[] {
  if (zoneCache) return zoneCache
  let list: string[]
  try {
    list = Intl.supportedValuesOf('timeZone')
  } catch {
    list = []
  }
  const set = new Set(list.filter((z) => z.includes('/')))
  for (const z of [NEW_YORK, 'UTC']) set.add(z)
  zoneCache = [...set].sort()
  return zoneCache
}

/** A "YYYY-MM-DDTHH:mm" string, checked; null when it is not one. */
export function parseLocal(local: string): { y: number; m: number; d: number; hh: number; mm: number } | null {
  const m = LOCAL.exec(local)
  if (!m) return null
  const v = { y: +m[1], m: +m[2], d: +m[3], hh: +m[4], mm: +m[5] }
  if (v.m < 1 || v.m > 12 || v.d < 1 || v.d > new Date(Date.UTC(v.y, v.m, 0)).getUTCDate() || v.hh > 23 || v.mm > 59) return null
  return v
}

/** The instant of a wall-clock reading in its zone, as the documents compute it; null while the
 *  form holds something that is not one yet. */
export function instantOf(local: string, tz: string): Date | null {
  try {
    return wallClockToInstant(local, tz)
  } catch {
    return null
  }
}

/** A wall-clock reading moved on by some minutes ("2027-03-15T10:00" + 90 = "…T11:30"). */
export function addMinutes(local: string, minutes: number): string {
  const v = parseLocal(local)
  if (!v) return ''
  const d = new Date(Date.UTC(v.y, v.m - 1, v.d, v.hh, v.mm) + minutes * 60000)
  return d.toISOString().slice(0, 16)
}

/** "10:00" in either language (24-hour clock, as UN documents write it). */
export function formatClock(local: string): string {
  return local.slice(11, 16)
}

/** The zone's name in the interface language: "Eastern Time", "heure d’Europe centrale"; else its city. */
export function zoneName(tz: string, lang: UiLanguage, at: Date = new Date()): string {
  if (tz === 'UTC') return lang === 'fr' ? 'temps universel coordonné' : 'Coordinated Universal Time'
  let name: string
  try {
    const parts = new Intl.DateTimeFormat(locale(lang), { timeZone: tz, timeZoneName: 'longGeneric' }).formatToParts(at)
    name = parts.find((p) => p.type === 'timeZoneName')?.value ?? ''
  } catch {
    name = ''
  }
  if (!name || /^(GMT|UTC)([+\-−]|$)/.test(name)) return zoneCity(tz)
  return name
}

/** "New York" for America/New_York. */
export function zoneCity(tz: string): string {
  return (tz.split('/').pop() ?? tz).replace(/_/g, ' ')
}

export interface ZoneReading {
  /** "Monday 15 March 2027" */
  date: string
  /** "10:00–13:00", or with both days when the span crosses midnight in that zone. */
  time: string
  /** "Eastern Time, UTC−04:00" */
  zone: string
}

/** A meeting's span read in a zone (its own, New York's, this computer's). Null when the times are not valid. */
export function readSpan(start: string, end: string, meetingZone: string, readIn: string, lang: UiLanguage): ZoneReading | null {
  const s = instantOf(start, meetingZone)
  const e = instantOf(end, meetingZone)
  if (!s || !e || !isTimeZone(readIn)) return null
  const loc = locale(lang)
  const day = new Intl.DateTimeFormat(loc, { timeZone: readIn, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  const clock = new Intl.DateTimeFormat(loc, { timeZone: readIn, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const sameDay = day.format(s) === day.format(e)
  const time = sameDay ? `${clock.format(s)}–${clock.format(e)}` : `${clock.format(s)} – ${day.format(e)}, ${clock.format(e)}`
  return { date: day.format(s), time, zone: `${zoneName(readIn, lang, s)}, ${formatUtcOffset(tzOffset(readIn, s))}` }
}

/** The day a meeting starts and its start time, in its own zone: "Mon 15 Mar 2027, 10:00". */
export function formatMeetingStart(start: string, lang: UiLanguage): string {
  const v = parseLocal(start)
  if (!v) return start
  const d = new Date(Date.UTC(v.y, v.m - 1, v.d))
  const date = new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(d)
  return `${date}, ${formatClock(start)}`
}
