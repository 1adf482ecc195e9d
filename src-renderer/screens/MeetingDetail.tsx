import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingDetail as MeetingRecord } from '../../src-main/core/model'
import { useQuery } from '../api/data'
import { useMemberNames } from '../api/useMemberNames'
import { DeletedNotice } from '../components/DeletedNotice'
import { RecordHistory } from '../components/RecordHistory'
import { DetailCard } from '../components/DetailList'
import { WebLink } from '../components/ExternalLink'
import { Loading, Page } from '../components/Page'
import { BackLink, RecordActions, RecordNotFound } from '../components/RecordPage'
import { TabPanel, Tabs } from '../components/Tabs'
import { formatDate, uiLang, type UiLanguage } from '../lib/format'
import { NEW_YORK } from '../../src-main/core/model/format'
import { addMinutes, deviceTimeZone, formatClock, readSpan } from '../lib/time'
import { useNav, type MeetingTab } from '../navigation'
import { AgendaInputPanel } from './meeting/AgendaInput'
import { CommentsPanel } from './meeting/Comments'
import { DocumentsPanel } from './meeting/Documents'
import { InvitationsPanel } from './meeting/Invitations'
import { InviteesPanel } from './meeting/Invitees'
import { LateMembersNotice } from './meeting/LateMembers'
import { useDeleteWithUndo } from './useDelete'

export function MeetingDetail({ id, tab }: { id: string; tab?: MeetingTab }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go, replace } = useNav()
  const meeting = useQuery('meetings.get', { id })
  const del = useDeleteWithUndo('meetings', { title: (name) => t('delete.meetingTitle', { name }), body: t('delete.meetingBody'), after: () => go({ name: 'meetings' }) })
  // The tab is part of the address, so Back, reload and links land on it.
  const active = tab ?? 'invitees'
  const setActive = (k: MeetingTab) => replace({ name: 'meeting', id, tab: k })
  const idBase = useId()
  const back = <BackLink label={t('meetings.back')} onClick={() => go({ name: 'meetings' })} />

  if (meeting.error && !meeting.data) return <RecordNotFound title={t('meetings.notFound')} error={meeting.error} back={back} />
  if (!meeting.data) return <Loading />
  const m = meeting.data
  const venue = readSpan(m.start, m.end, m.timeZone, m.timeZone, lang)
  const withInput = m.invitees.filter((i) => i.agendaInput.trim()).length

  return (
    <Page
      title={m.title}
      subtitle={
        <>
          {t(`meetingKind.${m.kind}`)}
          {venue && ` · ${venue.date}`}
        </>
      }
      back={back}
      actions={!m.deleted && <RecordActions onEdit={() => go({ name: 'meetingEdit', id })} onDelete={() => del.ask(id, m.title)} />}
    >
      {m.deleted && <DeletedNotice restore="meetings.restore" id={id} name={m.title} notice={t('deleted.meeting')} />}
      <div className="cards cards--top">
        <MeetingFacts m={m} lang={lang} />
        <AgendaCard m={m} />
      </div>
      {!m.deleted && (
        <>
          <LateMembersNotice meeting={m} />
          <Tabs<MeetingTab>
            label={t('meeting.sections')}
            idBase={idBase}
            active={active}
            onChange={setActive}
            tabs={[
              { key: 'invitees', label: t('meeting.tabs.invitees'), count: m.invitees.length },
              { key: 'agendaInput', label: t('meeting.tabs.agendaInput'), count: withInput },
              { key: 'comments', label: t('meeting.tabs.comments'), count: m.comments.length },
              { key: 'documents', label: t('meeting.tabs.documents') },
              { key: 'invitations', label: t('meeting.tabs.invitations'), count: m.issuances.length },
            ]}
          />
          <TabPanel idBase={idBase} tabKey={active}>
            {active === 'invitees' && <InviteesPanel meeting={m} />}
            {active === 'agendaInput' && <AgendaInputPanel meeting={m} />}
            {active === 'comments' && <CommentsPanel meeting={m} />}
            {active === 'documents' && <DocumentsPanel meeting={m} />}
            {active === 'invitations' && <InvitationsPanel meeting={m} />}
          </TabPanel>
        </>
      )}
      {del.dialog}
      <RecordHistory table="meetings" id={id} deleted={m.deleted} restore="meetings.restore" />
    </Page>
  )
}

