import { useTranslation } from 'react-i18next'
import { formatBytes, formatDate, uiLang } from '../lib/format'
import { ActionsHeader, DataTable } from './DataTable'

interface Backup {
  name: string
  createdAt: string
  bytes: number
}

/** The profile's backups, newest first, each with a button to restore it (Settings, and the
 *  recovery screen of a damaged profile). */
export function BackupsTable({ backups, restoreLabel, primary, disabled, onRestore }: { backups: Backup[]; restoreLabel: string; primary?: boolean; disabled?: boolean; onRestore: (b: Backup) => void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  if (backups.length === 0) return <p>{t('recovery.noBackups')}</p>
  return (
    <DataTable
      testId="backups-table"
      columns={3}
      head={
        <>
          <th scope="col">{t('recovery.colDate')}</th>
          <th scope="col">{t('recovery.colSize')}</th>
          <ActionsHeader />
        </>
      }
    >
      {backups.map((b) => (
        <tr key={b.name}>
          <td>{formatDate(b.createdAt, lang)}</td>
          <td>{formatBytes(b.bytes, lang)}</td>
          <td className="row-actions">
            <button type="button" className={`btn btn--small${primary ? ' btn--primary' : ''}`} disabled={disabled} onClick={() => onRestore(b)}>
              {restoreLabel}
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  )
}
