import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MissionDetail as MissionRecord } from '../../../src-main/core/model/mission'
import { missionLocation } from '../../../src-main/core/model/missions-reference'
import { useMutate, useQuery } from '../../api/data'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { DetailCard, NotesCard } from '../../components/DetailList'
import { Loading, Page, StatusBadge } from '../../components/Page'
import { BackLink, RecordActions, RecordNotFound } from '../../components/RecordPage'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang } from '../../lib/format'
import { useNav } from '../../navigation'
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
  const del = useMissionDelete(() => go({ name: 'missions' }))
  const back = <BackLink label={t('missions.title')} onClick={() => go({ name: 'missions' })} />

  if (mission.error && !mission.data) return <RecordNotFound title={t('mission.notFound')} error={mission.error} back={back} />
  if (!mission.data) return <Loading />
  const m = mission.data

  return (
    <Page
      title={m.acronym}
      subtitle={<span dir="auto">{missionName(m, lang)}</span>}
      back={back}
      actions={!m.deleted && <RecordActions onEdit={() => go({ name: 'missionEdit', id })} onDelete={() => del.ask(m)} />}
    >
      {m.deleted && <MissionDeletedNotice mission={m} />}
      <VerifiedLine record={m} target={{ table: 'missions', id: m.id, label: m.acronym }} verify={verify} readOnly={m.deleted} />
      <div className="cards cards--top">
        <MissionFacts m={m} />
        {!m.deleted && <DirectoryCard missionId={m.id} title={t('missions.directory.oneTitle')} intro={t('missions.directory.oneIntro', { acronym: m.acronym })} />}
        <NotesCard id="sec-mission-notes" title={t('mission.notes')} notes={m.notes} />
      </div>
      <PostsSection mission={m} />
      {verify.dialog}
      {del.dialog}
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

/** Delete with a confirmation, then a toast whose Undo restores the mission (a tombstone in the core). */
function useMissionDelete(after: () => void) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [target, setTarget] = useState<MissionRecord | null>(null)

  const run = async (m: MissionRecord) => {
    try {
      await mutate('missions.delete', { id: m.id })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
      return
    }
    after()
    toast({
      message: t('delete.done', { name: m.acronym }),
      action: {
        label: t('delete.undo'),
        run: async () => {
          try {
            await mutate('missions.restore', { id: m.id })
            toast({ tone: 'success', message: t('delete.restored', { name: m.acronym }) })
          } catch (e) {
            toast({ tone: 'error', message: errorMessage(e, t) })
          }
        },
      },
    })
  }

  const dialog = target && (
    <ConfirmDialog title={t('mission.deleteTitle', { acronym: target.acronym })} confirmLabel={t('delete.confirm')} danger onConfirm={() => run(target)} onClose={() => setTarget(null)}>
      <p>{t('mission.deleteBody')}</p>
    </ConfirmDialog>
  )
  return { ask: setTarget, dialog }
}

/** Shown instead of Edit/Delete when the mission on screen was deleted (here or on another device). */
function MissionDeletedNotice({ mission }: { mission: MissionRecord }) {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const restore = async () => {
    setBusy(true)
    try {
      await mutate('missions.restore', { id: mission.id })
      toast({ tone: 'success', message: t('deleted.restored', { name: mission.acronym }) })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="alert alert--warning alert--with-action" data-testid="deleted-notice">
      <span>{t('mission.deletedNotice')}</span>
      <button type="button" className="btn btn--small" onClick={restore} disabled={busy}>
        {t('common.restore')}
      </button>
    </div>
  )
}
