import { tzOffset, TZDate } from '@date-fns/tz'
import type { Language } from './fields'
import { AppError } from './errors'

// Dates and times as the documents write them, in English and French. Pure functions
// (no clock, no locale of the machine): the UI can show the very same strings.
// Month and weekday names are spelled here rather than taken from Intl, so that the
// wording does not move with the ICU version of Node or Electron.

export const NEW_YORK = 'America/New_York'

/** A no-break space: French puts one before ":" and inside « », and in "10 h 00". */
export const NBSP = '\u00a0'

const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
}
const WEEKDAYS: Record<Language, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
}

interface Ymd {
  y: number
  m: number
  d: number
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

function parseDate(iso: string, field = 'date'): Ymd {
  const m = ISO_DATE.exec(iso)
  const ymd = m ? { y: +m[1], m: +m[2], d: +m[3] } : null
  if (!ymd || !validYmd(ymd)) throw new AppError('validation', `Not a date (YYYY-MM-DD): "${iso}"`, field, 'validation.date')
  return ymd
}

function validYmd({ y, m, d }: Ymd): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

interface LocalDateTime extends Ymd {
  hh: number
  mm: number
}

function parseLocal(local: string, field: string): LocalDateTime {
  const m = LOCAL_DATE_TIME.exec(local)
  const v = m ? { y: +m[1], m: +m[2], d: +m[3], hh: +m[4], mm: +m[5] } : null
  if (!v || !validYmd(v) || v.hh > 23 || v.mm > 59) {
    throw new AppError('validation', `Not a date and time (YYYY-MM-DDThh:mm): "${local}"`, field, 'validation.dateTime')
  }
  return v
}

function weekday({ y, m, d }: Ymd): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

function dayNumber(d: number, language: Language): string {
  return language === 'fr' && d === 1 ? '1er' : String(d)
}

/** The day and the month are joined by a no-break space: a line never ends between them. */
function ymdText(v: Ymd, language: Language): string {
  return `${dayNumber(v.d, language)}${NBSP}${MONTHS[language][v.m - 1]} ${v.y}`
}

/** "1 February 2027" / "1er février 2027". */
export function formatDate(iso: string, language: Language): string {
  return ymdText(parseDate(iso), language)
}

/** "Monday, 15 March 2027" / "lundi 15 mars 2027". */
export function formatWeekdayDate(iso: string, language: Language): string {
  return weekdayText(parseDate(iso), language)
}

function weekdayText(v: Ymd, language: Language): string {
  const day = WEEKDAYS[language][weekday(v)]
  return language === 'fr' ? `${day} ${ymdText(v, language)}` : `${day}, ${ymdText(v, language)}`
}

/**
 * "10:00" / "10 h 00" (24-hour clock, as both languages write it in UN documents); in English on
 * the 12-hour clock (`clock12`), as UN New York writes it: "10 a.m.", "3.30 p.m.", "12 noon".
 */
export function formatTime(hh: number, mm: number, language: Language, clock12 = false): string {
  const m = String(mm).padStart(2, '0')
  if (language === 'fr') return `${hh}${NBSP}h${NBSP}${m}`
  if (!clock12) return `${String(hh).padStart(2, '0')}:${m}`
  if (mm === 0 && hh === 12) return `12${NBSP}noon`
  if (mm === 0 && hh === 0) return `12${NBSP}midnight`
  return `${hh % 12 || 12}${mm ? `.${m}` : ''}${NBSP}${hh < 12 ? 'a.m.' : 'p.m.'}`
}

/** "UTC−04:00", "UTC+05:30", "UTC+00:00" (with a true minus sign). */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '\u2212' : '+'
  const a = Math.abs(minutes)
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
}

// Making an Intl.DateTimeFormat is slow (a fraction of a millisecond): one per zone and language.
const knownZones = new Set<string>()
const zoneNames = new Map<string, Intl.DateTimeFormat>()

function checkZone(timeZone: string): void {
  if (knownZones.has(timeZone)) return
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new AppError('validation', `Unknown time zone: "${timeZone}"`, 'meeting.timeZone', 'validation.timeZone')
  }
  knownZones.add(timeZone)
}

