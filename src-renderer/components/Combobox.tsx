import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

/** The props a pick-list built on `Combobox` takes from its form field. */
export interface ComboboxFieldProps {
  id: string
  value: string
  onChange(key: string): void
  onBlur?(): void
  /** Lets the form focus this input when it is the first field in error. */
  inputRef?: (el: HTMLInputElement | null) => void
  'aria-invalid'?: boolean
  'aria-describedby'?: string
  'aria-required'?: boolean
}

interface Props<T> extends ComboboxFieldProps {
  /** Every option, in the order the list shows them. */
  options: readonly T[]
  /** The option's value, as `value` and `onChange` carry it. */
  keyOf(option: T): string
  /** What the input shows once the option is chosen. */
  textOf(option: T): string
  /** What the input shows for `value` while the user is not typing. */
  valueText: string
  /** The option's content in the list. */
  renderOption(option: T, disabled: boolean): ReactNode
  /** Makes typed text comparable: the search and `findExact` get it this way. */
  normalize(text: string): string
  /** Whether the option matches the query: at its start (listed first), within it, or not at all. */
  match(option: T, query: string): 'start' | 'within' | false
  /** The value whose name is exactly the query, committed when the user leaves the input after typing. */
  findExact(query: string): string | undefined
  /** Options shown but not selectable. */
  isDisabled?(option: T): boolean
  /** Called whenever the list opens (to work out the options only when they are first wanted). */
  onOpen?(): void
  /** Opening the list without typing puts the active option on the chosen one. */
  startAtValue?: boolean
  placeholder: string
  listLabel: string
  emptyText: string
  inputDir?: 'ltr'
}

/** A searchable pick-list (ARIA 1.2 combobox): an input with a listbox of options, keyboard and pointer. */
export function Combobox<T>(props: Props<T>) {
  const { id, value, onChange, onBlur, inputRef, options, keyOf, textOf, valueText, renderOption, normalize, match, findExact } = props
  const { isDisabled = () => false, onOpen, startAtValue = false, placeholder, listLabel, emptyText, inputDir } = props
  const aria = { 'aria-invalid': props['aria-invalid'], 'aria-describedby': props['aria-describedby'], 'aria-required': props['aria-required'] }
  const [text, setText] = useState(valueText)
  const [typing, setTyping] = useState(false)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const listId = `${id}-list`

  useEffect(() => {
    if (!typing) setText(valueText)
  }, [valueText, typing])

  const matches = useMemo(() => {
    const q = typing ? normalize(text.trim()) : ''
    if (!q) return options
    const starts: T[] = []
    const within: T[] = []
    for (const o of options) {
      const m = match(o, q)
      if (m === 'start') starts.push(o)
      else if (m === 'within') within.push(o)
    }
    return [...starts, ...within]
  }, [options, text, typing, normalize, match])

  useEffect(() => {
    if (!open) return
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)
    el?.scrollIntoView?.({ block: 'nearest' })
  }, [active, open])

  useEffect(() => {
    // Opening on the chosen option shows where it is in the list.
    if (startAtValue && open && !typing) {
      const i = options.findIndex((o) => keyOf(o) === value)
      if (i >= 0) setActive(i)
    }
  }, [startAtValue, open, typing, options, value, keyOf])

  const show = () => {
    onOpen?.()
    setOpen(true)
  }

  const openAt = (index: number) => {
    show()
    setActive(Math.max(0, Math.min(index, matches.length - 1)))
  }

  /** Arrow keys: one step along an open list; on a closed one, open it (at `fromClosed`, or on the chosen option). */
  const step = (delta: number, fromClosed: number) => {
    if (open) openAt(active + delta)
    else if (startAtValue) show()
    else openAt(fromClosed)
  }

  const choose = (o: T) => {
    if (isDisabled(o)) return
    onChange(keyOf(o))
    setTyping(false)
    setText(textOf(o))
    setOpen(false)
  }

  const finish = () => {
    setOpen(false)
    if (typing) {
      const q = normalize(text.trim())
      if (!q) onChange('')
      else {
        const exact = findExact(q)
        if (exact !== undefined) onChange(exact)
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
        dir={inputDir}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-opt-${keyOf(activeOption)}` : undefined}
        placeholder={placeholder}
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
            step(1, 0)
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            step(-1, matches.length - 1)
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
              setText(valueText)
            }
          }
        }}
      />
      <ul id={listId} ref={listRef} role="listbox" className="combobox-list" hidden={!open} aria-label={listLabel}>
        {open && matches.length === 0 && <li className="combobox-empty">{emptyText}</li>}
        {open &&
          matches.map((o, i) => {
            const key = keyOf(o)
            const disabled = isDisabled(o)
            return (
              <li
                key={key}
                id={`${id}-opt-${key}`}
                data-index={i}
                role="option"
                aria-selected={i === active}
                aria-disabled={disabled || undefined}
                className={'combobox-option' + (i === active ? ' is-active' : '') + (disabled ? ' is-disabled' : '') + (key === value ? ' is-selected' : '')}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== active && setActive(i)}
                onClick={() => choose(o)}
              >
                {renderOption(o, disabled)}
              </li>
            )
          })}
      </ul>
    </div>
  )
}
