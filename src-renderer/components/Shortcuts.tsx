import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from './Dialog'

/** Where typing goes to a field, a key is the field's, not a shortcut. */
function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)
}

/** The search box of the list on screen, if it has one. */
function listSearch(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('#main input[type="search"]')
}

/**
 * The keyboard shortcuts of the whole window: Ctrl+K (⌘K) finds anything, "/" goes to the list's
 * search (or finds anything where there is no list), "?" lists the shortcuts. "/" and "?" are
 * ordinary characters while typing in a field; no shortcut acts while a dialog is open.
 */
export function useShortcuts(actions: { palette(): void; shortcuts(): void }): void {
  const latest = useRef(actions)
  latest.current = actions
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        latest.current.palette()
        return
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return
      if (e.key === '/') {
        e.preventDefault()
        const search = listSearch()
        if (search) search.focus()
        else latest.current.palette()
      } else if (e.key === '?') {
        e.preventDefault()
        latest.current.shortcuts()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

const SHORTCUTS: [keys: string[], what: string][] = [
  [['Ctrl', 'K'], 'shortcuts.palette'],
  [['/'], 'shortcuts.search'],
  [['?'], 'shortcuts.help'],
  [['↑', '↓', 'Enter'], 'shortcuts.choose'],
  [['Esc'], 'shortcuts.escape'],
  [['Alt', '←'], 'shortcuts.back'],
  [['Alt', '→'], 'shortcuts.forward'],
]

/** The "?" overlay: every shortcut and what it does. */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <dl className="shortcuts" data-testid="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div className="shortcuts-row" key={what}>
            <dt>
              {keys.map((k, i) => (
                <kbd key={i}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="btn btn--primary" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Dialog>
  )
}
