import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fold, uiLang } from '../lib/format'
import { tzOffset } from '@date-fns/tz'
import { formatUtcOffset } from '../../src-main/core/model/format'
import { allTimeZones, zoneName } from '../lib/time'
import { Combobox, type ComboboxFieldProps } from './Combobox'

interface ZoneOption {
  id: string
  /** "UTC−04:00 · Eastern Time" */
  detail: string
  /** Other cities in this zone, as typed by people. */
  aliases: string[]
  /** What a search looks in: the id with spaces, the zone's name, its offset, other cities. */
  haystack: string
}

/**
 * Cities where the Group meets that have no zone of their own in the IANA list: typing
 * "Geneva" finds Europe/Zurich, "The Hague" Europe/Amsterdam.
 */
const CITY_ALIASES: Record<string, string[]> = {
  'Europe/Zurich': ['Geneva', 'Bern'],
  'Europe/Amsterdam': ['The Hague'],
  'Europe/Berlin': ['Bonn'],
  'Europe/Rome': ['Turin', 'Brindisi'],
  'America/New_York': ['Washington'],
  'America/Toronto': ['Montreal', 'Ottawa'],
  'Asia/Kolkata': ['New Delhi', 'Mumbai'],
  'Asia/Calcutta': ['New Delhi', 'Mumbai'],
  'Africa/Nairobi': ['Gigiri'],
  'Asia/Riyadh': ['Kuwait City'],
}

/** The id as typed by people: "new york" for America/New_York. */
const norm = (s: string) => fold(s.replace(/_/g, ' '))

const keyOf = (o: ZoneOption) => o.id

const match = (o: ZoneOption, q: string) => {
  const city = norm(o.id.split('/').pop() ?? o.id)
  if (city.startsWith(q) || norm(o.id).startsWith(q) || o.aliases.some((a) => a.startsWith(q))) return 'start'
  return o.haystack.includes(q.replace('\u2212', '-')) ? 'within' : false
}

const findExact = (q: string) =>
  allTimeZones().find((z) => norm(z) === q || norm(z.split('/').pop() ?? '') === q || (CITY_ALIASES[z] ?? []).some((a) => norm(a) === q))

/** A searchable pick-list over the IANA time zones (ARIA 1.2 combobox), by city, zone name or offset. */
export function TimeZoneCombobox(field: ComboboxFieldProps) {
  const { t, i18n } = useTranslation()
  const lang = uiLang(i18n.language)

  // Names and offsets of ~400 zones: worked out once, when the list is first wanted.
  const [wanted, setWanted] = useState(false)
  const options = useMemo<ZoneOption[]>(() => {
    if (!wanted) return []
    const now = new Date()
    return allTimeZones().map((z) => {
      const offset = formatUtcOffset(tzOffset(z, now))
      const name = zoneName(z, lang, now)
      const aliases = CITY_ALIASES[z] ?? []
      const detail = [offset, name, ...(aliases.length ? [aliases.join(', ')] : [])].join(' · ')
      return { id: z, detail, aliases: aliases.map(norm), haystack: `${norm(z)} ${norm(name)} ${aliases.map(norm).join(' ')} ${offset.replace('\u2212', '-').toLowerCase()}` }
    })
  }, [wanted, lang])

  return (
    <Combobox
      {...field}
      options={options}
      keyOf={keyOf}
      textOf={keyOf}
      valueText={field.value}
      normalize={norm}
      match={match}
      findExact={findExact}
      onOpen={() => setWanted(true)}
      startAtValue
      inputDir="ltr"
      placeholder={t('meeting.timeZonePlaceholder')}
      listLabel={t('meeting.timeZone')}
      emptyText={t('meeting.noTimeZoneMatch')}
      renderOption={(o) => (
        <>
          <span dir="ltr">{o.id}</span>
          <span className="combobox-note">{o.detail}</span>
        </>
      )}
    />
  )
}
