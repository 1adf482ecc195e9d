import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { fullName, type Contact, type Organisation } from '../../src-main/core/model'
import { useQuery } from '../api/data'
import { DataTable } from '../components/DataTable'
import { DeletedNotice } from '../components/DeletedNotice'
import { RecordHistory } from '../components/RecordHistory'
import { EmailLink, PhoneLink, WebLink } from '../components/ExternalLink'
import { DetailCard, NotesCard, type DetailItem } from '../components/DetailList'
import { Loading, Page, StatusBadge } from '../components/Page'
import { BackLink, RecordActions, RecordNotFound } from '../components/RecordPage'
import { errorMessage } from '../forms/serverErrors'
import { formatDate, orgName, stateByCode, uiLang, type UiLanguage } from '../lib/format'
import { useNav } from '../navigation'
import { useDeleteWithUndo } from './useDelete'
import { OfficeOnly } from './sync/parts'

export function MemberDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const org = useQuery('organisations.get', { id })
  const del = useDeleteWithUndo('organisations', { title: (name) => t('delete.memberTitle', { name }), body: t('delete.memberBody'), after: () => go({ name: 'members' }) })
  const back = <BackLink label={t('members.back')} onClick={() => go({ name: 'members' })} />

  if (org.error) return <RecordNotFound title={t('members.notFound')} error={org.error} back={back} />
  if (!org.data) return <Loading />
  const o = org.data
  const name = orgName(o, lang)

  return (
    <Page
      title={name}
      subtitle={
        <>
          {t(`kind.${o.kind}`)} · <StatusBadge status={o.status} label={t(`status.${o.status}`)} />
        </>
      }
      back={back}
      actions={
        !o.deleted && (
          <OfficeOnly reason={t('sync.fieldNoMembers')}>
            <RecordActions onEdit={() => go({ name: 'memberEdit', id })} onDelete={() => del.ask(id, name)} />
          </OfficeOnly>
        )
      }
    >
      {o.deleted && <DeletedNotice restore="organisations.restore" id={id} name={name} notice={t('deleted.member')} />}
      {o.kind === 'state' ? <StateDetails o={o} lang={lang} /> : <SmeDetails o={o} lang={lang} />}
      {!o.deleted && <MemberContacts org={o} />}
      <RecordHistory table="organisations" id={id} deleted={o.deleted} restore="organisations.restore" />
      {del.dialog}
    </Page>
  )
}

type StateOrg = Extract<Organisation, { kind: 'state' }>
type SmeOrg = Extract<Organisation, { kind: 'sme' }>

/** Where a member is reached: the same four facts for a Permanent Mission and an expert organisation. */
function reachItems(o: Organisation, t: TFunction): DetailItem[] {
  return [
    [t('member.address'), o.address ? <span className="pre">{o.address}</span> : ''],
    [t('member.phone'), o.phone && <PhoneLink phone={o.phone} />],
    [t('member.email'), o.email && <EmailLink email={o.email} />],
    [t('member.website'), o.website && <WebLink url={o.website} />],
  ]
}

function StateDetails({ o, lang }: { o: StateOrg; lang: UiLanguage }) {
  const { t } = useTranslation()
  const ref = stateByCode(o.countryCode)
  return (
    <div className="cards">
      <DetailCard
        id="sec-membership"
        title={t('member.membership')}
        items={[
          [t('member.country'), ref ? `${lang === 'fr' ? ref.fr : ref.en} (${ref.iso3})` : o.countryCode],
          [t('member.regionalGroup'), o.regionalGroup ? t(`regionalGroup.${o.regionalGroup}`) : ''],
          [t('member.status'), t(`status.${o.status}`)],
          [t('member.joined'), formatDate(o.joined, lang)],
        ]}
      />
      <DetailCard
        id="sec-mission"
        title={t('member.permanentMission')}
        items={reachItems(o, t)}
      />
      <DetailCard
        id="sec-service"
        title={t('member.correctionsServiceSection')}
        items={[
          [t('member.correctionsService'), o.correctionsService],
          [t('member.correctionsServiceEmail'), o.correctionsServiceEmail && <EmailLink email={o.correctionsServiceEmail} />],
          [t('member.correctionsServicePhone'), o.correctionsServicePhone && <PhoneLink phone={o.correctionsServicePhone} />],
        ]}
      />
      <NotesCard id="sec-notes" title={t('member.notes')} notes={o.notes} />
    </div>
  )
}

function SmeDetails({ o, lang }: { o: SmeOrg; lang: UiLanguage }) {
  const { t } = useTranslation()
  return (
    <div className="cards">
      <DetailCard
        id="sec-org"
        title={t('member.organisation')}
        items={[
          [t('member.name'), o.name],
          [t('member.nameFr'), o.nameFr],
          [t('member.acronym'), o.acronym],
          [t('member.category'), t(`category.${o.category}`)],
          [t('member.status'), t(`status.${o.status}`)],
          [t('member.joined'), formatDate(o.joined, lang)],
        ]}
      />
      <DetailCard
        id="sec-contact"
        title={t('member.contactDetails')}
        items={reachItems(o, t)}
      />
      <NotesCard id="sec-notes" title={t('member.notes')} notes={o.notes} />
    </div>
  )
}

function MemberContacts({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const contacts = useQuery('contacts.list', { organisationId: org.id })
  const rows = contacts.data ?? []
  const linkOf = (c: Contact) => c.affiliations.filter((a) => a.organisationId === org.id)

  return (
    <section className="section" aria-labelledby="sec-contacts">
      <div className="section-header">
        <h2 id="sec-contacts">{t('member.contacts')}</h2>
        <button type="button" className="btn btn--primary" onClick={() => go({ name: 'contactNew', organisationId: org.id })}>
          {t('member.addContact')}
        </button>
      </div>
      {contacts.error && (
        <div className="alert alert--error" role="alert">
          {errorMessage(contacts.error, t)}
        </div>
      )}
      <DataTable
        testId="member-contacts-table"
        head={
          <>
            <th scope="col">{t('contacts.colName')}</th>
            <th scope="col">{t('contact.role')}</th>
            <th scope="col">{t('contact.position')}</th>
            <th scope="col">{t('contacts.colEmail')}</th>
            <th scope="col">{t('contacts.colPhone')}</th>
          </>
        }
        columns={5}
        empty={contacts.data && rows.length === 0 && t('member.noContacts')}
      >
        {rows.map((c) =>
          linkOf(c).map((a) => (
            <tr key={a.id} className={a.current ? '' : 'row--past'}>
              <td>
                <button type="button" className="link" dir="auto" onClick={() => go({ name: 'contact', id: c.id })}>
                  {fullName(c)}
                </button>
                {!a.current && <span className="muted"> · {t('affiliation.until', { date: formatDate(a.end, lang) })}</span>}
              </td>
              <td>{t(`role.${a.role}`)}</td>
              <td dir="auto">{a.position}</td>
              <td>{c.emails[0] && <EmailLink email={c.emails[0]} />}</td>
              <td className="col-nowrap">{c.phones[0] && <PhoneLink phone={c.phones[0]} />}</td>
            </tr>
          )),
        )}
      </DataTable>
    </section>
  )
}
