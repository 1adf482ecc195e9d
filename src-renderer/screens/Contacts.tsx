import { useVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ContactRole, fullName, Language, type Contact } from '../../src-main/core/model'
import { contactMatches, contactSearchText } from '../../src-main/core/model/contact-list'
import { searchWords } from '../../src-main/core/model/search'
import { useQuery } from '../api/data'
import { SortHeader } from '../components/DataTable'
import { EmailLink, PhoneLink } from '../components/ExternalLink'
import { ExportButton } from '../components/ExportButton'
import { OfficeOnly } from './sync/parts'
import { FilterSelect } from '../components/FilterSelect'
import { ListTable } from '../components/ListTable'
import { Page } from '../components/Page'
import { SearchBox } from '../components/SearchBox'
import { BulkBar, SelectAllHeader, SelectCell } from '../components/Selection'
import { formatDate, orgName, sortedByName, uiLang, type UiLanguage } from '../lib/format'
import { useListState } from '../lists/listState'
import { useSelection } from '../lists/selection'
import { useSorted, type Sort, type SortValue } from '../lists/sort'
import { useNav } from '../navigation'
import { AddToDelegation } from './contacts/AddToDelegation'
import { ImportWizard } from './import/ImportWizard'

type Period = '' | 'current' | 'past'
type Link = Contact['affiliations'][number]

/** The links a row shows: the current ones, else the latest past one. */
const shownLinks = (c: Contact): Link[] => {
  const current = c.affiliations.filter((a) => a.current)
  return current.length ? current : c.affiliations.slice(0, 1)
}

interface Row {
  contact: Contact
  /** Folded text the search looks in (contactSearchText). */
  text: string
  /** The links the row shows, with their member's name in the interface language. */
  links: { link: Link; member: string }[]
}

const COLUMNS: Record<string, SortValue<Row>> = {
  // The core lists contacts by family then given name: that order stands for "Name".
  name: () => 0,
  member: (r) => r.links[0]?.member,
  position: (r) => r.links[0]?.link.position,
  language: (r, { t }) => t(`language.${r.contact.language}`),
  email: (r) => r.contact.emails[0],
  phone: (r) => r.contact.phones[0],
}

const DEFAULTS = { search: '', member: '', role: '' as ContactRole | '', language: '' as Language | '', period: '' as Period, sort: { key: 'name', dir: 'asc' } as Sort }

/**
 * The contacts list as on screen: every contact is read once (and again after a change), then
 * searched and filtered here as you type, with the core's own rule (model/contact-list.ts).
 * Returns the filters and order (kept for the session) and the rows they give, in that order —
 * what an export of the list takes.
 */
export function useContactsList() {
  const { i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const [state, set] = useListState('contacts', DEFAULTS)
  const query = useQuery('contacts.list', {})
  const members = useQuery('organisations.list', {})
  const all = useMemo(() => {
    const names = new Map((members.data ?? []).map((o) => [o.id, { ui: orgName(o, lang), both: [o.displayName, o.displayNameFr] }]))
    return (query.data ?? []).map((contact): Row => ({
      contact,
      text: contactSearchText(contact, contact.affiliations.map((a) => ({ position: a.position, memberNames: names.get(a.organisationId)?.both ?? [a.organisationName] }))),
      links: shownLinks(contact).map((link) => ({ link, member: names.get(link.organisationId)?.ui ?? link.organisationName })),
    }))
  }, [query.data, members.data, lang])
  const sorted = useSorted(all, state.sort, COLUMNS)
  const rows = useMemo(() => {
    const filter = { words: searchWords(state.search), language: state.language, organisationId: state.member, role: state.role, period: state.period }
    return sorted.filter((r) => contactMatches(r.contact, r.text, filter))
  }, [sorted, state.search, state.language, state.member, state.role, state.period])
  const filtered = !!(state.search.trim() || state.member || state.role || state.language || state.period)
  return { state, set, query, rows, filtered, members: members.data ?? [] }
}

const keyOf = (r: Row) => r.contact.id

export function Contacts() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const list = useContactsList()
  const { state, set, rows } = list
  const selection = useSelection(rows, keyOf)
  const [adding, setAdding] = useState(false)
  const [importing, setImporting] = useState(false)
  const sortBy = { sort: state.sort, onSort: (sort: Sort) => set({ sort }) }

  return (
    <Page
      title={t('contacts.title')}
      subtitle={t('contacts.subtitle')}
      actions={
        <>
          <OfficeOnly reason={t('sync.fieldNoContacts')}>
            <button type="button" className="btn btn--primary" onClick={() => go({ name: 'contactNew' })}>
              {t('contacts.add')}
            </button>
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              {t('importer.button')}
            </button>
          </OfficeOnly>
          <ExportButton list="contacts" ids={rows.map((r) => r.contact.id)} />
        </>
      }
    >
      <ContactFilters list={list} lang={lang} />
      <BulkBar selection={selection}>
        <button type="button" className="btn btn--small" onClick={() => setAdding(true)}>
          {t('lists.addToDelegation')}
        </button>
        <ExportButton list="contacts" ids={selection.selected.map((r) => r.contact.id)} selection />
      </BulkBar>
      <ListTable
        query={list.query}
        testId="contacts"
        rows={rows.length}
        countText={t('contacts.count', { count: rows.length })}
        columns={7}
        head={
          <>
            <SelectAllHeader selection={selection} count={rows.length} />
            <SortHeader label={t('contacts.colName')} col="name" {...sortBy} />
            <SortHeader label={t('contacts.colMembers')} col="member" {...sortBy} />
            <SortHeader label={t('contacts.colPosition')} col="position" {...sortBy} />
            <SortHeader label={t('lists.colLanguage')} col="language" {...sortBy} />
            <SortHeader label={t('contacts.colEmail')} col="email" {...sortBy} />
            <SortHeader label={t('contacts.colPhone')} col="phone" {...sortBy} />
          </>
        }
        empty={list.filtered ? t('contacts.noMatch') : t('contacts.none')}
        rowCount={rows.length}
      >
        <VirtualRows rows={rows} columns={7}>
          {(r, place) => <ContactRow key={r.contact.id} place={place} row={r} lang={lang} check={<SelectCell selection={selection} id={r.contact.id} name={fullName(r.contact)} />} />}
        </VirtualRows>
      </ListTable>
      {importing && <ImportWizard type="contacts" onClose={() => setImporting(false)} />}
      {adding && (
        <AddToDelegation
          contacts={selection.selected.map((r) => r.contact)}
          onClose={(done: boolean) => {
            setAdding(false)
            if (done) selection.clear()
          }}
        />
      )}
    </Page>
  )
}

