import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../api'
import { isCurrent, type AffiliationFields, type Contact, type ContactFields } from '../model/contact'
import { holdsAll, searchWords } from '../model/search'
import type { Store } from '../store/store'
import { ENTITIES } from '../model/entities'
import type { Op } from '../sync/change'
import { stampTime } from '../sync/clock'
import { contactIndex } from './indexes'
import { organisationName } from './organisations-view'
import type { Stamps } from '../model/stamps'
import { isLive, requireLive, requireRecord, setDeleted, today, view, updateOp } from './records'


function toContact(store: Store, id: string): Contact {
  const rec = requireRecord(store, 'contacts', id, 'contact')
  const now = today()
  const affiliations = (contactIndex(store).affiliations().byContact.get(id) ?? [])
    .map((a) => {
      const org = store.record('organisations', a.organisationId)
      return {
        ...a,
        organisationName: org && isLive(org) ? organisationName(org).en : '',
        current: isCurrent(a, now),
      }
    })
    .filter((a) => a.organisationName)
    .sort((a, b) => Number(b.current) - Number(a.current) || b.start.localeCompare(a.start))
  return { ...view<ContactFields>(rec), affiliations }
}

/** Contacts in name order whose search text holds every word typed (at most `limit` of them, when given). */
export function listContacts(store: Store, q: ParsedInput<'contacts.list'>): Contact[] {
  const idx = contactIndex(store)
  const words = searchWords(q.search)
  if (words.length) idx.prepareTexts()
  const memberOf = q.organisationId
    ? new Set((idx.affiliations().byOrganisation.get(q.organisationId) ?? []).map((a) => a.contactId))
    : undefined
  const out: Contact[] = []
  for (const rec of idx.ordered()) {
    if (q.limit !== undefined && out.length >= q.limit) break
    if (!isLive(rec) || (memberOf && !memberOf.has(rec.id))) continue
    const text = idx.text(rec)
    if (holdsAll(text, words)) out.push(toContact(store, rec.id))
  }
  return out
}

export function getContact(store: Store, id: string): Contact {
  return toContact(store, id)
}

export function createContact(store: Store, input: ParsedInput<'contacts.create'>): Contact {
  const id = randomUUID()
  const ops: Op[] = [{ table: 'contacts', id, set: { ...input.contact, deleted: false } }]
  if (input.affiliation) {
    requireLive(store, 'organisations', input.affiliation.organisationId, 'member')
    const fields: AffiliationFields = { ...input.affiliation, contactId: id, end: '' }
    ops.push({ table: 'affiliations', id: randomUUID(), set: { ...fields, deleted: false } })
  }
  store.commit(ops) // the person and their link to the member land together or not at all
  return toContact(store, id)
}

export function updateContact(store: Store, id: string, fields: ContactFields, seen: Stamps): Contact {
  const op = updateOp(store, 'contacts', requireLive(store, 'contacts', id, 'contact'), fields, seen)
  if (op) store.commit([op])
  return toContact(store, id)
}

export function setContactDeleted(store: Store, id: string, deleted: boolean): Contact {
  setDeleted(store, 'contacts', id, 'contact', deleted)
  return toContact(store, id)
}

/** Erases a contact for good (deleted or not): its personal data leaves every file of the
 *  profile, here and on every device the erasure reaches; the erasure itself is recorded. */
export function eraseContact(store: Store, id: string): { id: string; erasedAt: string } {
  requireRecord(store, 'contacts', id, 'contact')
  const ops: Op[] = [{ table: 'contacts', id, set: { ...ENTITIES.contacts.erasable, erased: true, deleted: true } }]
  for (const a of contactIndex(store).affiliations().byContact.get(id) ?? []) if (!a.deleted) ops.push({ table: 'affiliations', id: a.id, set: { deleted: true } })
  const stamp = store.commit(ops)
  return { id, erasedAt: stampTime(stamp) }
}

export function createAffiliation(store: Store, fields: AffiliationFields): Contact {
  requireLive(store, 'contacts', fields.contactId, 'contact')
  requireLive(store, 'organisations', fields.organisationId, 'member')
  store.commit([{ table: 'affiliations', id: randomUUID(), set: { ...fields, deleted: false } }])
  return toContact(store, fields.contactId)
}

export function updateAffiliation(store: Store, id: string, fields: AffiliationFields, seen: Stamps): Contact {
  const rec = requireLive(store, 'affiliations', id, 'affiliation')
  requireLive(store, 'organisations', fields.organisationId, 'member')
  const op = updateOp(store, 'affiliations', rec, fields, seen, { contactId: rec.data.contactId })
  if (op) store.commit([op])
  return toContact(store, String(rec.data.contactId))
}

export function deleteAffiliation(store: Store, id: string): Contact {
  requireLive(store, 'affiliations', id, 'affiliation')
  return toContact(store, String(setDeleted(store, 'affiliations', id, 'affiliation', true).data.contactId))
}
