import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/profile'

// The README and the documents it links to point only at files inside the repository, and
// every one of them exists (a link to ../shared/ works on one machine and nowhere else).

function localLinks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'))
}

describe('documentation links', () => {
  it.each(['README.md', 'docs/DESIGN.md', 'docs/json-format.md'])('%s links only to files that exist inside the repository', (file) => {
    for (const link of localLinks(file)) {
      const target = resolve(ROOT, dirname(file), link.split('#')[0])
      expect(relative(ROOT, target).startsWith('..'), `${file} links outside the repository: ${link}`).toBe(false)
      expect(existsSync(target), `${file} links to a missing file: ${link}`).toBe(true)
    }
  })

  it('the README shows the screenshots the end-to-end tests take', () => {
    const shots = localLinks('README.md').filter((l) => l.startsWith('docs/screenshots/'))
    expect(shots.length).toBeGreaterThanOrEqual(4)
  })
})
