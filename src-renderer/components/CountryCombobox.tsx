import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MEMBER_STATES, type MemberStateRef } from '../../src-main/core/model'
import { fold, stateByCode, stateName, uiLang } from '../lib/format'

interface Props {
  id: string
  value: string
  onChange(code: string): void
  onBlur?(): void
  /** Lets the form focus this input when it is the first field in error. */
  inputRef?: (el: HTMLInputElement | null) => void
  /** Codes of states already in the Group: shown, but not selectable. */
  taken: ReadonlySet<string>
  'aria-invalid'?: boolean
  'aria-describedby'?: string
  'aria-required'?: boolean
}

/** A searchable pick-list over the 193 UN Member States, in the interface language (ARIA 1.2 combobox). */
export function CountryCombobox({ id, value, onChange, onBlur, inputRef, taken, ...aria }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const selectedName = value ? (stateByCode(value) ? stateName(stateByCode(value)!, lang) : value) : ''
  const [text, setText] = useState(selectedName)
  const [typing, setTyping] = useState(false)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const listId = `${id}-list`

  useEffect(() => {
    if (!typing) setText(selectedName)
  }, [selectedName, typing])

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(lang, { sensitivity: 'base' })
    return [...MEMBER_STATES].sort((a, b) => collator.compare(stateName(a, lang), stateName(b, lang)))
  }, [lang])

  const matches = useMemo(() => {
    const q = typing ? fold(text.trim()) : ''
    if (!q) return sorted
    const starts: MemberStateRef[] = []
    const contains: MemberStateRef[] = []
    for (const s of sorted) {
      const names = [fold(s.en), fold(s.fr)]
      if (names.some((n) => n.startsWith(q)) || s.iso2.toLowerCase() === q || s.iso3.toLowerCase() === q) starts.push(s)
      else if (names.some((n) => n.includes(q))) contains.push(s)
    }
    return [...starts, ...contains]
  }, [sorted, text, typing])

  useEffect(() => {
    if (!open) return
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)
    el?.scrollIntoView?.({ block: 'nearest' })
  }, [active, open])

  const choose = (s: MemberStateRef) => {
    if (taken.has(s.iso2) && s.iso2 !== value) return
    onChange(s.iso2)
    setTyping(false)
    setText(stateName(s, lang))
    setOpen(false)
  }

  const openAt = (index: number) => {
    setOpen(true)
    setActive(Math.max(0, Math.min(index, matches.length - 1)))
  }

  const finish = () => {
    setOpen(false)
    if (typing) {
      const q = fold(text.trim())
      if (!q) onChange('')
      else {
        const exact = MEMBER_STATES.find((s) => fold(s.en) === q || fold(s.fr) === q)
        if (exact && (!taken.has(exact.iso2) || exact.iso2 === value)) onChange(exact.iso2)
      }
      setTyping(false)
    }
    onBlur?.()
  }

  const activeState = open ? matches[active] : undefined

  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeState ? `${id}-opt-${activeState.iso2}` : undefined}
        placeholder={t('member.countryPlaceholder')}
        value={text}
        {...aria}
        onChange={(e) => {
          setText(e.target.value)
          setTyping(true)
          setOpen(true)
          setActive(0)
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => setOpen(true)}
        onBlur={finish}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            openAt(open ? active + 1 : 0)
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            openAt(open ? active - 1 : matches.length - 1)
          } else if (e.key === 'Enter') {
            if (open && activeState) {
              e.preventDefault()
              choose(activeState)
            }
          } else if (e.key === 'Escape') {
            if (open) {
              e.preventDefault()
              e.stopPropagation()
              setOpen(false)
              setTyping(false)
              setText(selectedName)
            }
          }
        }}
      />
      <ul id={listId} ref={listRef} role="listbox" className="combobox-list" hidden={!open} aria-label={t('member.country')}>
        {open && matches.length === 0 && <li className="combobox-empty">{t('member.noCountryMatch')}</li>}
        {open &&
          matches.map((s, i) => {
            const isTaken = taken.has(s.iso2) && s.iso2 !== value
            return (
              <li
                key={s.iso2}
                id={`${id}-opt-${s.iso2}`}
                data-index={i}
                role="option"
                aria-selected={i === active}
                aria-disabled={isTaken || undefined}
                className={
                  'combobox-option' + (i === active ? ' is-active' : '') + (isTaken ? ' is-disabled' : '') + (s.iso2 === value ? ' is-selected' : '')
                }
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== active && setActive(i)}
                onClick={() => choose(s)}
              >
                <span>{stateName(s, lang)}</span>
                {isTaken && <span className="combobox-note">{' '}{t('member.alreadyMember')}</span>}
              </li>
            )
          })}
      </ul>
    </div>
  )
}
