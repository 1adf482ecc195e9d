import { formatMonthSpan } from '../../../src-main/core/model/format'
import type { UiLanguage } from '../../lib/format'

// The work plan counts in calendar months ("2027-03"); these helpers keep that arithmetic in one place.

/** Months since year 0: lets two months be compared and subtracted. */
export function monthIndex(ym: string): number {
  return Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1
}

export function monthAt(index: number): string {
  const y = Math.floor(index / 12)
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthAt(i))
  return out
}

export function thisMonth(now = new Date()): string {
  return monthAt(now.getFullYear() * 12 + now.getMonth())
}

const locale = (lang: UiLanguage) => (lang === 'fr' ? 'fr-FR' : 'en-GB')

/** The month's initial or short name for a timeline header: "J", "Mar". */
export function monthLabel(ym: string, lang: UiLanguage, style: 'narrow' | 'short'): string {
  return new Intl.DateTimeFormat(locale(lang), { month: style, timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`))
}

/** "Mar 2027 – Dec 2027" / "mars 2027 – déc. 2027": the words of the exported work plan. */
export function formatPeriod(start: string, end: string, lang: UiLanguage): string {
  return formatMonthSpan(start, end, lang, true)
}
