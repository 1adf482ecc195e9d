import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceView, ImportReport } from '../../../src-main/core/model/sync'
import { useMutate } from '../../api/data'
import { useSync } from '../../api/sync'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { DetailList } from '../../components/DetailList'
import { FieldShell } from '../../components/Field'
import { FormAlert } from '../../components/FormAlert'
import { Loading, Page } from '../../components/Page'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { readBase64 } from '../../lib/files'
import { useNav } from '../../navigation'
import { formatBytes, formatDate, uiLang } from '../../lib/format'
import { EnrolDialog } from './EnrolDialog'
import { FolderCard } from './FolderCard'
import { Busy, DeviceName, ImportSummary, MassDeletion, scopeText } from './parts'
import './sync.css'

/** This device, the dataset's devices, changes by file, and the shared folder. */
export function Sync() {
  const { t } = useTranslation()
  const { status } = useSync()
  return (
    <Page title={t('sync.title')} subtitle={t('sync.subtitle')}>
      {!status ? (
        <Loading />
      ) : (
        <div className="sync-grid">
          <ThisDeviceCard />
          {status.device.dataset ? (
            <>
              <FolderCard />
              <ExchangeCard />
              <DevicesCard />
            </>
          ) : (
            <NewDatasetCard />
          )}
        </div>
      )}
    </Page>
  )
}

function ThisDeviceCard() {
  const { t, i18n } = useTranslation()
  const { status } = useSync()
  const mutate = useMutate()
  const toast = useToast()
  const device = status!.device
  const mine = status!.devices.find((d) => d.thisDevice)
  const saveCard = async () => {
    try {
      const r = await mutate('device.saveCard', {})
      if (r) toast({ tone: 'success', message: t('documents.savedTo', { path: r.path }) })
    } catch (err) {
      toast({ tone: 'error', message: errorMessage(err, t) })
    }
  }

  return (
    <section className="card sync-device" aria-labelledby="sync-this-device">
      <h2 id="sync-this-device">{t('sync.thisDevice')}</h2>
      <DeviceName name={device.name} />
      <p className="sync-fingerprint-label">{t('sync.fingerprint')}</p>
      <p className="sync-fingerprint" data-testid="this-fingerprint" dir="ltr">
        {device.fingerprint}
      </p>
      <DetailList
        items={[
          [t('sync.deviceId'), <code dir="ltr">{device.id}</code>, 'this-device-id'],
          [t('sync.dataset'), device.dataset?.name ?? t('sync.noDataset'), 'this-dataset'],
          [t('sync.scope'), device.scope ? scopeText(device.scope.kind, mine?.scopeLabel ?? '', t) : t('sync.notEnrolled'), 'this-scope'],
          [t('sync.enrolledOn'), mine ? formatDate(mine.enrolledOn, uiLang(i18n.language)) : ''],
        ]}
      />
      {!device.enrolled && (
        <button type="button" className="btn" onClick={saveCard}>
          {t('sync.saveCard')}
        </button>
      )}
    </section>
  )
}

/** The Chair's office's first device: it names the dataset the others will join. */
function NewDatasetCard() {
  const { t } = useTranslation()
  const { go } = useNav()
  const mutate = useMutate()
  const id = useId()
  const [name, setName] = useState(t('sync.datasetDefault'))
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      await mutate('dataset.create', { name })
    } catch (err) {
      setError(errorMessage(err, t))
    }
  }
  return (
    <section className="card" aria-labelledby="sync-new-dataset">
      <h2 id="sync-new-dataset">{t('sync.newDataset')}</h2>
      <p className="muted">{t('sync.newDatasetIntro')}</p>
      <form onSubmit={submit}>
        <FieldShell id={id} label={t('sync.datasetName')}>
          {(aria) => <input {...aria} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
        </FieldShell>
        <FormAlert message={error} />
        <button type="submit" className="btn btn--primary">
          {t('sync.createDataset')}
        </button>
      </form>
      <p className="muted small sync-or-join">
        {t('sync.orJoin')}{' '}
        <button type="button" className="link" onClick={() => go({ name: 'welcome' })}>
          {t('welcome.join')}
        </button>
      </p>
    </section>
  )
}

