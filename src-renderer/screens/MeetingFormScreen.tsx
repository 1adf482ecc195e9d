import { useTranslation } from 'react-i18next'
import type { MeetingDetail } from '../../src-main/core/model'
import { useQuery } from '../api/data'
import { Loading, Page } from '../components/Page'
import { useToast } from '../components/Toasts'
import { MeetingForm } from '../forms/MeetingForm'
import { errorMessage } from '../forms/serverErrors'
import { useNav } from '../navigation'

export function MeetingNew() {
  const { t } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const saved = (m: MeetingDetail) => {
    toast({ tone: 'success', message: t('meeting.planned', { title: m.title, count: m.invitees.length }) })
    go({ name: 'meeting', id: m.id })
  }
  return (
    <Page title={t('meeting.new')} subtitle={t('meeting.newIntro')}>
      <MeetingForm onSaved={saved} onCancel={() => go({ name: 'meetings' })} />
    </Page>
  )
}

export function MeetingEdit({ id }: { id: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const meeting = useQuery('meetings.get', { id })
  if (meeting.error)
    return (
      <Page title={t('meetings.notFound')}>
        <div className="alert alert--error" role="alert">
          {errorMessage(meeting.error, t)}
        </div>
      </Page>
    )
  if (!meeting.data) return <Loading />
  const saved = (m: MeetingDetail) => {
    toast({ tone: 'success', message: t('meeting.saved', { title: m.title }) })
    go({ name: 'meeting', id })
  }
  return (
    <Page title={t('meeting.editTitle', { title: meeting.data.title })}>
      <MeetingForm key={id} initial={meeting.data} onSaved={saved} onCancel={() => go({ name: 'meeting', id })} />
    </Page>
  )
}
