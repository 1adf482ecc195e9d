import { randomUUID } from 'node:crypto'
import { memberStateId } from './ids'
import type { ParsedInput } from '../api'
import { AppError } from '../model/errors'
import { validationText } from '../model/messages'
import type { Organisation, OrganisationFields } from '../model/organisation'
import { memberState } from '../model/reference'
import type { Store } from '../store/store'
import { toOrganisation } from './organisations-view'
import type { Stamps } from '../model/stamps'
import { diffOp, fold, isLive, matchesAll, requireLive, requireRecord, setDeleted, updateOp } from './records'

const collator = new Intl.Collator(['en', 'fr'], { sensitivity: 'base' })

export function listOrganisations(store: Store, q: ParsedInput<'organisations.list'>): Organisation[] {
  return Object.values(store.tables.organisations)
    .filter(isLive)
    .map(toOrganisation)
    .filter(
      (o) =>
        (!q.kind || o.kind === q.kind) &&
        (!q.status || o.status === q.status) &&
        (!q.regionalGroup || o.regionalGroup === q.regionalGroup) &&
        (!q.search || matchesAll(fold(searchText(o)), q.search)),
    )
    .sort((a, b) => collator.compare(a.displayName, b.displayName))
}

function searchText(o: Organisation): string {
  const extra = o.kind === 'state' ? [o.countryCode, memberState(o.countryCode)?.iso3, o.correctionsService] : [o.acronym]
  return [o.displayName, o.displayNameFr, o.email, o.address, ...extra].join(' ')
}

export function getOrganisation(store: Store, id: string): Organisation {
  return toOrganisation(requireRecord(store, 'organisations', id, 'member'))
}

/** A Member State can be in the Group once: refuse a second live record for the same country. */
function assertNotDuplicate(store: Store, fields: OrganisationFields, selfId?: string): void {
  if (fields.kind !== 'state') return
  const other = Object.values(store.tables.organisations).find(
    (r) => r.id !== selfId && isLive(r) && r.data.kind === 'state' && r.data.countryCode === fields.countryCode,
  )
  if (other) {
    const name = memberState(fields.countryCode)?.en ?? fields.countryCode
    throw new AppError(
      'validation',
      `${name} ${validationText('validation.alreadyMember')}.`,
      'countryCode',
      'validation.alreadyMember',
    )
  }
}

export function createOrganisation(store: Store, fields: OrganisationFields): Organisation {
  assertNotDuplicate(store, fields)
  // A Member State's id comes from its ISO code: added on two devices offline, it is one member.
  // Added again after leaving the Group, it is the same record, brought back.
  const id = fields.kind === 'state' ? memberStateId(fields.countryCode) : randomUUID()
  const op = diffOp('organisations', store.record('organisations', id), id, { ...fields, deleted: false })
  if (op) store.commit([op])
  return getOrganisation(store, id)
}

export function updateOrganisation(store: Store, id: string, fields: OrganisationFields, seen: Stamps): Organisation {
  const rec = requireLive(store, 'organisations', id, 'member')
  if (rec.data.kind !== fields.kind) {
    throw new AppError('validation', 'A member cannot change between Member State and expert organisation.', 'kind')
  }
  assertNotDuplicate(store, fields, id)
  const op = updateOp(store, 'organisations', rec, fields, seen)
  if (op) store.commit([op])
  return getOrganisation(store, id)
}

export function setOrganisationDeleted(store: Store, id: string, deleted: boolean): Organisation {
  if (!deleted) assertNotDuplicate(store, requireRecord(store, 'organisations', id, 'member').data as OrganisationFields, id)
  return toOrganisation(setDeleted(store, 'organisations', id, 'member', deleted))
}
