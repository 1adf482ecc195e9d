import { useId } from 'react'
import { get } from 'react-hook-form'
import { FUNCTION_NAMES, type WorkplanFunction } from '../../../src-main/core/model/workplan'
import { FieldShell, useErrorText, type AnyForm } from '../../components/Field'
import type { UiLanguage } from '../../lib/format'

/** A function's name in the interface language, from the model (documents use the same). */
export function functionName(f: WorkplanFunction, lang: UiLanguage): string {
  return FUNCTION_NAMES[f][lang]
}

/** A calendar month (YYYY-MM) in a form: the browser's month picker. */
export function MonthField({ form, name, label, required }: { form: AnyForm; name: string; label: string; required?: boolean }) {
  const id = useId()
  const errorText = useErrorText()
  const value = form.watch(name) as string | undefined
  const error = errorText(get(form.formState.errors, name), !value)
  return (
    <FieldShell id={id} label={label} error={error} required={required}>
      {(aria) => <input {...form.register(name)} {...aria} type="month" aria-required={required || undefined} />}
    </FieldShell>
  )
}
