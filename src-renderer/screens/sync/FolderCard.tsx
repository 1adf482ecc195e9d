import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSync } from '../../api/sync'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { DetailList } from '../../components/DetailList'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang } from '../../lib/format'
import { Busy, ImportSummary, MassDeletion } from './parts'
import { folderProblem } from './problems'

/** The shared folder: chosen once, then synced on demand and every few minutes (api/sync.tsx). */
export function FolderCard() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { status, folder, running, failure, nextSync, syncFolder, chooseFolder, fieldDevice } = useSync()
  const [confirming, setConfirming] = useState(false)
  const chosen = status!.folder
  const held = folder?.reports.find((r) => r.held)
  const lastSync = folder?.lastSync || chosen?.lastSync || ''
  const quiet = () => {} // the outcome shows below, from the sync's state

  return (
    <section className="card" aria-labelledby="sync-folder">
      <h2 id="sync-folder">{t('sync.folder')}</h2>
      <p className="muted small">{fieldDevice ? t('sync.folderIntroField') : t('sync.folderIntro')}</p>
      {chosen && (
        <DetailList
          items={[
            [t('sync.folderPath'), <code dir="ltr">{chosen.dir}</code>, 'folder-path'],
            [t('sync.lastSync'), lastSync ? formatDate(lastSync, lang) : t('sync.never'), 'last-sync'],
            [t('sync.nextSync'), nextSync ? formatDate(new Date(nextSync).toISOString(), lang) : '', 'next-sync'],
          ]}
        />
      )}
      <div className="sync-row">
        {chosen && (
          <button type="button" className="btn btn--primary" onClick={() => syncFolder().catch(quiet)} disabled={running}>
            {t('sync.syncNow')}
          </button>
        )}
        <button type="button" className={chosen ? 'btn btn--quiet' : 'btn btn--primary'} onClick={() => chooseFolder().catch(quiet)} disabled={running}>
          {chosen ? t('sync.chooseAnother') : t('sync.chooseFolder')}
        </button>
      </div>
      {running && <Busy label={t('sync.syncing')} />}
      <div role="status" data-testid="folder-status">
        {!running && failure != null && <p className="alert alert--error">{errorMessage(failure, t)}</p>}
        {!running && folder && folder.problems.length > 0 && (
          <ul className="alert alert--warning sync-problems">
            {folder.problems.map((p, i) => (
              <li key={i}>{folderProblem(p, t)}</li>
            ))}
          </ul>
        )}
        {!running && folder?.ok && <p className="alert alert--success">{t('sync.folderDone', { received: t('sync.filesReceived', { count: folder.read }), written: t('sync.filesWritten', { count: folder.written }) })}</p>}
      </div>
      {held && (
        <button type="button" className="btn btn--danger-outline" onClick={() => setConfirming(true)}>
          {t('sync.reviewDeletions')}
        </button>
      )}
      {folder?.reports
        .filter((r) => !r.held && (r.changes > 0 || r.refused.length > 0))
        .map((r, i) => (
          <ImportSummary key={i} report={r} />
        ))}
      {confirming && held && (
        <ConfirmDialog title={t('sync.massDeletionTitle')} confirmLabel={t('sync.applyDeletions')} danger onClose={() => setConfirming(false)} onConfirm={() => syncFolder(true).then(quiet, quiet)}>
          <MassDeletion report={held} />
        </ConfirmDialog>
      )}
    </section>
  )
}