function ContactFilters({ list, lang }: { list: ReturnType<typeof useContactsList>; lang: UiLanguage }) {
  const { t } = useTranslation()
  const { state, set } = list
  const members = useMemo(() => sortedByName(list.members, lang).map((o) => ({ value: o.id, label: orgName(o, lang) })), [list.members, lang])
  return (
    <div className="toolbar" role="search">
      <SearchBox label={t('contacts.search')} value={state.search} onChange={(search) => set({ search })} placeholder={t('contacts.searchPlaceholder')} />
      <FilterSelect label={t('lists.filterMember')} value={state.member} onChange={(member) => set({ member })} options={members} className="filter--wide" />
      <FilterSelect label={t('contact.role')} value={state.role} onChange={(role) => set({ role })} options={ContactRole.options.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      <FilterSelect label={t('contact.language')} value={state.language} onChange={(language) => set({ language })} options={Language.options.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
      <FilterSelect
        label={t('lists.filterPeriod')}
        value={state.period}
        onChange={(period) => set({ period })}
        options={[
          { value: 'current', label: t('lists.current') },
          { value: 'past', label: t('lists.past') },
        ]}
      />
    </div>
  )
}

/** Where a virtual row stands: put on its <tr>, so the list measures its real height (two or three lines). */
interface Place {
  ref(el: Element | null): void
  'data-index': number
  'aria-rowindex': number
}

/**
 * Only the rows near the visible part of the page are in the document, so five thousand contacts
 * scroll and filter without delay; spacer rows keep the table its full height.
 */
function VirtualRows<T>({ rows, columns, children }: { rows: T[]; columns: number; children: (row: T, place: Place) => ReactElement }) {
  const marker = useRef<HTMLTableRowElement>(null)
  const [margin, setMargin] = useState(0)
  const main = () => document.getElementById('main')
  // Where the rows start in the scrolling page: below the heading, the filters and the table's head.
  useLayoutEffect(() => {
    const m = main()
    const tr = marker.current
    if (!m || !tr) return
    const top = tr.getBoundingClientRect().top - m.getBoundingClientRect().top + m.scrollTop
    if (Math.abs(top - margin) > 1) setMargin(top)
  })
  const v = useVirtualizer({ count: rows.length, getScrollElement: main, estimateSize: () => 45, overscan: 10, scrollMargin: margin })
  const items = v.getVirtualItems()
  const before = items.length ? items[0].start - margin : 0
  const after = items.length ? v.getTotalSize() - items[items.length - 1].end : 0
  return (
    <>
      <tr ref={marker} className="virtual-pad" aria-hidden="true" style={{ height: before }}>
        <td colSpan={columns} />
      </tr>
      {items.map((item) => children(rows[item.index], { ref: v.measureElement, 'data-index': item.index, 'aria-rowindex': item.index + 2 }))}
      {after > 0 && (
        <tr className="virtual-pad" aria-hidden="true" style={{ height: after }}>
          <td colSpan={columns} />
        </tr>
      )}
    </>
  )
}

function ContactRow({ row, place, lang, check }: { row: Row; place: Place; lang: UiLanguage; check: ReactNode }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const c = row.contact
  return (
    <tr data-testid="contact-row" {...place}>
      {check}
      <td>
        <button type="button" className="link" dir="auto" onClick={() => go({ name: 'contact', id: c.id })}>
          {fullName(c)}
        </button>
      </td>
      <td>
        {row.links.map(({ link: a, member }) => (
          <div key={a.id} dir="auto" className={a.current ? undefined : 'muted'}>
            {member}
            {!a.current && a.end && <span className="small"> · {t('affiliation.until', { date: formatDate(a.end, lang) })}</span>}
          </div>
        ))}
      </td>
      <td>
        {row.links.map(({ link: a }) => (
          <div key={a.id} dir="auto">
            {a.position}
          </div>
        ))}
      </td>
      <td className="col-nowrap">{c.language.toUpperCase()}</td>
      <td>{c.emails[0] && <EmailLink email={c.emails[0]} />}</td>
      <td className="col-nowrap">{c.phones[0] && <PhoneLink phone={c.phones[0]} />}</td>
    </tr>
  )
}
