import type { Organisation } from '../../src-main/core/model'
import { MEMBER_STATES, type MemberStateRef } from '../../src-main/core/model'

export type UiLanguage = 'en' | 'fr'

export function uiLang(lng: string | undefined): UiLanguage {
  return lng?.startsWith('fr') ? 'fr' : 'en'
}

/** A member's name in the interface language. */
export function orgName(o: Pick<Organisation, 'displayName' | 'displayNameFr'>, lang: UiLanguage): string {
  return lang === 'fr' ? o.displayNameFr || o.displayName : o.displayName
}

export function stateName(s: MemberStateRef, lang: UiLanguage): string {
  return lang === 'fr' ? s.fr : s.en
}

const statesByCode = new Map(MEMBER_STATES.map((s) => [s.iso2, s]))
export function stateByCode(code: string): MemberStateRef | undefined {
  return statesByCode.get(code)
}

export { fold } from '../../src-main/core/model/search'

export function formatDate(iso: string, lang: UiLanguage): string {
  if (!iso) return ''
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso)
  if (Number.isNaN(d.getTime())) return iso
  const opts: Intl.DateTimeFormatOptions =
    iso.length === 10 ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' }
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', opts).format(d)
}

export function formatBytes(n: number, lang: UiLanguage): string {
  const loc = lang === 'fr' ? 'fr-FR' : 'en-GB'
  if (n < 1024) return new Intl.NumberFormat(loc, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(n)
  if (n < 1024 * 1024)
    return new Intl.NumberFormat(loc, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(n / 1024)
  return new Intl.NumberFormat(loc, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(n / 1024 / 1024)
}

export function today(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** Members in alphabetical order of their name in the interface language. */
export function sortedByName<T extends Pick<Organisation, 'displayName' | 'displayNameFr'>>(list: readonly T[], lang: UiLanguage): T[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' })
  return [...list].sort((a, b) => collator.compare(orgName(a, lang), orgName(b, lang)))
}
