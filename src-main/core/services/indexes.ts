import type { Affiliation, ContactFields } from '../model/contact'
import { contactSearchText } from '../model/contact-list'
import type { Store } from '../store/store'
import type { Op, StoredRecord } from '../sync/change'
import { organisationName } from './organisations-view'
import { isLive, view } from './records'

const collator = new Intl.Collator(['en', 'fr'], { sensitivity: 'base' })

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * Lookups derived from the tables, kept off the edit path: each part is dropped only by
 * the changes that affect it and rebuilt on the next read. Editing one contact re-folds
 * that contact's search text, not five thousand.
 */
class ContactIndex {
  private links?: { byContact: Map<string, Affiliation[]>; byOrganisation: Map<string, Affiliation[]> }
  private order?: StoredRecord[]
  private texts = new Map<string, string>()

  constructor(private readonly store: Store) {
    store.onChange((ops, rebuilt) => this.invalidate(ops, rebuilt))
  }

  private invalidate(ops: Op[], rebuilt = false): void {
    if (rebuilt) {
      this.links = undefined
      this.order = undefined
      this.texts.clear()
      return
    }
    for (const op of ops) {
      if (op.table === 'contacts') {
        this.texts.delete(op.id)
        if ('familyName' in op.set || 'givenName' in op.set) this.order = undefined
      } else if (op.table === 'affiliations') {
        this.links = undefined
        this.texts.delete(String(this.store.record('affiliations', op.id)?.data.contactId))
      } else if (op.table === 'organisations') {
        this.links = undefined
        this.texts.clear() // a member's name is in its contacts' search text
      }
    }
  }

  affiliations() {
    if (this.links) return this.links
    const byContact = new Map<string, Affiliation[]>()
    const byOrganisation = new Map<string, Affiliation[]>()
    for (const rec of Object.values(this.store.tables.affiliations)) {
      if (!isLive(rec)) continue
      const a = view<Affiliation>(rec)
      push(byContact, a.contactId, a)
      push(byOrganisation, a.organisationId, a)
    }
    return (this.links = { byContact, byOrganisation })
  }

  /** Every contact record, live or not, by family then given name. */
  ordered(): StoredRecord[] {
    return (this.order ??= Object.values(this.store.tables.contacts).sort(
      (a, b) =>
        collator.compare(String(a.data.familyName), String(b.data.familyName)) ||
        collator.compare(String(a.data.givenName), String(b.data.givenName)),
    ))
  }

  /** Folds every contact's text that is missing, in one pass, so that the cost falls on the
   *  first search and not on whichever keystroke first scans past the early matches. */
  prepareTexts(): void {
    if (this.texts.size === Object.keys(this.store.tables.contacts).length) return
    for (const rec of this.ordered()) this.text(rec)
  }

  /** Folded text a search matches against: names, e-mails, phones, positions, members. */
  text(rec: StoredRecord): string {
    let t = this.texts.get(rec.id)
    if (t === undefined) {
      const links = (this.affiliations().byContact.get(rec.id) ?? []).map((a) => {
        const org = this.store.record('organisations', a.organisationId)
        const names = org ? organisationName(org) : null
        return { position: a.position, memberNames: names ? [names.en, names.fr] : [] }
      })
      t = contactSearchText(rec.data as ContactFields, links)
      this.texts.set(rec.id, t)
    }
    return t
  }
}

const indexes = new WeakMap<Store, ContactIndex>()

export function contactIndex(store: Store): ContactIndex {
  let idx = indexes.get(store)
  if (!idx) indexes.set(store, (idx = new ContactIndex(store)))
  return idx
}
