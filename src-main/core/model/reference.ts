import { z } from 'zod'
import statesJson from '../../../resources/reference/un-member-states.json'
import smeJson from '../../../resources/reference/sme-suggestions.json'
import { fold } from './search'

// Reference data shipped in resources/: the UN Member States and the SMEs named in the
// Terms of Reference. Parsed once at load so that a bad edit to the JSON fails loudly.
/** The five UN regional groups (used for elections, and for the Chair's rotation). */
export const RegionalGroup = z.enum(['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'weog'])
export type RegionalGroup = z.infer<typeof RegionalGroup>

/** The kinds of Correctional Subject Matter Experts named in the Terms of Reference. */
export const SmeCategory = z.enum([
  'un-entity',
  'ngo',
  'training-institute',
  'advocacy-group',
  'development-agency',
  'regional-organisation',
])
export type SmeCategory = z.infer<typeof SmeCategory>

export const MemberStateRef = z.object({
  iso2: z.string().regex(/^[A-Z]{2}$/),
  iso3: z.string().regex(/^[A-Z]{3}$/),
  en: z.string().min(1),
  fr: z.string().min(1),
  /** The French name after "de", with its article: "de la Suède", "du Mali". */
  frOf: z.string().min(1),
  group: RegionalGroup,
})
export type MemberStateRef = z.infer<typeof MemberStateRef>

export const SmeSuggestion = z.object({
  name: z.string().min(1),
  nameFr: z.string().min(1),
  acronym: z.string(),
  category: SmeCategory,
  website: z.string().optional(),
})
export type SmeSuggestion = z.infer<typeof SmeSuggestion>

export const MEMBER_STATES: readonly MemberStateRef[] = z.array(MemberStateRef).parse(statesJson)
export const SME_SUGGESTIONS: readonly SmeSuggestion[] = z.array(SmeSuggestion).parse(smeJson)

const byCode = new Map(MEMBER_STATES.map((s) => [s.iso2, s]))

export function memberState(code: string): MemberStateRef | undefined {
  return byCode.get(code)
}

export function isMemberStateCode(code: string): boolean {
  return byCode.has(code)
}

/** Folded names and codes of every state, then their names without the qualifier in brackets. */
let byName: [Map<string, MemberStateRef>, Map<string, MemberStateRef>] | undefined

/**
 * The Member State a text names: its English or French name (case and accents aside), its ISO
 * code (two or three letters), or its name without the qualifier in brackets, as people write
 * it ("Netherlands" for "Netherlands (Kingdom of the)"). What the Member State picker takes as an
 * exact choice, and what a spreadsheet's country column is matched with.
 */
export function findMemberState(text: string): MemberStateRef | undefined {
  // "Côte d’Ivoire" as UN documents and word processors write it: the list has a straight apostrophe.
  const q = fold(text.trim()).replace(/[‘’ʼ]/g, "'")
  if (!q) return undefined
  if (!byName) {
    const exact = new Map<string, MemberStateRef>()
    const short = new Map<string, MemberStateRef>()
    for (const s of MEMBER_STATES) {
      for (const k of [fold(s.en), fold(s.fr), s.iso2.toLowerCase(), s.iso3.toLowerCase()]) exact.set(k, s)
      for (const n of [s.en, s.fr]) short.set(fold(n.replace(/\s*\(.*\)\s*$/, '')), s)
    }
    byName = [exact, short]
  }
  return byName[0].get(q) ?? byName[1].get(q)
}
