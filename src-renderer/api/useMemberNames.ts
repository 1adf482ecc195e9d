import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { orgName, uiLang } from '../lib/format'
import { useQuery } from './data'

/**
 * Names of members in the interface language, by id. A contact's affiliations carry only the
 * English name (organisationName), so the French one is looked up here.
 */
export function useMemberNames(): (id: string, fallback: string) => string {
  const { i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const list = useQuery('organisations.list', {})
  return useMemo(() => {
    const names = new Map((list.data ?? []).map((o) => [o.id, orgName(o, lang)]))
    return (id: string, fallback: string) => names.get(id) ?? fallback
  }, [list.data, lang])
}
