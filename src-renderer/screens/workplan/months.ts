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

/** "Mar 2027" / "mars 2027". */
export function formatMonth(ym: string, lang: UiLanguage): string {
  if (!/^\d{4}-\d{2}$/.test(ym)) return ym
  return new Intl.DateTimeFormat(locale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`))
}

/** The month's initial or short name for a timeline header: "J", "Mar". */
export function monthLabel(ym: string, lang: UiLanguage, style: 'narrow' | 'short'): string {
  return new Intl.DateTimeFormat(locale(lang), { month: style, timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`))
}

/** "Mar 2027 – Dec 2027", or one month when the period is one month. */
export function formatPeriod(start: string, end: string, lang: UiLanguage): string {
  return start === end ? formatMonth(start, lang) : `${formatMonth(start, lang)} – ${formatMonth(end, lang)}`
}
