import { useTranslation } from 'react-i18next'
import type { MemberRef } from '../../../src-main/core/model'
import type { ActivityView } from '../../../src-main/core/model/workplan'
import { useQuery } from '../../api/data'
import { DeletedNotice } from '../../components/DeletedNotice'
import { RecordHistory } from '../../components/RecordHistory'
import { DetailCard, NotesCard } from '../../components/DetailList'
import { Loading, Page, StatusBadge } from '../../components/Page'
import { BackLink, RecordActions, RecordNotFound } from '../../components/RecordPage'
import { formatDate, uiLang, type UiLanguage } from '../../lib/format'
import { useNav } from '../../navigation'
import { refName } from '../meeting/common'
import { useDeleteWithUndo } from '../useDelete'
import { functionName } from './common'
import { formatPeriod } from './months'
import { ProgressNotes } from './ProgressNotes'

export function ActivityDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const activity = useQuery('activities.get', { id })
  const del = useDeleteWithUndo('activities', {
    title: (title) => t('workplan.deleteTitle', { title }),
    body: t('workplan.deleteBody'),
    after: () => go({ name: 'workplan' }),
  })
  const back = <BackLink label={t('workplan.back')} onClick={() => go({ name: 'workplan' })} />

  if (activity.error && !activity.data) return <RecordNotFound title={t('workplan.notFound')} error={activity.error} back={back} />
  if (!activity.data) return <Loading />
  const a = activity.data

  return (
    <Page
      title={a.title}
      subtitle={
        <>
          <StatusBadge status={a.status} label={t(`activityStatus.${a.status}`)} /> {formatPeriod(a.start, a.end, lang)}
        </>
      }
      back={back}
      actions={!a.deleted && <RecordActions onEdit={() => go({ name: 'activityEdit', id })} onDelete={() => del.ask(id, a.title)} />}
    >
      {a.deleted && <DeletedNotice restore="activities.restore" id={id} name={a.title} notice={t('workplan.deletedNotice')} />}
      <div className="cards cards--top">
        <ActivityFacts a={a} lang={lang} />
        <PeopleCard a={a} lang={lang} />
        <NotesCard id="sec-activity-description" title={t('workplan.description')} notes={a.description} />
      </div>
      <ProgressNotes activity={a} />
      {del.dialog}
      <RecordHistory table="activities" id={id} deleted={a.deleted} restore="activities.restore" />
    </Page>
  )
}

function ActivityFacts({ a, lang }: { a: ActivityView; lang: UiLanguage }) {
  const { t } = useTranslation()
  const { go } = useNav()
  return (
    <DetailCard
      id="sec-activity-facts"
      title={t('workplan.details')}
      items={[
        [t('workplan.function'), functionName(a.function, lang), 'activity-function'],
        [t('workplan.status'), <StatusBadge key="s" status={a.status} label={t(`activityStatus.${a.status}`)} />],
        [t('workplan.period'), formatPeriod(a.start, a.end, lang), 'activity-period'],
        [
          t('workplan.meeting'),
          a.meeting ? (
            <button type="button" className="link" dir="auto" onClick={() => go({ name: 'meeting', id: a.meeting!.id })}>
              {a.meeting.title} ({formatDate(a.meeting.start.slice(0, 10), lang)})
            </button>
          ) : (
            ''
          ),
        ],
      ]}
    />
  )
}

function PeopleCard({ a, lang }: { a: ActivityView; lang: UiLanguage }) {
  const { t } = useTranslation()
  const names = (refs: MemberRef[]) => refs.map((r) => refName(r, lang)).join(', ')
  return (
    <DetailCard
      id="sec-activity-people"
      title={t('workplan.who')}
      items={[
        [t('workplan.leads'), names(a.leads), 'activity-leads'],
        [t('workplan.supporters'), names(a.supporters)],
        [t('workplan.missions'), a.missions.map((m) => m.acronym).join(', ')],
      ]}
    />
  )
}
