import type { TFunction } from 'i18next'
import { useRef, useState } from 'react'
import { get, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client'
import { useUnsavedChanges } from '../components/LeaveGuard'

/** The user-facing text of any failure from the core, in the interface language when a key is given. */
export function errorMessage(e: unknown, t: TFunction): string {
  if (e instanceof ApiError) {
    if (e.code === 'network') return t('errors.network', { detail: e.message })
    if (e.key) return t(e.key, e.params)
    // The core's own words are English; these codes have a message of ours in the interface language.
    if (e.code === 'not_found') return t('errors.notFound')
    if (e.code === 'locked') return t('errors.locked')
    if (e.code === 'corrupt' || e.code === 'unavailable') return t('errors.unavailable', { detail: e.message })
    if (e.code === 'internal') return t('errors.unexpected', { detail: e.message })
    return e.message
  }
  return t('errors.unexpected', { detail: (e as Error)?.message ?? String(e) })
}

/**
 * Puts a failure from the core on the form field it names (after mapping the core's path, e.g.
 * "fields.email", to the form's own), or returns the text to show in the alert at the top.
 */
function applyServerError<T extends FieldValues>(
  e: unknown,
  form: UseFormReturn<T>,
  t: TFunction,
  mapField: (field: string) => string = (f) => f.replace(/^fields\./, ''),
): string | null {
  if (e instanceof ApiError && e.field) {
    const path = mapField(e.field)
    if (path && get(form.getValues(), path) !== undefined) {
      form.setError(path as never, { type: 'server', message: fieldMessage(e, t) }, { shouldFocus: true })
      return null
    }
  }
  return errorMessage(e, t)
}

/**
 * The text under the field: a key with values is translated here, a bare key where the field
 * shows it; the core's own words lose their "field: " lead, which the field itself says.
 */
function fieldMessage(e: ApiError, t: TFunction): string {
  if (e.key) return e.params ? t(e.key, e.params) : e.key
  const lead = `${e.field}: `
  return e.message.startsWith(lead) ? e.message.slice(lead.length) : e.message
}

/**
 * A form that saves to the core: `save` runs with the checked values; what the core refuses is
 * put on its field, or in `alert` above the form. While the form holds changes not saved, leaving
 * it asks first (LeaveGuard); `save` itself may leave (open the saved record) without asking.
 */
export function useSubmit<In extends FieldValues, Out>(
  form: UseFormReturn<In, unknown, Out>,
  save: (values: Out) => Promise<unknown>,
  mapField?: (field: string) => string,
) {
  const { t } = useTranslation()
  const [alert, setAlert] = useState<string | null>(null)
  const saving = useRef(false)
  const dirty = useRef(false)
  dirty.current = form.formState.isDirty // read while rendering, so the form keeps it up to date
  useUnsavedChanges(() => dirty.current && !saving.current)
  const onSubmit = form.handleSubmit(async (values) => {
    setAlert(null)
    saving.current = true
    try {
      await save(values)
    } catch (e) {
      setAlert(applyServerError(e, form as unknown as UseFormReturn<FieldValues>, t, mapField))
    } finally {
      saving.current = false
    }
  })
  return { alert, onSubmit }
}
