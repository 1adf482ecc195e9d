import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardPreview } from '../../../src-main/core/model/sync'
import { call } from '../../api/client'
import { useMutate, useQuery } from '../../api/data'
import { Dialog } from '../../components/Dialog'
import { FormAlert } from '../../components/FormAlert'
import { errorMessage } from '../../forms/serverErrors'
import { uiLang } from '../../lib/format'

/**
 * Enrolling a device, in the order people do it: open the identity card it sent, compare the
 * fingerprint with the one its user reads out on the phone, choose what it may hold and change,
 * and save the enrolment file to send back.
 */
export function EnrolDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const fileId = useId()
  const missions = useQuery('missions.list', {}).data ?? []
  const [card, setCard] = useState<{ text: string; preview: CardPreview } | null>(null)
  const [kind, setKind] = useState<'full' | 'missions'>('missions')
  const [chosen, setChosen] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    setError(null)
    try {
      const text = await file.text()
      setCard({ text, preview: await call('device.readCard', { card: text }) })
    } catch (err) {
      setCard(null)
      setError(errorMessage(err, t))
    }
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!card) return
    if (kind === 'missions' && chosen.length === 0) {
      setError(t('sync.chooseMissions'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const r = await mutate('device.enrol', { card: card.text, scope: kind === 'full' ? { kind: 'full' } : { kind: 'missions', missionIds: chosen } })
      if (r.path) setSaved(r.path)
      else setError(t('sync.enrolledNotSaved'))
    } catch (err) {
      setError(errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }

  if (saved) {
    return (
      <Dialog title={t('sync.enrolTitle')} onClose={onClose}>
        <p className="alert alert--success" role="status" data-testid="enrolment-saved">
          {t('sync.enrolmentSaved', { name: card?.preview.name || card?.preview.id, path: saved })}
        </p>
        <p>{t('sync.enrolmentSend')}</p>
        <div className="dialog-actions">
          <button type="button" className="btn btn--primary" onClick={onClose}>
            {t('sync.done')}
          </button>
        </div>
      </Dialog>
    )
  }

  return (
    <Dialog title={t('sync.enrolTitle')} onClose={onClose} busy={busy} wide>
      <form onSubmit={submit} className="sync-enrol">
        <p className="sync-step">{t('sync.enrolStep1')}</p>
        <div className="file-pick">
          <input id={fileId} type="file" accept=".gfccard" className="visually-hidden" onChange={open} disabled={busy} data-testid="card-file" />
          <label htmlFor={fileId} className="btn">
            {card ? t('sync.openOtherCard') : t('sync.openCard')}
          </label>
        </div>
        {card && (
          <>
            <p className="sync-step">{t('sync.enrolStep2', { name: card.preview.name || card.preview.id })}</p>
            <p className="sync-fingerprint" data-testid="card-fingerprint" dir="ltr">
              {card.preview.fingerprint}
            </p>
            <p className="muted small">{t('sync.compareHint', { id: card.preview.id })}</p>
            <fieldset className="radio-group sync-scope">
              <legend>{t('sync.enrolStep3')}</legend>
              <label className="radio">
                <input type="radio" name="scope" checked={kind === 'missions'} onChange={() => setKind('missions')} />
                <span>
                  {t('sync.scopeMissionsChoice')}
                  <span className="radio-hint muted small">{t('sync.scopeMissionsHint')}</span>
                </span>
              </label>
              <label className="radio">
                <input type="radio" name="scope" checked={kind === 'full'} onChange={() => setKind('full')} />
                <span>
                  {t('sync.scopeFullChoice')}
                  <span className="radio-hint muted small">{t('sync.scopeFullHint')}</span>
                </span>
              </label>
            </fieldset>
            {kind === 'missions' && (
              <fieldset className="sync-missions">
                <legend>{t('sync.whichMissions')}</legend>
                {missions.map((m) => (
                  <label key={m.id} className="checkbox">
                    <input type="checkbox" checked={chosen.includes(m.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, m.id] : c.filter((x) => x !== m.id)))} />
                    <span>
                      <strong>{m.acronym}</strong> <span className="muted small">{lang === 'fr' ? m.nameFr || m.nameEn : m.nameEn}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
          </>
        )}
        <FormAlert message={error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={!card || busy}>
            {t('sync.enrolSave')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
