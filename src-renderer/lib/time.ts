import type { UiLanguage } from './format'
import { isTimeZone } from '../../src-main/core/model/meeting'

// Meeting times as the screens show them. A meeting's start and end are wall-clock readings
// in its own IANA zone ("2027-03-15T10:00" in Europe/Vienna); the instant they stand for is
// found with Intl alone, so the renderer needs no time-zone library.

export const NEW_YORK = 'America/New_York'

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

const partsCache = new Map<string, Intl.DateTimeFormat>()
function partsFormat(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsCache.set(tz, f)
  }
  return f
}

/** Minutes the zone is ahead of UTC at that instant (New York in summer: −240). */
export function offsetMinutes(tz: string, at: Date): number {
  const p = Object.fromEntries(partsFormat(tz).formatToParts(at).map((x) => [x.type, x.value]))
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second)
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000)
}

/** "UTC−04:00", "UTC+05:30" (with a true minus sign). */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '\u2212' : '+'
  const a = Math.abs(minutes)
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
}

/** A "YYYY-MM-DDTHH:mm" string, checked; null when it is not one. */
export function parseLocal(local: string): { y: number; m: number; d: number; hh: number; mm: number } | null {
  const m = LOCAL.exec(local)
  if (!m) return null
  const v = { y: +m[1], m: +m[2], d: +m[3], hh: +m[4], mm: +m[5] }
  if (v.m < 1 || v.m > 12 || v.d < 1 || v.d > new Date(Date.UTC(v.y, v.m, 0)).getUTCDate() || v.hh > 23 || v.mm > 59) return null
  return v
}

/** The instant of a wall-clock reading in a zone; a time the zone skips moves on by the gap. */
export function wallClockToInstant(local: string, tz: string): Date | null {
  const v = parseLocal(local)
  if (!v || !isTimeZone(tz)) return null
  const guess = Date.UTC(v.y, v.m - 1, v.d, v.hh, v.mm)
  const first = offsetMinutes(tz, new Date(guess))
  let t = guess - first * 60000
  const second = offsetMinutes(tz, new Date(t))
  if (second !== first) t = guess - second * 60000
  return new Date(t)
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
  const s = wallClockToInstant(start, meetingZone)
  const e = wallClockToInstant(end, meetingZone)
  if (!s || !e || !isTimeZone(readIn)) return null
  const loc = locale(lang)
  const day = new Intl.DateTimeFormat(loc, { timeZone: readIn, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  const clock = new Intl.DateTimeFormat(loc, { timeZone: readIn, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const sameDay = day.format(s) === day.format(e)
  const time = sameDay ? `${clock.format(s)}–${clock.format(e)}` : `${clock.format(s)} – ${day.format(e)}, ${clock.format(e)}`
  return { date: day.format(s), time, zone: `${zoneName(readIn, lang, s)}, ${formatOffset(offsetMinutes(readIn, s))}` }
}

/** The day a meeting starts and its start time, in its own zone: "Mon 15 Mar 2027, 10:00". */
export function formatMeetingStart(start: string, lang: UiLanguage): string {
  const v = parseLocal(start)
  if (!v) return start
  const d = new Date(Date.UTC(v.y, v.m - 1, v.d))
  const date = new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(d)
  return `${date}, ${formatClock(start)}`
}
