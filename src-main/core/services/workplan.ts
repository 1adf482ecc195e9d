import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../api'
import { AppError } from '../model/errors'
import type { MemberRef } from '../model/meeting'
import type { MissionFields, MissionRef } from '../model/mission'
import { WorkplanFunction, type Activity, type ActivityFields, type ActivityView, type ProgressNote, type ProgressNoteFields } from '../model/workplan'
import type { Store } from '../store/store'
import type { StoredRecord, TableName } from '../sync/change'
import { memberRef } from './meetings'
import type { Stamps } from '../model/stamps'
import { fold, isLive, matchesAll, requireLive, requireRecord, setDeleted, view, updateOp } from './records'

// The Group's work plan: activities, each serving one of the six functions, and the dated
// notes on their progress.

export type ActivityQuery = ParsedInput<'activities.list'>

const FUNCTION_ORDER = new Map(WorkplanFunction.options.map((f, i) => [f, i]))

/** Function order (1 to 6), then start month, then title: the order of the printed plan. */
export function byPlanOrder(a: Activity, b: Activity): number {
  return (FUNCTION_ORDER.get(a.function)! - FUNCTION_ORDER.get(b.function)!) || a.start.localeCompare(b.start) || a.title.localeCompare(b.title)
}

/** True when the activity's months meet the period from–to (an empty end is open). */
export function overlapsPeriod(a: { start: string; end: string }, from: string, to: string): boolean {
  return (!from || a.end >= from) && (!to || a.start <= to)
}

/** Live notes by activity, newest first. */
function notesByActivity(store: Store): Map<string, ProgressNote[]> {
  const out = new Map<string, ProgressNote[]>()
  for (const rec of Object.values(store.tables.progressNotes)) {
    if (!isLive(rec)) continue
    const note = view<ProgressNoteFields>(rec)
    const list = out.get(note.activityId)
    if (list) list.push(note)
    else out.set(note.activityId, [note])
  }
  for (const list of out.values()) list.sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt))
  return out
}

// A link to a record deleted since drops out of the view (as a contact's link to a deleted
// member does) and comes back if the record is restored.
function liveRecords(store: Store, table: TableName, ids: string[]): StoredRecord[] {
  return ids.map((id) => store.record(table, id)).filter(isLive)
}

export function missionRef(rec: StoredRecord): MissionRef {
  const m = rec.data as MissionFields
  return { id: rec.id, acronym: m.acronym, nameEn: m.nameEn, nameFr: m.nameFr, status: m.status }
}

function activityView(store: Store, rec: StoredRecord, notes: Map<string, ProgressNote[]>): ActivityView {
  const a = view<ActivityFields>(rec)
  const meeting = a.meetingId ? store.record('meetings', a.meetingId) : undefined
  return {
    ...a,
    leads: liveRecords(store, 'organisations', a.leadIds).map(memberRef),
    supporters: liveRecords(store, 'organisations', a.supportIds).map(memberRef),
    missions: liveRecords(store, 'missions', a.missionIds).map(missionRef),
    meeting: isLive(meeting) ? { id: meeting.id, title: String(meeting.data.title), start: String(meeting.data.start) } : null,
    notes: notes.get(rec.id) ?? [],
  }
}

const names = (refs: MemberRef[]) => refs.map((r) => `${r.en} ${r.fr}`).join(' ')

export function listActivities(store: Store, q: Partial<ActivityQuery> = {}): ActivityView[] {
  const notes = notesByActivity(store)
  return Object.values(store.tables.activities)
    .filter(isLive)
    .map((rec) => activityView(store, rec, notes))
    .filter(
      (a) =>
        overlapsPeriod(a, q.from ?? '', q.to ?? '') &&
        (!q.function || a.function === q.function) &&
        (!q.status || a.status === q.status) &&
        (!q.leadId || a.leadIds.includes(q.leadId)) &&
        (!q.search || matchesAll(fold(`${a.title} ${a.description} ${names(a.leads)}`), q.search)),
    )
    .sort(byPlanOrder)
}

