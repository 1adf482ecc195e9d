import { useCallback, useState } from 'react'

// Each list's filters and sort order, kept for the session: they are still there when a record is
// opened and the list shown again (by Back, the sidebar or a link), and through a reload
// (sessionStorage belongs to the window, so another window starts afresh).

const memory = new Map<string, unknown>()

function load<S extends object>(key: string, defaults: S): S {
  if (!memory.has(key)) {
    try {
      const saved = sessionStorage.getItem(`list:${key}`)
      // Only the keys the list knows today, with their defaults for any it added since.
      if (saved) memory.set(key, { ...defaults, ...pick(JSON.parse(saved) as object, defaults) })
    } catch {
      // no storage (or a damaged entry): the list starts from its defaults
    }
  }
  return (memory.get(key) as S | undefined) ?? defaults
}

function pick(saved: object, defaults: object): object {
  return Object.fromEntries(Object.entries(saved).filter(([k, v]) => k in defaults && typeof v === typeof (defaults as Record<string, unknown>)[k]))
}

/** The state of list `key` (its filters and sort), and a way to change part of it. */
export function useListState<S extends object>(key: string, defaults: S): [S, (patch: Partial<S>) => void] {
  const [state, setState] = useState<S>(() => load(key, defaults))
  const update = useCallback(
    (patch: Partial<S>) =>
      setState((s) => {
        const next = { ...s, ...patch }
        memory.set(key, next)
        try {
          sessionStorage.setItem(`list:${key}`, JSON.stringify(next))
        } catch {
          // kept in memory only
        }
        return next
      }),
    [key],
  )
  return [state, update]
}
