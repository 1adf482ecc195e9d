import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Method } from '../../src-main/core/api'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { useToast } from '../components/Toasts'
import { useMutate } from '../api/data'
import { errorMessage } from '../forms/serverErrors'

/** A table whose records the contract can both delete and restore (by id). */
export type Restorable = { [M in Method]: M extends `${infer T}.delete` ? (`${T}.restore` extends Method ? T : never) : never }[Method]

interface Options {
  /** The dialog's question, for the record's name. */
  title(name: string): string
  body: string
  /** How the toasts name the record, when its name alone would mislead (a holding is not its holder). */
  label?(name: string): string
  /** Runs once the record is deleted, e.g. to leave its page. */
  after?(): void
}

/**
 * Delete with a confirmation dialog, then a toast whose Undo restores the record
 * (deletion is a tombstone in the core, so nothing is lost).
 */
export function useDeleteWithUndo(table: Restorable, { title, body, label = (name) => name, after }: Options) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null)

  const run = async ({ id, name }: { id: string; name: string }) => {
    const what = label(name)
    try {
      await mutate(`${table}.delete`, { id })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
      return
    }
    after?.()
    toast({
      message: t('delete.done', { name: what }),
      action: {
        label: t('delete.undo'),
        run: async () => {
          try {
            await mutate(`${table}.restore`, { id })
            toast({ tone: 'success', message: t('delete.restored', { name: what }) })
          } catch (e) {
            toast({ tone: 'error', message: errorMessage(e, t) })
          }
        },
      },
    })
  }

  const dialog = target && (
    <ConfirmDialog title={title(target.name)} confirmLabel={t('delete.confirm')} danger onConfirm={() => run(target)} onClose={() => setTarget(null)}>
      <p>{body}</p>
    </ConfirmDialog>
  )

  return { ask: (id: string, name: string) => setTarget({ id, name }), dialog }
}
