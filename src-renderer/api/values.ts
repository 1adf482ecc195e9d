import type { TFunction } from 'i18next'

/** A stored value as a person reads it: lists joined, yes/no, "(empty)" for nothing. */
export function formatValue(v: unknown, t: TFunction): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('stale.empty')
  if (typeof v === 'boolean') return v ? t('stale.yes') : t('stale.no')
  if (Array.isArray(v)) return v.map((x) => formatValue(x, t)).join(', ')
  if (typeof v === 'object') {
    return Object.values(v as Record<string, unknown>)
      .filter((x) => x !== '' && x !== null && x !== undefined)
      .map((x) => formatValue(x, t))
      .join(' – ')
  }
  return String(v)
}

/** "familyName" as "family name" when the UI has no label for it. */
export function humanField(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}
