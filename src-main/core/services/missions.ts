import { randomUUID } from 'node:crypto'
import { AppError } from '../model/errors'
import { isStale, type Mission, type MissionDetail, type MissionFields, type MissionStatus, type MissionSummary } from '../model/mission'
import { missionLocation, REFERENCE_MISSIONS, referenceFields } from '../model/missions-reference'
import type { Store } from '../store/store'
import type { Op } from '../sync/change'
import { nameId } from './ids'
import { enteredBy, fieldIndex, isOpen, missionDetail, postView } from './field-records'
import type { Stamps } from '../model/stamps'
import { diffOp, fold, isLive, matchesAll, requireLive, requireRecord, setDeleted, today, view, updateOp } from './records'

// The register of field missions: search, the one-acronym-per-mission rule, and the shipped
// reference missions, added on request with ids every device derives alike.

export function listMissions(store: Store, q: { search: string; status?: MissionStatus }): MissionSummary[] {
  const now = today()
  const idx = fieldIndex(store)
  const out: MissionSummary[] = []
  for (const rec of Object.values(store.tables.missions)) {
    if (!isLive(rec) || (q.status && rec.data.status !== q.status)) continue
    const m = view<MissionFields>(rec)
    const text = fold([m.acronym, m.nameEn, m.nameFr, m.location, missionLocation(m, 'fr')].join(' '))
    if (!matchesAll(text, q.search)) continue
    const open = isOpen(rec)
    const posts = idx.postsOf(rec.id).map((p) => postView(store, idx, p, open, now))
    const current = posts.flatMap((p) => p.holders.filter((h) => h.current))
    const stale = open && isStale(m.verifiedOn, now)
    out.push({
      ...m,
      stale,
      posts: posts.length,
      filled: posts.filter((p) => p.holders.some((h) => h.current)).length,
      officers: new Set(current.map((h) => h.contactId)).size,
      staleCount: Number(stale) + posts.reduce((n, p) => n + Number(p.stale) + p.holders.filter((h) => h.stale).length, 0),
    })
  }
  // Open missions first: those are the ones people look for.
  return out.sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed') || a.acronym.localeCompare(b.acronym))
}

export function getMission(store: Store, id: string): MissionDetail {
  return missionDetail(store, id, today())
}

/** The live mission with this acronym (case and accents aside), if any. */
export function missionByAcronym(store: Store, acronym: string): Mission | undefined {
  const key = fold(acronym.trim())
  const rec = Object.values(store.tables.missions).find((r) => isLive(r) && fold(String(r.data.acronym)) === key)
  return rec && view<MissionFields>(rec)
}

function checkAcronym(store: Store, fields: MissionFields, id: string | null, field: string): void {
  const other = missionByAcronym(store, fields.acronym)
  if (other && other.id !== id) {
    throw new AppError('validation', `${field}: ${other.acronym} is already in the register (${other.nameEn}); each mission has its own acronym.`, field, 'validation.acronymTaken', {
      acronym: other.acronym,
      name: other.nameEn,
    })
  }
}

export function createMission(store: Store, fields: MissionFields): MissionDetail {
  checkAcronym(store, fields, null, 'acronym')
  const id = randomUUID()
  store.commit([{ table: 'missions', id, set: { ...enteredBy(store, fields), deleted: false } }])
  return getMission(store, id)
}

export function updateMission(store: Store, id: string, fields: MissionFields, seen: Stamps): MissionDetail {
  const rec = requireLive(store, 'missions', id, 'mission')
  checkAcronym(store, fields, id, 'fields.acronym')
  const op = updateOp(store, 'missions', rec, fields, seen)
  if (op) store.commit([op])
  return getMission(store, id)
}

export function setMissionDeleted(store: Store, id: string, deleted: boolean): Mission {
  // A deleted mission comes back only if no live mission took its acronym meanwhile.
  if (!deleted) checkAcronym(store, requireRecord(store, 'missions', id, 'mission').data as MissionFields, id, 'id')
  return view<MissionFields>(setDeleted(store, 'missions', id, 'mission', deleted))
}

/** The id of a reference mission: the same on every device, so that two registers converge. */
export function referenceMissionId(acronym: string): string {
  return nameId('gfc-reference', `mission:${acronym}`)
}

/** Adds the reference missions whose acronym the register does not have (among live missions). */
export function addReferenceMissions(store: Store): { added: number } {
  const ops: Op[] = []
  for (const m of REFERENCE_MISSIONS) {
    if (missionByAcronym(store, m.acronym)) continue
    const id = referenceMissionId(m.acronym)
    // A reference mission deleted earlier is the same record: adding it again lifts the tombstone.
    const op = diffOp('missions', store.record('missions', id), id, { ...referenceFields(m), deleted: false })
    if (op) ops.push(op)
  }
  if (ops.length) store.commit(ops)
  return { added: ops.length }
}
