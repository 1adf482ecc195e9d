import type { Language } from '../model/fields'
import type { InvitationInput, MeetingInfo } from './types'

// File names a secretary can find again in a folder, sorted by meeting date, and that every
// file system accepts (Windows, macOS, Linux): "2027-03-15 Annual meeting - Ghana - EN - letter.docx".

export const MAX_FILE_NAME = 120

/** Replaces what a file name may not hold on Windows, macOS or Linux, and tidies the spaces. */
export function safeFileNamePart(text: string): string {
  return text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
    .replace(/"/g, "'")
    .replace(/[/\\|]/g, '-')
    .replace(/[<>:?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '')
}

/** Cuts at a word boundary to at most `max` characters (whole code points). */
function shorten(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  const cut = chars.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;-]+$/, '')
}

function meetingDay(meeting: Pick<MeetingInfo, 'start'>): string {
  return /^\d{4}-\d{2}-\d{2}/.test(meeting.start) ? meeting.start.slice(0, 10) : 'undated'
}

/** "Annual meeting", without a year the date already says. */
function shortTitle(title: string): string {
  const t = safeFileNamePart(title.replace(/\b(19|20)\d\d\b/g, ' ')).replace(/[\s-]+$/, '')
  return t || 'Meeting'
}

/**
 * Joins "date title - part - part…"; when that is too long, shortens the parts that have a cap
 * (title, member), each first to its cap, then further, until the name fits.
 */
function assemble(date: string, parts: { text: string; cap?: number }[], ext: string): string {
  const budget = MAX_FILE_NAME - ext.length
  const p = parts.map((x) => ({ text: safeFileNamePart(x.text), cap: x.cap })).filter((x) => x.text)
  const join = () => `${date} ${p.map((x) => x.text).join(' - ')}`
  const over = () => Array.from(join()).length - budget
  for (const floor of [(x: { cap?: number }) => x.cap ?? 0, () => 8]) {
    for (const x of p) {
      if (over() <= 0) break
      if (!x.cap) continue
      const length = Array.from(x.text).length
      x.text = shorten(x.text, Math.max(floor(x), length - over()))
    }
  }
  let name = join()
  if (Array.from(name).length > budget) name = Array.from(name).slice(0, budget).join('').trimEnd()
  return name + ext
}

/**
 * "2027-03-15 Annual meeting - Ghana - EN - letter.docx" / "… - Ghana - FR - note verbale.docx": the
 * member's English name and the form in English whatever the language, so that a folder sorts and
 * searches the same for both.
 */
export function invitationFileName(input: Pick<InvitationInput, 'meeting' | 'organisation' | 'language' | 'form'>): string {
  const member = input.organisation.en.trim() || input.organisation.fr.trim() || input.organisation.acronym.trim() || 'member'
  const form = input.form === 'letter' ? 'letter' : 'note verbale'
  return assemble(
    meetingDay(input.meeting),
    [{ text: shortTitle(input.meeting.title), cap: 50 }, { text: member, cap: 40 }, { text: input.language.toUpperCase() }, { text: form }],
    '.docx',
  )
}

export type MeetingDocumentKind = 'invitations' | 'agenda' | 'participants' | 'comments' | 'calendar'

const WHAT: Record<MeetingDocumentKind, Record<Language, string>> = {
  invitations: { en: 'invitations', fr: 'invitations' },
  agenda: { en: 'provisional agenda', fr: 'ordre du jour provisoire' },
  participants: { en: 'list of participants', fr: 'liste des participants' },
  comments: { en: 'written comments', fr: 'observations écrites' },
  calendar: { en: 'calendar', fr: 'calendrier' },
}

/** "2027-03-15 Annual meeting - list of participants - EN.docx"; the calendar file ends in .ics. */
export function meetingFileName(meeting: Pick<MeetingInfo, 'start' | 'title'>, kind: MeetingDocumentKind, language: Language): string {
  const ext = kind === 'calendar' ? '.ics' : '.docx'
  const parts = [{ text: shortTitle(meeting.title), cap: 80 }, { text: WHAT[kind][language] }]
  if (kind !== 'calendar') parts.push({ text: language.toUpperCase() })
  return assemble(meetingDay(meeting), parts, ext)
}

/**
 * "GFC work plan 2027-01–2027-12 - EN.docx", "GFC work plan from 2027-03 - FR.csv", "GFC work plan - EN.docx"
 * (every period): the language too, since the columns and labels are in it.
 */
export function workplanFileName(period: { from: string; to: string }, language: Language, format: 'docx' | 'csv'): string {
  const span = period.from && period.to ? ` ${period.from}–${period.to}` : period.from ? ` from ${period.from}` : period.to ? ` to ${period.to}` : ''
  return `${safeFileNamePart(`GFC work plan${span}`)} - ${language.toUpperCase()}.${format}`
}
