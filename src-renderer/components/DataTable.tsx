import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { nextSort, type Sort } from '../lists/sort'

interface Props {
  testId: string
  /** Tighter rows, for long lists. */
  dense?: boolean
  busy?: boolean
  /** The header cells, and how many columns they make. */
  head: ReactNode
  columns: number
  /** A row across the table saying there is nothing to show: give it only when that is so. */
  empty?: ReactNode
  /** The rows. */
  children: ReactNode
  /** How many rows the list has, when only some are in the document (a long list drawn as it scrolls). */
  rowCount?: number
}

/** A table of records in its frame, which scrolls sideways when the window is too narrow for it. */
export function DataTable({ testId, dense, busy, head, columns, empty, children, rowCount }: Props) {
  return (
    <div className="table-wrap">
      <table className={dense ? 'table table--dense' : 'table'} data-testid={testId} aria-busy={busy} aria-rowcount={rowCount === undefined ? undefined : rowCount + 1}>
        <thead>
          <tr aria-rowindex={rowCount === undefined ? undefined : 1}>{head}</tr>
        </thead>
        <tbody>
          {children}
          {empty !== undefined && empty !== null && empty !== false && (
            <tr>
              <td colSpan={columns} className="empty-cell">
                {empty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

/** The header of the column of row buttons: named for screen readers only. */
export function ActionsHeader() {
  const { t } = useTranslation()
  return (
    <th scope="col">
      <span className="visually-hidden">{t('common.actions')}</span>
    </th>
  )
}

interface SortHeaderProps {
  label: string
  /** The column's key in the list's sort columns. */
  col: string
  sort: Sort
  onSort(sort: Sort): void
  className?: string
}

/** A column header that sorts the list: a click sorts by it, another reverses; `aria-sort` says how it is sorted. */
export function SortHeader({ label, col, sort, onSort, className }: SortHeaderProps) {
  const on = sort.key === col
  return (
    <th scope="col" className={className} aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className={'sort-button' + (on ? ' is-sorted' : '')} onClick={() => onSort(nextSort(sort, col))}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {on ? (sort.dir === 'asc' ? '▲' : '▼') : '▴▾'}
        </span>
      </button>
    </th>
  )
}
