import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MemberStatus, RegionalGroup } from '../../src-main/core/model'
import type { Organisation } from '../../src-main/core/model'
import { useDebounced, useQuery } from '../api/data'
import { SortHeader } from '../components/DataTable'
import { ExportButton } from '../components/ExportButton'
import { FilterSelect } from '../components/FilterSelect'
import { ListTable } from '../components/ListTable'
import { Page, StatusBadge } from '../components/Page'
import { SearchBox } from '../components/SearchBox'
import { orgName, uiLang } from '../lib/format'
import { useListState } from '../lists/listState'
import { useSorted, type Sort, type SortValue } from '../lists/sort'
import { useNav } from '../navigation'
import { ImportWizard } from './import/ImportWizard'
import { OfficeOnly } from './sync/parts'

type Kind = 'state' | 'sme'

const groupOrCategory = (o: Organisation) => (o.kind === 'state' ? (o.regionalGroup ? `regionalGroup.${o.regionalGroup}` : '') : `category.${o.category}`)

/** The members list's columns, as it sorts them. */
const COLUMNS: Record<string, SortValue<Organisation>> = {
  name: (o, { lang }) => orgName(o, lang),
  kind: (o, { t }) => t(`kind.${o.kind}`),
  group: (o, { t }) => groupOrCategory(o) && t(groupOrCategory(o)),
  status: (o, { t }) => t(`status.${o.status}`),
}

/**
 * The members list as on screen: its filters and order (kept for the session), and the rows
 * they give, in that order — what an export of the list takes.
 */
export function useMembersList() {
  const [state, set] = useListState('members', { search: '', kind: '' as Kind | '', group: '' as '' | RegionalGroup, status: '' as '' | MemberStatus, sort: { key: 'name', dir: 'asc' } as Sort })
  const q = useDebounced(state.search)
  const query = useQuery('organisations.list', {
    search: q,
    kind: state.kind || undefined,
    regionalGroup: state.group || undefined,
    status: state.status || undefined,
  })
  const rows = useSorted(query.data ?? NONE, state.sort, COLUMNS)
  return { state, set, query, rows, filtered: !!(q || state.kind || state.group || state.status) }
}
const NONE: Organisation[] = []

export function Members() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const { state, set, query: list, rows, filtered } = useMembersList()
  const sortBy = { sort: state.sort, onSort: (sort: Sort) => set({ sort }) }
  const [importing, setImporting] = useState(false)

  return (
    <Page
      title={t('members.title')}
      subtitle={t('members.subtitle')}
      actions={
        <>
          <OfficeOnly reason={t('sync.fieldNoMembers')}>
            <button type="button" className="btn btn--primary" onClick={() => go({ name: 'memberNew', kind: 'state' })}>
              {t('members.addState')}
            </button>
            <button type="button" className="btn" onClick={() => go({ name: 'memberNew', kind: 'sme' })}>
              {t('members.addSme')}
            </button>
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              {t('importer.button')}
            </button>
          </OfficeOnly>
          <ExportButton list="organisations" ids={rows.map((o) => o.id)} />
        </>
      }
    >
      <div className="toolbar" role="search">
        <SearchBox label={t('members.search')} value={state.search} onChange={(search) => set({ search })} placeholder={t('members.searchPlaceholder')} />
        <FilterSelect
          label={t('members.kind')}
          value={state.kind}
          onChange={(kind) => set({ kind })}
          options={[
            { value: 'state', label: t('kind.statePlural') },
            { value: 'sme', label: t('kind.smePlural') },
          ]}
        />
        <FilterSelect label={t('members.regionalGroup')} value={state.group} onChange={(group) => set({ group })} options={RegionalGroup.options.map((g) => ({ value: g, label: t(`regionalGroup.${g}`) }))} />
        <FilterSelect label={t('members.status')} value={state.status} onChange={(status) => set({ status })} options={MemberStatus.options.map((st) => ({ value: st, label: t(`status.${st}`) }))} />
      </div>

      <ListTable
        query={list}
        testId="members"
        rows={rows.length}
        countText={t('members.count', { count: rows.length })}
        columns={4}
        head={
          <>
            <SortHeader label={t('members.colName')} col="name" {...sortBy} />
            <SortHeader label={t('members.colKind')} col="kind" {...sortBy} />
            <SortHeader label={t('members.colGroupOrCategory')} col="group" {...sortBy} />
            <SortHeader label={t('members.colStatus')} col="status" {...sortBy} />
          </>
        }
        empty={filtered ? t('members.noMatch') : t('members.none')}
      >
        {rows.map((o) => (
          <MemberRow key={o.id} org={o} lang={lang} onOpen={() => go({ name: 'member', id: o.id })} />
        ))}
      </ListTable>
      {importing && <ImportWizard type="organisations" onClose={() => setImporting(false)} />}
    </Page>
  )
}

function MemberRow({ org, lang, onOpen }: { org: Organisation; lang: 'en' | 'fr'; onOpen(): void }) {
  const { t } = useTranslation()
  const group = groupOrCategory(org)
  const acronym = org.kind === 'sme' && org.acronym ? org.acronym : ''
  return (
    <tr>
      <td>
        <button type="button" className="link" onClick={onOpen} dir="auto">
          {orgName(org, lang)}
        </button>
        {acronym && <span className="muted acronym"> ({acronym})</span>}
      </td>
      <td className="col-nowrap">{t(`kind.${org.kind}`)}</td>
      <td>{group && t(group)}</td>
      <td>
        <StatusBadge status={org.status} label={t(`status.${org.status}`)} />
      </td>
    </tr>
  )
}
