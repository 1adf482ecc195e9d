import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldContactView } from '../../../src-main/core/model/mission'
import { useDebounced, useQuery } from '../../api/data'
import { ListTable } from '../../components/ListTable'
import { SearchBox } from '../../components/SearchBox'
import { uiLang, type UiLanguage } from '../../lib/format'
import { useNav } from '../../navigation'
import { HoldingTerm, ReachList } from './holding'
import { postTitle } from '../../../src-main/core/model/mission'
import { missionName, seconderName } from './names'

/** A search across the holders of every post in every mission. */
export function FieldContactsPanel() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const [search, setSearch] = useState('')
  const [missionId, setMissionId] = useState('')
  const [currentOnly, setCurrentOnly] = useState(true)
  const missionFilterId = useId()
  const q = useDebounced(search)
  const missions = useQuery('missions.list', {})
  const list = useQuery('field.contacts', { search: q, missionId: missionId || undefined, currentOnly })
  const rows = list.data ?? []

  return (
    <>
      <div className="toolbar" role="search">
        <SearchBox label={t('field.contactsSearch')} value={search} onChange={setSearch} placeholder={t('field.contactsSearchPlaceholder')} />
        <div className="filter">
          <label htmlFor={missionFilterId}>{t('field.mission')}</label>
          <select id={missionFilterId} value={missionId} onChange={(e) => setMissionId(e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {(missions.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.acronym}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox toolbar-check">
          <input type="checkbox" checked={currentOnly} onChange={(e) => setCurrentOnly(e.target.checked)} />
          <span>{t('field.currentOnly')}</span>
        </label>
      </div>
      <ListTable
        query={list}
        testId="field-contacts"
        rows={rows.length}
        countText={t('field.contactsCount', { count: rows.length })}
        columns={5}
        head={
          <>
            <th scope="col">{t('field.colName')}</th>
            <th scope="col">{t('field.colPost')}</th>
            <th scope="col">{t('field.colMission')}</th>
            <th scope="col">{t('field.colSeconded')}</th>
            <th scope="col">{t('field.colReach')}</th>
          </>
        }
        empty={q || missionId ? t('field.noContactMatch') : t('field.noContacts')}
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
