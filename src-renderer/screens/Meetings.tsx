import { useTranslation } from 'react-i18next'
import type { MeetingSummary } from '../../src-main/core/model'
import { useQuery } from '../api/data'
import { SortHeader } from '../components/DataTable'
import { ListTable } from '../components/ListTable'
import { Page } from '../components/Page'
import { uiLang, type UiLanguage } from '../lib/format'
import { tzOffset } from '@date-fns/tz'
import { formatUtcOffset } from '../../src-main/core/model/format'
import { formatMeetingStart, instantOf } from '../lib/time'
import { useListState } from '../lists/listState'
import { useSorted, type Sort, type SortValue } from '../lists/sort'
import { useNav } from '../navigation'
import { ExportButton } from '../components/ExportButton'

/** The columns of replies, in the order a secretary reads them. */
export const COUNT_COLUMNS = ['accepted', 'declined', 'tentative', 'no-answer', 'invited'] as const

const COLUMNS: Record<string, SortValue<MeetingSummary>> = {
  title: (m) => m.title,
  date: (m) => m.start,
  place: (m, { t }) => placeOf(m, t('meetings.online')),
  ...Object.fromEntries(COUNT_COLUMNS.map((r) => [r, (m: MeetingSummary) => m.counts[r]])),
}

/** The meetings list as on screen: its order (kept for the session) and its rows in that order. */
export function useMeetingsList() {
  const [state, set] = useListState('meetings', { sort: { key: 'date', dir: 'desc' } as Sort })
  const query = useQuery('meetings.list', {})
  const rows = useSorted(query.data ?? NONE, state.sort, COLUMNS)
  return { state, set, query, rows }
}
const NONE: MeetingSummary[] = []

export function Meetings() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const { state, set, query: list, rows } = useMeetingsList()
  const sortBy = { sort: state.sort, onSort: (sort: Sort) => set({ sort }) }

  return (
    <Page
      title={t('meetings.title')}
      subtitle={t('meetings.subtitle')}
      actions={
        <>
          <button type="button" className="btn btn--primary" onClick={() => go({ name: 'meetingNew' })}>
            {t('meetings.plan')}
          </button>
          <ExportButton list="meetings" ids={rows.map((m) => m.id)} />
        </>
      }
    >
      <ListTable
        query={list}
        testId="meetings"
        rows={rows.length}
        countText={t('meetings.count', { count: rows.length })}
        columns={3 + COUNT_COLUMNS.length}
        head={
          <>
            <SortHeader label={t('meetings.colTitle')} col="title" {...sortBy} />
            <SortHeader label={t('meetings.colDate')} col="date" {...sortBy} />
            <SortHeader label={t('meetings.colPlace')} col="place" className="col-place" {...sortBy} />
            {COUNT_COLUMNS.map((r) => (
              <SortHeader key={r} label={t(`meetings.col.${r}`)} col={r} className="col-num" {...sortBy} />
            ))}
          </>
        }
        empty={t('meetings.none')}
      >
        {rows.map((m) => (
          <MeetingRow key={m.id} m={m} lang={lang} onOpen={() => go({ name: 'meeting', id: m.id })} />
        ))}
      </ListTable>
    </Page>
  )
}

/** "Vienna", "Vienna · online", "online", or the first line of the address when there is no city. */
export function placeOf(m: Pick<MeetingSummary, 'city' | 'address' | 'onlineLink' | 'dialIn'>, online: string): string {
  const venue = m.city || m.address.split('\n')[0]
  const remote = m.onlineLink || m.dialIn ? online : ''
  return [venue, remote].filter(Boolean).join(' · ')
}

function MeetingRow({ m, lang, onOpen }: { m: MeetingSummary; lang: UiLanguage; onOpen(): void }) {
  const { t } = useTranslation()
  const at = instantOf(m.start, m.timeZone)
  const offset = at ? formatUtcOffset(tzOffset(m.timeZone, at)) : ''
  return (
    <tr data-testid="meeting-row">
      <td>
        <button type="button" className="link" dir="auto" onClick={onOpen}>
          {m.title}
        </button>
        <div className="muted small">
          {t(`meetingKind.${m.kind}`)} · {t('meetings.invitedOf', { count: m.counts.total })}
        </div>
      </td>
      <td className="col-nowrap">
        {formatMeetingStart(m.start, lang)}
        <div className="muted small" dir="ltr" title={m.timeZone}>
          {m.timeZone} {offset && `(${offset})`}
        </div>
      </td>
      <td dir="auto" className="col-place">
        {placeOf(m, t('meetings.online'))}
      </td>
      {COUNT_COLUMNS.map((r) => (
        <td key={r} className={'col-num' + (m.counts[r] ? '' : ' is-zero')} data-testid={`count-${r}`}>
          {m.counts[r]}
        </td>
      ))}
    </tr>
  )
}
