import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// The UI's strings: every key exists in both languages, and the areas' files never
// overwrite each other's top-level keys (index.ts merges them with a spread).
const read = (name: string) => JSON.parse(readFileSync(new URL(`../../src-renderer/i18n/${name}.json`, import.meta.url), 'utf8'))
const AREAS = ['', 'workplan.', 'missions.', 'documents.', 'desk.', 'changes.', 'tabular.', 'sync.']

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix]
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('locale files', () => {
  it.each(AREAS)('%sen.json and %sfr.json have the same keys, none empty', (area) => {
    const en = read(`${area}en`)
    const fr = read(`${area}fr`)
    expect(keys(fr).sort()).toEqual(keys(en).sort())
    for (const k of keys(fr)) expect(k.split('.').reduce((o, p) => o[p], fr), k).not.toBe('')
  })

  it('areas do not share top-level keys', () => {
    const seen = new Map<string, string>()
    for (const area of AREAS) {
      for (const k of Object.keys(read(`${area}en`))) {
        expect(seen.get(k), `${k} is in ${seen.get(k)}en.json and ${area}en.json`).toBeUndefined()
        seen.set(k, area)
      }
    }
  })
})
