import type { Bilingual, FoundKind, FoundRecord } from '../model/desk'
import { fullName, type ContactFields } from '../model/contact'
import type { MissionFields, PostFields } from '../model/mission'
import { postLabel, postTitle } from '../model/mission'
import type { Store } from '../store/store'
import type { StoredRecord, TableName } from '../sync/change'
import { contactIndex } from './indexes'
import { organisationName } from './organisations-view'
import { isLive } from './records'
import { fold, holdsAll, searchWords } from '../model/search'

// The search across everything (the command palette): every live member, contact, meeting,
// activity, mission, post and holder whose text holds every word typed, accents ignored, the
// best matches first.

/**
 * A record as the search sees it: its folded name and other text (cheap, for every record), and
 * how to describe it (built only for the records shown).
 */
interface Candidate {
  kind: FoundKind
  rec: StoredRecord
  /** Folded name, and folded name and other text that also find it (e-mails, acronym, duty station). */
  name: string
  text: string
  found(): Omit<FoundRecord, 'kind' | 'id'>
}

const same = (s: string): Bilingual => ({ en: s, fr: s })
const live = (store: Store, table: TableName) => Object.values(store.tables[table]).filter(isLive)
const both = (b: Bilingual) => fold(b.en === b.fr ? b.en : `${b.en} ${b.fr}`)

function* candidates(store: Store): Generator<Candidate> {
  const orgNames = new Map<string, Bilingual>()
  for (const rec of live(store, 'organisations')) {
    const name = organisationName(rec)
    orgNames.set(rec.id, name)
    const n = both(name)
    yield { kind: 'member', rec, name: n, text: `${n} ${fold(`${String(rec.data.acronym ?? '')} ${String(rec.data.countryCode ?? '')}`)}`, found: () => ({ openId: rec.id, name, note: same('') }) }
  }
  const idx = contactIndex(store)
  for (const rec of live(store, 'contacts')) {
    // The index's text holds the names, e-mails, phones, positions and members, already folded.
    const text = idx.text(rec)
    yield {
      kind: 'contact',
      rec,
      get name() {
        return fold(fullName(rec.data as ContactFields))
      },
      text,
      found: () => {
        const members = (idx.affiliations().byContact.get(rec.id) ?? []).flatMap((a) => orgNames.get(a.organisationId) ?? [])
        return { openId: rec.id, name: same(fullName(rec.data as ContactFields)), note: { en: members.map((m) => m.en).join(', '), fr: members.map((m) => m.fr).join(', ') } }
      },
    }
  }
  for (const rec of live(store, 'meetings')) {
    const { title, start, city } = rec.data as { title: string; start: string; city: string }
    const n = fold(title)
    yield { kind: 'meeting', rec, name: n, text: `${n} ${fold(city)}`, found: () => ({ openId: rec.id, name: same(title), note: same([start.slice(0, 10), city].filter(Boolean).join(' · ')) }) }
  }
  for (const rec of live(store, 'activities')) {
    const { title, start, end } = rec.data as { title: string; start: string; end: string }
    const n = fold(title)
    yield { kind: 'activity', rec, name: n, text: n, found: () => ({ openId: rec.id, name: same(title), note: same([start, end].filter(Boolean).join(' – ')) }) }
  }
  const missions = new Map<string, StoredRecord>()
  for (const rec of live(store, 'missions')) {
    missions.set(rec.id, rec)
    const m = rec.data as MissionFields
    const n = fold(m.acronym)
    yield { kind: 'mission', rec, name: n, text: `${n} ${fold(`${m.nameEn} ${m.nameFr} ${m.location}`)}`, found: () => ({ openId: rec.id, name: same(m.acronym), note: { en: m.nameEn, fr: m.nameFr || m.nameEn } }) }
  }
  const posts = new Map<string, StoredRecord>()
  for (const rec of live(store, 'posts')) {
    const p = rec.data as PostFields
    const mission = missions.get(p.missionId)
    if (!mission) continue
    posts.set(rec.id, rec)
    const acronym = String(mission.data.acronym)
    const name = { en: postTitle(p, 'en'), fr: postTitle(p, 'fr') }
    const n = both(name)
    yield { kind: 'post', rec, name: n, text: `${n} ${fold(`${p.dutyStation} ${acronym}`)}`, found: () => ({ openId: mission.id, name, note: same([acronym, p.dutyStation].filter(Boolean).join(' · ')) }) }
  }
  for (const rec of live(store, 'holders')) {
    const post = posts.get(String(rec.data.postId))
    const contact = store.record('contacts', String(rec.data.contactId))
    if (!post || !isLive(contact)) continue
    const p = post.data as PostFields
    const mission = missions.get(p.missionId)!
    const acronym = String(mission.data.acronym)
    const person = fullName(contact.data as ContactFields)
    const n = fold(person)
    yield {
      kind: 'holder',
      rec,
      name: n,
      text: `${n} ${fold(`${p.title} ${p.titleFr} ${p.dutyStation} ${acronym}`)}`,
      found: () => ({ openId: mission.id, name: same(person), note: { en: `${postLabel(p, 'en')} · ${acronym}`, fr: `${postLabel(p, 'fr')} · ${acronym}` } }),
    }
  }
}

/** 0: the name starts with the query; 1: a word of the name does; 2: the name holds every word; 3: only the other text does. */
function rank(name: string, words: string[], query: string): number {
  if (name.startsWith(query)) return 0
  const nameWords = name.split(/[\s,.'’()-]+/)
  if (words.every((w) => nameWords.some((n) => n.startsWith(w)))) return 1
  return holdsAll(name, words) ? 2 : 3
}

const KIND_ORDER: FoundKind[] = ['member', 'meeting', 'activity', 'mission', 'contact', 'post', 'holder']

export function findAnything(store: Store, query: string, limit: number): FoundRecord[] {
  const words = searchWords(query)
  if (words.length === 0) return []
  const q = words.join(' ')
  contactIndex(store).prepareTexts()
  const hits: { c: Candidate; rank: number; name: string }[] = []
  for (const c of candidates(store)) {
    if (!holdsAll(c.text, words)) continue
    const name = c.name
    hits.push({ c, rank: rank(name, words, q), name })
  }
  return hits
    .sort((a, b) => a.rank - b.rank || KIND_ORDER.indexOf(a.c.kind) - KIND_ORDER.indexOf(b.c.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map(({ c }) => ({ kind: c.kind, id: c.rec.id, ...c.found() }))
}
