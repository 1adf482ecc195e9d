import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Method } from '../../src-main/core/api'
import { useMutate } from '../api/data'
import { errorMessage } from '../forms/serverErrors'
import { useToast } from './Toasts'

interface Props {
  restore: Extract<Method, `${string}.restore`>
  id: string
  name: string
  /** What was deleted, e.g. "This member has been deleted." */
  notice: string
}

/** Shown instead of Edit/Delete when the record on screen was deleted (here or on another device). */
export function DeletedNotice({ restore, id, name, notice }: Props) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      await mutate(restore, { id })
      toast({ tone: 'success', message: t('deleted.restored', { name }) })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="alert alert--warning alert--with-action" data-testid="deleted-notice">
      <span>{notice}</span>
      <button type="button" className="btn btn--small" onClick={run} disabled={busy}>
        {t('common.restore')}
      </button>
    </div>
  )
}
