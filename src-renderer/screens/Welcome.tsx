import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutate } from '../api/data'
import { FormAlert } from '../components/FormAlert'
import { Page } from '../components/Page'
import { useToast } from '../components/Toasts'
import { errorMessage } from '../forms/serverErrors'
import { useNav } from '../navigation'

/** The first screen of an empty profile. */
export function Welcome() {
  const { t } = useTranslation()
  const { go } = useNav()
  const mutate = useMutate()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const loadDemo = async () => {
    setBusy(true)
    setError(null)
    try {
      const r = await mutate('demo.load', {})
      toast({ tone: 'success', message: t('welcome.demoLoaded', { count: r.created }) })
      go({ name: 'members' })
    } catch (e) {
      setError(errorMessage(e, t))
      setBusy(false)
    }
  }

  return (
    <Page title={t('welcome.title')}>
      <div className="welcome card">
        <p className="lead">{t('welcome.intro')}</p>
        <p>{t('welcome.choose')}</p>
        <FormAlert message={error} />
        <div className="welcome-actions">
          <button type="button" className="btn btn--primary btn--large" onClick={() => go({ name: 'memberNew', kind: 'state' })} disabled={busy}>
            {t('welcome.addFirst')}
          </button>
          <button type="button" className="btn btn--large" onClick={loadDemo} disabled={busy}>
            {busy ? t('welcome.loading') : t('welcome.loadDemo')}
          </button>
        </div>
        <p className="muted small">{t('welcome.demoNote')}</p>
      </div>
    </Page>
  )
}
