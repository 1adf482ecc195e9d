import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from './ConfirmDialog'

/** A form on screen that may hold changes not saved yet. */
interface Editor {
  dirty(): boolean
  /** The person chose to leave: its changes no longer hold anyone back. */
  discard(): void
}

interface Guard {
  register(editor: Editor): () => void
  /** True at once when nothing is unsaved; otherwise asks, and is true when the person chooses to leave. */
  confirmLeave(): Promise<boolean>
}

const GuardContext = createContext<Guard>({ register: () => () => {}, confirmLeave: async () => true })

export function useLeaveGuard(): Guard {
  return useContext(GuardContext)
}

/**
 * Every way out of a form with unsaved changes asks first: moving to another screen (go, Back,
 * Forward), Escape or Cancel, and closing or reloading the window (`beforeunload`: the browser's
 * own question; in Electron the shell's, see src-main/electron/window.ts).
 */
export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const editors = useRef(new Set<Editor>())
  const [asking, setAsking] = useState<((leave: boolean) => void) | null>(null)
  const pending = useRef<Promise<boolean> | null>(null)

  const dirty = () => [...editors.current].some((e) => e.dirty())
  const register = useCallback((editor: Editor) => {
    editors.current.add(editor)
    return () => void editors.current.delete(editor)
  }, [])
  const confirmLeave = useCallback(() => {
    if (![...editors.current].some((e) => e.dirty())) return Promise.resolve(true)
    // A second way out while the question is open (Back pressed twice) waits for the same answer.
    pending.current ??= new Promise<boolean>((resolve) =>
      setAsking(() => (leave: boolean) => {
        if (leave) for (const e of editors.current) e.discard()
        pending.current = null
        setAsking(null)
        resolve(leave)
      }),
    )
    return pending.current
  }, [])

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty()) return
      e.preventDefault()
      e.returnValue = '' // older engines ask only when returnValue is set
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [])

  const value = useMemo(() => ({ register, confirmLeave }), [register, confirmLeave])
  return (
    <GuardContext.Provider value={value}>
      {children}
      {asking && (
        <ConfirmDialog title={t('unsaved.title')} confirmLabel={t('unsaved.leave')} cancelLabel={t('unsaved.stay')} danger onConfirm={() => asking(true)} onClose={() => asking(false)} testId="unsaved-dialog">
          <p>{t('unsaved.body')}</p>
        </ConfirmDialog>
      )}
    </GuardContext.Provider>
  )
}

/**
 * Registers a form with the guard while it is on screen. `dirty` is read when someone tries to
 * leave; after the person chooses to leave, the form counts as clean until it is gone.
 */
export function useUnsavedChanges(dirty: () => boolean): void {
  const { register } = useLeaveGuard()
  const check = useRef(dirty)
  check.current = dirty
  useEffect(() => {
    let discarded = false
    return register({ dirty: () => !discarded && check.current(), discard: () => void (discarded = true) })
  }, [register])
}

/** Escape leaves the form as its Cancel does, unless something inside used the key (a list, a dialog). */
export function useEscapeToCancel(cancel: () => void): void {
  const latest = useRef(cancel)
  latest.current = cancel
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return
      // The question that may follow is a modal dialog: this same key must not close it.
      e.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
