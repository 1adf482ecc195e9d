import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

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
}

/** A table of records in its scrolling frame. */
export function DataTable({ testId, dense, busy, head, columns, empty, children }: Props) {
  return (
    <div className="table-wrap">
      <table className={dense ? 'table table--dense' : 'table'} data-testid={testId} aria-busy={busy}>
        <thead>
          <tr>{head}</tr>
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
