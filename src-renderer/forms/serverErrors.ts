import type { TFunction } from 'i18next'
import { get, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { ApiError } from '../api/client'

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
export function applyServerError<T extends FieldValues>(
  e: unknown,
  form: UseFormReturn<T>,
  t: TFunction,
  mapField: (field: string) => string = (f) => f.replace(/^fields\./, ''),
): string | null {
  if (e instanceof ApiError && e.field) {
    const path = mapField(e.field)
    if (path && get(form.getValues(), path) !== undefined) {
      // A key with values is translated here; a bare key is translated where the field shows it.
      const message = e.key && e.params ? t(e.key, e.params) : (e.key ?? e.message)
      form.setError(path as never, { type: 'server', message }, { shouldFocus: true })
      return null
    }
  }
  return errorMessage(e, t)
}
