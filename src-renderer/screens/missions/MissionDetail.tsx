import { useTranslation } from 'react-i18next'
import type { MissionDetail as MissionRecord } from '../../../src-main/core/model/mission'
import { missionLocation } from '../../../src-main/core/model/missions-reference'
import { useQuery } from '../../api/data'
import { DeletedNotice } from '../../components/DeletedNotice'
import { RecordHistory } from '../../components/RecordHistory'
import { DetailCard, NotesCard } from '../../components/DetailList'
import { Loading, Page, StatusBadge } from '../../components/Page'
import { BackLink, RecordActions, RecordNotFound } from '../../components/RecordPage'
import { formatDate, uiLang } from '../../lib/format'
import { useNav } from '../../navigation'
import { useDeleteWithUndo } from '../useDelete'
import { DirectoryCard } from './Directory'
import { missionName } from './names'
import { PostsSection } from './Posts'
import { useVerify, VerifiedLine } from './verify'

/** A mission: its facts and verification, its posts with their holders, and its directory. */
export function MissionDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const mission = useQuery('missions.get', { id })
  const verify = useVerify()
  const del = useDeleteWithUndo('missions', {
    title: (acronym) => t('mission.deleteTitle', { acronym }),
    body: t('mission.deleteBody'),
    after: () => go({ name: 'missions' }),
  })
  const back = <BackLink label={t('missions.title')} onClick={() => go({ name: 'missions' })} />

  if (mission.error && !mission.data) return <RecordNotFound title={t('mission.notFound')} error={mission.error} back={back} />
  if (!mission.data) return <Loading />
  const m = mission.data

  return (
    <Page
      title={m.acronym}
      subtitle={<span dir="auto">{missionName(m, lang)}</span>}
      back={back}
      actions={!m.deleted && <RecordActions onEdit={() => go({ name: 'missionEdit', id })} onDelete={() => del.ask(m.id, m.acronym)} />}
    >
      {m.deleted && <DeletedNotice restore="missions.restore" id={m.id} name={m.acronym} notice={t('mission.deletedNotice')} />}
      <VerifiedLine record={m} target={{ table: 'missions', id: m.id, label: m.acronym }} verify={verify} readOnly={m.deleted} />
      <div className="cards cards--top">
        <MissionFacts m={m} />
        {!m.deleted && <DirectoryCard missionId={m.id} title={t('missions.directory.oneTitle')} intro={t('missions.directory.oneIntro', { acronym: m.acronym })} />}
        <NotesCard id="sec-mission-notes" title={t('mission.notes')} notes={m.notes} />
      </div>
      <PostsSection mission={m} />
      {verify.dialog}
      {del.dialog}
      <RecordHistory table="missions" id={m.id} deleted={m.deleted} restore="missions.restore" />
    </Page>
  )
}

function MissionFacts({ m }: { m: MissionRecord }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  return (
    <DetailCard
      id="sec-mission-facts"
      title={t('mission.details')}
      items={[
        [t('mission.nameEn'), m.nameEn],
        [t('mission.nameFr'), m.nameFr],
        [t('mission.location'), missionLocation(m, lang)],
        [t('mission.kind'), t(`missions.kind.${m.kind}`)],
        [t('mission.leadDepartment'), m.leadDepartment],
        [t('mission.status'), <StatusBadge key="status" status={m.status === 'open' ? 'active' : 'former'} label={t(`missions.statusValue.${m.status}`)} />],
        [t('mission.start'), formatDate(m.start, lang)],
        [t('mission.end'), formatDate(m.end, lang)],
      ]}
    />
  )
}
