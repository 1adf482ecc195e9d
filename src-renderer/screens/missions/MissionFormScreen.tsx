import { useTranslation } from 'react-i18next'
import type { MissionDetail } from '../../../src-main/core/model/mission'
import { useQuery } from '../../api/data'
import { Loading, Page } from '../../components/Page'
import { BackLink, RecordNotFound } from '../../components/RecordPage'
import { useToast } from '../../components/Toasts'
import { useNav } from '../../navigation'
import { MissionForm } from './MissionForm'

export function MissionNew() {
  const { t } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const saved = (m: MissionDetail) => {
    toast({ tone: 'success', message: t('mission.added', { acronym: m.acronym }) })
    go({ name: 'mission', id: m.id })
  }
  return (
    <Page title={t('mission.new')} subtitle={t('mission.newIntro')} back={<BackLink label={t('missions.title')} onClick={() => go({ name: 'missions' })} />}>
      <MissionForm onSaved={saved} onCancel={() => go({ name: 'missions' })} />
    </Page>
  )
}

export function MissionEdit({ id }: { id: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const mission = useQuery('missions.get', { id })
  const back = <BackLink label={t('mission.backToMission')} onClick={() => go({ name: 'mission', id })} />
  if (mission.error && !mission.data) return <RecordNotFound title={t('mission.notFound')} error={mission.error} back={back} />
  if (!mission.data) return <Loading />
  const saved = (m: MissionDetail) => {
    toast({ tone: 'success', message: t('mission.saved', { acronym: m.acronym }) })
    go({ name: 'mission', id })
  }
  return (
    <Page title={t('mission.editTitle', { acronym: mission.data.acronym })} back={back}>
      <MissionForm initial={mission.data} onSaved={saved} onCancel={() => go({ name: 'mission', id })} />
    </Page>
  )
}
