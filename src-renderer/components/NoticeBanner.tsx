import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** What the core noticed when it opened the profile (an upgrade, a recovered crash): info, dismissible. */
export function NoticeBanner({ notices }: { notices: string[] }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(notices.length > 0)
  if (!open || notices.length === 0) return null
  return (
    <div className="banner banner--info" data-testid="notice-banner" role="note" aria-label={t('notices.label')}>
      <div className="banner-body">
        <strong>{t('notices.title')}</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn--quiet" onClick={() => setOpen(false)}>
        {t('notices.dismiss')}
      </button>
    </div>
  )
}
