import { useId, useMemo } from 'react'
import { Controller, get, type Control, type FieldValues } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Combobox } from '../../components/Combobox'
import { FieldShell, useErrorText, type AnyForm } from '../../components/Field'
import { fold } from '../../lib/format'

export interface PickOption {
  id: string
  label: string
  /** A word after the name in the list: "Member State", "closed". */
  note?: string
}

interface Props {
  form: AnyForm
  /** Path of a list of ids in the form. */
  name: string
  label: string
  hint?: string
  /** What can be picked; chosen ids missing from it (a former member) keep the name `known` gives. */
  options: PickOption[]
  known?: Map<string, string>
  placeholder: string
  emptyText: string
  /** Replaces the hint while the options could not be loaded. */
  unavailable?: string
}

/** Several records chosen from a searchable list, shown as chips that can be removed one by one. */
export function MultiPickerField({ form, name, label, hint, options, known, placeholder, emptyText, unavailable }: Props) {
  const id = useId()
  const errorText = useErrorText()
  // A list's own fault (too few, too many) sits on the list, or on its root for an array.
  const raw = get(form.formState.errors, name) as ({ message?: string; root?: { message?: string } } & object) | undefined
  const error = errorText((raw?.root ?? (raw?.message ? raw : undefined)) as never)
  return (
    <Controller
      control={form.control as unknown as Control<FieldValues>}
      name={name}
      render={({ field }) => (
        <FieldShell id={id} label={label} hint={unavailable ?? hint} error={error}>
          {(aria) => (
            <MultiPicker
              {...aria}
              label={label}
              value={(field.value as string[] | undefined) ?? []}
              onChange={(ids) => field.onChange(ids)}
              onBlur={field.onBlur}
              options={options}
              known={known}
              placeholder={placeholder}
              emptyText={emptyText}
            />
          )}
        </FieldShell>
      )}
    />
  )
}

interface PickerProps {
  id: string
  label: string
  value: string[]
  onChange(ids: string[]): void
  onBlur(): void
  options: PickOption[]
  known?: Map<string, string>
  placeholder: string
  emptyText: string
  'aria-invalid': boolean
  'aria-describedby'?: string
}

function MultiPicker({ id, label, value, onChange, onBlur, options, known, placeholder, emptyText, ...aria }: PickerProps) {
  const { t } = useTranslation()
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o.label])), [options])
  const chosen = new Set(value)
  const free = options.filter((o) => !chosen.has(o.id))
  const nameOf = (v: string) => byId.get(v) ?? known?.get(v) ?? v
  const add = (v: string) => v && !chosen.has(v) && onChange([...value, v])

  return (
    <div className="picker">
      <Combobox<PickOption>
        id={id}
        value=""
        valueText=""
        onChange={add}
        onBlur={onBlur}
        options={free}
        keyOf={(o) => o.id}
        // The input empties once an option is chosen, ready for the next one.
        textOf={() => ''}
        renderOption={(o) => (
          <>
            <span dir="auto">{o.label}</span>
            {o.note && <span className="muted combobox-note">{o.note}</span>}
          </>
        )}
        normalize={fold}
        match={(o, q) => {
          if (fold(o.label).startsWith(q)) return 'start'
          return fold(`${o.label} ${o.note ?? ''}`).includes(q) ? 'within' : false
        }}
        findExact={(q) => free.find((o) => fold(o.label) === q)?.id}
        placeholder={placeholder}
        listLabel={label}
        emptyText={emptyText}
        {...aria}
      />
      {value.length > 0 && (
        <ul className="picked" aria-label={t('workplan.picked', { label })}>
          {value.map((v) => (
            <li key={v} className="picked-chip" data-testid="picked">
              <span dir="auto">{nameOf(v)}</span>
              <button
                type="button"
                className="picked-remove"
                aria-label={t('workplan.unpick', { name: nameOf(v) })}
                title={t('workplan.unpick', { name: nameOf(v) })}
                onClick={() => onChange(value.filter((x) => x !== v))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
