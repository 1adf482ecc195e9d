import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Response, type InviteeView } from '../../../src-main/core/model'
import { useMutate } from '../../api/data'
import { BulkBar } from '../../components/Selection'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import type { Selection } from '../../lists/selection'
import { ExportButton } from '../../components/ExportButton'

/**
 * The same answer for every invitee ticked, in one change: their response, or whether they
 * attended (after the meeting). The notice that follows can put the previous answers back.
 */
/** Each invitee's stamps as shown: an answer changed meanwhile elsewhere is not overwritten. */
const stampsOf = (invitees: InviteeView[]) => Object.fromEntries(invitees.map((i) => [i.id, i.stamps]))

export function InviteesBulk({ selection }: { selection: Selection<InviteeView> }) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const id = useId()
  const [response, setResponse] = useState<Response>('accepted')
  const [busy, setBusy] = useState(false)

  const apply = async (changes: { response?: Response; attended?: boolean }, done: string) => {
    const chosen = selection.selected
    setBusy(true)
    try {
      const after = await mutate('invitees.updateMany', { ids: chosen.map((i) => i.id), changes, seen: stampsOf(chosen) })
      selection.clear()
      toast({
        tone: 'success',
        message: done,
        action: {
          label: t('delete.undo'),
          // Each invitee gets back what it had; one change per previous answer.
          run: async () => {
            try {
              const key = changes.response !== undefined ? 'response' : 'attended'
              for (const value of new Set(chosen.map((i) => i[key]))) {
                const back = chosen.filter((i) => i[key] === value).map((i) => i.id)
                await mutate('invitees.updateMany', { ids: back, changes: { [key]: value }, seen: stampsOf(after.invitees.filter((i) => back.includes(i.id))) })
              }
            } catch (e) {
              toast({ tone: 'error', message: errorMessage(e, t) })
            }
          },
        },
      })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(false)
    }
  }

  const count = selection.selected.length
  return (
    <BulkBar selection={selection}>
      <label htmlFor={id} className="small">
        {t('lists.setResponse')}
      </label>
      <select id={id} value={response} onChange={(e) => setResponse(e.target.value as Response)}>
        {Response.options.map((r) => (
          <option key={r} value={r}>
            {t(`response.${r}`)}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn--small btn--primary" disabled={busy} onClick={() => apply({ response }, t('lists.responsesSet', { count, response: t(`response.${response}`) }))}>
        {t('lists.apply')}
      </button>
      <button type="button" className="btn btn--small" disabled={busy} onClick={() => apply({ attended: true }, t('lists.attendedSet', { count }))}>
        {t('lists.markAttended')}
      </button>
      <ExportButton list="invitees" meetingId={selection.selected[0]?.meetingId} ids={selection.selected.map((i) => i.id)} selection />
    </BulkBar>
  )
}
