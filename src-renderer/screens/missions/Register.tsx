import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MissionStatus, type MissionSummary } from '../../../src-main/core/model/mission'
import { missionLocation, REFERENCE_MISSIONS } from '../../../src-main/core/model/missions-reference'
import { useDebounced, useMutate, useQuery } from '../../api/data'
import { SortHeader } from '../../components/DataTable'
import { ListTable } from '../../components/ListTable'
import { useListState } from '../../lists/listState'
import { useSorted, type Sort, type SortValue } from '../../lists/sort'
import { StatusBadge } from '../../components/Page'
import { SearchBox } from '../../components/SearchBox'
import { useToast } from '../../components/Toasts'
import { errorMessage } from '../../forms/serverErrors'
import { uiLang, type UiLanguage } from '../../lib/format'
import { useNav } from '../../navigation'
import { DirectoryCard } from './Directory'
import { missionName } from './names'
import { StaleBadge } from './verify'
import { ExportButton } from '../../components/ExportButton'
import { useSync } from '../../api/sync'

const COLUMNS: Record<string, SortValue<MissionSummary>> = {
  // The core sorts by acronym, which reads the same in both languages.
  mission: (m) => m.acronym,
  location: (m, { lang }) => missionLocation(m, lang),
  kind: (m, { t }) => t(`missions.kindShort.${m.kind}`),
  status: (m, { t }) => t(`missions.statusValue.${m.status}`),
  posts: (m) => m.filled,
  officers: (m) => m.officers,
}

/** The register as on screen: its filters and order (kept for the session) and its rows in that order. */
export function useMissionsList() {
  const [state, set] = useListState('missions', { search: '', status: '' as '' | MissionStatus, sort: { key: 'mission', dir: 'asc' } as Sort })
  const q = useDebounced(state.search)
  const query = useQuery('missions.list', { search: q, status: state.status || undefined })
  const rows = useSorted(query.data ?? NONE, state.sort, COLUMNS)
  return { state, set, query, rows, filtered: !!(q || state.status) }
}
const NONE: MissionSummary[] = []

/** The missions register: search, open/closed filter, counts and what needs checking. */
export function RegisterPanel() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const statusId = useId()
  const { state, set, query: list, rows, filtered } = useMissionsList()
  const sortBy = { sort: state.sort, onSort: (sort: Sort) => set({ sort }) }

  return (
    <>
      <div className="toolbar" role="search">
        <SearchBox label={t('missions.search')} value={state.search} onChange={(search) => set({ search })} placeholder={t('missions.searchPlaceholder')} />
        <div className="filter">
          <label htmlFor={statusId}>{t('missions.status')}</label>
          <select id={statusId} value={state.status} onChange={(e) => set({ status: e.target.value as MissionStatus | '' })}>
            <option value="">{t('filters.all')}</option>
            {MissionStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`missions.statusValue.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <ReferenceButton />
        <ExportButton list="missions" ids={rows.map((m) => m.id)} />
      </div>
      <ListTable
        query={list}
        testId="missions"
        rows={rows.length}
        countText={t('missions.count', { count: rows.length })}
        columns={6}
        head={
          <>
            <SortHeader label={t('missions.colMission')} col="mission" {...sortBy} />
            <SortHeader label={t('missions.colLocation')} col="location" {...sortBy} />
            <SortHeader label={t('missions.colKind')} col="kind" {...sortBy} />
            <SortHeader label={t('missions.colStatus')} col="status" {...sortBy} />
            <SortHeader label={t('missions.colPosts')} col="posts" className="col-num" {...sortBy} />
            <SortHeader label={t('missions.colOfficers')} col="officers" className="col-num" {...sortBy} />
          </>
        }
        empty={filtered ? t('missions.noMatch') : t('missions.none')}
      >
        {rows.map((m) => (
          <MissionRow key={m.id} m={m} lang={lang} onOpen={() => go({ name: 'mission', id: m.id })} />
        ))}
      </ListTable>
      <DirectoryCard title={t('missions.directory.allTitle')} intro={t('missions.directory.allIntro')} />
    </>
  )
}

function MissionRow({ m, lang, onOpen }: { m: MissionSummary; lang: UiLanguage; onOpen(): void }) {
  const { t } = useTranslation()
  return (
    <tr data-testid="mission-row" className={m.status === 'closed' ? 'row--past' : undefined}>
      <td>
        <button type="button" className="link" onClick={onOpen}>
          {m.acronym}
        </button>
        {m.staleCount > 0 && (
          <>
            {' '}
            <StaleBadge count={m.staleCount} />
          </>
        )}
        <div className="muted small" dir="auto">
          {missionName(m, lang)}
        </div>
      </td>
      <td dir="auto">{missionLocation(m, lang)}</td>
      <td>{t(`missions.kindShort.${m.kind}`)}</td>
      <td>
        <StatusBadge status={m.status === 'open' ? 'active' : 'former'} label={t(`missions.statusValue.${m.status}`)} />
      </td>
      <td className="col-num" title={t('missions.filledOf', { filled: m.filled, posts: m.posts })}>
        {m.filled}/{m.posts}
      </td>
      <td className={'col-num' + (m.officers ? '' : ' is-zero')}>{m.officers}</td>
    </tr>
  )
}

/** Adds the missions of the shipped reference list that the register does not have yet; shown only
 *  then, and never on a field device (it holds only the missions it is enrolled for). */
function ReferenceButton() {
  const { t } = useTranslation()
  const mutate = useMutate()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const all = useQuery('missions.list', {})
  const { fieldDevice } = useSync()
  if (!all.data || fieldDevice) return null
  const have = new Set(all.data.map((m) => m.acronym.toUpperCase()))
  const missing = REFERENCE_MISSIONS.filter((r) => !have.has(r.acronym)).length
  if (missing === 0) return null

  const add = async () => {
    setBusy(true)
    try {
      const { added } = await mutate('missions.addReference', {})
      toast({ tone: 'success', message: added ? t('missions.referenceAdded', { count: added }) : t('missions.referenceComplete') })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="reference-offer">
      <span className="muted small">{t('missions.referenceMissing', { count: missing })}</span>
      <button type="button" className="btn" onClick={add} disabled={busy}>
        {t('missions.addReference')}
      </button>
    </div>
  )
}
