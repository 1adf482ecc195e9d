import { useId } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  label: string
  value: string
  onChange(v: string): void
  placeholder?: string
}

export function SearchBox({ label, value, onChange, placeholder }: Props) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="filter filter--search">
      <label htmlFor={id}>{label}</label>
      <div className="search-input">
        <input id={id} type="search" dir="auto" value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
        {value && (
          <button type="button" className="search-clear" aria-label={t('common.clearSearch')} onClick={() => onChange('')}>
            ×
          </button>
        )}
      </div>
    </div>
  )
}
