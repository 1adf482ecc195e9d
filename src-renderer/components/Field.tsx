import { useId, type ReactNode } from 'react'
import { get, type FieldError, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { parseMessage } from '../../src-main/core/model/messages'

export type AnyForm = UseFormReturn<FieldValues>

/** Translates a validation message (an i18n key from the shared schemas) for display under a field. */
export function useErrorText() {
  const { t } = useTranslation()
  return (error: FieldError | undefined, empty = false): string | undefined => {
    if (!error) return undefined
    const msg = error.message ?? ''
    if (empty) return t('validation.required') // an empty value's only possible fault is being empty
    if (msg.startsWith('validation.')) {
      const { key, params } = parseMessage(msg)
      return t(key, params)
    }
    return msg && !/^Invalid/.test(msg) ? msg : t('validation.invalid')
  }
}

interface ShellProps {
  id: string
  label: string
  hint?: string
  error?: string
  required?: boolean
  className?: string
  /** The label is read out but not shown (a column heading says it, as in a table of rows). */
  hideLabel?: boolean
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode
}

/** Label, control, hint and error message, wired together for assistive technology. */
export function FieldShell({ id, label, hint, error, required, className, hideLabel, children }: ShellProps) {
  const { t } = useTranslation()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={'field' + (error ? ' field--invalid' : '') + (className ? ' ' + className : '')}>
      <div className={hideLabel ? 'field-label visually-hidden' : 'field-label'}>
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required" aria-hidden="true" title={t('form.required')}>
            *
          </span>
        )}
      </div>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}

interface TextFieldProps {
  form: AnyForm
  name: string
  label: string
  type?: 'text' | 'email' | 'tel' | 'date' | 'url' | 'datetime-local'
  multiline?: boolean
  rows?: number
  hint?: string
  required?: boolean
  list?: string
  dir?: 'auto' | 'ltr'
  autoComplete?: string
  className?: string
  autoFocus?: boolean
  placeholder?: string
}

export function TextField({ form, name, label, type = 'text', multiline, rows = 3, hint, required, list, dir, autoComplete = 'off', className, autoFocus, placeholder }: TextFieldProps) {
  const id = useId()
  const errorText = useErrorText()
  const error = errorText(get(form.formState.errors, name))
  const reg = form.register(name)
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      {(aria) =>
        multiline ? (
          <textarea {...reg} {...aria} rows={rows} dir={dir ?? 'auto'} placeholder={placeholder} aria-required={required || undefined} />
        ) : (
          <input
            {...reg}
            {...aria}
            type={type}
            list={list}
            dir={dir ?? (type === 'text' ? 'auto' : undefined)}
            autoComplete={autoComplete}
            autoFocus={autoFocus}
            placeholder={placeholder}
            step={type === 'datetime-local' ? 60 : undefined}
            aria-required={required || undefined}
          />
        )
      }
    </FieldShell>
  )
}

interface SelectFieldProps {
  form: AnyForm
  name: string
  label: string
  options: { value: string; label: string; disabled?: boolean }[]
  placeholder?: string
  hint?: string
  required?: boolean
  className?: string
}

export function SelectField({ form, name, label, options, placeholder, hint, required, className }: SelectFieldProps) {
  const id = useId()
  const errorText = useErrorText()
  const value = form.watch(name) as unknown
  const error = errorText(get(form.formState.errors, name), value === '' || value == null)
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required} className={className}>
      {(aria) => (
        <select {...form.register(name)} {...aria} aria-required={required || undefined}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

/** A yes/no setting: the box with its label, and a hint under it. */
export function CheckboxField({ form, name, label, hint }: { form: AnyForm; name: string; label: string; hint?: string }) {
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" {...form.register(name)} />
        <span>{label}</span>
      </label>
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  )
}
