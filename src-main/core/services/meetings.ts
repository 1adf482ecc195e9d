import { randomUUID } from 'node:crypto'
import { inviteeId } from './ids'
import type { ContactFields, AffiliationFields } from '../model/contact'
import { fullName, isCurrent } from '../model/contact'
import { AppError } from '../model/errors'
import type { Language } from '../model/fields'
import type {
  AddresseeRef,
  CommentFields,
  CommentView,
  InviteeChanges,
  InviteeFields,
  InviteeView,
  IssuanceView,
  Meeting,
  MeetingDetail,
  MeetingFields,
  MeetingSummary,
  MemberRef,
  Response,
} from '../model/meeting'
import type { Store } from '../store/store'
import type { Op, StoredRecord } from '../sync/change'
import { convenerId } from './chair-info'
import { contactIndex } from './indexes'
import { organisationName } from './organisations-view'
import type { Stamps } from '../model/stamps'
import { isLive, requireLive, requireRecord, setDeleted, today, view, updateOp } from './records'
import { getSettings } from './settings'


/** Whom an invitation goes to, in order of preference (Terms of Reference practice). */
const ADDRESSEE_ROLES = ['permanent-representative', 'focal-point']

export function memberRef(rec: StoredRecord): MemberRef {
  const n = organisationName(rec)
  return { id: rec.id, kind: rec.data.kind as 'state' | 'sme', en: n.en, fr: n.fr }
}

/** The member's current contacts, best addressee first. */
export function candidates(store: Store, organisationId: string): AddresseeRef[] {
  const now = today()
  const rank = (role: string) => (ADDRESSEE_ROLES.includes(role) ? ADDRESSEE_ROLES.indexOf(role) : ADDRESSEE_ROLES.length)
  return (contactIndex(store).affiliations().byOrganisation.get(organisationId) ?? [])
    .filter((a: AffiliationFields) => isCurrent(a, now))
    .flatMap((a) => {
      const c = store.record('contacts', a.contactId)
      if (!isLive(c)) return []
      const d = c.data as ContactFields
      return [{ id: c.id, name: fullName(d), role: a.role, position: a.position, language: d.language }]
    })
    .sort((x, y) => rank(x.role) - rank(y.role) || x.name.localeCompare(y.name))
}

/** The Permanent Representative, else the focal point; nobody when the member has neither. */
export function defaultAddressee(store: Store, organisationId: string): string {
  const best = candidates(store, organisationId)[0]
  return best && ADDRESSEE_ROLES.includes(best.role) ? best.id : ''
}

function live(store: Store, table: 'invitees' | 'comments' | 'issuances', meetingId: string): StoredRecord[] {
  return Object.values(store.tables[table]).filter((r) => isLive(r) && r.data.meetingId === meetingId)
}

function documentLanguage(store: Store): Language {
  return getSettings(store).documentLanguage
}

export function inviteeView(store: Store, rec: StoredRecord): InviteeView {
  const inv = view<InviteeFields>(rec)
  const cands = candidates(store, inv.organisationId)
  const addresseeRec = inv.addresseeId ? store.record('contacts', inv.addresseeId) : undefined
  const addressee = isLive(addresseeRec)
    ? (cands.find((c) => c.id === inv.addresseeId) ?? {
        id: addresseeRec.id,
        name: fullName(addresseeRec.data as ContactFields),
        role: '',
        position: '',
        language: (addresseeRec.data as ContactFields).language,
      })
    : null
  return {
    ...inv,
    organisation: memberRef(requireRecord(store, 'organisations', inv.organisationId, 'member')),
    addressee,
    candidates: cands,
    language: addressee?.language ?? documentLanguage(store),
  }
}

const RESPONSES: Response[] = ['invited', 'accepted', 'declined', 'tentative', 'no-answer']

/** A meeting record with the fields added since it was written given their defaults. */
function meetingView(rec: StoredRecord): Meeting {
  const m = view<MeetingFields>(rec)
  return {
    ...m,
    titleFr: m.titleFr ?? '',
    cityFr: m.cityFr ?? '',
    addressFr: m.addressFr ?? '',
    agenda: (m.agenda ?? []).map((item) => ({ ...item, titleFr: item.titleFr ?? '' })),
    sequence: Number(rec.data.sequence ?? 0),
  }
}

