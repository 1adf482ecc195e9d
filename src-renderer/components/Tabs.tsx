import { useRef, type ReactNode } from 'react'

export interface TabDef<K extends string> {
  key: K
  label: string
  /** A number shown after the label, e.g. how many rows the panel has. */
  count?: number
}

interface Props<K extends string> {
  label: string
  tabs: TabDef<K>[]
  active: K
  onChange(key: K): void
  /** Prefix of the ids that tie each tab to its panel. */
  idBase: string
}

export const tabId = (base: string, key: string) => `${base}-tab-${key}`
export const panelId = (base: string, key: string) => `${base}-panel-${key}`

/** A row of tabs (ARIA tabs pattern: arrow keys, Home and End move between them). */
export function Tabs<K extends string>({ label, tabs, active, onChange, idBase }: Props<K>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const focusAt = (i: number) => {
    const n = (i + tabs.length) % tabs.length
    onChange(tabs[n].key)
    refs.current[n]?.focus()
  }
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, i) => (
        <button
          key={tab.key}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="tab"
          id={tabId(idBase, tab.key)}
          aria-selected={tab.key === active}
          aria-controls={panelId(idBase, tab.key)}
          tabIndex={tab.key === active ? 0 : -1}
          className={'tab' + (tab.key === active ? ' is-active' : '')}
          onClick={() => onChange(tab.key)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') focusAt(i + 1)
            else if (e.key === 'ArrowLeft') focusAt(i - 1)
            else if (e.key === 'Home') focusAt(0)
            else if (e.key === 'End') focusAt(tabs.length - 1)
            else return
            e.preventDefault()
          }}
        >
          {tab.label}
          {tab.count !== undefined && <span className="tab-count">{tab.count}</span>}
        </button>
      ))}
    </div>
  )
}

export function TabPanel({ idBase, tabKey, children }: { idBase: string; tabKey: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={panelId(idBase, tabKey)} aria-labelledby={tabId(idBase, tabKey)} tabIndex={0} className="tab-panel">
      {children}
    </div>
  )
}
