import { useTranslation } from 'react-i18next'
import type { ChairTermView } from '../../../src-main/core/model/chair'
import { useQuery } from '../../api/data'
import { Loading, Page } from '../../components/Page'
import { BackLink, RecordNotFound } from '../../components/RecordPage'
import { useToast } from '../../components/Toasts'
import { uiLang } from '../../lib/format'
import { useNav } from '../../navigation'
import { refName } from '../meeting/common'
import { ChairForm } from './ChairForm'

export function ChairNew() {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const toast = useToast()
  const register = useQuery('chairs.register', {})
  const back = <BackLink label={t('chairs.back')} onClick={() => go({ name: 'chairs' })} />
  const saved = (c: ChairTermView) => {
    toast({ tone: 'success', message: t('chairs.added', { name: refName(c.organisation, lang) }) })
    go({ name: 'chairs' })
  }
  if (register.error && !register.data) return <RecordNotFound title={t('chairs.new')} error={register.error} back={back} />
  if (!register.data) return <Loading />
  return (
    <Page title={t('chairs.new')} subtitle={t('chairs.newIntro')} back={back}>
      <ChairForm register={register.data} onSaved={saved} onCancel={() => go({ name: 'chairs' })} />
    </Page>
  )
}

export function ChairEdit({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { go } = useNav()
  const toast = useToast()
  const register = useQuery('chairs.register', {})
  const term = useQuery('chairs.get', { id })
  const back = <BackLink label={t('chairs.back')} onClick={() => go({ name: 'chairs' })} />
  const error = (term.error && !term.data) || (register.error && !register.data)
  if (error) return <RecordNotFound title={t('chairs.notFound')} error={term.error ?? register.error} back={back} />
  if (!term.data || !register.data) return <Loading />
  const saved = (c: ChairTermView) => {
    toast({ tone: 'success', message: t('chairs.saved', { name: refName(c.organisation, lang) }) })
    go({ name: 'chairs' })
  }
  return (
    <Page title={t('chairs.editTitle', { name: refName(term.data.organisation, lang) })} back={back}>
      <ChairForm key={id} initial={term.data} register={register.data} onSaved={saved} onCancel={() => go({ name: 'chairs' })} />
    </Page>
  )
}
