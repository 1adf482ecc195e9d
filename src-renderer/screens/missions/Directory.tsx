import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../src-main/core/model'
import { call } from '../../api/client'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { LanguageSelect, SavedPath, useDocumentLanguage } from '../meeting/Documents'

type Format = 'docx' | 'csv'

/**
 * The mission directory (one mission, or all when `missionId` is empty) as .docx or CSV. The core
 * asks where to save it; the path is told in a toast and kept on screen, as for meeting documents.
 */
export function DirectoryCard({ missionId = '', title, intro }: { missionId?: string; title: string; intro: string }) {
  const { t } = useTranslation()
  const toast = useToast()
  const [language, setLanguage] = useDocumentLanguage()
  const [busy, setBusy] = useState<Format | null>(null)
  const [last, setLast] = useState<string | null>(null)
  const headingId = `sec-directory-${missionId || 'all'}`

  const save = async (format: Format, lang: Language) => {
    setBusy(format)
    try {
      const r = await call('directory.save', { missionId, format, language: lang })
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

  return (
    <section className="card directory-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted small">{intro}</p>
      <LanguageSelect label={t('documents.language')} value={language} onChange={setLanguage} />
      <div className="directory-actions">
        {(['docx', 'csv'] as const).map((f) => (
          <button key={f} type="button" className="btn" onClick={() => save(f, language)} disabled={busy !== null} aria-busy={busy === f}>
            {busy === f ? t('documents.saving') : t(`missions.directory.${f}`)}
          </button>
        ))}
      </div>
      <SavedPath path={last} />
    </section>
  )
}
