import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldContactView } from '../../../src-main/core/model/mission'
import { useDebounced, useQuery } from '../../api/data'
import { SortHeader } from '../../components/DataTable'
import { ListTable } from '../../components/ListTable'
import { useListState } from '../../lists/listState'
import { useSorted, type Sort, type SortValue } from '../../lists/sort'
import { SearchBox } from '../../components/SearchBox'
import { uiLang, type UiLanguage } from '../../lib/format'
import { useNav } from '../../navigation'
import { HoldingTerm, ReachList } from './holding'
import { postTitle } from '../../../src-main/core/model/mission'
import { missionName, seconderName } from './names'
import { ExportButton } from '../../components/ExportButton'

const COLUMNS: Record<string, SortValue<FieldContactView>> = {
  // The core sorts by name, then the latest holding first.
  name: () => 0,
  post: (r, { lang }) => postTitle(r.post, lang),
  mission: (r) => r.mission.acronym,
  seconded: (r, { lang }) => (r.holder.seconding ? seconderName(r.holder.seconding, lang) : ''),
}

/** The field contacts as on screen: filters and order (kept for the session) and the rows in that order. */
export function useFieldContactsList() {
  const [state, set] = useListState('fieldContacts', { search: '', missionId: '', currentOnly: true, sort: { key: 'name', dir: 'asc' } as Sort })
  const q = useDebounced(state.search)
  const query = useQuery('field.contacts', { search: q, missionId: state.missionId || undefined, currentOnly: state.currentOnly })
  const rows = useSorted(query.data ?? NONE, state.sort, COLUMNS)
  return { state, set, query, rows, filtered: !!(q || state.missionId) }
}
const NONE: FieldContactView[] = []

/** A search across the holders of every post in every mission. */
export function FieldContactsPanel() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const missionFilterId = useId()
  const missions = useQuery('missions.list', {})
  const { state, set, query: list, rows, filtered } = useFieldContactsList()
  const sortBy = { sort: state.sort, onSort: (sort: Sort) => set({ sort }) }

  return (
    <>
      <div className="toolbar" role="search">
        <SearchBox label={t('field.contactsSearch')} value={state.search} onChange={(search) => set({ search })} placeholder={t('field.contactsSearchPlaceholder')} />
        <div className="filter">
          <label htmlFor={missionFilterId}>{t('field.mission')}</label>
          <select id={missionFilterId} value={state.missionId} onChange={(e) => set({ missionId: e.target.value })}>
            <option value="">{t('filters.all')}</option>
            {(missions.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.acronym}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox toolbar-check">
          <input type="checkbox" checked={state.currentOnly} onChange={(e) => set({ currentOnly: e.target.checked })} />
          <span>{t('field.currentOnly')}</span>
        </label>
        <ExportButton list="holders" ids={rows.map((r) => r.holder.id)} />
      </div>
      <ListTable
        query={list}
        testId="field-contacts"
        rows={rows.length}
        countText={t('field.contactsCount', { count: rows.length })}
        columns={5}
        head={
          <>
            <SortHeader label={t('field.colName')} col="name" {...sortBy} />
            <SortHeader label={t('field.colPost')} col="post" {...sortBy} />
            <SortHeader label={t('field.colMission')} col="mission" {...sortBy} />
            <SortHeader label={t('field.colSeconded')} col="seconded" {...sortBy} />
            <th scope="col">{t('field.colReach')}</th>
          </>
        }
        empty={filtered ? t('field.noContactMatch') : t('field.noContacts')}
      >
        {rows.map((r) => (
          <FieldContactRow key={r.holder.id} row={r} lang={lang} />
        ))}
      </ListTable>
    </>
  )
}

function FieldContactRow({ row, lang }: { row: FieldContactView; lang: UiLanguage }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const { holder, post, mission } = row
  const { contact } = holder
  return (
    <tr data-testid="field-contact-row" className={holder.current ? undefined : 'row--past'}>
      <td>
        <button type="button" className="link" dir="auto" onClick={() => go({ name: 'contact', id: contact.id })}>
          {contact.name}
        </button>
        <div className="muted small">{t(`language.${contact.language}`)}</div>
      </td>
      <td dir="auto">
        {postTitle(post, lang)}
        <div className="muted small">
          {post.dutyStation && <span dir="auto">{post.dutyStation} · </span>}
          <HoldingTerm holder={holder} lang={lang} />
        </div>
      </td>
      <td>
        <button type="button" className="link" title={missionName(mission, lang)} onClick={() => go({ name: 'mission', id: mission.id })}>
          {mission.acronym}
        </button>
      </td>
      <td dir="auto">{holder.seconding ? seconderName(holder.seconding, lang) : <span className="muted">{t('field.notSeconded')}</span>}</td>
      <td>
        <ReachList contact={contact} className="plain reach" />
      </td>
    </tr>
  )
}