/** When and where, with the time read in the venue's zone and, on request, in New York's and this computer's. */
function MeetingFacts({ m, lang }: { m: MeetingRecord; lang: UiLanguage }) {
  const { t } = useTranslation()
  const memberName = useMemberNames()
  const [others, setOthers] = useState(false)
  const othersId = useId()
  const venue = readSpan(m.start, m.end, m.timeZone, m.timeZone, lang)
  const here = deviceTimeZone()
  const alternatives: { key: string; label: string; zone: string }[] = []
  if (m.timeZone !== NEW_YORK) alternatives.push({ key: 'ny', label: t('meeting.nyTime'), zone: NEW_YORK })
  if (here !== m.timeZone && here !== NEW_YORK) alternatives.push({ key: 'local', label: t('meeting.yourTime', { zone: here }), zone: here })

  const when = venue ? (
    <div data-testid="meeting-when">
      <div>
        <strong>{venue.date}</strong>, {venue.time}
      </div>
      <div className="muted small">
        {venue.zone} · <span dir="ltr">{m.timeZone}</span>
      </div>
      <button type="button" className="btn btn--quiet btn--small other-zones-toggle" aria-expanded={others} aria-controls={othersId} onClick={() => setOthers((o) => !o)}>
        {others ? t('meeting.hideOtherZones') : t('meeting.showOtherZones')}
      </button>
      <ul className="plain other-zones" id={othersId} hidden={!others} data-testid="other-zones">
        {alternatives.length === 0 && <li className="muted small">{t('meeting.sameZoneEverywhere')}</li>}
        {alternatives.map((a) => {
          const r = readSpan(m.start, m.end, m.timeZone, a.zone, lang)
          return (
            r && (
              <li key={a.key}>
                <span className="other-zone-label">{a.label}</span> {r.date}, {r.time} <span className="muted small">({r.zone})</span>
              </li>
            )
          )
        })}
      </ul>
    </div>
  ) : (
    <span dir="ltr">
      {m.start} – {m.end} ({m.timeZone})
    </span>
  )

  return (
    <DetailCard
      id="sec-meeting-facts"
      title={t('meeting.details')}
      items={[
        [t('meeting.kind'), t(`meetingKind.${m.kind}`)],
        [t('meeting.when'), when],
        [t('meeting.city'), m.city],
        [t('meeting.address'), m.address ? <span className="pre">{m.address}</span> : ''],
        [t('meeting.onlineLink'), m.onlineLink ? <WebLink url={m.onlineLink} /> : ''],
        [t('meeting.dialIn'), m.dialIn ? <span className="pre">{m.dialIn}</span> : ''],
        [t('meeting.rsvpDeadline'), formatDate(m.rsvpDeadline, lang)],
        [t('meeting.rsvpContact'), m.rsvpContact],
        [t('meeting.chair'), m.chairOrganisationId ? memberName(m.chairOrganisationId, '') : ''],
        [t('meeting.notes'), m.notes ? <span className="pre">{m.notes}</span> : ''],
      ]}
    />
  )
}

function AgendaCard({ m }: { m: MeetingRecord }) {
  const { t } = useTranslation()
  let offset = 0
  return (
    <section className="card" aria-labelledby="sec-meeting-agenda">
      <h2 id="sec-meeting-agenda">{t('meeting.agenda')}</h2>
      {m.agenda.length === 0 ? (
        <p className="muted">{t('meeting.noAgendaYet')}</p>
      ) : (
        <ol className="agenda-list" data-testid="agenda-list">
          {m.agenda.map((a, i) => {
            const from = offset
            offset += a.minutes
            return (
              <li key={i}>
                <span className="agenda-list-time">{a.minutes > 0 ? `${formatClock(addMinutes(m.start, from))}–${formatClock(addMinutes(m.start, from + a.minutes))}` : ''}</span>
                <span className="agenda-list-body">
                  <span dir="auto">{a.title}</span>
                  {a.presenter && (
                    <span className="muted small" dir="auto">
                      {' '}
                      — {a.presenter}
                    </span>
                  )}
                </span>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}
