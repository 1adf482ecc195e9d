import { useTranslation } from 'react-i18next'
import { fullName, type Contact, type Organisation } from '../../src-main/core/model'
import { useQuery } from '../api/data'
import { DeletedNotice } from '../components/DeletedNotice'
import { DetailList } from '../components/DetailList'
import { Loading, Page, StatusBadge } from '../components/Page'
import { errorMessage } from '../forms/serverErrors'
import { formatDate, orgName, stateByCode, uiLang, type UiLanguage } from '../lib/format'
import { useNav } from '../navigation'
import { useDeleteWithUndo } from './useDelete'

export function MemberDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const org = useQuery('organisations.get', { id })
  const del = useDeleteWithUndo('organisations', () => go({ name: 'members' }))
  const back = (
    <button type="button" className="link back" onClick={() => go({ name: 'members' })}>
      ← {t('members.back')}
    </button>
  )

  if (org.error) {
    return (
      <Page title={t('members.notFound')} back={back}>
        <div className="alert alert--error" role="alert">
          {errorMessage(org.error, t)}
        </div>
      </Page>
    )
  }
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
        <>
          <button type="button" className="btn" onClick={() => go({ name: 'memberEdit', id })}>
            {t('common.edit')}
          </button>
          <button type="button" className="btn btn--danger-outline" onClick={() => del.ask(id, name)}>
            {t('common.delete')}
          </button>
        </>
        )
      }
    >
      {o.deleted && <DeletedNotice kind="member" id={id} name={name} />}
      {o.kind === 'state' ? <StateDetails o={o} lang={lang} /> : <SmeDetails o={o} lang={lang} />}
      {!o.deleted && <MemberContacts org={o} />}
      {del.dialog}
    </Page>
  )
}

type StateOrg = Extract<Organisation, { kind: 'state' }>
type SmeOrg = Extract<Organisation, { kind: 'sme' }>

function StateDetails({ o, lang }: { o: StateOrg; lang: UiLanguage }) {
  const { t } = useTranslation()
  const ref = stateByCode(o.countryCode)
  return (
    <div className="cards">
      <section className="card" aria-labelledby="sec-membership">
        <h2 id="sec-membership">{t('member.membership')}</h2>
        <DetailList
          items={[
            [t('member.country'), ref ? `${lang === 'fr' ? ref.fr : ref.en} (${ref.iso3})` : o.countryCode],
            [t('member.regionalGroup'), o.regionalGroup ? t(`regionalGroup.${o.regionalGroup}`) : ''],
            [t('member.status'), t(`status.${o.status}`)],
            [t('member.joined'), formatDate(o.joined, lang)],
          ]}
        />
      </section>
      <section className="card" aria-labelledby="sec-mission">
        <h2 id="sec-mission">{t('member.permanentMission')}</h2>
        <DetailList
          items={[
            [t('member.address'), o.address ? <span className="pre">{o.address}</span> : ''],
            [t('member.phone'), o.phone],
            [t('member.email'), o.email],
            [t('member.website'), o.website],
          ]}
        />
      </section>
      <section className="card" aria-labelledby="sec-service">
        <h2 id="sec-service">{t('member.correctionsServiceSection')}</h2>
        <DetailList
          items={[
            [t('member.correctionsService'), o.correctionsService],
            [t('member.correctionsServiceEmail'), o.correctionsServiceEmail],
            [t('member.correctionsServicePhone'), o.correctionsServicePhone],
          ]}
        />
      </section>
      {o.notes && (
        <section className="card card--wide" aria-labelledby="sec-notes">
          <h2 id="sec-notes">{t('member.notes')}</h2>
          <p className="pre" dir="auto">
            {o.notes}
          </p>
        </section>
      )}
    </div>
  )
}

function SmeDetails({ o, lang }: { o: SmeOrg; lang: UiLanguage }) {
  const { t } = useTranslation()
  return (
    <div className="cards">
      <section className="card" aria-labelledby="sec-org">
        <h2 id="sec-org">{t('member.organisation')}</h2>
        <DetailList
          items={[
            [t('member.name'), o.name],
            [t('member.nameFr'), o.nameFr],
            [t('member.acronym'), o.acronym],
            [t('member.category'), t(`category.${o.category}`)],
            [t('member.status'), t(`status.${o.status}`)],
            [t('member.joined'), formatDate(o.joined, lang)],
          ]}
        />
      </section>
      <section className="card" aria-labelledby="sec-contact">
        <h2 id="sec-contact">{t('member.contactDetails')}</h2>
        <DetailList
          items={[
            [t('member.address'), o.address ? <span className="pre">{o.address}</span> : ''],
            [t('member.phone'), o.phone],
            [t('member.email'), o.email],
            [t('member.website'), o.website],
          ]}
        />
      </section>
      {o.notes && (
        <section className="card card--wide" aria-labelledby="sec-notes">
          <h2 id="sec-notes">{t('member.notes')}</h2>
          <p className="pre" dir="auto">
            {o.notes}
          </p>
        </section>
      )}
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
      <div className="table-wrap">
        <table className="table" data-testid="member-contacts-table">
          <thead>
            <tr>
              <th scope="col">{t('contacts.colName')}</th>
              <th scope="col">{t('contact.role')}</th>
              <th scope="col">{t('contact.position')}</th>
              <th scope="col">{t('contacts.colEmail')}</th>
              <th scope="col">{t('contacts.colPhone')}</th>
            </tr>
          </thead>
          <tbody>
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
                  <td dir="ltr" className="col-nowrap">{c.emails[0] ?? ''}</td>
                  <td dir="ltr" className="col-nowrap">{c.phones[0] ?? ''}</td>
                </tr>
              )),
            )}
            {contacts.data && rows.length === 0 && (
              <tr>
                <td colSpan={5} className="empty-cell">
                  {t('member.noContacts')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  )
}
