import type { MemberRef } from '../../../src-main/core/model'
import type { UiLanguage } from '../../lib/format'

/** A member of a meeting's lists, named in the interface language. */
export function refName(ref: Pick<MemberRef, 'en' | 'fr'>, lang: UiLanguage): string {
  return lang === 'fr' ? ref.fr || ref.en : ref.en
}

/** Member States first, then expert organisations; each in the order of their names. */
export function byMember<T extends { organisation: MemberRef }>(lang: UiLanguage): (a: T, b: T) => number {
  const collator = new Intl.Collator(lang, { sensitivity: 'base' })
  return (a, b) =>
    Number(a.organisation.kind === 'sme') - Number(b.organisation.kind === 'sme') ||
    collator.compare(refName(a.organisation, lang), refName(b.organisation, lang))
}

/** The first characters of a long text, cut at a word. */
export function excerpt(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…'
}

