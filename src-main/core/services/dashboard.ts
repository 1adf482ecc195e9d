import type { ChairTerm } from '../model/chair'
import type { ContactFields } from '../model/contact'
import { fullName } from '../model/contact'
import type { Bilingual, Dashboard, RecentChange } from '../model/desk'
import type { MissionFields } from '../model/mission'
import type { Store } from '../store/store'
import { newestStamp, type StoredRecord, type TableName } from '../sync/change'
import { stampTime } from '../sync/clock'
import { chairRegister } from './chairs'
import { staleRecords } from './field-views'
import { defaultAddressee, listMeetings, memberRef } from './meetings'
import { organisationName } from './organisations-view'
import { isLive, today } from './records'
import { listActivities } from './workplan'

// The home screen's figures, gathered in one call: the next meeting and its answers, who would
// get no named addressee, what the field needs checked, the quarter's activities, the Chairs,
// and what changed last.

const RECENT = 8

/** The calendar quarter holding `day`: "2027-04" to "2027-06". */
export function quarterOf(day: string): { from: string; to: string } {
  const year = day.slice(0, 4)
  const first = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`
  return { from: month(first), to: month(first + 2) }
}

export function dashboard(store: Store, now = today()): Dashboard {
  const meetings = listMeetings(store)
  const nextMeeting = meetings.filter((m) => m.end.slice(0, 10) >= now).sort((a, b) => a.start.localeCompare(b.start))[0] ?? null
  const withoutAddressee = Object.values(store.tables.organisations)
    .filter((o) => isLive(o) && o.data.status === 'active' && !defaultAddressee(store, o.id))
    .map(memberRef)
    .sort((a, b) => Number(a.kind === 'sme') - Number(b.kind === 'sme') || a.en.localeCompare(b.en))
  const quarter = quarterOf(now)
  const dueThisQuarter = listActivities(store).filter((a) => (a.status === 'planned' || a.status === 'under-way') && a.end >= quarter.from && a.end <= quarter.to)
  const chairs = chairRegister(store, now)
  return {
    today: now,
    nextMeeting,
    withoutAddressee,
    toVerify: staleRecords(store).map((s) => ({ mission: s.mission, count: s.items.length })),
    quarter,
    dueThisQuarter,
    currentChair: chairs.current,
    incomingChair: chairs.incoming,
    recent: recentChanges(store),
  }
}

/** The pages whose records changed last; a change to a part (an answer, a post) counts for its page. */
const PAGES: { table: TableName; kind: RecentChange['kind']; parent?: (store: Store, rec: StoredRecord) => StoredRecord | undefined }[] = [
  { table: 'organisations', kind: 'member' },
  { table: 'contacts', kind: 'contact' },
  { table: 'affiliations', kind: 'contact', parent: (s, r) => s.record('contacts', String(r.data.contactId)) },
  { table: 'meetings', kind: 'meeting' },
  { table: 'invitees', kind: 'meeting', parent: (s, r) => s.record('meetings', String(r.data.meetingId)) },
  { table: 'comments', kind: 'meeting', parent: (s, r) => s.record('meetings', String(r.data.meetingId)) },
  { table: 'activities', kind: 'activity' },
  { table: 'progressNotes', kind: 'activity', parent: (s, r) => s.record('activities', String(r.data.activityId)) },
  { table: 'chairs', kind: 'chair' },
  { table: 'missions', kind: 'mission' },
  { table: 'posts', kind: 'mission', parent: (s, r) => s.record('missions', String(r.data.missionId)) },
  {
    table: 'holders',
    kind: 'mission',
    parent: (s, r) => {
      const post = s.record('posts', String(r.data.postId))
      return post && s.record('missions', String(post.data.missionId))
    },
  },
]

function pageName(store: Store, kind: RecentChange['kind'], rec: StoredRecord): Bilingual {
  const same = (s: string) => ({ en: s, fr: s })
  switch (kind) {
    case 'member':
      return organisationName(rec)
    case 'contact':
      return same(fullName(rec.data as ContactFields))
    case 'mission':
      return same((rec.data as MissionFields).acronym)
    case 'chair': {
      const org = store.record('organisations', (rec.data as ChairTerm).organisationId)
      return org ? organisationName(org) : same('')
    }
    default:
      return same(String(rec.data.title ?? ''))
  }
}

export function recentChanges(store: Store, count = RECENT): RecentChange[] {
  const latest = new Map<string, { kind: RecentChange['kind']; rec: StoredRecord; stamp: string }>()
  for (const page of PAGES) {
    for (const rec of Object.values(store.tables[page.table])) {
      const target = page.parent ? page.parent(store, rec) : rec
      if (!target) continue
      const stamp = newestStamp(rec)
      const seen = latest.get(target.id)
      if (!seen || stamp > seen.stamp) latest.set(target.id, { kind: page.kind, rec: target, stamp })
    }
  }
  return [...latest.values()]
    .sort((a, b) => (a.stamp < b.stamp ? 1 : -1))
    .slice(0, count)
    .map(({ kind, rec, stamp }) => ({ kind, id: rec.id, name: pageName(store, kind, rec), at: stampTime(stamp), deleted: !isLive(rec) }))
}

