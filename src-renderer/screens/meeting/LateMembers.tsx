import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingDetail } from '../../../src-main/core/model'
import { useMutate } from '../../api/data'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { uiLang } from '../../lib/format'
import { refName } from './common'
import './documents.css'

/**
 * Members who joined since the meeting was planned are not on its invitee list: the meeting's
 * page offers them, one by one or all at once. Their invitations are then issued alone.
 */
export function LateMembersNotice({ meeting }: { meeting: MeetingDetail }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const mutate = useMutate()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const late = meeting.lateMembers
  if (!late.length) return null

  const invite = async (ids: string[]) => {
    setBusy(true)
    try {
      for (const organisationId of ids) await mutate('invitees.add', { meetingId: meeting.id, organisationId })
      toast({ tone: 'success', message: t('doc.late.invited', { names: late.filter((m) => ids.includes(m.id)).map((m) => refName(m, lang)).join(', ') }) })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="alert alert--info" role="status" data-testid="late-members">
      <strong>{t('doc.late.title', { count: late.length })}</strong> {t('doc.late.intro')}
      <div className="late-members">
        {late.map((m) => (
          <button key={m.id} type="button" className="btn btn--small" disabled={busy} onClick={() => invite([m.id])} dir="auto">
            {t('doc.late.invite', { name: refName(m, lang) })}
          </button>
        ))}
        {late.length > 1 && (
          <button type="button" className="btn btn--small btn--primary" disabled={busy} onClick={() => invite(late.map((m) => m.id))}>
            {t('doc.late.inviteAll')}
          </button>
        )}
      </div>
    </div>
  )
}