export function getActivity(store: Store, id: string): ActivityView {
  return activityView(store, requireRecord(store, 'activities', id, 'activity'), notesByActivity(store))
}

const LINKS = [
  ['leadIds', 'organisations', 'member'],
  ['supportIds', 'organisations', 'member'],
  ['missionIds', 'missions', 'mission'],
] as const

/**
 * Every link the change adds must point at a live record; links already recorded stay even
 * if their record was deleted since, so that editing a title does not fail on an old lead.
 * A member leads or supports, not both.
 */
function checkActivity(store: Store, fields: ActivityFields, before?: StoredRecord): ActivityFields {
  const tidy = { ...fields, leadIds: [...new Set(fields.leadIds)], supportIds: [...new Set(fields.supportIds)], missionIds: [...new Set(fields.missionIds)] }
  for (const [field, table, what] of LINKS) {
    const had = new Set((before?.data[field] as string[] | undefined) ?? [])
    for (const id of tidy[field]) {
      if (!had.has(id) && !isLive(store.record(table, id))) {
        throw new AppError('validation', `${field}: the ${what} ${id} does not exist or has been deleted.`, field, 'validation.notLive')
      }
    }
  }
  if (tidy.meetingId && tidy.meetingId !== before?.data.meetingId && !isLive(store.record('meetings', tidy.meetingId))) {
    throw new AppError('validation', `meetingId: the meeting ${tidy.meetingId} does not exist or has been deleted.`, 'meetingId', 'validation.notLive')
  }
  const both = tidy.supportIds.find((id) => tidy.leadIds.includes(id))
  if (both) {
    const rec = store.record('organisations', both)
    const name = rec ? memberRef(rec).en : both
    throw new AppError('validation', `supportIds: ${name} is already a lead of this activity; a member leads or supports, not both.`, 'supportIds', 'validation.leadAndSupport', { name })
  }
  return tidy
}

export function createActivity(store: Store, fields: ActivityFields): ActivityView {
  const id = randomUUID()
  store.commit([{ table: 'activities', id, set: { ...checkActivity(store, fields), deleted: false } }])
  return getActivity(store, id)
}

export function updateActivity(store: Store, id: string, fields: ActivityFields, seen: Stamps): ActivityView {
  const rec = requireLive(store, 'activities', id, 'activity')
  const op = updateOp(store, 'activities', rec, checkActivity(store, fields, rec), seen)
  if (op) store.commit([op])
  return getActivity(store, id)
}

/** Its progress notes stay with it and come back with it. */
export function setActivityDeleted(store: Store, id: string, deleted: boolean): Activity {
  setDeleted(store, 'activities', id, 'activity', deleted)
  return view<ActivityFields>(requireRecord(store, 'activities', id, 'activity'))
}

export function createProgressNote(store: Store, fields: ProgressNoteFields): ActivityView {
  requireLive(store, 'activities', fields.activityId, 'activity')
  store.commit([{ table: 'progressNotes', id: randomUUID(), set: { ...fields, deleted: false } }])
  return getActivity(store, fields.activityId)
}

/** A note stays on its activity: only its date and text change. */
export function updateProgressNote(store: Store, id: string, fields: ProgressNoteFields, seen: Stamps): ActivityView {
  const rec = requireLive(store, 'progressNotes', id, 'progress note')
  const activityId = String(rec.data.activityId)
  const op = updateOp(store, 'progressNotes', rec, fields, seen, { activityId })
  if (op) store.commit([op])
  return getActivity(store, activityId)
}

export function deleteProgressNote(store: Store, id: string): ActivityView {
  requireLive(store, 'progressNotes', id, 'progress note')
  return getActivity(store, String(setDeleted(store, 'progressNotes', id, 'progress note', true).data.activityId))
}

/** Undoes a deletion; the note's activity must be live, as for a new note. */
export function restoreProgressNote(store: Store, id: string): ActivityView {
  const activityId = String(requireRecord(store, 'progressNotes', id, 'progress note').data.activityId)
  requireLive(store, 'activities', activityId, 'activity')
  setDeleted(store, 'progressNotes', id, 'progress note', false)
  return getActivity(store, activityId)
}
