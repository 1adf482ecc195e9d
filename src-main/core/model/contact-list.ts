import type { Contact, ContactFields, ContactRole } from './contact'
import type { Language } from './fields'
import { fold, holdsAll } from './search'

// The contacts list's search and filters, one rule for the core (indexes.ts) and the window
// (the Contacts screen filters the whole list as you type, without a call per key).

/**
 * What a search of contacts looks in: names, e-mails, phones, and for each link to a member its
 * position and the member's names (both languages), folded.
 */
export function contactSearchText(c: Pick<ContactFields, 'honorific' | 'givenName' | 'familyName' | 'emails' | 'phones'>, links: { position: string; memberNames: string[] }[]): string {
  return fold([c.honorific, c.givenName, c.familyName, ...c.emails, ...c.phones, ...links.flatMap((l) => [l.position, ...l.memberNames])].join(' '))
}

export interface ContactFilter {
  /** Folded words that must all be in the search text. */
  words: readonly string[]
  language: Language | ''
  /** A link to this member … */
  organisationId: string
  /** … in this role … */
  role: ContactRole | ''
  /** … current today, or past only (people who have left the member, or every member). */
  period: '' | 'current' | 'past'
}

export const NO_CONTACT_FILTER: ContactFilter = { words: [], language: '', organisationId: '', role: '', period: '' }

/** True when the contact passes every filter; `text` is its contactSearchText. */
export function contactMatches(c: Pick<Contact, 'language' | 'affiliations'>, text: string, f: ContactFilter): boolean {
  if (f.language && c.language !== f.language) return false
  if (f.organisationId || f.role || f.period) {
    const links = c.affiliations.filter((a) => (!f.organisationId || a.organisationId === f.organisationId) && (!f.role || a.role === f.role))
    if (links.length === 0) return false
    if (f.period === 'current' && !links.some((a) => a.current)) return false
    if (f.period === 'past' && links.some((a) => a.current)) return false
  }
  return holdsAll(text, f.words)
}
