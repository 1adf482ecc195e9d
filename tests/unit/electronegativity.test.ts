import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { explainedFindings, keyOf, scan, unexplainedHigh, type Finding } from '../support/electronegativity'
import { ROOT } from '../support/profile'

// Electronegativity over the source and over the built bundle (out/, which `npm test` builds
// first): a high-severity finding fails the build unless docs/security.md explains it, and every
// finding that document explains must still be there (an explanation of nothing misleads).

const explained = explainedFindings(readFileSync(join(ROOT, 'docs/security.md'), 'utf8'))
const scratch = mkdtempSync(join(tmpdir(), 'gfc-electronegativity-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const show = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line} (${f.description})`).join('\n')

describe('Electronegativity', () => {
  let findings: Finding[] = []

  it('finds nothing of high severity that docs/security.md does not explain, in the source and the built app', async () => {
    if (!existsSync(join(ROOT, 'out/main/index.js'))) throw new Error('out/ is missing: run `npm run build` first (npm test does).')
    // The main process and the renderer are scanned together, as one app: checks such as
    // "navigation is limited" look for the limit anywhere in what they are given.
    cpSync(join(ROOT, 'src-main'), join(scratch, 'src', 'src-main'), { recursive: true })
    cpSync(join(ROOT, 'src-renderer'), join(scratch, 'src', 'src-renderer'), { recursive: true })
    const source = (await scan(join(scratch, 'src'), 'src')).map((f) => ({ ...f, file: f.file.replace(/^src\//, '') }))
    const built = await scan(join(ROOT, 'out'), 'out')
    findings = [...source, ...built]
    console.info(`Electronegativity: ${findings.length} finding(s)\n${show(findings)}`)
    expect(show(unexplainedHigh(findings, explained))).toBe('')
  }, 180_000)

  it('has no explanation left over for a finding that is gone', () => {
    expect(findings.length, 'the scan above ran').toBeGreaterThan(0)
    const found = new Set(findings.map(keyOf))
    expect([...explained].filter((k) => !found.has(k))).toEqual([])
  })

  it('fails on a window that gives a page Node.js without isolation (the gate can fail)', async () => {
    const unsafe = await scan(join(ROOT, 'tests/fixtures/electronegativity/unsafe'), 'unsafe')
    expect(unexplainedHigh(unsafe, explained).map((f) => f.id)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']))
  })
})
