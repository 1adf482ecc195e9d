import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ActivityStatus, WorkplanFunction, type ActivityView } from '../../../src-main/core/model/workplan'
import { call } from '../../api/client'
import { useDebounced, useQuery } from '../../api/data'
import { SortHeader } from '../../components/DataTable'
import { ListTable } from '../../components/ListTable'
import { useListState } from '../../lists/listState'
import { useSorter, type Sort, type SortValue } from '../../lists/sort'
import { Page, StatusBadge } from '../../components/Page'
import { SavedPath, useSaveDocument } from '../../components/SaveDocument'
import { SearchBox } from '../../components/SearchBox'
import { TabPanel, Tabs } from '../../components/Tabs'
import { errorMessage } from '../../forms/serverErrors'
import { uiLang, type UiLanguage } from '../../lib/format'
import { useNav } from '../../navigation'
import { LanguageSelect, useDocumentLanguage } from '../meeting/Documents'
import { refName } from '../meeting/common'
import { functionName } from './common'
import { GROUPINGS, groupActivities, type ActivityGroup, type Grouping } from './grouping'
import { formatPeriod } from './months'
import { Timeline, timelineRange } from './Timeline'
import { ExportButton } from '../../components/ExportButton'

type Shape = 'list' | 'timeline'

const COLUMNS: Record<string, SortValue<ActivityView>> = {
  activity: (a) => a.title,
  leads: (a, { lang }) => a.leads.map((l) => refName(l, lang)).join(', '),
  // The groups' own order: by period.
  period: () => 0,
  status: (a, { t }) => t(`activityStatus.${a.status}`),
}

const DEFAULTS = {
  search: '',
  from: '',
  to: '',
  fn: '' as WorkplanFunction | '',
  status: '' as ActivityStatus | '',
  grouping: 'function' as Grouping,
  shape: 'list' as Shape,
  sort: { key: 'period', dir: 'asc' } as Sort,
}

/**
 * The work plan as on screen: its filters, grouping and order (kept for the session), and the
 * groups of activities they give, each in that order — what an export of the list takes.
 */
export function useWorkPlanList() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const [state, set] = useListState('workplan', DEFAULTS)
  const q = useDebounced(state.search)
  const periodWrong = !!(state.from && state.to && state.to < state.from)
  const query = useQuery('activities.list', { search: q, from: state.from, to: periodWrong ? '' : state.to, function: state.fn || undefined, status: state.status || undefined })
  const sorter = useSorter(state.sort, COLUMNS)
  const groups = useMemo(() => groupActivities(query.data ?? [], state.grouping, lang, t).map((g) => ({ ...g, items: sorter(g.items) })), [query.data, state.grouping, lang, t, sorter])
  return { state, set, query, groups, periodWrong, filtered: !!(q || state.from || state.to || state.fn || state.status) }
}

export function WorkPlan() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const idBase = useId()
  const { state, set, query: list, groups, periodWrong, filtered } = useWorkPlanList()
  const { search, from, to, fn, status, grouping, shape } = state
  const rows = list.data ?? []
  const sortBy = { sort: state.sort, onSort: (sort: Sort) => set({ sort }) }

  return (
    <Page
      title={t('workplan.heading')}
      subtitle={t('workplan.subtitle')}
      actions={
        <>
          <button type="button" className="btn btn--primary" onClick={() => go({ name: 'activityNew' })}>
            {t('workplan.new')}
          </button>
          <ExportButton list="activities" ids={rows.map((a) => a.id)} />
        </>
      }
    >
      <Filters
        search={search}
        onSearch={(v) => set({ search: v })}
        from={from}
        onFrom={(v) => set({ from: v })}
        to={to}
        onTo={(v) => set({ to: v })}
        periodWrong={periodWrong}
        fn={fn}
        onFn={(v) => set({ fn: v })}
        status={status}
        onStatus={(v) => set({ status: v })}
        lang={lang}
      />
      <div className="workplan-bar">
        <GroupingChoice value={grouping} onChange={(g) => set({ grouping: g })} />
        <ExportBar from={from} to={periodWrong ? '' : to} disabled={periodWrong} />
      </div>
      <Tabs<Shape>
        label={t('workplan.shapes')}
        idBase={idBase}
        active={shape}
        onChange={(v) => set({ shape: v })}
        tabs={[
          { key: 'list', label: t('workplan.list'), count: list.data?.length },
          { key: 'timeline', label: t('workplan.timeline') },
        ]}
      />
      <TabPanel idBase={idBase} tabKey={shape}>
        {shape === 'list' ? (
          <ListTable
            query={list}
            testId="activities"
            rows={rows.length}
            countText={t('workplan.count', { count: rows.length })}
            columns={4}
            head={
              <>
                <SortHeader label={t('workplan.colActivity')} col="activity" {...sortBy} />
                <SortHeader label={t('workplan.colLeads')} col="leads" {...sortBy} />
                <SortHeader label={t('workplan.colPeriod')} col="period" {...sortBy} />
                <SortHeader label={t('workplan.colStatus')} col="status" {...sortBy} />
              </>
            }
            empty={filtered ? t('workplan.noMatch') : t('workplan.none')}
          >
            {groups.map((g) => (
              <GroupRows key={g.key} label={g.label} items={g.items} grouping={grouping} lang={lang} onOpen={(id) => go({ name: 'activity', id })} />
            ))}
          </ListTable>
        ) : (
          <TimelinePanel groups={groups} from={from} to={periodWrong ? '' : to} lang={lang} error={list.error} />
        )}
      </TabPanel>
    </Page>
  )
}

