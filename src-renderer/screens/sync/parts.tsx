import type { TFunction } from 'i18next'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportReport } from '../../../src-main/core/model/sync'
import { useMutate } from '../../api/data'
import { useSync } from '../../api/sync'
import { FieldShell } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { useNav } from '../../navigation'

/** A device's scope in words: full, or its missions' acronyms. */
export function scopeText(kind: 'full' | 'missions', label: string, t: TFunction): string {
  return kind === 'full' ? t('sync.scopeFull') : t('sync.scopeMissions', { missions: label })
}

/**
 * Work under way on a bundle. Reading, checking and applying one runs in a single call to the
 * core (50,000 changes in well under a second on the bench), so the bar says "working" rather
 * than counting: there is nothing between start and end to count.
 */
export function Busy({ label }: { label: string }) {
  return (
    <div className="sync-busy">
      <div className="progress progress--working" role="progressbar" aria-label={label} aria-valuetext={label}>
        <div className="progress-bar" />
      </div>
      <p className="muted small" aria-hidden="true">
        {label}
      </p>
    </div>
  )
}

/** What a bundle did: counts, conflicts found, what was refused and why, what waits. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const from = report.fromName || report.from
  return (
    <div className="sync-summary" role="status" data-testid="import-summary">
      <p>
        <strong>{report.changes ? t('sync.receivedFrom', { count: report.changes, from }) : t('sync.nothingNew', { from })}</strong>
      </p>
      {report.changes > 0 && <p>{t('sync.counts', { added: report.added, changed: report.changed, deleted: report.deleted })}</p>}
      {report.conflicts.length > 0 && (
        <p className="alert alert--warning alert--with-action">
          {t('sync.conflictsFound', { count: report.conflicts.length })}{' '}
          <button type="button" className="link" onClick={() => go({ name: 'conflicts' })}>
            {t('sync.openConflicts')}
          </button>
        </p>
      )}
      <ReasonList title={t('sync.refusedTitle', { count: report.refused.length })} items={report.refused.map((r) => r.reason)} />
      <ReasonList title={t('sync.breachesTitle', { count: report.breaches.length })} items={report.breaches} />
      <ReasonList title={t('sync.waitingTitle', { count: report.waiting.length })} items={report.waiting} />
      <ReasonList title={t('sync.warningsTitle', { count: report.warnings.length })} items={report.warnings} />
    </div>
  )
}

function ReasonList({ title, items }: { title: string; items: string[] }) {
  if (!items.length) return null
  return (
    <>
      <p className="sync-reasons-title">{title}</p>
      <ul className="sync-reasons">
        {items.map((x, i) => (
          <li key={i} dir="auto">
            {x}
          </li>
        ))}
      </ul>
    </>
  )
}

/** What a bundle held for a mass deletion would delete, and the question. */
export function MassDeletion({ report }: { report: ImportReport }) {
  const { t } = useTranslation()
  return (
    <>
      <p>{t('sync.massDeletion', { from: report.fromName || report.from })}</p>
      <ul>
        {report.held?.tables.map((x) => (
          <li key={x.table}>{t('sync.deleting', { count: x.deleting, live: x.live, table: t(`sync.table.${x.table}`) })}</li>
        ))}
      </ul>
      <p>{t('sync.massDeletionAsk')}</p>
    </>
  )
}

/** This device's name, as other devices will see it (on its card, in their lists and conflicts). */
export function DeviceName({ name }: { name: string }) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const rename = async (e: FormEvent) => {
    e.preventDefault()
    if (draft === null) return
    setBusy(true)
    setError(null)
    try {
      await mutate('device.rename', { name: draft })
      setDraft(null)
      toast({ tone: 'success', message: t('sync.renamed') })
    } catch (err) {
      setError(errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="sync-rename" onSubmit={rename}>
      <FieldShell id={id} label={t('sync.deviceName')} hint={t('sync.deviceNameHint')} className="field--medium">
        {(aria) => <input {...aria} value={draft ?? name} maxLength={100} onChange={(e) => setDraft(e.target.value)} disabled={busy} />}
      </FieldShell>
      {draft !== null && draft !== name && (
        <button type="submit" className="btn btn--small" disabled={busy}>
          {t('sync.rename')}
        </button>
      )}
      <FormAlert message={error} />
    </form>
  )
}

/** What only a full-scope device may do: on a field device, the reason in its place. */
export function OfficeOnly({ reason, children }: { reason: string; children: ReactNode }) {
  const { fieldDevice } = useSync()
  if (!fieldDevice) return <>{children}</>
  return (
    <p className="muted small scope-note" data-testid="scope-note">
      {reason}
    </p>
  )
}
