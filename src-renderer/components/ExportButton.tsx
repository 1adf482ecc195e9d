import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat, ListName } from '../../src-main/core/model/tabular'
import { call } from '../api/client'
import { errorMessage } from '../forms/serverErrors'
import { uiLang } from '../lib/format'
import { Dialog } from './Dialog'
import { FormAlert } from './FormAlert'
import { useToast } from './Toasts'

interface Props {
  list: ListName
  /** The rows to export, as the list shows them (filtered and sorted), by id. */
  ids: string[]
  /** The meeting whose invitees or issue log it is. */
  meetingId?: string
  /** "Export the selection" in a bulk bar; "Export…" otherwise. */
  selection?: boolean
}

const FORMATS: ExportFormat[] = ['csv', 'csv-semicolon', 'xlsx']

/**
 * Exports what a list shows (its filters and order) to CSV or XLSX, in the interface language:
 * the core writes the file (the one description of each list's columns, formula cells made
 * inert) where the person chooses.
 */
export function ExportButton({ list, ids, meetingId, selection }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const toast = useToast()
  const [open, setOpen] = useState(false)
  // Excel in French reads semicolons; elsewhere commas.
  const [format, setFormat] = useState<ExportFormat>(lang === 'fr' ? 'csv-semicolon' : 'csv')
  const [busy, setBusy] = useState(false)
  const [alert, setAlert] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    try {
      const saved = await call('lists.export', { list, format, language: lang, meetingId, ids })
      setOpen(false)
      if (saved) toast({ tone: 'success', message: t('exporter.saved', { count: saved.rows, path: saved.path }) })
    } catch (err) {
      setAlert(errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className={selection ? 'btn btn--small' : 'btn'} onClick={() => setOpen(true)} disabled={ids.length === 0} data-testid={`export-${list}${selection ? '-selection' : ''}`}>
        {selection ? t('exporter.selection') : t('exporter.button')}
      </button>
      {open && (
        <Dialog title={t('exporter.title', { count: ids.length })} onClose={() => setOpen(false)} busy={busy}>
          <form className="form" onSubmit={submit} noValidate>
            <FormAlert message={alert} />
            <fieldset className="radio-group">
              <legend>{t('exporter.format')}</legend>
              {FORMATS.map((f) => (
                <label key={f} className="radio">
                  <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                  <span>
                    {t(`exporter.formats.${f}`)}
                    <span className="muted small radio-hint">{t(`exporter.hints.${f}`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setOpen(false)} disabled={busy}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn--primary" disabled={busy}>
                {t('exporter.submit', { count: ids.length })}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  )
}
