import { useId, useState } from 'react'
import { get } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Input, Method } from '../../../src-main/core/api'
import { FUNCTION_NAMES, type WorkplanFunction } from '../../../src-main/core/model/workplan'
import { useMutate } from '../../api/data'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { FieldShell, useErrorText, type AnyForm } from '../../components/Field'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
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

type Pair = { del: Method & `${string}.delete`; restore: Method & `${string}.restore` }

/**
 * Delete with a confirmation dialog, then a toast whose Undo restores the record (deletion is a
 * tombstone in the core). `title` and `body` are the dialog's texts for the record at hand.
 */
export function useDeleteWithUndo(methods: Pair, after?: () => void) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [target, setTarget] = useState<{ id: string; name: string; title: string; body: string } | null>(null)

  const run = async (id: string, name: string) => {
    try {
      await mutate(methods.del, { id } as Input<typeof methods.del>)
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
      return
    }
    after?.()
    toast({
      message: t('delete.done', { name }),
      action: {
        label: t('delete.undo'),
        run: async () => {
          try {
            await mutate(methods.restore, { id } as Input<typeof methods.restore>)
            toast({ tone: 'success', message: t('delete.restored', { name }) })
          } catch (e) {
            toast({ tone: 'error', message: errorMessage(e, t) })
          }
        },
      },
    })
  }

  const dialog = target && (
    <ConfirmDialog title={target.title} confirmLabel={t('delete.confirm')} danger onConfirm={() => run(target.id, target.name)} onClose={() => setTarget(null)}>
      <p>{target.body}</p>
    </ConfirmDialog>
  )

  return { ask: (id: string, name: string, title: string, body: string) => setTarget({ id, name, title, body }), dialog }
}
