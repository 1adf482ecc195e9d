import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useGuardedCancel } from './FormActions'

interface Props {
  title: string
  children: ReactNode
  onClose(): void
  /** While true, Escape does not close (a save is under way). */
  busy?: boolean
  wide?: boolean
}

/** A modal with any content, e.g. a small form (native <dialog>: focus is trapped, the page behind is inert). */
export function Dialog({ title, children, onClose, busy, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  // Escape asks first when the form inside has unsaved changes.
  const cancel = useGuardedCancel(onClose)
  const titleId = useId()
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    // The first field, else the first button, takes the focus.
    const first = d?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')
    first?.focus()
    return () => d?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className={'dialog' + (wide ? ' dialog--wide' : '')}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        if (!busy) cancel()
      }}
    >
      <h2 id={titleId} className="dialog-title" dir="auto">
        {title}
      </h2>
      {children}
    </dialog>
  )
}

/** The Cancel and submit buttons of a form in a dialog; Cancel asks first when the form has unsaved changes. */
export function DialogActions({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel(): void }) {
  const { t } = useTranslation()
  const cancel = useGuardedCancel(onCancel)
  return (
    <div className="dialog-actions">
      <button type="button" className="btn" onClick={cancel} disabled={busy}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {submitLabel}
      </button>
    </div>
  )
}
