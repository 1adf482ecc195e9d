import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { findMemberState, MEMBER_STATES, type MemberStateRef } from '../../src-main/core/model'
import { fold, stateByCode, stateName, uiLang } from '../lib/format'
import { Combobox, type ComboboxFieldProps } from './Combobox'

interface Props extends ComboboxFieldProps {
  /** Codes of states already in the Group: shown, but not selectable. */
  taken: ReadonlySet<string>
}

const keyOf = (s: MemberStateRef) => s.iso2

const match = (s: MemberStateRef, q: string) => {
  const names = [fold(s.en), fold(s.fr)]
  if (names.some((n) => n.startsWith(q)) || s.iso2.toLowerCase() === q || s.iso3.toLowerCase() === q) return 'start'
  return names.some((n) => n.includes(q)) ? 'within' : false
}

/** A searchable pick-list over the 193 UN Member States, in the interface language (ARIA 1.2 combobox). */
export function CountryCombobox({ taken, ...field }: Props) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)
  const { value } = field
  const selected = value ? stateByCode(value) : undefined
  const selectedName = value ? (selected ? stateName(selected, lang) : value) : ''

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(lang, { sensitivity: 'base' })
    return [...MEMBER_STATES].sort((a, b) => collator.compare(stateName(a, lang), stateName(b, lang)))
  }, [lang])

  const isTaken = (s: MemberStateRef) => taken.has(s.iso2) && s.iso2 !== value

  return (
    <Combobox
      {...field}
      options={sorted}
      keyOf={keyOf}
      textOf={(s) => stateName(s, lang)}
      valueText={selectedName}
      isDisabled={isTaken}
      normalize={fold}
      match={match}
      findExact={(q) => {
        const exact = findMemberState(q)
        return exact && !isTaken(exact) ? exact.iso2 : undefined
      }}
      placeholder={t('member.countryPlaceholder')}
      listLabel={t('member.country')}
      emptyText={t('member.noCountryMatch')}
      renderOption={(s, disabled) => (
        <>
          <span>{stateName(s, lang)}</span>
          {disabled && <span className="combobox-note">{' '}{t('member.alreadyMember')}</span>}
        </>
      )}
    />
  )
}
