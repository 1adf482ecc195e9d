import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fold, uiLang } from '../lib/format'
import { allTimeZones, formatOffset, offsetMinutes, zoneName } from '../lib/time'

interface Props {
  id: string
  value: string
  onChange(tz: string): void
  onBlur?(): void
  inputRef?: (el: HTMLInputElement | null) => void
  'aria-invalid'?: boolean
  'aria-describedby'?: string
  'aria-required'?: boolean
}

interface ZoneOption {
  id: string
  /** "UTC−04:00 · Eastern Time" */
  detail: string
  /** Other cities in this zone, as typed by people. */
  aliases: string[]
  /** What a search looks in: the id with spaces, the zone's name, its offset, other cities. */
  haystack: string
}

/**
 * Cities where the Group meets that have no zone of their own in the IANA list: typing
 * "Geneva" finds Europe/Zurich, "The Hague" Europe/Amsterdam.
 */
const CITY_ALIASES: Record<string, string[]> = {
  'Europe/Zurich': ['Geneva', 'Bern'],
  'Europe/Amsterdam': ['The Hague'],
  'Europe/Berlin': ['Bonn'],
  'Europe/Rome': ['Turin', 'Brindisi'],
  'America/New_York': ['Washington'],
  'America/Toronto': ['Montreal', 'Ottawa'],
  'Asia/Kolkata': ['New Delhi', 'Mumbai'],
  'Asia/Calcutta': ['New Delhi', 'Mumbai'],
  'Africa/Nairobi': ['Gigiri'],
  'Asia/Riyadh': ['Kuwait City'],
}

/** The id as typed by people: "new york" for America/New_York. */
const norm = (s: string) => fold(s.replace(/_/g, ' '))

/** A searchable pick-list over the IANA time zones (ARIA 1.2 combobox), by city, zone name or offset. */
export function TimeZoneCombobox({ id, value, onChange, onBlur, inputRef, ...aria }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const [text, setText] = useState(value)
  const [typing, setTyping] = useState(false)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const listId = `${id}-list`

  useEffect(() => {
    if (!typing) setText(value)
  }, [value, typing])

  // Names and offsets of ~400 zones: worked out once, when the list is first wanted.
  const [wanted, setWanted] = useState(false)
  const options = useMemo<ZoneOption[]>(() => {
    if (!wanted) return []
    const now = new Date()
    return allTimeZones().map((z) => {
      const offset = formatOffset(offsetMinutes(z, now))
      const name = zoneName(z, lang, now)
      const aliases = CITY_ALIASES[z] ?? []
      const detail = [offset, name, ...(aliases.length ? [aliases.join(', ')] : [])].join(' · ')
      return { id: z, detail, aliases: aliases.map(norm), haystack: `${norm(z)} ${norm(name)} ${aliases.map(norm).join(' ')} ${offset.replace('\u2212', '-').toLowerCase()}` }
    })
  }, [wanted, lang])

  const matches = useMemo(() => {
    const q = typing ? norm(text.trim()) : ''
    if (!q) return options
    const starts: ZoneOption[] = []
    const contains: ZoneOption[] = []
    for (const o of options) {
      const city = norm(o.id.split('/').pop() ?? o.id)
      if (city.startsWith(q) || norm(o.id).startsWith(q) || o.aliases.some((a) => a.startsWith(q))) starts.push(o)
      else if (o.haystack.includes(q.replace('\u2212', '-'))) contains.push(o)
    }
    return [...starts, ...contains]
  }, [options, text, typing])

  useEffect(() => {
    if (!open) return
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)
    el?.scrollIntoView?.({ block: 'nearest' })
  }, [active, open])

  useEffect(() => {
    // Opening on the current zone shows where it is in the list.
    if (open && !typing) {
      const i = options.findIndex((o) => o.id === value)
      if (i >= 0) setActive(i)
    }
  }, [open, typing, options, value])

  const show = () => {
    setWanted(true)
    setOpen(true)
  }

  const choose = (o: ZoneOption) => {
    onChange(o.id)
    setTyping(false)
    setText(o.id)
    setOpen(false)
  }

  const finish = () => {
    setOpen(false)
    if (typing) {
      const q = norm(text.trim())
      if (!q) onChange('')
      else {
        const exact = allTimeZones().find(
          (z) => norm(z) === q || norm(z.split('/').pop() ?? '') === q || (CITY_ALIASES[z] ?? []).some((a) => norm(a) === q),
        )
        if (exact) onChange(exact)
        else setText(value)
      }
      setTyping(false)
    }
    onBlur?.()
  }

  const activeOption = open ? matches[active] : undefined

  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-opt-${activeOption.id}` : undefined}
        placeholder={t('meeting.timeZonePlaceholder')}
        value={text}
        {...aria}
        onChange={(e) => {
          setText(e.target.value)
          setTyping(true)
          show()
          setActive(0)
        }}
        onFocus={(e) => e.target.select()}
        onClick={show}
        onBlur={finish}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            show()
            setActive((a) => (open ? Math.min(a + 1, matches.length - 1) : a))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            show()
            setActive((a) => (open ? Math.max(a - 1, 0) : a))
          } else if (e.key === 'Enter') {
            if (open && activeOption) {
              e.preventDefault()
              choose(activeOption)
            }
          } else if (e.key === 'Escape') {
            if (open) {
              e.preventDefault()
              e.stopPropagation()
              setOpen(false)
              setTyping(false)
              setText(value)
            }
          }
        }}
      />
      <ul id={listId} ref={listRef} role="listbox" className="combobox-list" hidden={!open} aria-label={t('meeting.timeZone')}>
        {open && matches.length === 0 && <li className="combobox-empty">{t('meeting.noTimeZoneMatch')}</li>}
        {open &&
          matches.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${o.id}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className={'combobox-option' + (i === active ? ' is-active' : '') + (o.id === value ? ' is-selected' : '')}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== active && setActive(i)}
              onClick={() => choose(o)}
            >
              <span dir="ltr">{o.id}</span>
              <span className="combobox-note">{o.detail}</span>
            </li>
          ))}
      </ul>
    </div>
  )
}
