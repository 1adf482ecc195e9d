import { useTranslation } from 'react-i18next'
import { useQuery } from '../api/data'
import { Loading, Page } from '../components/Page'
import { useToast } from '../components/Toasts'
import { MemberStateForm, SmeForm } from '../forms/MemberForm'
import { errorMessage } from '../forms/serverErrors'
import { orgName, uiLang } from '../lib/format'
import { useNav } from '../navigation'
import type { Organisation } from '../../src-main/core/model'

export function MemberNew({ kind }: { kind: 'state' | 'sme' }) {
  const { t, i18n } = useTranslation()
  const { go } = useNav()
  const toast = useToast()
  const saved = (o: Organisation) => {
    toast({ tone: 'success', message: t('member.added', { name: orgName(o, uiLang(i18n.language)) }) })
    go({ name: 'member', id: o.id })
  }
  const cancel = () => go({ name: 'members' })
  return (
    <Page title={kind === 'state' ? t('member.newState') : t('member.newSme')} subtitle={kind === 'state' ? t('member.newStateIntro') : t('member.newSmeIntro')}>
      {kind === 'state' ? <MemberStateForm onSaved={saved} onCancel={cancel} /> : <SmeForm onSaved={saved} onCancel={cancel} />}
    </Page>
  )
}

export function MemberEdit({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const toast = useToast()
  const org = useQuery('organisations.get', { id })
  if (org.error)
    return (
      <Page title={t('members.notFound')}>
        <div className="alert alert--error" role="alert">
          {errorMessage(org.error, t)}
        </div>
      </Page>
    )
  if (!org.data) return <Loading />
  const o = org.data
  const saved = (s: Organisation) => {
    toast({ tone: 'success', message: t('member.saved', { name: orgName(s, lang) }) })
    go({ name: 'member', id })
  }
  const cancel = () => go({ name: 'member', id })
  return (
    <Page title={t('member.editTitle', { name: orgName(o, lang) })}>
      {o.kind === 'state' ? (
        <MemberStateForm key={o.id} initial={o} onSaved={saved} onCancel={cancel} />
      ) : (
        <SmeForm key={o.id} initial={o} onSaved={saved} onCancel={cancel} />
      )}
    </Page>
  )
}
