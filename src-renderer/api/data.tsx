import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Input, Method, Results } from '../../src-main/core/api'
import { call } from './client'

// A revision counter shared by the whole UI: every mutation bumps it, every query re-runs.

interface DataState {
  revision: number
  bump(): void
}

const DataContext = createContext<DataState>({ revision: 0, bump: () => {} })

export function DataProvider({ children }: { children: ReactNode }) {
  const [revision, setRevision] = useState(0)
  const bump = useCallback(() => setRevision((r) => r + 1), [])
  const value = useMemo(() => ({ revision, bump }), [revision, bump])
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>
}

export interface QueryState<T> {
  data: T | undefined
  error: Error | undefined
  loading: boolean
}

/** Calls a read method, again whenever its input or the data revision changes; stale replies are dropped. */
export function useQuery<M extends Method>(method: M, input: Input<M> | null): QueryState<Results[M]> {
  const { revision } = useContext(DataContext)
  const [state, setState] = useState<QueryState<Results[M]>>({ data: undefined, error: undefined, loading: true })
  const seq = useRef(0)
  const key = input === null ? null : JSON.stringify(input)

  useEffect(() => {
    if (key === null) return
    const mine = ++seq.current
    setState((s) => ({ ...s, loading: true }))
    call(method, JSON.parse(key) as Input<M>).then(
      (data) => mine === seq.current && setState({ data, error: undefined, loading: false }),
      (error: Error) => mine === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
    )
  }, [method, key, revision])

  return state
}

/** Calls a method that changes data, then refreshes every query on screen. */
export function useMutate() {
  const { bump } = useContext(DataContext)
  return useCallback(
    async <M extends Method>(method: M, input: Input<M>): Promise<Results[M]> => {
      try {
        return await call(method, input)
      } finally {
        bump()
      }
    },
    [bump],
  )
}

/** Refreshes every query on screen (after work the core did on its own, such as a finished job). */
export function useRefresh(): () => void {
  return useContext(DataContext).bump
}

/** A value that follows its source after a short pause: search as you type without a call per key. */
export function useDebounced<T>(value: T, ms = 150): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms)
    return () => clearTimeout(h)
  }, [value, ms])
  return v
}
