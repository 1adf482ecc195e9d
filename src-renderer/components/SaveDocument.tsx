import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../src-main/core/model'
import { errorMessage } from '../forms/serverErrors'
import { useToast } from './Toasts'

/** One of the core's save methods: it asks where to save, and answers null when the choice is cancelled. */
type Write<K> = (kind: K, language: Language) => Promise<{ path: string } | null>

/**
 * Saves a document with `write`. The path it was saved to is told in a toast and kept on screen
 * (`last`, for SavedPath); a cancelled choice says nothing. `busy` is the kind being saved.
 */
export function useSaveDocument<K extends string>(write: Write<K>) {
  const { t } = useTranslation()
  const toast = useToast()
  const [busy, setBusy] = useState<K | null>(null)
  const [last, setLast] = useState<string | null>(null)
  const save = async (kind: K, language: Language) => {
    setBusy(kind)
    try {
      const r = await write(kind, language)
      if (r) {
        setLast(r.path)
        toast({ tone: 'success', message: t('documents.savedTo', { path: r.path }) })
      }
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(null)
    }
  }
  return { save, busy, last }
}

export function SavedPath({ path }: { path: string | null }) {
  const { t } = useTranslation()
  return (
    <p className="saved-path" role="status" data-testid="saved-path">
      {path && (
        <>
          {t('documents.lastSaved')} <code dir="ltr">{path}</code>
        </>
      )}
    </p>
  )
}
