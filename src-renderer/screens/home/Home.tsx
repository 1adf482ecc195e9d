import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChairTermView } from '../../../src-main/core/model/chair'
import type { Dashboard, RecentChange } from '../../../src-main/core/model/desk'
import { useQuery } from '../../api/data'
import { Loading, Page, StatusBadge } from '../../components/Page'
import { errorMessage } from '../../forms/serverErrors'
import { formatDate, uiLang, type UiLanguage } from '../../lib/format'
import { formatMeetingStart } from '../../lib/time'
import { OpenLink } from '../../components/OpenLink'
import type { View } from '../../navigation'
import { COUNT_COLUMNS } from '../Meetings'
import { refName } from '../meeting/common'
import { formatPeriod } from '../workplan/months'
import './home.css'
import { useSync } from '../../api/sync'

/** The home screen: the day's work at a glance, each line opening the record it names. */
export function Home() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const board = useQuery('desk.dashboard', {})
  return (
    <Page title={t('home.title')} subtitle={t('home.subtitle')}>
      {board.error && (
        <div className="alert alert--error" role="alert">
          {errorMessage(board.error, t)}
        </div>
      )}
      {board.data ? <Board d={board.data} lang={lang} /> : !board.error && <Loading />}
    </Page>
  )
}

function Board({ d, lang }: { d: Dashboard; lang: UiLanguage }) {
  const { t } = useTranslation()
  const { fieldDevice } = useSync()
  const verifyCount = d.toVerify.reduce((n, m) => n + m.count, 0)
  return (
    <div className="home-grid">
      {/* A field device holds no meetings, Chair register, diplomats' contacts or work plan. */}
      {!fieldDevice && (
        <>
          <Card id="home-meeting" title={t('home.nextMeeting')} wide>
            {d.nextMeeting ? (
              <>
                <p className="home-lead">
                  <OpenLink to={{ name: 'meeting', id: d.nextMeeting.id }}>{d.nextMeeting.title}</OpenLink>
                </p>
                <p className="muted">
                  {formatMeetingStart(d.nextMeeting.start, lang)} · <span dir="ltr">{d.nextMeeting.timeZone}</span>
                  {d.nextMeeting.city && ` · ${d.nextMeeting.city}`}
                </p>
                <ul className="home-answers" aria-label={t('home.answers')}>
                  {COUNT_COLUMNS.map((r) => (
                    <li key={r} className={`home-answer response--${r}`} data-testid={`home-answer-${r}`}>
                      <span className="home-answer-n">{d.nextMeeting!.counts[r]}</span> {t(`meetings.col.${r}`)}
                    </li>
                  ))}
                </ul>
                <OpenLink to={{ name: 'meeting', id: d.nextMeeting.id, tab: 'invitations' }}>{t('home.issueInvitations')}</OpenLink>
              </>
            ) : (
              <p className="muted">
                {t('home.noMeeting')} <OpenLink to={{ name: 'meetingNew' }}>{t('home.planMeeting')}</OpenLink>
              </p>
            )}
          </Card>

          <Card id="home-chairs" title={t('home.chairs')}>
            <ChairLine label={t('chairs.current')} term={d.currentChair} none={t('chairs.noCurrent')} lang={lang} testId="home-current-chair" />
            <ChairLine label={t('chairs.incoming')} term={d.incomingChair} none={t('chairs.noIncoming')} lang={lang} testId="home-incoming-chair" />
          </Card>

          <Card id="home-addressee" title={t('home.withoutAddressee', { count: d.withoutAddressee.length })} testId="home-without-addressee">
            {d.withoutAddressee.length === 0 ? (
              <p className="muted">{t('home.everyoneAddressed')}</p>
            ) : (
              <>
                <p className="muted small">{t('home.withoutAddresseeHint')}</p>
                <LinkList items={d.withoutAddressee.map((m) => ({ key: m.id, to: { name: 'member', id: m.id }, label: refName(m, lang) }))} />
              </>
            )}
          </Card>
        </>
      )}

      <Card id="home-verify" title={t('home.toVerify', { count: verifyCount })} testId="home-to-verify">
        {d.toVerify.length === 0 ? (
          <p className="muted">{t('home.nothingToVerify')}</p>
        ) : (
          <>
            <LinkList items={d.toVerify.map((m) => ({ key: m.mission.id, to: { name: 'mission', id: m.mission.id }, label: m.mission.acronym, note: t('field.staleCount', { count: m.count }) }))} />
            <OpenLink to={{ name: 'missions', tab: 'stale' }}>{t('home.allToVerify')}</OpenLink>
          </>
        )}
      </Card>

      {!fieldDevice && (
        <Card id="home-due" title={t('home.dueThisQuarter', { period: formatPeriod(d.quarter.from, d.quarter.to, lang) })} testId="home-due">
          {d.dueThisQuarter.length === 0 ? (
            <p className="muted">{t('home.nothingDue')}</p>
          ) : (
            <ul className="plain home-list">
              {d.dueThisQuarter.map((a) => (
                <li key={a.id}>
                  <OpenLink to={{ name: 'activity', id: a.id }}>{a.title}</OpenLink> <StatusBadge status={a.status} label={t(`activityStatus.${a.status}`)} />
                  <div className="muted small">{t('home.ends', { month: formatPeriod(a.end, a.end, lang) })}</div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}

      <Card id="home-recent" title={t('home.recent')} testId="home-recent">
        {d.recent.length === 0 ? <p className="muted">{t('home.nothingRecent')}</p> : <RecentList items={d.recent} lang={lang} />}
      </Card>
    </div>
  )
}

function Card({ id, title, wide, testId, children }: { id: string; title: string; wide?: boolean; testId?: string; children: ReactNode }) {
  return (
    <section className={'card home-card' + (wide ? ' home-card--wide' : '')} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}

function LinkList({ items }: { items: { key: string; to: View; label: string; note?: string }[] }) {
  return (
    <ul className="plain home-list">
      {items.map((i) => (
        <li key={i.key}>
          <OpenLink to={i.to}>{i.label}</OpenLink>
          {i.note && <span className="muted small"> · {i.note}</span>}
        </li>
      ))}
    </ul>
  )
}

function ChairLine({ label, term, none, lang, testId }: { label: string; term: ChairTermView | null; none: string; lang: UiLanguage; testId: string }) {
  return (
    <div className="home-chair" data-testid={testId}>
      <div className="muted small">{label}</div>
      {term ? (
        <>
          <OpenLink to={{ name: 'member', id: term.organisationId }}>{refName(term.organisation, lang)}</OpenLink>
          <div className="muted small">
            {formatDate(term.start, lang)} – {formatDate(term.end, lang)}
          </div>
        </>
      ) : (
        <div className="muted">{none}</div>
      )}
    </div>
  )
}

const RECENT_VIEW: Record<RecentChange['kind'], (id: string) => View> = {
  member: (id) => ({ name: 'member', id }),
  contact: (id) => ({ name: 'contact', id }),
  meeting: (id) => ({ name: 'meeting', id }),
  activity: (id) => ({ name: 'activity', id }),
  mission: (id) => ({ name: 'mission', id }),
  chair: (id) => ({ name: 'chairEdit', id }),
}

function RecentList({ items, lang }: { items: RecentChange[]; lang: UiLanguage }) {
  const { t } = useTranslation()
  return (
    <ul className="plain home-list">
      {items.map((r) => (
        <li key={r.id}>
          <span className="muted small">{t(`home.kind.${r.kind}`)} · </span>
          {r.deleted ? <span dir="auto">{r.name[lang]}</span> : <OpenLink to={RECENT_VIEW[r.kind](r.id)}>{r.name[lang] || r.name.en}</OpenLink>}
          {r.deleted && <span className="muted small"> ({t('home.deleted')})</span>}
          <div className="muted small">{formatDate(r.at, lang)}</div>
        </li>
      ))}
    </ul>
  )
}
