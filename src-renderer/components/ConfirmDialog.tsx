import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  title: string
  children?: ReactNode
  confirmLabel: string
  /** The label of the way back; "Cancel" unless given. */
  cancelLabel?: string
  danger?: boolean
  testId?: string
  onConfirm(): Promise<void> | void
  onClose(): void
}

/** A modal confirmation (native <dialog>: focus is trapped and the page behind is inert). */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, danger, testId, onConfirm, onClose }: Props) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const bodyId = useId()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    cancelRef.current?.focus()
    return () => d?.close()
  }, [])

  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } catch (e) {
      console.error(e) // callers report their own failures; never leave the dialog stuck
    } finally {
      setBusy(false)
      onClose()
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(e) => {
        e.preventDefault()
        if (!busy) onClose()
      }}
    >
      <h2 id={titleId} className="dialog-title" dir="auto">
        {title}
      </h2>
      {children && (
        <div id={bodyId} className="dialog-body">
          {children}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" ref={cancelRef} onClick={onClose} disabled={busy}>
          {cancelLabel ?? t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'btn btn--danger' : 'btn btn--primary'} onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
