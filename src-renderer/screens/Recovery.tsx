import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProfileStatus } from '../../src-main/core/api'
import { call } from '../api/client'
import { BackupsTable } from '../components/BackupsTable'
import { FormAlert } from '../components/FormAlert'
import { errorMessage } from '../forms/serverErrors'

type Broken = Exclude<ProfileStatus, { state: 'ok' }>

interface Props {
  status: Broken
  onStatus(s: ProfileStatus): void
}

/**
 * The profile could not be opened. Say why and offer the way back: a backup for a damaged file,
 * a retry for a locked or unreachable one. Never an empty start, which would hide the user's data.
 */
export function Recovery({ status, onStatus }: Props) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const restore = async (name: string) => {
    setBusy(name)
    setError(null)
    try {
      onStatus(await call('profile.restoreBackup', { name }))
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(null)
    }
  }

  const retry = async () => {
    setBusy('retry')
    setError(null)
    try {
      onStatus(await call('profile.status', {}))
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(null)
    }
  }

  const backups = [...status.backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))

  return (
    <main className="recovery" data-testid="recovery">
      <div className="recovery-card">
        <p className="brand-line">GFC Desk</p>
        <h1>{t(`recovery.title.${status.state}`)}</h1>
        <p>{t(`recovery.explain.${status.state}`)}</p>
        <div className="alert alert--warning" data-testid="recovery-message">
          <strong>{t('recovery.details')}</strong> {status.message}
        </div>
        <p className="muted small">
          {t('recovery.dataDir')} <code>{status.dataDir}</code>
        </p>
        <FormAlert message={error} />

        {status.state === 'corrupt' && (
          <section aria-labelledby="sec-backups">
            <h2 id="sec-backups">{t('recovery.backups')}</h2>
            <BackupsTable backups={backups} restoreLabel={t('recovery.restore')} primary disabled={busy !== null} onRestore={(b) => restore(b.name)} />
          </section>
        )}

        {status.state !== 'corrupt' && (
          <div className="form-actions">
            <button type="button" className="btn btn--primary" onClick={retry} disabled={busy !== null}>
              {t('recovery.retry')}
            </button>
          </div>
        )}
      </div>
    </main>
  )
}
