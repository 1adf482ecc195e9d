import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Selection } from '../lists/selection'

/** The header cell that ticks every row on the list (or none); half-ticked when some are. */
export function SelectAllHeader<T>({ selection, count }: { selection: Selection<T>; count: number }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selection.some
  })
  return (
    <th scope="col" className="cell-check">
      <input ref={ref} type="checkbox" aria-label={t('lists.selectAll', { count })} checked={selection.all} disabled={count === 0} onChange={(e) => selection.setAll(e.target.checked)} />
    </th>
  )
}

/** The cell that ticks one row, named after it for screen readers. */
export function SelectCell<T>({ selection, id, name }: { selection: Selection<T>; id: string; name: string }) {
  const { t } = useTranslation()
  return (
    <td className="cell-check">
      <input type="checkbox" aria-label={t('lists.select', { name })} checked={selection.has(id)} onChange={(e) => selection.toggle(id, e.target.checked)} />
    </td>
  )
}

/**
 * What can be done to the ticked rows, shown while some are: their number, the actions (children)
 * and a way to untick them all. An export of the selection goes among the children, with the
 * selection's rows (`selection.selected`).
 */
export function BulkBar<T>({ selection, children }: { selection: Selection<T>; children: ReactNode }) {
  const { t } = useTranslation()
  if (selection.selected.length === 0) return null
  return (
    <div className="bulk-bar" role="region" aria-label={t('lists.bulkLabel')} data-testid="bulk-bar">
      <span className="bulk-count" aria-live="polite">
        {t('lists.selected', { count: selection.selected.length })}
      </span>
      <div className="bulk-actions">{children}</div>
      <button type="button" className="btn btn--quiet btn--small" onClick={selection.clear}>
        {t('lists.clearSelection')}
      </button>
    </div>
  )
}
