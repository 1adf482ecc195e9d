import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { uiLang, type UiLanguage } from '../lib/format'

/** A list's order: by which column, which way. */
export interface Sort {
  key: string
  dir: 'asc' | 'desc'
}

/**
 * What a column sorts by: what it shows, in the interface language (`t` for labels). An empty
 * text or a missing number goes last whichever the direction. Keep a list's columns in a
 * constant, so that sorting runs only when the rows, the order or the language change.
 */
export type SortValue<T> = (row: T, ui: { lang: UiLanguage; t: TFunction }) => string | number | null | undefined

const empty = (v: unknown) => v === '' || v === null || v === undefined

/**
 * The rows in the order asked for: texts in the interface language's alphabetical order (accents
 * and case aside, "Item 2" before "Item 10"), numbers and ISO dates as they compare. Ties keep
 * the order the rows came in (the core's, or the screen's default).
 */
export function useSorted<T>(rows: readonly T[], sort: Sort, columns: Record<string, SortValue<T>>): T[] {
  const sorter = useSorter(sort, columns)
  return useMemo(() => sorter(rows), [sorter, rows])
}

/** The same order as a function, for rows sorted in parts (the work plan's groups). */
export function useSorter<T>(sort: Sort, columns: Record<string, SortValue<T>>): (rows: readonly T[]) => T[] {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const by = columns[sort.key]
  return useMemo(() => {
    const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true })
    const sign = sort.dir === 'asc' ? 1 : -1
    return (rows: readonly T[]) => {
      if (!by) return [...rows]
      const keyed = rows.map((row, i) => ({ row, i, v: by(row, { lang, t }) }))
      keyed.sort((a, b) => {
        if (empty(a.v) || empty(b.v)) return Number(empty(a.v)) - Number(empty(b.v)) || a.i - b.i
        const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v))
        return sign * c || a.i - b.i
      })
      return keyed.map((k) => k.row)
    }
  }, [by, sort.dir, lang, t])
}

/** The order after a click on column `key`: the same column again reverses it, another starts ascending. */
export function nextSort(sort: Sort, key: string): Sort {
  return sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }
}
