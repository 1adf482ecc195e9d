import type { Language } from '../model/fields'
import { postLabel, type FieldContactView, type FieldTable, type HolderFields, type MissionDetail, type MissionFields, type SecondmentRow, type StaleByMission, type StaleItem } from '../model/mission'
import { missionLocation } from '../model/missions-reference'
import type { Store } from '../store/store'
import type { StoredRecord } from '../sync/change'
import { fieldIndex, isCurrentHolder, missionDetail, missionRef, secondingRef } from './field-records'
import { fold, isLive, matchesAll, requireLive, today } from './records'

// The views across missions: what needs checking, the search across field contacts, and how
// many officers each Member State seconds; and the one way a record is marked as checked.

/** The mission a mission, post or holder belongs to. */
function missionOf(store: Store, table: FieldTable, rec: StoredRecord): string {
  if (table === 'missions') return rec.id
  const post = table === 'posts' ? rec : requireLive(store, 'posts', String(rec.data.postId), 'post')
  return String(post.data.missionId)
}

export function verify(store: Store, table: FieldTable, id: string, by: string): MissionDetail {
  const what = table === 'missions' ? 'mission' : table === 'posts' ? 'post' : 'holder'
  const rec = requireLive(store, table, id, what)
  const missionId = missionOf(store, table, rec)
  store.commit([{ table, id, set: { verifiedOn: today(), verifiedBy: by } }])
  return missionDetail(store, missionId, today())
}

const liveMissions = (store: Store) => Object.values(store.tables.missions).filter(isLive)

/**
 * The records of open missions that were never checked or not for six months, per mission.
 * Closed missions are left out: their records are history, and nobody is there to ask.
 */
export function staleRecords(store: Store, missionId?: string): StaleByMission[] {
  const now = today()
  const idx = fieldIndex(store)
  const out: StaleByMission[] = []
  for (const rec of liveMissions(store)) {
    if ((missionId && rec.id !== missionId) || rec.data.status !== 'open') continue
    const m = missionDetail(store, rec.id, now, idx)
    const item = (table: FieldTable, r: { id: string; verifiedOn: string; verifiedBy: string }, label: StaleItem['label']): StaleItem => ({
      table,
      id: r.id,
      label,
      verifiedOn: r.verifiedOn,
      verifiedBy: r.verifiedBy,
    })
    const both = (f: (l: Language) => string) => ({ en: f('en'), fr: f('fr') })
    const items: StaleItem[] = m.stale ? [item('missions', m, both(() => m.acronym))] : []
    for (const p of m.posts) {
      if (p.stale) items.push(item('posts', p, both((l) => postLabel(p, l))))
      for (const h of p.holders) if (h.stale) items.push(item('holders', h, both((l) => `${h.contact.name} (${postLabel(p, l)})`)))
    }
    if (items.length) out.push({ mission: missionRef(rec), items })
  }
  return out.sort((a, b) => a.mission.acronym.localeCompare(b.mission.acronym))
}

/** Every holder of every live post, with the post and mission, in one walk. */
function allHoldings(store: Store): FieldContactView[] {
  const now = today()
  const idx = fieldIndex(store)
  return liveMissions(store).flatMap((rec) =>
    missionDetail(store, rec.id, now, idx).posts.flatMap((p) =>
      p.holders.map((holder) => ({ holder, post: { id: p.id, title: p.title, titleFr: p.titleFr, dutyStation: p.dutyStation }, mission: missionRef(rec) })),
    ),
  )
}

/** Field contacts whose name, e-mail, post, duty station, mission or seconding state holds every word typed. */
export function fieldContacts(store: Store, q: { search: string; missionId?: string; currentOnly: boolean }): FieldContactView[] {
  const locations = new Map(liveMissions(store).map((m) => [m.id, `${String(m.data.location)} ${missionLocation(m.data as MissionFields, 'fr')}`]))
  return allHoldings(store)
    .filter(({ holder: h, post, mission }) => {
      if ((q.missionId && mission.id !== q.missionId) || (q.currentOnly && !h.current)) return false
      const text = [h.contact.name, ...h.contact.emails, post.title, post.dutyStation, mission.acronym, locations.get(mission.id), h.seconding?.en, h.seconding?.fr, h.secondedBy]
      return matchesAll(fold(text.filter(Boolean).join(' ')), q.search)
    })
    .sort((a, b) => a.holder.contact.name.localeCompare(b.holder.contact.name) || b.holder.start.localeCompare(a.holder.start))
}

/** Distinct people holding a post on a day (someone may hold two posts at once). */
function officersOn(holdings: HolderFields[], day: string): number {
  return new Set(holdings.filter((h) => isCurrentHolder(h, day)).map((h) => h.contactId)).size
}

/**
 * Per seconding state: officers holding a post today, and on 31 December of each year from the
 * earliest seconded holding's year (this year: today), the same years for every state.
 */
export function secondments(store: Store): SecondmentRow[] {
  const now = today()
  const byState = new Map<string, HolderFields[]>()
  for (const { holder } of allHoldings(store)) {
    if (!holder.secondedBy) continue
    const list = byState.get(holder.secondedBy) ?? []
    list.push(holder)
    byState.set(holder.secondedBy, list)
  }
  const starts = [...byState.values()].flat().map((h) => Number(h.start.slice(0, 4)))
  const thisYear = Number(now.slice(0, 4))
  const first = Math.min(thisYear, ...starts)
  const years = Array.from({ length: thisYear - first + 1 }, (_, i) => first + i)
  return [...byState.entries()]
    .map(([code, holdings]) => ({
      seconding: secondingRef(store, code)!,
      current: officersOn(holdings, now),
      byYear: Object.fromEntries(years.map((y) => [String(y), officersOn(holdings, y === thisYear ? now : `${y}-12-31`)])),
    }))
    .sort((a, b) => b.current - a.current || a.seconding.en.localeCompare(b.seconding.en))
}
