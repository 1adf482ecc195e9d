import type { Organisation, OrganisationFields } from '../model/organisation'
import { memberState } from '../model/reference'
import type { StoredRecord } from '../sync/change'
import { view } from './records'

export function organisationName(rec: StoredRecord): { en: string; fr: string } {
  const d = rec.data as OrganisationFields
  if (d.kind === 'state') {
    const ref = memberState(d.countryCode)
    return { en: ref?.en ?? d.countryCode, fr: ref?.fr ?? d.countryCode }
  }
  return { en: d.name, fr: d.nameFr || d.name }
}

export function toOrganisation(rec: StoredRecord): Organisation {
  const base = view<OrganisationFields>(rec)
  const names = organisationName(rec)
  const group = base.kind === 'state' ? (memberState(base.countryCode)?.group ?? null) : null
  return { ...base, displayName: names.en, displayNameFr: names.fr, regionalGroup: group }
}
