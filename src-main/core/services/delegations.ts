import { fullName, isCurrent, type ContactFields } from '../model/contact'
import { AppError } from '../model/errors'
import type { InviteeChanges } from '../model/meeting'
import type { Store } from '../store/store'
import type { Op } from '../sync/change'
import { contactIndex } from './indexes'
import { inviteeId } from './ids'
import { getMeeting, newInvitee } from './meetings'
import { isLive, requireLive, today, updateOp } from './records'
import type { MeetingDetail } from '../model/meeting'
import type { DelegationResult } from '../model/desk'
import type { Stamps } from '../model/stamps'

// Work on many invitees at once, each as one change: the answers of several members, and the
// people added to members' delegations from the contacts list.

/** The same answer (response, attendance …) for several invitees of one meeting, in one change;
 *  an answer changed meanwhile on one of them refuses the whole (see updateOp). */
export function updateInvitees(store: Store, ids: string[], changes: InviteeChanges, seen: Record<string, Stamps>): MeetingDetail {
  const recs = ids.map((id) => requireLive(store, 'invitees', id, 'invitee'))
  const meetingId = String(recs[0].data.meetingId)
  if (recs.some((r) => r.data.meetingId !== meetingId)) throw new AppError('validation', 'ids: the invitees must be of one meeting.', 'ids')
  if (changes.addresseeId !== undefined) throw new AppError('validation', 'changes: each member has its own addressee; set it one by one.', 'changes')
  const ops = recs.flatMap((r) => updateOp(store, 'invitees', r, changes, Object.hasOwn(seen, r.id) ? seen[r.id] : {}) ?? [])
  store.commit(ops)
  return getMeeting(store, meetingId)
}


/**
 * Adds people to the delegation of their member (their current link; the first if several) in
 * "who will attend"; a member not invited yet is invited. One change for all, or none.
 */
export function addToDelegations(store: Store, meetingId: string, contactIds: string[]): DelegationResult {
  requireLive(store, 'meetings', meetingId, 'meeting')
  const now = today()
  const links = contactIndex(store).affiliations().byContact
  const invitees = new Map(Object.values(store.tables.invitees).filter((r) => r.data.meetingId === meetingId).map((r) => [String(r.data.organisationId), r]))
  const attendees = new Map<string, { id: string; names: string; base: string }>()
  const result = { added: 0, invited: 0, already: 0, noMember: [] as { id: string; name: string }[] }
  const ops: Op[] = []

  for (const contactId of [...new Set(contactIds)]) {
    const c = requireLive(store, 'contacts', contactId, 'contact')
    const name = fullName(c.data as ContactFields)
    const link = (links.get(contactId) ?? []).filter((a) => isCurrent(a, now) && isLive(store.record('organisations', a.organisationId)))[0]
    if (!link) {
      result.noMember.push({ id: contactId, name })
      continue
    }
    let entry = attendees.get(link.organisationId)
    if (!entry) {
      const rec = invitees.get(link.organisationId)
      const names = rec ? String(rec.data.attendees) : ''
      entry = { id: rec?.id ?? inviteeId(meetingId, link.organisationId), names, base: names }
      // A member removed from the list and invited again keeps its record, as invitees.add does.
      if (!rec) ops.push({ table: 'invitees', id: entry.id, set: newInvitee(store, meetingId, link.organisationId) })
      else if (rec.data.deleted === true) ops.push({ table: 'invitees', id: rec.id, set: { deleted: false } })
      if (!isLive(rec)) result.invited++
      attendees.set(link.organisationId, entry)
    }
    const listed = entry.names.split(/[,;]\s*/).some((n) => n.trim().toLocaleLowerCase() === name.toLocaleLowerCase())
    if (listed) {
      result.already++
      continue
    }
    entry.names = entry.names ? `${entry.names}, ${name}` : name
    result.added++
  }
  for (const e of attendees.values()) {
    if (e.names !== e.base) ops.push({ table: 'invitees', id: e.id, set: { attendees: e.names } })
  }
  if (ops.some((o) => 'attendees' in o.set && String(o.set.attendees).length > 1000)) {
    throw new AppError('validation', 'contactIds: a delegation would be longer than 1000 characters.', 'contactIds', 'bulk.delegationTooLong')
  }
  store.commit(ops)
  return { meeting: getMeeting(store, meetingId), ...result }
}

