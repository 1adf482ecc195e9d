import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Language, type MeetingDetail } from '../../../src-main/core/model'
import { call } from '../../api/client'
import { useQuery } from '../../api/data'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'

export type DocumentKind = 'agenda' | 'participants' | 'comments' | 'ics'

/** The documents' language: the Settings' default until the person picks another. */
export function useDocumentLanguage(): [Language, (l: Language) => void] {
  const settings = useQuery('settings.get', {})
  const [chosen, setChosen] = useState<Language | null>(null)
  return [chosen ?? settings.data?.documentLanguage ?? 'en', setChosen]
}

export function LanguageSelect({ value, onChange, label }: { value: Language; onChange(l: Language): void; label: string }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {Language.options.map((l) => (
          <option key={l} value={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * Asks the core for one document about the meeting; the core asks where to save it. The path it
 * was saved to is told in a toast and kept on screen; a cancelled choice says nothing.
 */
export function useSaveDocument(meetingId: string) {
  const { t } = useTranslation()
  const toast = useToast()
  const [busy, setBusy] = useState<DocumentKind | null>(null)
  const [last, setLast] = useState<string | null>(null)
  useEffect(() => setLast(null), [meetingId])
  const save = async (kind: DocumentKind, language: Language) => {
    setBusy(kind)
    try {
      const r = await call('meetings.saveDocument', { meetingId, kind, language })
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

export function DocumentsPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation()
  const [language, setLanguage] = useDocumentLanguage()
  const { save, busy, last } = useSaveDocument(meeting.id)
  const docs: { kind: DocumentKind; label: string; hint: string }[] = [
    { kind: 'agenda', label: t('documents.agenda'), hint: t('documents.agendaHint') },
    { kind: 'participants', label: t('documents.participants'), hint: t('documents.participantsHint') },
    { kind: 'ics', label: t('documents.ics'), hint: t('documents.icsHint') },
  ]
  return (
    <section className="section" aria-labelledby="sec-documents">
      <div className="section-header">
        <div>
          <h2 id="sec-documents">{t('documents.title')}</h2>
          <p className="muted small section-intro">{t('documents.intro')}</p>
        </div>
      </div>
      <div className="card doc-card">
        <div className="toolbar">
          <LanguageSelect label={t('documents.language')} value={language} onChange={setLanguage} />
        </div>
        <ul className="plain doc-list">
          {docs.map((d) => (
            <li key={d.kind} className="doc-item">
              <button type="button" className="btn" onClick={() => save(d.kind, language)} disabled={busy !== null} aria-busy={busy === d.kind}>
                {busy === d.kind ? t('documents.saving') : d.label}
              </button>
              <span className="muted small">{d.hint}</span>
            </li>
          ))}
        </ul>
        <SavedPath path={last} />
      </div>
    </section>
  )
}
