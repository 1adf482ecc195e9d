import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Input, Method, Results } from '../../src-main/core/api'
import type { TableName } from '../../src-main/core/model/entities'
import { call, onChanged } from './client'
import { tablesRead } from './reads'

// Revision counters shared by the whole UI: a mutation made here bumps `revision`, and every
// query re-runs; a change the core reports (sync, another window or door) bumps the revision of
// each table it touched, and only the queries that read those tables re-run. No polling.

interface DataState {
  revision: number
  /** Per table, how many reported changes touched it. */
  tables: Partial<Record<TableName, number>>
  bump(): void
}

const DataContext = createContext<DataState>({ revision: 0, tables: {}, bump: () => {} })

export function DataProvider({ children }: { children: ReactNode }) {
  const [revision, setRevision] = useState(0)
  const [tables, setTables] = useState<DataState['tables']>({})
  const bump = useCallback(() => setRevision((r) => r + 1), [])
  useEffect(
    () =>
      onChanged((changed) =>
        setTables((t) => {
          const next = { ...t }
          for (const name of changed) next[name] = (next[name] ?? 0) + 1
          return next
        }),
      ),
    [],
  )
  const value = useMemo(() => ({ revision, tables, bump }), [revision, tables, bump])
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>
}

/** What a query's answer depends on: the tables it reads (every table, if unknown). */
function tablesKey(tables: DataState['tables'], read: TableName[] | null): string {
  if (read === null) return Object.values(tables).reduce((a, b) => a + (b ?? 0), 0).toString()
  return read.map((name) => tables[name] ?? 0).join(',')
}

export interface QueryState<T> {
  data: T | undefined
  error: Error | undefined
  loading: boolean
}

/** Calls a read method, again whenever its input, the revision or a table it reads changes; late replies are dropped. */
export function useQuery<M extends Method>(method: M, input: Input<M> | null): QueryState<Results[M]> {
  const { revision, tables } = useContext(DataContext)
  const [state, setState] = useState<QueryState<Results[M]>>({ data: undefined, error: undefined, loading: true })
  const seq = useRef(0)
  const key = input === null ? null : JSON.stringify(input)
  const changed = tablesKey(tables, input === null ? [] : tablesRead(method, input))

  useEffect(() => {
    if (key === null) return
    const mine = ++seq.current
    setState((s) => ({ ...s, loading: true }))
    call(method, JSON.parse(key) as Input<M>).then(
      (data) => mine === seq.current && setState({ data, error: undefined, loading: false }),
      (error: Error) => mine === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
    )
  }, [method, key, revision, changed])

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
