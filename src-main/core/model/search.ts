// How text is searched everywhere, in the core and in the window alike: case and accents aside
// ("cote" finds "Côte d'Ivoire", "suede" finds "Suède"), in any script, every word typed.

/** Lower-case, accents folded. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/** The folded words of what was typed. */
export function searchWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean)
}

/** True when a folded text holds every word. */
export function holdsAll(folded: string, words: readonly string[]): boolean {
  return words.every((w) => folded.includes(w))
}
