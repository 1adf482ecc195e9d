import { useTranslation } from 'react-i18next'
import { fullName, type Contact } from '../../src-main/core/model'
import { useQuery } from '../api/data'
import { Loading, Page } from '../components/Page'
import { useToast } from '../components/Toasts'
import { ContactForm } from '../forms/ContactForm'
import { errorMessage } from '../forms/serverErrors'
import { useNav } from '../navigation'

export function ContactNew({ organisationId }: { organisationId?: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const saved = (c: Contact) => {
    toast({ tone: 'success', message: t('contact.added', { name: fullName(c) }) })
    go(organisationId ? { name: 'member', id: organisationId } : { name: 'contact', id: c.id })
  }
  const cancel = () => go(organisationId ? { name: 'member', id: organisationId } : { name: 'contacts' })
  return (
    <Page title={t('contact.new')} subtitle={t('contact.newIntro')}>
      <ContactForm organisationId={organisationId} onSaved={saved} onCancel={cancel} />
    </Page>
  )
}

export function ContactEdit({ id }: { id: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const contact = useQuery('contacts.get', { id })
  if (contact.error)
    return (
      <Page title={t('contacts.notFound')}>
        <div className="alert alert--error" role="alert">
          {errorMessage(contact.error, t)}
        </div>
      </Page>
    )
  if (!contact.data) return <Loading />
  const saved = (c: Contact) => {
    toast({ tone: 'success', message: t('contact.saved', { name: fullName(c) }) })
    go({ name: 'contact', id })
  }
  return (
    <Page title={t('contact.editTitle', { name: fullName(contact.data) })}>
      <ContactForm key={id} initial={contact.data} onSaved={saved} onCancel={() => go({ name: 'contact', id })} />
    </Page>
  )
}