interface FilterProps {
  search: string
  onSearch(v: string): void
  from: string
  onFrom(v: string): void
  to: string
  onTo(v: string): void
  periodWrong: boolean
  fn: WorkplanFunction | ''
  onFn(v: WorkplanFunction | ''): void
  status: ActivityStatus | ''
  onStatus(v: ActivityStatus | ''): void
  lang: UiLanguage
}

function Filters({ search, onSearch, from, onFrom, to, onTo, periodWrong, fn, onFn, status, onStatus, lang }: FilterProps) {
  const { t } = useTranslation()
  const ids = { from: useId(), to: useId(), fn: useId(), status: useId(), error: useId() }
  return (
    <div className="toolbar" role="search">
      <SearchBox label={t('workplan.search')} value={search} onChange={onSearch} placeholder={t('workplan.searchPlaceholder')} />
      <div className="filter">
        <label htmlFor={ids.from}>{t('workplan.from')}</label>
        <input id={ids.from} type="month" value={from} onChange={(e) => onFrom(e.target.value)} />
      </div>
      <div className="filter">
        <label htmlFor={ids.to}>{t('workplan.to')}</label>
        <input id={ids.to} type="month" value={to} onChange={(e) => onTo(e.target.value)} aria-invalid={periodWrong} aria-describedby={periodWrong ? ids.error : undefined} />
      </div>
      <div className="filter filter--function">
        <label htmlFor={ids.fn}>{t('workplan.function')}</label>
        <select id={ids.fn} value={fn} onChange={(e) => onFn(e.target.value as WorkplanFunction | '')}>
          <option value="">{t('filters.all')}</option>
          {WorkplanFunction.options.map((f, i) => (
            <option key={f} value={f}>
              {i + 1}. {functionName(f, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={ids.status}>{t('workplan.status')}</label>
        <select id={ids.status} value={status} onChange={(e) => onStatus(e.target.value as ActivityStatus | '')}>
          <option value="">{t('filters.all')}</option>
          {ActivityStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`activityStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {periodWrong && (
        <p className="field-error filter-error" id={ids.error} role="alert">
          {t('validation.endBeforeStart')}
        </p>
      )}
    </div>
  )
}

/** Function, lead or status: one choice of three, as a segmented control (native radios). */
function GroupingChoice({ value, onChange }: { value: Grouping; onChange(g: Grouping): void }) {
  const { t } = useTranslation()
  return (
    <fieldset className="segmented">
      <legend>{t('workplan.groupBy')}</legend>
      {GROUPINGS.map((g) => (
        <label key={g} className={'segment' + (g === value ? ' is-on' : '')}>
          <input type="radio" name="workplan-grouping" value={g} checked={g === value} onChange={() => onChange(g)} />
          {t(`workplan.by.${g}`)}
        </label>
      ))}
    </fieldset>
  )
}

/** The plan as a Word document (landscape, grouped by function) or a CSV file, over the period filtered. */
function ExportBar({ from, to, disabled }: { from: string; to: string; disabled: boolean }) {
  const { t } = useTranslation()
  const [language, setLanguage] = useDocumentLanguage()
  const { save, busy, last } = useSaveDocument((format: 'docx' | 'csv', language) => call('workplan.save', { format, language, period: { from, to } }))
  return (
    <div className="export-bar">
      <div className="toolbar">
        <LanguageSelect label={t('documents.language')} value={language} onChange={setLanguage} />
        <button type="button" className="btn" disabled={disabled || busy !== null} aria-busy={busy === 'docx'} onClick={() => save('docx', language)}>
          {busy === 'docx' ? t('documents.saving') : t('workplan.exportDocx')}
        </button>
        <button type="button" className="btn" disabled={disabled || busy !== null} aria-busy={busy === 'csv'} onClick={() => save('csv', language)}>
          {busy === 'csv' ? t('documents.saving') : t('workplan.exportCsv')}
        </button>
      </div>
      <SavedPath path={last} />
    </div>
  )
}

function GroupRows({ label, items, grouping, lang, onOpen }: { label: string; items: ActivityView[]; grouping: Grouping; lang: UiLanguage; onOpen(id: string): void }) {
  const { t } = useTranslation()
  return (
    <>
      <tr className="group-row">
        <th colSpan={4} scope="colgroup" data-testid="group-heading">
          {label} <span className="muted small">({items.length})</span>
        </th>
      </tr>
      {items.map((a) => (
        <tr key={a.id} data-testid="activity-row">
          <td>
            <button type="button" className="link" dir="auto" onClick={() => onOpen(a.id)}>
              {a.title}
            </button>
            {grouping !== 'function' && <div className="muted small">{functionName(a.function, lang)}</div>}
          </td>
          <td dir="auto">{a.leads.map((l) => refName(l, lang)).join(', ') || <span className="muted">{t('workplan.noLead')}</span>}</td>
          <td className="col-nowrap">{formatPeriod(a.start, a.end, lang)}</td>
          <td>
            <StatusBadge status={a.status} label={t(`activityStatus.${a.status}`)} />
          </td>
        </tr>
      ))}
    </>
  )
}

function TimelinePanel({ groups, from, to, lang, error }: { groups: ActivityGroup[]; from: string; to: string; lang: UiLanguage; error?: Error }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const range = timelineRange(groups, from, to)
  if (error) {
    return (
      <div className="alert alert--error" role="alert">
        {errorMessage(error, t)}
      </div>
    )
  }
  if (!range || groups.length === 0) return <p className="muted empty-note">{t('workplan.timelineEmpty')}</p>
  return <Timeline groups={groups} from={range.from} to={range.to} lang={lang} onOpen={(id) => go({ name: 'activity', id })} />
}
