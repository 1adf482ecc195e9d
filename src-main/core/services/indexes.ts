import type { Affiliation } from '../model/contact'
import type { Store } from '../store/store'
import type { StoredRecord } from '../sync/change'
import { fold, isLive, view } from './records'
import { organisationName } from './organisations-view'

// Derived lookups rebuilt lazily after a change: affiliations by contact and by member,
// and folded search text, so that typing in a search box scans prepared strings only.
interface Built {
  byContact: Map<string, Affiliation[]>
  byOrganisation: Map<string, Affiliation[]>
  contactOrder: StoredRecord[]
  contactText: Map<string, string>
}

const cache = new WeakMap<Store, { built?: Built }>()
const collator = new Intl.Collator(['en', 'fr'], { sensitivity: 'base' })

export function indexes(store: Store): Built {
  let entry = cache.get(store)
  if (!entry) {
    const fresh: { built?: Built } = {}
    store.onChange(() => (fresh.built = undefined))
    cache.set(store, fresh)
    entry = fresh
  }
  return (entry.built ??= build(store))
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function build(store: Store): Built {
  const byContact = new Map<string, Affiliation[]>()
  const byOrganisation = new Map<string, Affiliation[]>()
  for (const rec of Object.values(store.tables.affiliations)) {
    if (!isLive(rec)) continue
    const a = view<Affiliation>(rec)
    push(byContact, a.contactId, a)
    push(byOrganisation, a.organisationId, a)
  }
  const contactOrder = Object.values(store.tables.contacts).sort(
    (a, b) =>
      collator.compare(String(a.data.familyName), String(b.data.familyName)) ||
      collator.compare(String(a.data.givenName), String(b.data.givenName)),
  )
  const contactText = new Map<string, string>()
  for (const rec of contactOrder) {
    const d = rec.data
    const orgs = (byContact.get(rec.id) ?? []).flatMap((a) => {
      const org = store.record('organisations', a.organisationId)
      return org ? [a.position, organisationName(org).en, organisationName(org).fr] : [a.position]
    })
    const parts = [d.honorific, d.givenName, d.familyName, ...(d.emails as string[]), ...(d.phones as string[]), ...orgs]
    contactText.set(rec.id, fold(parts.join(' ')))
  }
  return { byContact, byOrganisation, contactOrder, contactText }
}
