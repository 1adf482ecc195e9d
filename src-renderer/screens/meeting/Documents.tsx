import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Language, ParticipantsMode, type MeetingDetail } from '../../../src-main/core/model'
import { call } from '../../api/client'
import { useQuery } from '../../api/data'
import { SavedPath, useSaveDocument } from '../../components/SaveDocument'

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

/** Saves one document about the meeting; the core asks where (see useSaveDocument). */
export function useSaveMeetingDocument(meetingId: string, mode?: ParticipantsMode) {
  return useSaveDocument((kind: DocumentKind, language) => call('meetings.saveDocument', { meetingId, kind, language, mode: kind === 'participants' ? mode : undefined }))
}

export function DocumentsPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation()
  const [language, setLanguage] = useDocumentLanguage()
  // Before the meeting, those who accepted; once it is over, those who attended.
  const [mode, setMode] = useState<ParticipantsMode>(meeting.end.slice(0, 10) < new Date().toISOString().slice(0, 10) ? 'attended' : 'accepted')
  const modeId = useId()
  const { save, busy, last } = useSaveMeetingDocument(meeting.id, mode)
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
          <div className="filter">
            <label htmlFor={modeId}>{t('doc.participants.mode')}</label>
            <select id={modeId} value={mode} onChange={(e) => setMode(e.target.value as ParticipantsMode)} data-testid="participants-mode">
              {ParticipantsMode.options.map((m) => (
                <option key={m} value={m}>
                  {t(`doc.participants.${m}`)}
                </option>
              ))}
            </select>
          </div>
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
