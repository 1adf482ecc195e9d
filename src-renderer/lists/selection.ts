import { useCallback, useMemo, useState } from 'react'

/**
 * Rows ticked in a list, for the actions on many at once. Only rows on the list count: a row that
 * a filter hides is left out of the selection until it shows again.
 */
export function useSelection<T>(rows: readonly T[], keyOf: (row: T) => string) {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set())
  const selected = useMemo(() => rows.filter((r) => ids.has(keyOf(r))), [rows, ids, keyOf])
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setIds((s) => {
        const next = new Set(s)
        if (on) next.add(id)
        else next.delete(id)
        return next
      }),
    [],
  )
  const setAll = useCallback((on: boolean) => setIds(on ? new Set(rows.map(keyOf)) : new Set()), [rows, keyOf])
  const clear = useCallback(() => setIds(new Set()), [])
  return {
    /** The ticked rows still on the list, in the list's order (what an action or an export of the selection takes). */
    selected,
    has: (id: string) => ids.has(id),
    toggle,
    setAll,
    clear,
    all: rows.length > 0 && selected.length === rows.length,
    some: selected.length > 0 && selected.length < rows.length,
  }
}

export type Selection<T> = ReturnType<typeof useSelection<T>>