function DevicesCard() {
  const { t, i18n } = useTranslation()
  const { status, fieldDevice } = useSync()
  const lang = uiLang(i18n.language)
  const [enrolling, setEnrolling] = useState(false)
  const [revoking, setRevoking] = useState<DeviceView | null>(null)
  const mutate = useMutate()
  const toast = useToast()
  const devices = status!.devices
  return (
    <section className="card card--wide" aria-labelledby="sync-devices">
      <div className="section-header">
        <h2 id="sync-devices">{t('sync.devices')}</h2>
        {!fieldDevice && (
          <button type="button" className="btn btn--primary" onClick={() => setEnrolling(true)}>
            {t('sync.enrol')}
          </button>
        )}
      </div>
      {fieldDevice && <p className="muted small">{t('sync.onlyOfficeEnrols')}</p>}
      <div className="table-wrap">
        <table className="table" data-testid="devices">
          <caption className="visually-hidden">{t('sync.devices')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.deviceName')}</th>
              <th scope="col">{t('sync.scope')}</th>
              <th scope="col">{t('sync.enrolledBy')}</th>
              <th scope="col">{t('sync.lastHeard')}</th>
              {!fieldDevice && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id} data-testid="device-row">
                <th scope="row" dir="auto">
                  {d.name || d.id}
                  {d.thisDevice && <span className="badge badge--active sync-badge">{t('sync.thisOne')}</span>}
                  {d.revoked && <span className="badge badge--former sync-badge">{t('sync.revoked', { date: formatDate(d.revokedOn, lang) })}</span>}
                  {d.user && <div className="muted small">{d.user}</div>}
                </th>
                <td>{scopeText(d.scope.kind, d.scopeLabel, t)}</td>
                <td>
                  {d.enrolledBy === d.id ? t('sync.founder') : d.enrolledByName}
                  <div className="muted small">{formatDate(d.enrolledOn, lang)}</div>
                </td>
                <td>{d.thisDevice ? t('sync.now') : d.lastHeard ? formatDate(d.lastHeard, lang) : t('sync.never')}</td>
                {!fieldDevice && (
                  <td>
                    {!d.thisDevice && !d.revoked && (
                      <button type="button" className="btn btn--small btn--danger-outline" onClick={() => setRevoking(d)} aria-label={t('sync.revokeNamed', { name: d.name || d.id })}>
                        {t('sync.revoke')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {enrolling && <EnrolDialog onClose={() => setEnrolling(false)} />}
      {revoking && (
        <ConfirmDialog
          title={t('sync.revokeTitle', { name: revoking.name || revoking.id })}
          confirmLabel={t('sync.revoke')}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            try {
              await mutate('device.revoke', { id: revoking.id })
              toast({ tone: 'success', message: t('sync.revokedToast', { name: revoking.name || revoking.id }) })
            } catch (e) {
              toast({ tone: 'error', message: errorMessage(e, t) })
            }
          }}
        >
          <p>{t('sync.revokeExplain')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

/** Changes by file: a bundle saved for one device, and a bundle opened from another. */
function ExchangeCard() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { status } = useSync()
  const mutate = useMutate()
  const selectId = useId()
  const fileId = useId()
  const others = status!.devices.filter((d) => !d.thisDevice && !d.revoked)
  const [to, setTo] = useState('')
  const [busy, setBusy] = useState<'send' | 'receive' | null>(null)
  const [sent, setSent] = useState<string | null>(null)
  const [received, setReceived] = useState<ImportReport | null>(null)
  const [held, setHeld] = useState<{ content: string; report: ImportReport } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const target = to || others[0]?.id || ''

  const send = async () => {
    setBusy('send')
    setError(null)
    setSent(null)
    try {
      const r = await mutate('sync.exportBundle', { to: target })
      if (r) setSent(t('sync.sent', { count: r.changes, size: formatBytes(r.bytes, lang), path: r.path }))
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(null)
    }
  }
  const receive = async (content: string, confirmDeletions: boolean) => {
    setBusy('receive')
    setError(null)
    setReceived(null)
    try {
      const report = await mutate('sync.importBundle', { contentBase64: content, confirmDeletions })
      if (report.held) setHeld({ content, report })
      else setReceived(report)
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(null)
    }
  }
  const open = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget
    const file = input.files?.[0]
    input.value = ''
    if (file) await receive(await readBase64(file), false)
  }

  return (
    <section className="card" aria-labelledby="sync-exchange">
      <h2 id="sync-exchange">{t('sync.byFile')}</h2>
      <p className="muted small">{t('sync.byFileIntro')}</p>
      <div className="sync-row">
        <FieldShell id={selectId} label={t('sync.sendTo')} className="field--medium">
          {(aria) => (
            <select {...aria} value={target} onChange={(e) => setTo(e.target.value)} disabled={!others.length || !!busy}>
              {others.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name || d.id}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <button type="button" className="btn" onClick={send} disabled={!target || !!busy}>
          {t('sync.send')}
        </button>
      </div>
      {sent && (
        <p className="alert alert--success" role="status" data-testid="sent">
          {sent}
        </p>
      )}
      <div className="file-pick sync-receive">
        <input id={fileId} type="file" accept=".gfcsync" className="visually-hidden" onChange={open} disabled={!!busy} data-testid="receive-file" />
        <label htmlFor={fileId} className={'btn' + (busy ? ' is-disabled' : '')}>
          {t('sync.receive')}
        </label>
      </div>
      {busy && <Busy label={busy === 'send' ? t('sync.sending') : t('sync.receiving')} />}
      <FormAlert message={error} />
      {received && <ImportSummary report={received} />}
      {held && (
        <ConfirmDialog
          title={t('sync.massDeletionTitle')}
          confirmLabel={t('sync.applyDeletions')}
          danger
          onClose={() => setHeld(null)}
          onConfirm={() => receive(held.content, true)}
        >
          <MassDeletion report={held.report} />
        </ConfirmDialog>
      )}
    </section>
  )
}
