import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fullName, type Contact } from '../../src-main/core/model'
import { useDebounced, useQuery } from '../api/data'
import { useMemberNames } from '../api/useMemberNames'
import { ListTable } from '../components/ListTable'
import { Page } from '../components/Page'
import { SearchBox } from '../components/SearchBox'
import { useNav } from '../navigation'

/** The core returns the first matches only; more than a screen can use says "refine". */
const LIMIT = 200

export function Contacts() {
  const { t } = useTranslation()
  const { go } = useNav()
  const [search, setSearch] = useState('')
  const q = useDebounced(search)
  const list = useQuery('contacts.list', { search: q, limit: LIMIT })
  const memberName = useMemberNames()
  const rows = list.data ?? []

  return (
    <Page
      title={t('contacts.title')}
      subtitle={t('contacts.subtitle')}
      actions={
        <button type="button" className="btn btn--primary" onClick={() => go({ name: 'contactNew' })}>
          {t('contacts.add')}
        </button>
      }
    >
      <div className="toolbar" role="search">
        <SearchBox label={t('contacts.search')} value={search} onChange={setSearch} placeholder={t('contacts.searchPlaceholder')} />
      </div>
      <ListTable
        query={list}
        testId="contacts"
        rows={rows.length}
        countText={rows.length >= LIMIT ? t('contacts.firstOnly', { count: LIMIT }) : t('contacts.count', { count: rows.length })}
        columns={5}
        head={
          <>
            <th scope="col">{t('contacts.colName')}</th>
            <th scope="col">{t('contacts.colMembers')}</th>
            <th scope="col">{t('contacts.colPosition')}</th>
            <th scope="col">{t('contacts.colEmail')}</th>
            <th scope="col">{t('contacts.colPhone')}</th>
          </>
        }
        empty={q ? t('contacts.noMatch') : t('contacts.none')}
      >
        {rows.map((c) => (
          <ContactRow key={c.id} c={c} memberName={memberName} onOpen={() => go({ name: 'contact', id: c.id })} />
        ))}
      </ListTable>
    </Page>
  )
}

function ContactRow({ c, memberName, onOpen }: { c: Contact; memberName: (id: string, fb: string) => string; onOpen(): void }) {
  const current = c.affiliations.filter((a) => a.current)
  return (
    <tr>
      <td>
        <button type="button" className="link" dir="auto" onClick={onOpen}>
          {fullName(c)}
        </button>
      </td>
      <td>
        {current.map((a) => (
          <div key={a.id} dir="auto">
            {memberName(a.organisationId, a.organisationName)}
          </div>
        ))}
      </td>
      <td>
        {current.map((a) => (
          <div key={a.id} dir="auto">
            {a.position}
          </div>
        ))}
      </td>
      <td dir="ltr" className="col-nowrap">{c.emails[0] ?? ''}</td>
      <td dir="ltr" className="col-nowrap">{c.phones[0] ?? ''}</td>
    </tr>
  )
}
