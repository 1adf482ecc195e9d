import type { ChairInfo } from '../documents/types'
import { memberState } from '../model/reference'
import type { Store } from '../store/store'
import { chairOn } from './chairs'
import { today } from './records'
import { getSettings } from './settings'

/** The Member State convening a meeting: the one named, else the register's Chair in office on its day. */
export function convenerId(store: Store, meeting: { chairOrganisationId: string; start: string }): string {
  return meeting.chairOrganisationId || chairOn(store, meeting.start.slice(0, 10))?.organisationId || ''
}

/**
 * What a document says of its Chair: the letterhead and signatory from Settings, and the
 * Chair's Member State — the one named (a meeting's convening Chair), else the register's
 * Chair in office on `date`, else today's.
 */
export function chairInfo(store: Store, date: string, organisationId = ''): ChairInfo {
  const s = getSettings(store)
  const id = organisationId || chairOn(store, date)?.organisationId || chairOn(store, today())?.organisationId
  const rec = id ? store.record('organisations', id) : undefined
  const ref = rec && rec.data.kind === 'state' ? memberState(String(rec.data.countryCode)) : undefined
  return {
    missionName: s.chairMissionName,
    state: ref ? { en: ref.en, fr: ref.fr, frOf: ref.frOf } : null,
    address: s.chairMissionAddress,
    phone: s.chairMissionPhone,
    email: s.chairMissionEmail,
    city: s.city,
    signatoryName: s.signatoryName,
    signatoryTitle: s.signatoryTitle,
    signatoryTitleFr: s.signatoryTitleFr,
    paper: s.paper,
    clock12: s.clock12,
  }
}