/**
 * Active members with no invitee record for the meeting (not even a removed one), other than
 * its Chair: at the meeting's planning every active member was invited, so these joined (or
 * came back) since. Offered on a meeting that has not ended yet.
 */
export function lateMembers(store: Store, meeting: Pick<Meeting, 'id' | 'start' | 'end' | 'chairOrganisationId'>): MemberRef[] {
  if (meeting.end.slice(0, 10) < today()) return []
  const chair = convenerId(store, meeting)
  const known = new Set(Object.values(store.tables.invitees).filter((r) => r.data.meetingId === meeting.id).map((r) => String(r.data.organisationId)))
  return Object.values(store.tables.organisations)
    .filter((o) => isLive(o) && o.data.status === 'active' && !known.has(o.id) && o.id !== chair)
    .map(memberRef)
    .sort((a, b) => Number(a.kind === 'sme') - Number(b.kind === 'sme') || a.en.localeCompare(b.en))
}

export function listMeetings(store: Store): MeetingSummary[] {
  const invitees = Object.values(store.tables.invitees).filter(isLive)
  return Object.values(store.tables.meetings)
    .filter(isLive)
    .map((rec) => {
      const mine = invitees.filter((i) => i.data.meetingId === rec.id)
      const counts = Object.fromEntries(RESPONSES.map((r) => [r, mine.filter((i) => i.data.response === r).length])) as Record<Response, number>
      return { ...meetingView(rec), counts: { ...counts, attended: mine.filter((i) => i.data.attended).length, total: mine.length } }
    })
    .sort((a, b) => b.start.localeCompare(a.start))
}

const byMember = <T extends { organisation: MemberRef }>(a: T, b: T) =>
  Number(a.organisation.kind === 'sme') - Number(b.organisation.kind === 'sme') || a.organisation.en.localeCompare(b.organisation.en)

export function getMeeting(store: Store, id: string): MeetingDetail {
  const meeting = meetingView(requireRecord(store, 'meetings', id, 'meeting'))
  const withMember = <T extends { organisationId: string }>(x: T) => ({
    ...x,
    organisation: memberRef(requireRecord(store, 'organisations', x.organisationId, 'member')),
  })
  return {
    ...meeting,
    invitees: live(store, 'invitees', id).map((r) => inviteeView(store, r)).sort(byMember),
    comments: live(store, 'comments', id).map((r) => withMember(view<CommentFields>(r)) as CommentView).sort(byMember),
    issuances: live(store, 'issuances', id)
      .map((r) => withMember(view<IssuanceView>(r)) as IssuanceView)
      .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.reference.localeCompare(a.reference)),
    lateMembers: lateMembers(store, meeting),
  }
}

function checkChair(store: Store, fields: MeetingFields): void {
  if (!fields.chairOrganisationId) return
  const rec = requireLive(store, 'organisations', fields.chairOrganisationId, 'member')
  if (rec.data.kind !== 'state') {
    throw new AppError('validation', 'chairOrganisationId: only a Member State can chair the Group.', 'chairOrganisationId')
  }
}

/**
 * A new meeting invites the whole Group: every active member, addressed by role, but not the
 * Chair that convenes it (its own people do not receive the letter it signs).
 */
export function createMeeting(store: Store, fields: MeetingFields): MeetingDetail {
  checkChair(store, fields)
  const id = randomUUID()
  const ops: Op[] = [{ table: 'meetings', id, set: { ...fields, sequence: 0, deleted: false } }]
  const chair = convenerId(store, fields)
  for (const org of Object.values(store.tables.organisations)) {
    if (!isLive(org) || org.data.status !== 'active' || org.id === chair) continue
    ops.push({ table: 'invitees', id: inviteeId(id, org.id), set: newInvitee(store, id, org.id) })
  }
  store.commit(ops)
  return getMeeting(store, id)
}

