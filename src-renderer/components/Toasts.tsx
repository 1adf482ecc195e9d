import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ToastInput {
  message: string
  tone?: 'info' | 'success' | 'error'
  action?: { label: string; run(): Promise<void> | void }
}

interface Toast extends ToastInput {
  id: number
}

const ToastContext = createContext<(t: ToastInput) => void>(() => {})

export function useToast() {
  return useContext(ToastContext)
}

// Long enough to read and reach Undo; hovering or focusing a toast holds it.
const LIFETIME_MS = 6000
const LIFETIME_WITH_ACTION_MS = 12000

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const next = useRef(1)
  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((x) => x.id !== id)), [])
  const show = useCallback((t: ToastInput) => {
    const id = next.current++
    setToasts((ts) => [...ts.slice(-2), { ...t, id }])
  }, [])
  const value = useMemo(() => show, [show])
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts">
        {toasts.map((t) => (
          <ToastView key={t.id} toast={t} dismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  )
}

function ToastView({ toast, dismiss }: { toast: Toast; dismiss(id: number): void }) {
  const { t } = useTranslation()
  const onDismiss = useCallback(() => dismiss(toast.id), [dismiss, toast.id])
  const [paused, setPaused] = useState(false)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (paused) return
    const h = setTimeout(onDismiss, toast.action ? LIFETIME_WITH_ACTION_MS : LIFETIME_MS)
    return () => clearTimeout(h)
  }, [paused, onDismiss, toast.action])
  return (
    <div
      className={`toast toast--${toast.tone ?? 'info'}`}
      role="status"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className="toast-message" dir="auto">
        {toast.message}
      </span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            try {
              await toast.action!.run()
            } finally {
              onDismiss()
            }
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('common.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
