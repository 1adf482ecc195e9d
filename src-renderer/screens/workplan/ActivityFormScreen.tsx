import { useTranslation } from 'react-i18next'
import type { ActivityView } from '../../../src-main/core/model/workplan'
import { useQuery } from '../../api/data'
import { Loading, Page } from '../../components/Page'
import { BackLink, RecordNotFound } from '../../components/RecordPage'
import { useToast } from '../../components/Toasts'
import { useNav } from '../../navigation'
import { ActivityForm } from './ActivityForm'

export function ActivityNew() {
  const { t } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const saved = (a: ActivityView) => {
    toast({ tone: 'success', message: t('workplan.added', { title: a.title }) })
    go({ name: 'activity', id: a.id })
  }
  return (
    <Page title={t('workplan.new')} subtitle={t('workplan.newIntro')} back={<BackLink label={t('workplan.back')} onClick={() => go({ name: 'workplan' })} />}>
      <ActivityForm onSaved={saved} onCancel={() => go({ name: 'workplan' })} />
    </Page>
  )
}

export function ActivityEdit({ id }: { id: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const activity = useQuery('activities.get', { id })
  const back = <BackLink label={t('workplan.back')} onClick={() => go({ name: 'workplan' })} />
  if (activity.error && !activity.data) return <RecordNotFound title={t('workplan.notFound')} error={activity.error} back={back} />
  if (!activity.data) return <Loading />
  const saved = (a: ActivityView) => {
    toast({ tone: 'success', message: t('workplan.saved', { title: a.title }) })
    go({ name: 'activity', id })
  }
  return (
    <Page title={t('workplan.editTitle', { title: activity.data.title })} back={back}>
      <ActivityForm key={id} initial={activity.data} onSaved={saved} onCancel={() => go({ name: 'activity', id })} />
    </Page>
  )
}
