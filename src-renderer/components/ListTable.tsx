import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { QueryState } from '../api/data'
import { errorMessage } from '../forms/serverErrors'
import { DataTable } from './DataTable'

interface Props {
  /** The list being shown: its error is announced, the table is busy while it loads. */
  query: QueryState<unknown>
  /** Stem of the test ids: `<testId>-count` and `<testId>-table`. */
  testId: string
  /** How many rows there are, and the sentence that says so ("12 members"). */
  rows: number
  countText: string
  /** The header cells, and how many columns they make. */
  head: ReactNode
  columns: number
  /** What the table says when it has no rows. */
  empty: ReactNode
  /** The rows. */
  children: ReactNode
  /** Passed on to DataTable: the number of rows when only some are drawn. */
  rowCount?: number
}

/** The body of a list screen: an error if the list failed, its count (announced), and the table. */
export function ListTable({ query, testId, rows, countText, head, columns, empty, children, rowCount }: Props) {
  const { t } = useTranslation()
  return (
    <>
      {query.error && (
        <div className="alert alert--error" role="alert">
          {errorMessage(query.error, t)}
        </div>
      )}
      <p className="result-count" aria-live="polite" data-testid={`${testId}-count`}>
        {query.data !== undefined ? countText : ''}
      </p>
      <DataTable testId={`${testId}-table`} busy={query.loading} head={head} columns={columns} empty={query.data !== undefined && rows === 0 && empty} rowCount={rowCount}>
        {children}
      </DataTable>
    </>
  )
}
