import { useId } from 'react'
import { useTranslation } from 'react-i18next'

interface Props<V extends string> {
  label: string
  value: V | ''
  onChange(value: V | ''): void
  options: readonly { value: V; label: string }[]
  className?: string
}

/** One filter of a list: a labelled choice whose first option, "All", filters nothing. */
export function FilterSelect<V extends string>({ label, value, onChange, options, className }: Props<V>) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className={'filter' + (className ? ' ' + className : '')}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V | '')}>
        <option value="">{t('filters.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
