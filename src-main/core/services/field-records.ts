import { fullName, type ContactFields } from '../model/contact'
import { isStale, type HolderFields, type HolderView, type MissionDetail, type MissionFields, type MissionRef, type PostFields, type PostView, type SecondingRef } from '../model/mission'
import { memberState } from '../model/reference'
import type { Store } from '../store/store'
import type { StoredRecord } from '../sync/change'
import { isLive, requireRecord, today, view } from './records'

// The views shared by the field services: a mission's posts and their holders, who seconded
// whom, and which records need checking. Only an open mission's records are checked, and of
// its holders only those not yet gone: a closed mission and a past holder are history.

/** A holding still running on `now`, or not started yet (the end date itself still counts). */
export function notEnded(h: Pick<HolderFields, 'end'>, now: string): boolean {
  return !h.end || h.end >= now
}

export function isCurrentHolder(h: Pick<HolderFields, 'start' | 'end'>, now: string): boolean {
  return h.start <= now && notEnded(h, now)
}

export function missionRef(rec: StoredRecord): MissionRef {
  const m = rec.data as MissionFields
  return { id: rec.id, acronym: m.acronym, nameEn: m.nameEn, nameFr: m.nameFr, status: m.status }
}

export function isOpen(mission: StoredRecord): boolean {
  return mission.data.status === 'open'
}

/** The seconding state with, when the Group has it as a live member, that member's id. */
export function secondingRef(store: Store, code: string): SecondingRef | null {
  if (!code) return null
  const ref = memberState(code)
  const member = Object.values(store.tables.organisations).find((o) => isLive(o) && o.data.kind === 'state' && o.data.countryCode === code)
  return { code, en: ref?.en ?? code, fr: ref?.fr ?? code, organisationId: member?.id ?? null }
}

/** The live posts of each mission and the live holders of each post, gathered once per call. */
export interface FieldIndex {
  postsOf(missionId: string): StoredRecord[]
  holdersOf(postId: string): StoredRecord[]
}

export function fieldIndex(store: Store): FieldIndex {
  const group = (records: Record<string, StoredRecord>, key: string) => {
    const out = new Map<string, StoredRecord[]>()
    for (const r of Object.values(records)) {
      if (!isLive(r)) continue
      const k = String(r.data[key])
      const list = out.get(k)
      if (list) list.push(r)
      else out.set(k, [r])
    }
    return out
  }
  const posts = group(store.tables.posts, 'missionId')
  const holders = group(store.tables.holders, 'postId')
  return { postsOf: (id) => posts.get(id) ?? [], holdersOf: (id) => holders.get(id) ?? [] }
}

export function holderView(store: Store, rec: StoredRecord, missionOpen: boolean, now: string): HolderView {
  const h = view<HolderFields>(rec)
  const c = store.record('contacts', h.contactId)
  const d = (c?.data ?? {}) as Partial<ContactFields>
  return {
    ...h,
    contact: {
      id: h.contactId,
      name: c ? fullName({ honorific: d.honorific ?? '', givenName: d.givenName ?? '', familyName: d.familyName ?? '', familyNameFirst: d.familyNameFirst }) : '',
      emails: d.emails ?? [],
      phones: d.phones ?? [],
      language: d.language ?? 'en',
    },
    seconding: secondingRef(store, h.secondedBy),
    current: isCurrentHolder(h, now),
    stale: missionOpen && notEnded(h, now) && isStale(h.verifiedOn, now),
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** The head's post first, then by duty station and title. */
export function byPost(a: PostFields, b: PostFields): number {
  return Number(b.head) - Number(a.head) || collator.compare(a.dutyStation, b.dutyStation) || collator.compare(a.title, b.title)
}

export function postView(store: Store, idx: FieldIndex, rec: StoredRecord, missionOpen: boolean, now: string): PostView {
  const holders = idx
    .holdersOf(rec.id)
    .map((h) => holderView(store, h, missionOpen, now))
    .sort((a, b) => b.start.localeCompare(a.start) || a.contact.name.localeCompare(b.contact.name))
  const post = view<PostFields>(rec)
  return { ...post, stale: missionOpen && isStale(post.verifiedOn, now), holders }
}

export function missionDetail(store: Store, id: string, now: string, idx = fieldIndex(store)): MissionDetail {
  const rec = requireRecord(store, 'missions', id, 'mission')
  const open = isOpen(rec)
  const mission = view<MissionFields>(rec)
  const posts = idx
    .postsOf(id)
    .map((p) => postView(store, idx, p, open, now))
    .sort(byPost)
  return { ...mission, stale: open && isStale(mission.verifiedOn, now), posts }
}

/**
 * A field record someone enters counts as checked by them today, when this device knows who uses
 * it (Preferences' userName); otherwise it waits in "to verify". An explicit verification stays.
 */
export function enteredBy<T extends { verifiedOn: string; verifiedBy: string }>(store: Store, fields: T): T {
  const name = store.preferences.userName.trim()
  return fields.verifiedOn || !name ? fields : { ...fields, verifiedOn: today(), verifiedBy: name }
}
