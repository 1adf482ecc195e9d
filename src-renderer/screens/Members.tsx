import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MemberStatus, RegionalGroup } from '../../src-main/core/model'
import type { Organisation } from '../../src-main/core/model'
import { useDebounced, useQuery } from '../api/data'
import { ListTable } from '../components/ListTable'
import { Page, StatusBadge } from '../components/Page'
import { SearchBox } from '../components/SearchBox'
import { orgName, sortedByName, uiLang } from '../lib/format'
import { useNav } from '../navigation'

type Kind = '' | 'state' | 'sme'

export function Members() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const [search, setSearch] = useState('')
  const [kind, setKind] = useState<Kind>('')
  const [group, setGroup] = useState<'' | RegionalGroup>('')
  const [status, setStatus] = useState<'' | MemberStatus>('')
  const q = useDebounced(search)
  const list = useQuery('organisations.list', {
    search: q,
    kind: kind || undefined,
    regionalGroup: group || undefined,
    status: status || undefined,
  })
  const ids = { kind: useId(), group: useId(), status: useId() }
  // The core sorts by English name; in French the list follows the French names.
  const rows = useMemo(() => sortedByName(list.data ?? [], lang), [list.data, lang])
  const filtered = !!(q || kind || group || status)

  return (
    <Page
      title={t('members.title')}
      subtitle={t('members.subtitle')}
      actions={
        <>
          <button type="button" className="btn btn--primary" onClick={() => go({ name: 'memberNew', kind: 'state' })}>
            {t('members.addState')}
          </button>
          <button type="button" className="btn" onClick={() => go({ name: 'memberNew', kind: 'sme' })}>
            {t('members.addSme')}
          </button>
        </>
      }
    >
      <div className="toolbar" role="search">
        <SearchBox label={t('members.search')} value={search} onChange={setSearch} placeholder={t('members.searchPlaceholder')} />
        <div className="filter">
          <label htmlFor={ids.kind}>{t('members.kind')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="">{t('filters.all')}</option>
            <option value="state">{t('kind.statePlural')}</option>
            <option value="sme">{t('kind.smePlural')}</option>
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.group}>{t('members.regionalGroup')}</label>
          <select id={ids.group} value={group} onChange={(e) => setGroup(e.target.value as RegionalGroup | '')}>
            <option value="">{t('filters.all')}</option>
            {RegionalGroup.options.map((g) => (
              <option key={g} value={g}>
                {t(`regionalGroup.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.status}>{t('members.status')}</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as MemberStatus | '')}>
            <option value="">{t('filters.all')}</option>
            {MemberStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <ListTable
        query={list}
        testId="members"
        rows={rows.length}
        countText={t('members.count', { count: rows.length })}
        columns={4}
        head={
          <>
            <th scope="col">{t('members.colName')}</th>
            <th scope="col">{t('members.colKind')}</th>
            <th scope="col">{t('members.colGroupOrCategory')}</th>
            <th scope="col">{t('members.colStatus')}</th>
          </>
        }
        empty={filtered ? t('members.noMatch') : t('members.none')}
      >
        {rows.map((o) => (
          <MemberRow key={o.id} org={o} lang={lang} onOpen={() => go({ name: 'member', id: o.id })} />
        ))}
      </ListTable>
    </Page>
  )
}

function MemberRow({ org, lang, onOpen }: { org: Organisation; lang: 'en' | 'fr'; onOpen(): void }) {
  const { t } = useTranslation()
  const groupOrCategory = org.kind === 'state' ? (org.regionalGroup ? t(`regionalGroup.${org.regionalGroup}`) : '') : t(`category.${org.category}`)
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
      <td>{groupOrCategory}</td>
      <td>
        <StatusBadge status={org.status} label={t(`status.${org.status}`)} />
      </td>
    </tr>
  )
}
