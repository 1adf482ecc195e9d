import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../../src-main/core/model'
import { useMutate, useQuery } from '../../api/data'
import { Dialog } from '../../components/Dialog'
import { FormAlert } from '../../components/FormAlert'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { today, uiLang } from '../../lib/format'
import { formatMeetingStart } from '../../lib/time'
import { useNav } from '../../navigation'

/**
 * Adds the contacts ticked in the list to a meeting's delegations: each person to "who will
 * attend" of their member (which is invited if it was not). The notice that follows opens the meeting.
 */
export function AddToDelegation({ contacts, onClose }: { contacts: Contact[]; onClose(done: boolean): void }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const mutate = useMutate()
  const toast = useToast()
  const id = useId()
  const meetings = useQuery('meetings.list', {})
  // Meetings to come first, the soonest at the top; then past ones, the latest first.
  const now = today()
  const coming = (meetings.data ?? []).filter((m) => m.end.slice(0, 10) >= now).reverse()
  const past = (meetings.data ?? []).filter((m) => m.end.slice(0, 10) < now)
  const [meetingId, setMeetingId] = useState('')
  const chosen = meetingId || coming[0]?.id || past[0]?.id || ''
  const [busy, setBusy] = useState(false)
  const [alert, setAlert] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!chosen) return
    setBusy(true)
    try {
      const r = await mutate('invitees.addToDelegations', { meetingId: chosen, contactIds: contacts.map((c) => c.id) })
      const parts = [t('lists.delegationAdded', { count: r.added, title: r.meeting.title })]
      if (r.invited) parts.push(t('lists.delegationInvited', { count: r.invited }))
      if (r.already) parts.push(t('lists.delegationAlready', { count: r.already }))
      if (r.noMember.length) parts.push(t('lists.delegationNoMember', { count: r.noMember.length, names: r.noMember.map((p) => p.name).join(', ') }))
      toast({
        tone: r.noMember.length ? 'info' : 'success',
        message: parts.join(' '),
        action: { label: t('lists.openMeeting'), run: () => go({ name: 'meeting', id: r.meeting.id, tab: 'invitees' }) },
      })
      onClose(true)
    } catch (err) {
      setAlert(errorMessage(err, t))
      setBusy(false)
    }
  }

  const option = (m: (typeof past)[number]) => (
    <option key={m.id} value={m.id}>
      {m.title} — {formatMeetingStart(m.start, lang)}
    </option>
  )
  return (
    <Dialog title={t('lists.delegationTitle', { count: contacts.length })} onClose={() => onClose(false)} busy={busy}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="dialog-body">{t('lists.delegationIntro')}</p>
        <FormAlert message={alert} />
        {meetings.data && meetings.data.length === 0 ? (
          <p className="muted">{t('lists.noMeetings')}</p>
        ) : (
          <div className="field">
            <div className="field-label">
              <label htmlFor={id}>{t('lists.meeting')}</label>
            </div>
            <select id={id} value={chosen} onChange={(e) => setMeetingId(e.target.value)} dir="auto">
              {coming.length > 0 && <optgroup label={t('lists.comingMeetings')}>{coming.map(option)}</optgroup>}
              {past.length > 0 && <optgroup label={t('lists.pastMeetings')}>{past.map(option)}</optgroup>}
            </select>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => onClose(false)} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || !chosen}>
            {t('lists.addToDelegationSubmit', { count: contacts.length })}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
