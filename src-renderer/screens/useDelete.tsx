import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { useToast } from '../components/Toasts'
import { useMutate } from '../api/data'
import { errorMessage } from '../forms/serverErrors'

type Kind = 'organisations' | 'contacts' | 'meetings'

const METHODS = {
  organisations: { del: 'organisations.delete', restore: 'organisations.restore', title: 'delete.memberTitle', body: 'delete.memberBody' },
  contacts: { del: 'contacts.delete', restore: 'contacts.restore', title: 'delete.contactTitle', body: 'delete.contactBody' },
  meetings: { del: 'meetings.delete', restore: 'meetings.restore', title: 'delete.meetingTitle', body: 'delete.meetingBody' },
} as const

/**
 * Delete with a confirmation dialog, then a toast whose Undo restores the record
 * (deletion is a tombstone in the core, so nothing is lost).
 */
export function useDeleteWithUndo(kind: Kind, after?: () => void) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null)

  const run = async ({ id, name }: { id: string; name: string }) => {
    try {
      await mutate(METHODS[kind].del, { id })
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
            await mutate(METHODS[kind].restore, { id })
            toast({ tone: 'success', message: t('delete.restored', { name }) })
          } catch (e) {
            toast({ tone: 'error', message: errorMessage(e, t) })
          }
        },
      },
    })
  }

  const dialog = target && (
    <ConfirmDialog
      title={t(METHODS[kind].title, { name: target.name })}
      confirmLabel={t('delete.confirm')}
      danger
      onConfirm={() => run(target)}
      onClose={() => setTarget(null)}
    >
      <p>{t(METHODS[kind].body)}</p>
    </ConfirmDialog>
  )

  return { ask: (id: string, name: string) => setTarget({ id, name }), dialog }
}
