import { useTranslation } from 'react-i18next'

/** A form's submit button (disabled while it is busy) and its Cancel. */
export function FormActions({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel(): void }) {
  const { t } = useTranslation()
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  )
}
