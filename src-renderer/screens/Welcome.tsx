import { useId, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutate } from '../api/data'
import { useSync } from '../api/sync'
import { FieldShell } from '../components/Field'
import { FormAlert } from '../components/FormAlert'
import { Page } from '../components/Page'
import { useToast } from '../components/Toasts'
import { errorMessage } from '../forms/serverErrors'
import { readBase64 } from '../lib/files'
import { useNav } from '../navigation'
import { DeviceName } from './sync/parts'
import './sync/sync.css'

/** The first screen of an empty profile: start the Chair's office's dataset, or join one. */
export function Welcome() {
  const { t } = useTranslation()
  const { go } = useNav()
  const mutate = useMutate()
  const toast = useToast()
  const { status } = useSync()
  const nameId = useId()
  const [dataset, setDataset] = useState(t('sync.datasetDefault'))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  /** The Chair's office's first device names the dataset the other devices will join. */
  const start = async (then: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      if (!status?.device.dataset) await mutate('dataset.create', { name: dataset })
      await then()
    } catch (e) {
      setError(errorMessage(e, t))
      setBusy(false)
    }
  }
  const loadDemo = () =>
    start(async () => {
      const r = await mutate('demo.load', {})
      toast({ tone: 'success', message: t('welcome.demoLoaded', { count: r.created }) })
      go({ name: 'members' })
    })
  const addFirst = () => start(async () => go({ name: 'memberNew', kind: 'state' }))

  return (
    <Page title={t('welcome.title')}>
      <div className="welcome card">
        <p className="lead">{t('welcome.intro')}</p>
        <p>{t('welcome.choose')}</p>
        <FormAlert message={error} />
        <section aria-labelledby="welcome-office">
          <h2 id="welcome-office">{t('welcome.office')}</h2>
          {!status?.device.dataset && (
            <FieldShell id={nameId} label={t('sync.datasetName')} hint={t('welcome.datasetHint')} className="field--medium">
              {(aria) => <input {...aria} value={dataset} maxLength={100} onChange={(e) => setDataset(e.target.value)} disabled={busy} />}
            </FieldShell>
          )}
          <div className="welcome-actions">
            <button type="button" className="btn btn--primary btn--large" onClick={addFirst} disabled={busy || !dataset.trim()}>
              {t('welcome.addFirst')}
            </button>
            <button type="button" className="btn btn--large" onClick={loadDemo} disabled={busy || !dataset.trim()}>
              {busy ? t('welcome.loading') : t('welcome.loadDemo')}
            </button>
          </div>
          <p className="muted small">{t('welcome.demoNote')}</p>
        </section>
        <JoinSection />
      </div>
    </Page>
  )
}

/** A field laptop or another office laptop: its card goes to the Chair's office, the enrolment file comes back. */
function JoinSection() {
  const { t } = useTranslation()
  const { go } = useNav()
  const mutate = useMutate()
  const toast = useToast()
  const { status } = useSync()
  const fileId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const saveCard = async () => {
    setError(null)
    try {
      const r = await mutate('device.saveCard', {})
      if (r) setSaved(r.path)
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  const join = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const r = await mutate('device.join', { content: await readBase64(file) })
      toast({ tone: 'success', message: t('welcome.joined', { dataset: r.dataset.name, count: r.changes }) })
      go({ name: 'sync' })
    } catch (err) {
      setError(errorMessage(err, t))
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="welcome-join" className="welcome-join">
      <h2 id="welcome-join">{t('welcome.join')}</h2>
      <p>{t('welcome.joinIntro')}</p>
      <ol className="welcome-steps">
        <li>
          <p>{t('welcome.joinStep1')}</p>
          {status && <DeviceName name={status.device.name} />}
          <button type="button" className="btn" onClick={saveCard} disabled={busy}>
            {t('sync.saveCard')}
          </button>
          {saved && (
            <p className="saved-path" role="status" data-testid="card-saved">
              {t('documents.savedTo', { path: saved })}
            </p>
          )}
        </li>
        <li>
          <p>{t('welcome.joinStep2')}</p>
          <p className="sync-fingerprint" data-testid="welcome-fingerprint" dir="ltr">
            {status?.device.fingerprint}
          </p>
        </li>
        <li>
          <p>{t('welcome.joinStep3')}</p>
          <div className="file-pick">
            <input id={fileId} type="file" accept=".gfcjoin" className="visually-hidden" onChange={join} disabled={busy} data-testid="join-file" />
            <label htmlFor={fileId} className={'btn btn--primary' + (busy ? ' is-disabled' : '')}>
              {busy ? t('welcome.joining') : t('welcome.joinOpen')}
            </label>
          </div>
        </li>
      </ol>
      <FormAlert message={error} />
    </section>
  )
}