/**
 * The instant of a wall-clock time in an IANA zone: "2027-03-15T10:00" in America/New_York
 * is 14:00 UTC. A time that the zone skips (spring forward) moves on by the gap, as clocks do.
 */
export function wallClockToInstant(local: string, timeZone: string, field = 'meeting.start'): Date {
  checkZone(timeZone)
  const v = parseLocal(local, field)
  return new Date(new TZDate(v.y, v.m - 1, v.d, v.hh, v.mm, timeZone).getTime())
}

/** The wall-clock reading of an instant in a zone. */
export function instantToWallClock(at: Date, timeZone: string): LocalDateTime {
  const t = new TZDate(at.getTime(), timeZone)
  return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate(), hh: t.getHours(), mm: t.getMinutes() }
}

/** "New York time" / "heure de New York" for New York; otherwise the zone's generic name from ICU. */
export function zoneLabel(timeZone: string, language: Language, at: Date): string {
  if (timeZone === NEW_YORK) return language === 'fr' ? 'heure de New York' : 'New York time'
  if (/^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu)$/.test(timeZone)) return language === 'fr' ? 'temps universel coordonné' : 'Coordinated Universal Time'
  let name: string
  try {
    const key = `${language} ${timeZone}`
    let dtf = zoneNames.get(key)
    if (!dtf) zoneNames.set(key, (dtf = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'longGeneric' })))
    const parts = dtf.formatToParts(at)
    name = parts.find((p) => p.type === 'timeZoneName')?.value ?? ''
  } catch {
    name = ''
  }
  // ICU falls back to "GMT+03:00" for zones it has no name for: the zone's city says more.
  if (!name || /^(GMT|UTC)([+-−]|$)/.test(name)) {
    const city = (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ')
    return language === 'fr' ? `heure de ${city}` : `${city} time`
  }
  return name
}

export interface MeetingTimes {
  start: string
  end: string
  timeZone: string
}

/** The meeting's start and end as instants. */
export function meetingInstants(meeting: MeetingTimes): { start: Date; end: Date } {
  const start = wallClockToInstant(meeting.start, meeting.timeZone, 'meeting.start')
  const end = wallClockToInstant(meeting.end, meeting.timeZone, 'meeting.end')
  if (end.getTime() <= start.getTime()) {
    throw new AppError('validation', 'The meeting ends before it starts', 'meeting.end', 'validation.endBeforeStart')
  }
  return { start, end }
}

function sameDay(a: Ymd, b: Ymd): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d
}

/** "Monday, 15 March 2027" / "lundi 15 mars 2027": the day the meeting starts, in its zone. */
export function formatMeetingDate(meeting: MeetingTimes, language: Language): string {
  return weekdayText(parseLocal(meeting.start, 'meeting.start'), language)
}

/** From/to wall-clock times, with their days when they are not all on `day`. */
function span(s: LocalDateTime, e: LocalDateTime, language: Language, day: Ymd | null, clock12: boolean): string {
  const t = (v: LocalDateTime) => formatTime(v.hh, v.mm, language, clock12)
  const onDay = (v: LocalDateTime) => `${weekdayText(v, language)}, ${t(v)}`
  if (day && sameDay(s, day) && sameDay(e, day)) {
    return language === 'fr' ? `de ${t(s)} à ${t(e)}` : `from ${t(s)} to ${t(e)}`
  }
  if (sameDay(s, e)) {
    return language === 'fr' ? `le ${weekdayText(s, language)}, de ${t(s)} à ${t(e)}` : `on ${weekdayText(s, language)}, from ${t(s)} to ${t(e)}`
  }
  return language === 'fr' ? `du ${onDay(s)}, au ${onDay(e)}` : `from ${onDay(s)}, to ${onDay(e)}`
}

/**
 * "from 10:00 to 13:00 (New York time, UTC−04:00)" / "de 10 h 00 à 13 h 00 (heure de New York, UTC−04:00)";
 * when the meeting's zone is not New York's, the New York time follows:
 * "from 10:00 to 13:00 (Central European Time, UTC+01:00; i.e. from 05:00 to 08:00 New York time)".
 * A meeting over several days: "from Monday, 15 March 2027, 10:00, to Tuesday, 16 March 2027, 13:00 (…)".
 */
