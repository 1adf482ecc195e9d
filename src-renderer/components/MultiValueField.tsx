import { useEffect, useRef } from 'react'
import { get, type FieldError } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { TextField, useErrorText, type AnyForm } from './Field'

interface Props {
  form: AnyForm
  /** Path of a string array in the form, e.g. "contact.emails". */
  name: string
  legend: string
  /** Label of one entry, given its 1-based number: "E-mail 2". */
  itemLabel(n: number): string
  addLabel: string
  removeLabel(n: number): string
  type: 'email' | 'tel'
}

/** Several values of one kind (e-mail addresses, phone numbers): add, edit, remove. Blank entries are ignored. */
export function MultiValueField({ form, name, legend, itemLabel, addLabel, removeLabel, type }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const values = (form.watch(name) as string[] | undefined) ?? []
  const focusIndex = useRef<number | null>(null)
  const ref = useRef<HTMLFieldSetElement>(null)
  // A problem with the list as a whole (too many entries), as opposed to one entry.
  const listError = get(form.formState.errors, name) as (FieldError & { root?: FieldError }) | undefined
  const listMessage = Array.isArray(listError) ? errorText(listError.root) : errorText(listError)

  useEffect(() => {
    if (focusIndex.current === null) return
    const inputs = ref.current?.querySelectorAll<HTMLInputElement>('input')
    inputs?.[focusIndex.current]?.focus()
    focusIndex.current = null
  }, [values.length])

  const add = () => {
    focusIndex.current = values.length
    form.setValue(name, [...values, ''], { shouldDirty: true })
  }
  const remove = (i: number) => {
    form.setValue(
      name,
      values.filter((_, j) => j !== i),
      { shouldDirty: true, shouldValidate: form.formState.isSubmitted },
    )
  }

  return (
    <fieldset className="multi" ref={ref}>
      <legend>{legend}</legend>
      {values.map((_, i) => (
        <div className="multi-row" key={i}>
          <TextField form={form} name={`${name}.${i}`} type={type} label={itemLabel(i + 1)} dir="ltr" />
          <button type="button" className="btn btn--quiet multi-remove" aria-label={removeLabel(i + 1)} title={removeLabel(i + 1)} onClick={() => remove(i)}>
            {t('common.remove')}
          </button>
        </div>
      ))}
      {listMessage && <p className="field-error">{listMessage}</p>}
      <button type="button" className="btn btn--quiet" onClick={add} disabled={values.length >= 10}>
        + {addLabel}
      </button>
    </fieldset>
  )
}
