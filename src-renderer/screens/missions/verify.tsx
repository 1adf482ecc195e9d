import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldTable } from '../../../src-main/core/model/mission'
import { useMutate, useQuery } from '../../api/data'
import { Dialog } from '../../components/Dialog'
import { FormAlert } from '../../components/FormAlert'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang } from '../../lib/format'

/** A field record to mark as checked today, and what to call it in messages. */
export interface VerifyTarget {
  table: FieldTable
  id: string
  label: string
}

/**
 * Marks field records verified today by the person using this computer (the `userName`
 * preference). Verifying is frequent, so a known name takes one click; with no name yet, a small
 * dialog asks for it and offers to remember it.
 */
export function useVerify() {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const prefs = useQuery('preferences.get', {})
  const [asking, setAsking] = useState<VerifyTarget | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const verify = async (target: VerifyTarget, by: string) => {
    setBusy(target.id)
    try {
      await mutate('field.verify', { table: target.table, id: target.id, by })
      toast({ tone: 'success', message: t('field.verified', { label: target.label, name: by }) })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(null)
    }
  }

  const ask = (target: VerifyTarget) => {
    const name = prefs.data?.userName.trim()
    if (name) void verify(target, name)
    else setAsking(target)
  }

  const dialog = asking && (
    <VerifierDialog
      target={asking}
      onClose={() => setAsking(null)}
      onVerify={async (name, remember) => {
        if (remember) await mutate('preferences.update', { userName: name })
        setAsking(null)
        await verify(asking, name)
      }}
    />
  )

  return { ask, busy, dialog }
}

function VerifierDialog({ target, onClose, onVerify }: { target: VerifyTarget; onClose(): void; onVerify(name: string, remember: boolean): Promise<void> }) {
  const { t } = useTranslation()
  const nameId = useId()
  const [name, setName] = useState('')
  const [remember, setRemember] = useState(true)
  const [alert, setAlert] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim()) {
      setAlert(t('field.nameNeeded'))
      return
    }
    setBusy(true)
    try {
      await onVerify(name.trim(), remember)
    } catch (err) {
      setAlert(errorMessage(err, t))
      setBusy(false)
    }
  }
  return (
    <Dialog title={t('field.whoVerifies')} onClose={onClose} busy={busy}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="dialog-body" dir="auto">
          {t('field.whoVerifiesIntro', { label: target.label })}
        </p>
        <FormAlert message={alert} />
        <div className="field">
          <div className="field-label">
            <label htmlFor={nameId}>{t('field.yourName')}</label>
          </div>
          <input id={nameId} type="text" dir="auto" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          <span>{t('field.rememberName')}</span>
        </label>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('field.markVerified')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

/** "Needs checking": a record never verified, or not for six months. */
export function StaleBadge({ count }: { count?: number }) {
  const { t } = useTranslation()
  return (
    <span className="badge badge--warn stale-badge" data-testid="stale-badge">
      {count === undefined ? t('field.stale') : t('field.staleCount', { count })}
    </span>
  )
}

interface LineProps {
  record: { verifiedOn: string; verifiedBy: string; stale: boolean }
  target: VerifyTarget
  verify: ReturnType<typeof useVerify>
  /** Hides the button (a deleted record is not verified). */
  readOnly?: boolean
}

/** "Last verified on 3 Mar 2025 by Jane Doe", the stale flag, and the button that renews it. */
export function VerifiedLine({ record, target, verify, readOnly }: LineProps) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { verifiedOn, verifiedBy, stale } = record
  return (
    <div className={'verified-line' + (stale ? ' is-stale' : '')} data-testid={`verified-${target.table}`}>
      <span className="verified-text" dir="auto">
        {verifiedOn
          ? verifiedBy
            ? t('field.lastVerifiedBy', { date: formatDate(verifiedOn, lang), name: verifiedBy })
            : t('field.lastVerified', { date: formatDate(verifiedOn, lang) })
          : t('field.neverVerified')}
      </span>
      {stale && <StaleBadge />}
      {!readOnly && <MarkVerifiedButton target={target} verify={verify} />}
    </div>
  )
}

/** Asks who checked the record, then marks it verified today (see useVerify). */
export function MarkVerifiedButton({ target, verify }: { target: VerifyTarget; verify: ReturnType<typeof useVerify> }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="btn btn--small" aria-label={t('field.markVerifiedNamed', { label: target.label })} disabled={verify.busy === target.id} onClick={() => verify.ask(target)}>
      {t('field.markVerified')}
    </button>
  )
}
