import { randomUUID } from 'node:crypto'
import { fullName, type ContactFields } from '../model/contact'
import { AppError } from '../model/errors'
import type { HolderFields, MissionDetail, NewHolder } from '../model/mission'
import { isMemberStateCode } from '../model/reference'
import type { Store } from '../store/store'
import type { Op, StoredRecord } from '../sync/change'
import { enteredBy, fieldIndex } from './field-records'
import { getMission } from './missions'
import type { Stamps } from '../model/stamps'
import { isLive, requireLive, requireRecord, setDeleted, updateOp } from './records'

// Who holds a post, from a date to a date. A post has one holder at a time: a holding that
// overlaps another is refused, naming the other, unless the new holder is asked to take over
// from the current one (closePrevious), whose term then ends the day before.

const FOREVER = '9999-12-31'

function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= (b.end || FOREVER) && b.start <= (a.end || FOREVER)
}

export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

function holderName(store: Store, h: StoredRecord): string {
  const c = store.record('contacts', String(h.data.contactId))
  return c ? fullName(c.data as ContactFields) : 'another person'
}

function term(h: { start: string; end: string }): string {
  return h.end ? `from ${h.start} to ${h.end}` : `since ${h.start}`
}

/** The post, its mission (both live), and the post's other live holdings. */
function postContext(store: Store, postId: string, field: string): { missionId: string; others: StoredRecord[] } {
  const post = requireLive(store, 'posts', postId, 'post')
  const missionId = String(post.data.missionId)
  if (!isLive(store.record('missions', missionId))) throw new AppError('validation', `${field}: the mission of this post has been deleted.`, field)
  return { missionId, others: fieldIndex(store).holdersOf(postId) }
}

function checkSeconding(code: string, field: string): void {
  if (code && !isMemberStateCode(code)) {
    throw new AppError('validation', `${field}: ${code} is not a United Nations Member State.`, field, 'validation.unknownCountry')
  }
}

function refuseOverlap(store: Store, holding: { start: string; end: string }, others: StoredRecord[], ends: Map<string, string>, field: string): void {
  for (const o of others) {
    const other = { start: String(o.data.start), end: ends.get(o.id) ?? String(o.data.end ?? '') }
    if (overlaps(holding, other)) {
      throw new AppError(
        'validation',
        `${field}: ${holderName(store, o)} holds this post ${term(other)}, and the term entered (${term(holding)}) overlaps it; a post has one holder at a time. End that term first, or have the new holder take over from the current one.`,
        field,
        'validation.holderOverlap',
        { name: holderName(store, o), start: other.start, end: other.end || '…' },
      )
    }
  }
}

export function createHolder(store: Store, input: NewHolder): MissionDetail {
  const { contact, closePrevious, ...rest } = input
  const { missionId, others } = postContext(store, input.postId, 'postId')
  checkSeconding(input.secondedBy, 'secondedBy')
  const ops: Op[] = []
  let contactId = input.contactId
  if (contactId) requireLive(store, 'contacts', contactId, 'contact')
  else {
    contactId = randomUUID()
    ops.push({ table: 'contacts', id: contactId, set: { ...contact!, deleted: false } })
  }
  // The current holder with no end date steps down the day before the new one starts.
  const ends = new Map<string, string>()
  if (closePrevious) {
    for (const o of others.filter((h) => !h.data.end)) {
      const end = dayBefore(input.start)
      if (end < String(o.data.start)) {
        throw new AppError(
          'validation',
          `start: ${holderName(store, o)} started on ${String(o.data.start)}, so their term cannot end the day before ${input.start}; choose a later start.`,
          'start',
          'validation.takeOverTooEarly',
          { name: holderName(store, o), start: String(o.data.start) },
        )
      }
      ends.set(o.id, end)
      ops.push({ table: 'holders', id: o.id, set: { end } })
    }
  }
  refuseOverlap(store, input, others, ends, 'start')
  const fields: HolderFields = enteredBy(store, { ...rest, contactId })
  ops.push({ table: 'holders', id: randomUUID(), set: { ...fields, deleted: false } })
  store.commit(ops) // the person, the holding and the predecessor's end land together or not at all
  return getMission(store, missionId)
}

export function updateHolder(store: Store, id: string, fields: HolderFields, seen: Stamps): MissionDetail {
  const rec = requireLive(store, 'holders', id, 'holder')
  const { missionId, others } = postContext(store, fields.postId, 'fields.postId')
  checkSeconding(fields.secondedBy, 'fields.secondedBy')
  if (fields.contactId !== rec.data.contactId) requireLive(store, 'contacts', fields.contactId, 'contact')
  refuseOverlap(store, fields, others.filter((o) => o.id !== id), new Map(), 'fields.start')
  const op = updateOp(store, 'holders', rec, fields, seen)
  if (op) store.commit([op])
  return getMission(store, missionId)
}

export function deleteHolder(store: Store, id: string): MissionDetail {
  requireLive(store, 'holders', id, 'holder')
  const postId = String(setDeleted(store, 'holders', id, 'holder', true).data.postId)
  return getMission(store, String(requireRecord(store, 'posts', postId, 'post').data.missionId))
}

/** Undoes a deletion, if the post is still live and no holding entered since overlaps it. */
export function restoreHolder(store: Store, id: string): MissionDetail {
  const rec = requireRecord(store, 'holders', id, 'holder')
  const { missionId, others } = postContext(store, String(rec.data.postId), 'id')
  const holding = { start: String(rec.data.start), end: String(rec.data.end ?? '') }
  refuseOverlap(store, holding, others.filter((o) => o.id !== id), new Map(), 'id')
  setDeleted(store, 'holders', id, 'holder', false)
  return getMission(store, missionId)
}
