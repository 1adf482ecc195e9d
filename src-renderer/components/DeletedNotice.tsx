import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutate } from '../api/data'
import { errorMessage } from '../forms/serverErrors'
import { useToast } from './Toasts'

/** Shown instead of Edit/Delete when the record on screen was deleted (here or on another device). */
const RESTORE = { member: 'organisations.restore', contact: 'contacts.restore', meeting: 'meetings.restore' } as const

export function DeletedNotice({ kind, id, name }: { kind: 'member' | 'contact' | 'meeting'; id: string; name: string }) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const restore = async () => {
    setBusy(true)
    try {
      await mutate(RESTORE[kind], { id })
      toast({ tone: 'success', message: t('deleted.restored', { name }) })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="alert alert--warning alert--with-action" data-testid="deleted-notice">
      <span>{t(`deleted.${kind}`)}</span>
      <button type="button" className="btn btn--small" onClick={restore} disabled={busy}>
        {t('common.restore')}
      </button>
    </div>
  )
}
