import type { MissionRef, SecondingRef } from '../../../src-main/core/model/mission'
import type { UiLanguage } from '../../lib/format'

/** A mission's full name in the interface language (English when it has no French name). */
export function missionName(m: Pick<MissionRef, 'nameEn' | 'nameFr'>, lang: UiLanguage): string {
  return lang === 'fr' ? m.nameFr || m.nameEn : m.nameEn
}

/** The seconding Member State's name in the interface language. */
export function seconderName(s: SecondingRef, lang: UiLanguage): string {
  return lang === 'fr' ? s.fr : s.en
}

/** The day before an ISO date: when a previous holder's term ends if the next one starts on `iso`. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return ''
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}
