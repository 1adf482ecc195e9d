import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../forms/serverErrors'
import { Page } from './Page'

/** The link above a record's heading, back to its list: "← Members". */
export function BackLink({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="link back" onClick={onClick}>
      ← {label}
    </button>
  )
}

/** The screen of a record that could not be loaded, with the reason. */
export function RecordNotFound({ title, error, back }: { title: string; error: unknown; back: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Page title={title} back={back}>
      <div className="alert alert--error" role="alert">
        {errorMessage(error, t)}
      </div>
    </Page>
  )
}

/** Edit and Delete, for the actions of a record's screen. */
export function RecordActions({ onEdit, onDelete }: { onEdit(): void; onDelete(): void }) {
  const { t } = useTranslation()
  return (
    <>
      <button type="button" className="btn" onClick={onEdit}>
        {t('common.edit')}
      </button>
      <button type="button" className="btn btn--danger-outline" onClick={onDelete}>
        {t('common.delete')}
      </button>
    </>
  )
}
