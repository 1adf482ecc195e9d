import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProfileStatus } from '../../src-main/core/api'
import { ApiError, call } from '../api/client'
import { errorMessage } from '../forms/serverErrors'
import { uiLang } from '../lib/format'

interface Props {
  status: Exclude<ProfileStatus, { state: 'ok' }>
  onStatus(s: ProfileStatus): void
}

/** An encrypted profile: its passphrase, before anything of it can be shown. */
export function Unlock({ status, onStatus }: Props) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [passphrase, setPassphrase] = useState('')
  const [remember, setRemember] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(status.state === 'encrypted' && status.wrongPassphrase ? t('unlock.wrong') : null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!passphrase) return setError(t('unlock.required'))
    setBusy(true)
    setError(null)
    try {
      onStatus(await call('profile.unlock', { passphrase, remember }))
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'passphrase' ? t('unlock.wrong') : errorMessage(err, t))
      setBusy(false)
    }
  }
  const other = uiLang(i18n.language) === 'en' ? 'fr' : 'en'

  return (
    <main className="recovery" data-testid="unlock">
      <div className="recovery-card">
        <p className="brand-line">GFC Desk</p>
        <h1>{t('unlock.title')}</h1>
        <p>{t('unlock.explain')}</p>
        <p className="muted small">
          {t('recovery.dataDir')} <code>{status.dataDir}</code>
        </p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-pass`}>{t('unlock.passphrase')}</label>
            <input
              id={`${id}-pass`}
              type="password"
              autoComplete="current-password"
              autoFocus
              value={passphrase}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setPassphrase(e.target.value)}
            />
            {error && (
              <p id={`${id}-error`} className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
              <span>{t('unlock.remember')}</span>
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {busy ? t('unlock.opening') : t('unlock.open')}
            </button>
            <button type="button" className="btn" lang={other} onClick={() => void i18n.changeLanguage(other)}>
              {other === 'fr' ? 'Français' : 'English'}
            </button>
          </div>
        </form>
        <p className="muted small">{t('unlock.lost')}</p>
      </div>
    </main>
  )
}
