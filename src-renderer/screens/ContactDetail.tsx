import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fullName, type Contact } from '../../src-main/core/model'
import { useMutate, useQuery } from '../api/data'
import { useUpdate } from '../api/stale'
import { useMemberNames } from '../api/useMemberNames'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { ActionsHeader, DataTable } from '../components/DataTable'
import { DeletedNotice } from '../components/DeletedNotice'
import { RecordHistory } from '../components/RecordHistory'
import { EmailLink, PhoneLink } from '../components/ExternalLink'
import { DetailCard, NotesCard } from '../components/DetailList'
import { Loading, Page } from '../components/Page'
import { BackLink, RecordActions, RecordNotFound } from '../components/RecordPage'
import { useToast } from '../components/Toasts'
import { AffiliationForm } from '../forms/AffiliationForm'
import { errorMessage } from '../forms/serverErrors'
import { formatDate, today, uiLang } from '../lib/format'
import { useNav } from '../navigation'
import { useDeleteWithUndo } from './useDelete'
import { useSync } from '../api/sync'

type Aff = Contact['affiliations'][number]

export function ContactDetail({ id }: { id: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const contact = useQuery('contacts.get', { id })
  const del = useDeleteWithUndo('contacts', { title: (name) => t('delete.contactTitle', { name }), body: t('delete.contactBody'), after: () => go({ name: 'contacts' }) })
  const mutate = useMutate()
  const toast = useToast()
  const [erasing, setErasing] = useState(false)
  const { fieldDevice } = useSync()
  const back = <BackLink label={t('contacts.back')} onClick={() => go({ name: 'contacts' })} />
  if (contact.error) return <RecordNotFound title={t('contacts.notFound')} error={contact.error} back={back} />
  if (!contact.data) return <Loading />
  const c = contact.data
  const name = fullName(c)

  return (
    <Page
      title={name}
      back={back}
      actions={
        <>
          {!c.deleted && <RecordActions onEdit={() => go({ name: 'contactEdit', id })} onDelete={() => del.ask(id, name)} />}
          <button type="button" className="btn btn--danger-outline" data-testid="erase-contact" onClick={() => setErasing(true)}>
            {t('erase.action')}
          </button>
        </>
      }
    >
      {c.deleted && <DeletedNotice restore="contacts.restore" id={id} name={name} notice={t('deleted.contact')} />}
      <div className="cards">
        <DetailCard
          id="sec-person"
          title={t('contact.person')}
          items={[
            [t('contact.honorific'), c.honorific, 'contact-honorific'],
            [t('contact.givenName'), c.givenName, 'contact-given-name'],
            [t('contact.familyName'), c.familyName, 'contact-family-name'],
            [t('contact.language'), t(`language.${c.language}`)],
          ]}
        />
        <DetailCard
          id="sec-reach"
          title={t('contact.reach')}
          items={[
            [t('contact.emails'), c.emails.length ? <Lines values={c.emails} link={(v) => <EmailLink email={v} />} /> : ''],
            [t('contact.phones'), c.phones.length ? <Lines values={c.phones} link={(v) => <PhoneLink phone={v} />} /> : ''],
          ]}
        />
        <NotesCard id="sec-cnotes" title={t('contact.notes')} notes={c.notes} />
      </div>
      {/* Links to members are the Chair's office's: a field laptop does not hold them. */}
      {!c.deleted && !fieldDevice && <Affiliations contact={c} />}
      {del.dialog}
      {erasing && (
        <ConfirmDialog
          title={t('erase.title', { name })}
          confirmLabel={t('erase.confirm')}
          danger
          testId="erase-dialog"
          onClose={() => setErasing(false)}
          onConfirm={async () => {
            try {
              await mutate('contacts.erase', { id })
              toast({ tone: 'success', message: t('erase.done', { name }) })
              go({ name: 'contacts' })
            } catch (e) {
              toast({ tone: 'error', message: errorMessage(e, t) })
            }
          }}
        >
          <p>{t('erase.body')}</p>
          <p>
            <strong>{t('erase.cannotUndo')}</strong>
          </p>
        </ConfirmDialog>
      )}
      <RecordHistory table="contacts" id={id} deleted={c.deleted} restore="contacts.restore" />
    </Page>
  )
}

function Lines({ values, link }: { values: string[]; link(value: string): ReactNode }) {
  return (
    <ul className="plain">
      {values.map((v, i) => (
        <li key={i}>{link(v)}</li>
      ))}
    </ul>
  )
}

function Affiliations({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const mutate = useMutate()
  const toast = useToast()
  const memberName = useMemberNames()
  const update = useUpdate()
  const [editing, setEditing] = useState<Aff | 'new' | null>(null)
  const [removing, setRemoving] = useState<Aff | null>(null)

  const end = async (a: Aff) => {
    const { contactId, organisationId, role, position, start } = a
    try {
      await update('affiliations.update', { id: a.id, fields: { contactId, organisationId, role, position, start, end: today() }, seen: a.stamps })
      toast({ tone: 'success', message: t('affiliation.ended', { member: memberName(a.organisationId, a.organisationName) }) })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    }
  }

  const remove = async (a: Aff) => {
    try {
      await mutate('affiliations.delete', { id: a.id })
      toast({ tone: 'success', message: t('affiliation.removed', { member: memberName(a.organisationId, a.organisationName) }) })
    } catch (e) {
      toast({ tone: 'error', message: errorMessage(e, t) })
    }
  }

  return (
    <section className="section" aria-labelledby="sec-affiliations">
      <div className="section-header">
        <h2 id="sec-affiliations">{t('affiliation.title')}</h2>
        {editing === null && (
          <button type="button" className="btn btn--primary" onClick={() => setEditing('new')}>
            {t('affiliation.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <AffiliationForm
          key={editing === 'new' ? 'new' : editing.id}
          contactId={contact.id}
          initial={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <DataTable
        testId="affiliations-table"
        head={
          <>
            <th scope="col">{t('contact.member')}</th>
            <th scope="col">{t('contact.role')}</th>
            <th scope="col">{t('contact.position')}</th>
            <th scope="col">{t('contact.from')}</th>
            <th scope="col">{t('contact.to')}</th>
            <ActionsHeader />
          </>
        }
        columns={6}
        empty={contact.affiliations.length === 0 && t('affiliation.none')}
      >
        {contact.affiliations.map((a) => {
          const member = memberName(a.organisationId, a.organisationName)
          return (
            <tr key={a.id} className={a.current ? '' : 'row--past'}>
              <td>
                <button type="button" className="link" dir="auto" onClick={() => go({ name: 'member', id: a.organisationId })}>
                  {member}
                </button>
                {!a.current && <span className="badge badge--former">{t('affiliation.past')}</span>}
              </td>
              <td>{t(`role.${a.role}`)}</td>
              <td dir="auto">{a.position}</td>
              <td>{formatDate(a.start, lang)}</td>
              <td>{formatDate(a.end, lang)}</td>
              <td className="row-actions">
                <button type="button" className="btn btn--small" aria-label={t('affiliation.editAria', { member })} onClick={() => setEditing(a)}>
                  {t('common.edit')}
                </button>
                {a.current && !a.end && (
                  <button type="button" className="btn btn--small" aria-label={t('affiliation.endAria', { member })} onClick={() => end(a)}>
                    {t('affiliation.end')}
                  </button>
                )}
                <button type="button" className="btn btn--small btn--danger-outline" aria-label={t('affiliation.removeAria', { member })} onClick={() => setRemoving(a)}>
                  {t('common.remove')}
                </button>
              </td>
            </tr>
          )
        })}
      </DataTable>
      {removing && (
        <ConfirmDialog
          title={t('affiliation.removeTitle', { member: memberName(removing.organisationId, removing.organisationName) })}
          confirmLabel={t('common.remove')}
          danger
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        >
          <p>{t('affiliation.removeBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}
