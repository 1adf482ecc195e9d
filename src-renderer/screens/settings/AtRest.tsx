import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { useMutate, useQuery } from '../../api/data'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { FieldShell } from '../../components/Field'
import { BackupsTable } from '../../components/BackupsTable'
import { FormAlert } from '../../components/FormAlert'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang } from '../../lib/format'

// The profile's files on this computer: encrypted with a passphrase or not, and its backups.

/** Set a passphrase (encrypts the profile), or change it. */
export function EncryptionSection() {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const id = useId()
  const status = useQuery('profile.status', {})
  const encrypted = status.data?.state === 'ok' && status.data.encrypted
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    if (next.length < 8) return setError(t('atRest.tooShort'))
    if (next !== again) return setError(t('atRest.differ'))
    setBusy(true)
    try {
      if (encrypted) await mutate('profile.changePassphrase', { current, passphrase: next })
      else await mutate('profile.encrypt', { passphrase: next })
      toast({ tone: 'success', message: t(encrypted ? 'atRest.changed' : 'atRest.encrypted') })
      setCurrent('')
      setNext('')
      setAgain('')
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'passphrase' ? t('unlock.wrong') : errorMessage(err, t))
    } finally {
      setBusy(false)
    }
  }
  const field = (key: string, label: string, value: string, set: (v: string) => void, auto: string) => (
    <FieldShell id={`${id}-${key}`} label={label} className="field--medium">
      {(aria) => <input {...aria} type="password" autoComplete={auto} value={value} onChange={(e) => set(e.target.value)} />}
    </FieldShell>
  )
  return (
    <section className="card card--form" aria-labelledby="sec-encryption" data-testid="encryption-section">
      <h2 id="sec-encryption">{t('atRest.encryption')}</h2>
      <p data-testid="encryption-state">{t(encrypted ? 'atRest.isEncrypted' : 'atRest.notEncrypted')}</p>
      <form onSubmit={submit} noValidate>
        {encrypted && field('current', t('atRest.current'), current, setCurrent, 'current-password')}
        {field('next', t(encrypted ? 'atRest.newPassphrase' : 'atRest.passphrase'), next, setNext, 'new-password')}
        {field('again', t('atRest.again'), again, setAgain, 'new-password')}
        <FormAlert message={error} />
        <p className="field-hint">{t('atRest.warning')}</p>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t(encrypted ? 'atRest.change' : 'atRest.encrypt')}
          </button>
        </div>
      </form>
    </section>
  )
}

/** The copies of the data file this profile keeps: listed, restored, how many; and an archive to carry. */
export function BackupsSection() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const toast = useToast()
  const id = useId()
  const list = useQuery('backups.list', {})
  const [restoring, setRestoring] = useState<{ name: string; date: string } | null>(null)

  const keep = async (n: number) => {
    try {
      await mutate('preferences.update', { keepBackups: n })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    }
  }
  const archive = async () => {
    try {
      const r = await mutate('backups.saveArchive', {})
      if (r) toast({ tone: 'success', message: t('atRest.archiveSaved', { path: r.path }) })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    }
  }
  return (
    <section className="card" aria-labelledby="sec-backups" data-testid="backups-section">
      <h2 id="sec-backups">{t('atRest.backups')}</h2>
      <p>{t('atRest.backupsIntro')}</p>
      {list.error && <FormAlert message={errorMessage(list.error, t)} />}
      {list.data && (
        <>
          <FieldShell id={`${id}-keep`} label={t('atRest.keep')} hint={t('atRest.keepHint')} className="field--narrow">
            {(aria) => (
              <select {...aria} value={list.data!.keep} onChange={(e) => void keep(Number(e.target.value))}>
                {[3, 5, 10, 20, 50, 100].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <BackupsTable backups={list.data.backups} restoreLabel={t('atRest.restore')} onRestore={(b) => setRestoring({ name: b.name, date: formatDate(b.createdAt, lang) })} />
        </>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void archive()}>
          {t('atRest.saveArchive')}
        </button>
      </div>
      {restoring && (
        <ConfirmDialog
          title={t('atRest.restoreTitle', { date: restoring.date })}
          confirmLabel={t('atRest.restore')}
          testId="restore-dialog"
          onClose={() => setRestoring(null)}
          onConfirm={async () => {
            try {
              const r = await mutate('backups.restore', { name: restoring.name })
              toast({ tone: 'success', message: t('atRest.restored', { date: restoring.date, count: r.changed }) })
            } catch (e) {
              toast({ tone: 'error', message: errorMessage(e, t) })
            }
          }}
        >
          <p>{t('atRest.restoreBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
