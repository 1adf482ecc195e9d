import type { Bilingual, FoundKind, FoundRecord } from '../model/desk'
import { fullName, type ContactFields } from '../model/contact'
import type { MissionFields, PostFields } from '../model/mission'
import { postLabel, postTitle } from '../model/mission'
import type { Store } from '../store/store'
import type { StoredRecord, TableName } from '../sync/change'
import { contactIndex } from './indexes'
import { organisationName } from './organisations-view'
import { fold, isLive } from './records'

// The search across everything (the command palette): every live member, contact, meeting,
// activity, mission, post and holder whose text holds every word typed, accents ignored, the
// best matches first.

/** A record as the search sees it: what it is called, what else finds it, and its context. */
interface Candidate {
  kind: FoundKind
  rec: StoredRecord
  openId: string
  name: Bilingual
  note: Bilingual
  /** Folded text beyond the name that also finds it (e-mails, acronym, duty station). */
  more: string
}

const same = (s: string): Bilingual => ({ en: s, fr: s })
const live = (store: Store, table: TableName) => Object.values(store.tables[table]).filter(isLive)

function* candidates(store: Store): Generator<Candidate> {
  const orgNames = new Map<string, Bilingual>()
  for (const rec of live(store, 'organisations')) {
    const name = organisationName(rec)
    orgNames.set(rec.id, name)
    yield { kind: 'member', rec, openId: rec.id, name, note: same(''), more: fold(String(rec.data.acronym ?? '') + ' ' + String(rec.data.countryCode ?? '')) }
  }
  const idx = contactIndex(store)
  for (const rec of live(store, 'contacts')) {
    const members = (idx.affiliations().byContact.get(rec.id) ?? []).flatMap((a) => orgNames.get(a.organisationId) ?? [])
    yield {
      kind: 'contact',
      rec,
      openId: rec.id,
      name: same(fullName(rec.data as ContactFields)),
      note: { en: members.map((m) => m.en).join(', '), fr: members.map((m) => m.fr).join(', ') },
      more: idx.text(rec),
    }
  }
  for (const rec of live(store, 'meetings')) {
    const { title, start, city } = rec.data as { title: string; start: string; city: string }
    yield { kind: 'meeting', rec, openId: rec.id, name: same(title), note: same([start.slice(0, 10), city].filter(Boolean).join(' · ')), more: fold(city) }
  }
  for (const rec of live(store, 'activities')) {
    const { title, start, end } = rec.data as { title: string; start: string; end: string }
    yield { kind: 'activity', rec, openId: rec.id, name: same(title), note: same([start, end].filter(Boolean).join(' – ')), more: '' }
  }
  const missions = new Map<string, StoredRecord>()
  for (const rec of live(store, 'missions')) {
    missions.set(rec.id, rec)
    const m = rec.data as MissionFields
    yield { kind: 'mission', rec, openId: rec.id, name: same(m.acronym), note: { en: m.nameEn, fr: m.nameFr || m.nameEn }, more: fold(`${m.nameEn} ${m.nameFr} ${m.location}`) }
  }
  const posts = new Map<string, StoredRecord>()
  for (const rec of live(store, 'posts')) {
    const p = rec.data as PostFields
    const mission = missions.get(p.missionId)
    if (!mission) continue
    posts.set(rec.id, rec)
    const acronym = String(mission.data.acronym)
    yield { kind: 'post', rec, openId: mission.id, name: { en: postTitle(p, 'en'), fr: postTitle(p, 'fr') }, note: same([acronym, p.dutyStation].filter(Boolean).join(' · ')), more: fold(`${p.dutyStation} ${acronym}`) }
  }
  for (const rec of live(store, 'holders')) {
    const post = posts.get(String(rec.data.postId))
    const contact = store.record('contacts', String(rec.data.contactId))
    if (!post || !isLive(contact)) continue
    const p = post.data as PostFields
    const mission = missions.get(p.missionId)!
    const acronym = String(mission.data.acronym)
    yield {
      kind: 'holder',
      rec,
      openId: mission.id,
      name: same(fullName(contact.data as ContactFields)),
      note: { en: `${postLabel(p, 'en')} · ${acronym}`, fr: `${postLabel(p, 'fr')} · ${acronym}` },
      more: fold(`${p.title} ${p.titleFr} ${p.dutyStation} ${acronym}`),
    }
  }
}

/** 0: the name starts with the query; 1: a word of the name does; 2: the name holds every word; 3: only the other text does. */
function rank(name: string, words: string[], query: string): number {
  if (name.startsWith(query)) return 0
  const nameWords = name.split(/[\s,.'’()-]+/)
  if (words.every((w) => nameWords.some((n) => n.startsWith(w)))) return 1
  return words.every((w) => name.includes(w)) ? 2 : 3
}

const KIND_ORDER: FoundKind[] = ['member', 'meeting', 'activity', 'mission', 'contact', 'post', 'holder']
const collator = new Intl.Collator(['en', 'fr'], { sensitivity: 'base' })

export function findAnything(store: Store, query: string, limit: number): FoundRecord[] {
  const q = fold(query).trim().replace(/\s+/g, ' ')
  const words = q.split(' ').filter(Boolean)
  if (words.length === 0) return []
  contactIndex(store).prepareTexts()
  const hits: { c: Candidate; rank: number }[] = []
  for (const c of candidates(store)) {
    const name = fold(`${c.name.en} ${c.name.fr === c.name.en ? '' : c.name.fr}`)
    const all = `${name} ${c.more}`
    if (!words.every((w) => all.includes(w))) continue
    hits.push({ c, rank: rank(name, words, q) })
  }
  return hits
    .sort((a, b) => a.rank - b.rank || KIND_ORDER.indexOf(a.c.kind) - KIND_ORDER.indexOf(b.c.kind) || collator.compare(a.c.name.en, b.c.name.en))
    .slice(0, limit)
    .map(({ c }) => ({ kind: c.kind, id: c.rec.id, openId: c.openId, name: c.name, note: c.note }))
}
