import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FoundKind, FoundRecord } from '../../src-main/core/model/desk'
import { call } from '../api/client'
import { useDebounced, useQuery } from '../api/data'
import { useSync } from '../api/sync'
import { errorMessage } from '../forms/serverErrors'
import { fold, uiLang } from '../lib/format'
import { useNav, type View } from '../navigation'

/** Something the palette offers: a record found by the core, or an action of the app. */
interface Choice {
  key: string
  group: string
  label: string
  note: string
  open(): void | Promise<void>
}

const VIEW_OF: Record<FoundKind, (r: FoundRecord) => View> = {
  member: (r) => ({ name: 'member', id: r.openId }),
  contact: (r) => ({ name: 'contact', id: r.openId }),
  meeting: (r) => ({ name: 'meeting', id: r.openId }),
  activity: (r) => ({ name: 'activity', id: r.openId }),
  mission: (r) => ({ name: 'mission', id: r.openId }),
  post: (r) => ({ name: 'mission', id: r.openId }),
  holder: (r) => ({ name: 'mission', id: r.openId }),
}

/** The meeting whose invitations are issued next: the first one not over yet, else the meetings. */
async function nextMeetingInvitations(): Promise<View> {
  const today = new Date().toISOString().slice(0, 10)
  const next = (await call('meetings.list', {})).filter((m) => m.end.slice(0, 10) >= today).sort((a, b) => a.start.localeCompare(b.start))[0]
  return next ? { name: 'meeting', id: next.id, tab: 'invitations' } : { name: 'meetings' }
}

/** The actions the palette offers, by what a person would type: "new meeting", "add member state". */
function useActions(): { label: string; target: View | (() => Promise<View>) }[] {
  const { t } = useTranslation()
  const { fieldDevice } = useSync()
  // A field device holds only its missions: what it may not do or hold is not offered.
  const office = ['meetingNew', 'memberNew', 'activityNew', 'chairNew', 'missionNew', 'meetings', 'workplan', 'chairs']
  const all: { label: string; target: View | (() => Promise<View>) }[] = [
    { label: t('palette.action.newMeeting'), target: { name: 'meetingNew' } },
    { label: t('palette.action.issueInvitations'), target: nextMeetingInvitations },
    { label: t('palette.action.addState'), target: { name: 'memberNew', kind: 'state' } },
    { label: t('palette.action.addSme'), target: { name: 'memberNew', kind: 'sme' } },
    { label: t('palette.action.addContact'), target: { name: 'contactNew' } },
    { label: t('palette.action.newActivity'), target: { name: 'activityNew' } },
    { label: t('palette.action.newChair'), target: { name: 'chairNew' } },
    { label: t('palette.action.addMission'), target: { name: 'missionNew' } },
    { label: t('palette.go', { place: t('shell.home') }), target: { name: 'home' } },
    { label: t('palette.go', { place: t('nav.members') }), target: { name: 'members' } },
    { label: t('palette.go', { place: t('nav.contacts') }), target: { name: 'contacts' } },
    { label: t('palette.go', { place: t('nav.meetings') }), target: { name: 'meetings' } },
    { label: t('palette.go', { place: t('nav.workplan') }), target: { name: 'workplan' } },
    { label: t('palette.go', { place: t('nav.chair') }), target: { name: 'chairs' } },
    { label: t('palette.go', { place: t('nav.missions') }), target: { name: 'missions' } },
    { label: t('palette.go', { place: t('nav.sync') }), target: { name: 'sync' } },
    { label: t('palette.go', { place: t('nav.conflicts') }), target: { name: 'conflicts' } },
    { label: t('palette.go', { place: t('nav.settings') }), target: { name: 'settings' } },
  ]
  return fieldDevice ? all.filter((a) => typeof a.target !== 'function' && !office.includes(a.target.name)) : all
}

const matches = (text: string, words: string[]) => words.every((w) => text.includes(w))

/**
 * Find anything, go anywhere (Ctrl+K): one box over every member, contact, meeting, activity,
 * mission, post and holder (the core's desk.find, accents ignored), and the app's actions.
 * Keyboard only: type, ↑ ↓ to choose, Enter to open, Esc to close.
 */
export function Palette({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const ref = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  const titleId = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [failure, setFailure] = useState<string | null>(null)
  const q = useDebounced(query.trim(), 80)
  const found = useQuery('desk.find', q ? { query: q } : null)
  const actions = useActions()

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    inputRef.current?.focus()
    return () => d?.close()
  }, [])

  const choices: Choice[] = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean)
    const open = (v: View) => () => {
      onClose()
      go(v)
    }
    const records: Choice[] = q
      ? (found.data ?? []).map((r) => ({
          key: `${r.kind}:${r.id}`,
          group: t(`palette.kind.${r.kind}`),
          label: r.name[lang] || r.name.en,
          note: r.note[lang] || r.note.en,
          open: open(VIEW_OF[r.kind](r)),
        }))
      : []
    const acts: Choice[] = actions
      .filter((a) => matches(fold(a.label), words))
      .map((a) => ({
        key: `action:${a.label}`,
        group: t('palette.actions'),
        label: a.label,
        note: '',
        open: typeof a.target === 'function' ? async () => open(await (a.target as () => Promise<View>)())() : open(a.target),
      }))
    return [...records, ...acts]
  }, [query, q, found.data, actions, lang, t, go, onClose])

  useEffect(() => setActive(0), [query])
  const current = choices[Math.min(active, choices.length - 1)]
  const optionId = (i: number) => `${listId}-${i}`

  useEffect(() => {
    if (current) document.getElementById(optionId(choices.indexOf(current)))?.scrollIntoView({ block: 'nearest' })
  })

  const choose = async (c: Choice | undefined) => {
    if (!c) return
    try {
      await c.open()
    } catch (e) {
      setFailure(errorMessage(e, t))
    }
  }

  let lastGroup = ''
  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-labelledby={titleId}
      data-testid="palette"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onClick={(e) => e.target === ref.current && onClose()}
    >
      <h2 id={titleId} className="visually-hidden">
        {t('palette.title')}
      </h2>
      <input
        ref={inputRef}
        className="palette-input"
        type="text"
        role="combobox"
        dir="auto"
        aria-label={t('palette.label')}
        aria-expanded={choices.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(choices.indexOf(current)) : undefined}
        placeholder={t('palette.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            const n = choices.length
            if (n) setActive((i) => (Math.min(i, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n)
          } else if (e.key === 'Enter') {
            e.preventDefault()
            void choose(current)
          }
        }}
      />
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <ul id={listId} role="listbox" className="palette-list" aria-label={t('palette.results')}>
        {choices.map((c, i) => {
          const heading = c.group !== lastGroup ? c.group : ''
          lastGroup = c.group
          return (
            <li
              key={c.key}
              id={optionId(i)}
              role="option"
              aria-selected={c === current}
              className={'palette-option' + (c === current ? ' is-active' : '') + (heading ? ' palette-option--first' : '')}
              onMouseMove={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void choose(c)}
            >
              {heading && (
                <span className="palette-group" aria-hidden="true">
                  {heading}
                </span>
              )}
              <span className="palette-label" dir="auto">
                {c.label}
              </span>
              {c.note && (
                <span className="palette-note" dir="auto">
                  {c.note}
                </span>
              )}
              <span className="visually-hidden">{`, ${c.group}`}</span>
            </li>
          )
        })}
      </ul>
      <p className="palette-status muted small" aria-live="polite">
        {q && found.data && choices.length === 0 ? t('palette.nothing', { query: q }) : ''}
      </p>
    </dialog>
  )
}
