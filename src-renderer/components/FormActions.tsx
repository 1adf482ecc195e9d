import { useTranslation } from 'react-i18next'
import { useEscapeToCancel, useLeaveGuard } from './LeaveGuard'

/**
 * A form's submit button (disabled while it is busy) and its Cancel; Escape cancels too. Either
 * way out asks first when the form has unsaved changes (LeaveGuard).
 */
export function FormActions({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel(): void }) {
  const { t } = useTranslation()
  const cancel = useGuardedCancel(onCancel)
  useEscapeToCancel(cancel)
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="btn" onClick={cancel}>
        {t('common.cancel')}
      </button>
    </div>
  )
}

/** `cancel`, once the person has agreed to lose what they typed (at once when nothing is unsaved). */
export function useGuardedCancel(cancel: () => void): () => void {
  const { confirmLeave } = useLeaveGuard()
  return () => void confirmLeave().then((leave) => leave && cancel())
}
