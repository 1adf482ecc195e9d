import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Method } from '../../src-main/core/api'
import type { TableName } from '../../src-main/core/model/entities'
import type { HistoryItem } from '../../src-main/core/model/sync'
import { useMutate, useQuery } from '../api/data'
import { fieldLabel } from '../api/stale'
import { formatValue } from '../api/values'
import { errorMessage } from '../forms/serverErrors'
import { formatDate, uiLang } from '../lib/format'
import { useToast } from './Toasts'

interface Props {
  table: TableName
  id: string
  /** The record is deleted: it can be brought back from here. */
  deleted?: boolean
  restore?: Extract<Method, `${string}.restore`>
  /** Shown closed, as a button, until the person opens it. */
  collapsed?: boolean
  /** The heading, when the page shows several histories ("History" otherwise). */
  title?: string
}

/**
 * A record's history, read from every device's changes: who changed which field, when, from
 * which device, the value before and after, newest first. A deleted record is restored from
 * here (an ordinary change, which syncs like any other).
 */
export function RecordHistory({ table, id, deleted, restore, collapsed = true, title }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const [open, setOpen] = useState(!collapsed)
  const history = useQuery('history.get', open ? { table, id } : null)
  const mutate = useMutate()
  const toast = useToast()
  const headingId = useId()
  const panelId = useId()
  const items = [...(history.data ?? [])].reverse()

  const bringBack = async () => {
    try {
      await mutate(restore!, { id })
      toast({ tone: 'success', message: t('recordHistory.restoredToast') })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    }
  }

  return (
    <section className="card record-history" aria-labelledby={headingId} data-testid="record-history">
      <div className="record-history-head">
        <h2 id={headingId} dir="auto">{title ?? t('recordHistory.title')}</h2>
        <button type="button" className="btn btn--small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {open ? t('recordHistory.hide') : t('recordHistory.show')}
        </button>
      </div>
      {open && (
        <div id={panelId}>
          {deleted && restore && (
            <p>
              <button type="button" className="btn btn--primary btn--small" onClick={bringBack}>
                {t('recordHistory.restore')}
              </button>
            </p>
          )}
          {history.error && (
            <div className="alert alert--error" role="alert">
              {errorMessage(history.error, t)}
            </div>
          )}
          {history.data && items.length === 0 && <p className="muted">{t('recordHistory.empty')}</p>}
          {items.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{title ?? t('recordHistory.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('recordHistory.when')}</th>
                    <th scope="col">{t('recordHistory.who')}</th>
                    <th scope="col">{t('recordHistory.field')}</th>
                    <th scope="col">{t('recordHistory.before')}</th>
                    <th scope="col">{t('recordHistory.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((h, i) => (
                    <tr key={`${h.device}-${h.seq}-${h.field}-${i}`}>
                      <td>{formatDate(h.at, lang)}</td>
                      <td dir="auto">
                        {h.user ? t('recordHistory.byOn', { user: h.user, device: h.deviceName }) : t('recordHistory.on', { device: h.deviceName })}
                        {h.base && <span className="muted small"> ({t('recordHistory.base')})</span>}
                      </td>
                      <td>{h.field === 'deleted' ? t('recordHistory.record') : fieldLabel(t, h.field)}</td>
                      <td dir="auto">{h.field === 'deleted' ? '' : formatValue(h.before, t)}</td>
                      <td dir="auto">{after(h, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  )
}

function after(h: HistoryItem, t: Parameters<typeof formatValue>[1]): string {
  if (h.field !== 'deleted') return formatValue(h.after, t)
  if (h.before === null && h.after === false) return t('recordHistory.created')
  return h.after === true ? t('recordHistory.deleted') : t('recordHistory.restored')
}
