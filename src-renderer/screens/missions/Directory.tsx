import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { SavedPath, useSaveDocument } from '../../components/SaveDocument'
import { LanguageSelect, useDocumentLanguage } from '../meeting/Documents'

type Format = 'docx' | 'csv'

/**
 * The mission directory (one mission, or all when `missionId` is empty) as .docx or CSV. The core
 * asks where to save it; the path is told in a toast and kept on screen, as for meeting documents.
 */
export function DirectoryCard({ missionId = '', title, intro }: { missionId?: string; title: string; intro: string }) {
  const { t } = useTranslation()
  const [language, setLanguage] = useDocumentLanguage()
  const { save, busy, last } = useSaveDocument((format: Format, language) => call('directory.save', { missionId, format, language }))
  const headingId = `sec-directory-${missionId || 'all'}`

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