export function newInvitee(store: Store, meetingId: string, organisationId: string): Record<string, unknown> {
  const fields: InviteeFields = {
    meetingId,
    organisationId,
    addresseeId: defaultAddressee(store, organisationId),
    response: 'invited',
    attendees: '',
    attended: false,
    agendaInput: '',
  }
  return { ...fields, deleted: false }
}

/** What a calendar shows of a meeting: a change to one of these is a new version of the event. */
const TIME_AND_PLACE = ['start', 'end', 'timeZone', 'city', 'address', 'onlineLink'] as const

export function updateMeeting(store: Store, id: string, fields: MeetingFields, seen: Stamps): MeetingDetail {
  const rec = requireLive(store, 'meetings', id, 'meeting')
  checkChair(store, fields)
  const moved = TIME_AND_PLACE.some((k) => String(rec.data[k] ?? '') !== fields[k])
  const sequence = Number(rec.data.sequence ?? 0) + (moved ? 1 : 0)
  const op = updateOp(store, 'meetings', rec, fields, seen, { sequence })
  if (op) store.commit([op])
  return getMeeting(store, id)
}

export function setMeetingDeleted(store: Store, id: string, deleted: boolean): Meeting {
  return meetingView(setDeleted(store, 'meetings', id, 'meeting', deleted))
}

export function addInvitee(store: Store, meetingId: string, organisationId: string): MeetingDetail {
  requireLive(store, 'meetings', meetingId, 'meeting')
  requireLive(store, 'organisations', organisationId, 'member')
  const existing = Object.values(store.tables.invitees).find((r) => r.data.meetingId === meetingId && r.data.organisationId === organisationId)
  if (existing && existing.data.deleted !== true) {
    throw new AppError('validation', 'organisationId: this member is already invited.', 'organisationId', 'validation.alreadyInvited')
  }
  // A member removed and added again keeps its record (and its answers): the tombstone is lifted.
  const op: Op = existing
    ? { table: 'invitees', id: existing.id, set: { deleted: false } }
    : { table: 'invitees', id: inviteeId(meetingId, organisationId), set: newInvitee(store, meetingId, organisationId) }
  store.commit([op])
  return getMeeting(store, meetingId)
}

export function removeInvitee(store: Store, id: string): MeetingDetail {
  requireLive(store, 'invitees', id, 'invitee')
  return getMeeting(store, String(setDeleted(store, 'invitees', id, 'invitee', true).data.meetingId))
}

export function updateInvitee(store: Store, id: string, changes: InviteeChanges, seen: Stamps): InviteeView {
  const rec = requireLive(store, 'invitees', id, 'invitee')
  if (changes.addresseeId) {
    const ok = candidates(store, String(rec.data.organisationId)).some((c) => c.id === changes.addresseeId)
    if (!ok) throw new AppError('validation', "addresseeId: the addressee must be one of the member's current contacts.", 'addresseeId')
  }
  const op = updateOp(store, 'invitees', rec, changes, seen)
  if (op) store.commit([op])
  return inviteeView(store, requireRecord(store, 'invitees', id, 'invitee'))
}

export function createComment(store: Store, fields: CommentFields): MeetingDetail {
  requireLive(store, 'meetings', fields.meetingId, 'meeting')
  requireLive(store, 'organisations', fields.organisationId, 'member')
  store.commit([{ table: 'comments', id: randomUUID(), set: { ...fields, deleted: false } }])
  return getMeeting(store, fields.meetingId)
}

export function updateComment(store: Store, id: string, fields: CommentFields, seen: Stamps): MeetingDetail {
  const rec = requireLive(store, 'comments', id, 'comment')
  const op = updateOp(store, 'comments', rec, fields, seen, { meetingId: rec.data.meetingId })
  if (op) store.commit([op])
  return getMeeting(store, String(rec.data.meetingId))
}

export function setCommentDeleted(store: Store, id: string, deleted: boolean): MeetingDetail {
  return getMeeting(store, String(setDeleted(store, 'comments', id, 'comment', deleted).data.meetingId))
}