export function formatMeetingTime(meeting: MeetingTimes, language: Language, clock12 = false): string {
  return memo(`time ${language} ${clock12} ${meeting.start} ${meeting.end} ${meeting.timeZone}`, () => meetingTimeText(meeting, language, clock12))
}

// The same meeting is written in every invitation of a batch: its times are worked out once.
const cache = new Map<string, string>()
function memo(key: string, make: () => string): string {
  let v = cache.get(key)
  if (v === undefined) {
    v = make()
    if (cache.size > 500) cache.clear()
    cache.set(key, v)
  }
  return v
}

function meetingTimeText(meeting: MeetingTimes, language: Language, clock12: boolean): string {
  const { start, end } = meetingInstants(meeting)
  const s = parseLocal(meeting.start, 'meeting.start')
  const e = parseLocal(meeting.end, 'meeting.end')
  const zone = `${zoneLabel(meeting.timeZone, language, start)}, ${formatUtcOffset(tzOffset(meeting.timeZone, start))}`
  const local = span(s, e, language, sameDay(s, e) ? s : null, clock12)
  if (meeting.timeZone === NEW_YORK) return `${local} (${zone})`
  const ns = instantToWallClock(start, NEW_YORK)
  const ne = instantToWallClock(end, NEW_YORK)
  const ny = span(ns, ne, language, sameDay(s, e) ? s : null, clock12)
  return language === 'fr'
    ? `${local} (${zone}, soit ${ny}, heure de New York)`
    : `${local} (${zone}; i.e. ${ny} New York time)`
}

/**
 * "Monday, 15 March 2027, from 10:00 to 13:00 (New York time, UTC−04:00)" /
 * "lundi 15 mars 2027, de 10 h 00 à 13 h 00 (heure de New York, UTC−04:00)".
 */
export function formatMeetingWhen(meeting: MeetingTimes, language: Language, clock12 = false): string {
  const s = parseLocal(meeting.start, 'meeting.start')
  const e = parseLocal(meeting.end, 'meeting.end')
  const time = formatMeetingTime(meeting, language, clock12)
  return sameDay(s, e) ? `${weekdayText(s, language)}, ${time}` : time
}

/** "10:00–10:15" / "10 h 00 – 10 h 15": a slot of the agenda from the meeting's start. */
export function formatSlot(startLocal: string, fromMinutes: number, minutes: number, language: Language, clock12 = false): string {
  const v = parseLocal(startLocal, 'meeting.start')
  const at = (offset: number) => {
    const total = v.hh * 60 + v.mm + offset
    return formatTime(Math.floor(total / 60) % 24, total % 60, language, clock12)
  }
  return language === 'fr' ? `${at(fromMinutes)} – ${at(fromMinutes + minutes)}` : `${at(fromMinutes)}–${at(fromMinutes + minutes)}`
}

/** Checks a "YYYY-MM-DD" date (throws the AppError the builders give for a bad one). */
export function checkDate(iso: string, field: string): void {
  parseDate(iso, field)
}

const SHORT_MONTHS: Record<Language, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
}

function parseMonth(ym: string, field: string): { y: number; m: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(ym)
  if (!match) throw new AppError('validation', `Not a month (YYYY-MM): "${ym}"`, field, 'validation.month')
  return { y: +match[1], m: +match[2] }
}

/** "March 2027" / "mars 2027"; short: "Mar 2027" / "mars 2027", "Dec 2027" / "déc. 2027". */
export function formatMonth(ym: string, language: Language, short = false): string {
  const { y, m } = parseMonth(ym, 'month')
  return `${(short ? SHORT_MONTHS : MONTHS)[language][m - 1]}${NBSP}${y}`
}

/** "Mar 2027 – Dec 2027" (short) or "March 2027 – December 2027"; one month alone when both ends are the same. */
export function formatMonthSpan(start: string, end: string, language: Language, short = false): string {
  const a = formatMonth(start, language, short)
  return start === end ? a : `${a} – ${formatMonth(end, language, short)}`
}
