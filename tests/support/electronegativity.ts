import Module, { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './profile'

// Electronegativity (Doyensec's scanner for Electron misconfigurations), run from the tests,
// offline, and the list of its findings that docs/security.md explains.

export interface Finding {
  id: string
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH'
  /** Relative to the scanned folder, with that folder's name in front (src-main/…, out/…). */
  file: string
  line: number
  description: string
}

interface RawIssue {
  id: string
  severity: { name: Finding['severity'] }
  file: string
  location: { line: number }
  description: string
}
type Runner = (options: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>

const scannerRequire = createRequire(join(ROOT, 'node_modules/@doyensec/electronegativity/dist/runner.js'))

/**
 * The scanner fetches translations (and, in one check, Electron's release list) over the network
 * at every run, and crashes when the request times out late. Tests run offline: its HTTP client
 * is replaced by one that fails at once, and the release check (the Electron line is pinned in
 * package.json and kept current by hand) is left out.
 */
function offlineRunner(): Runner {
  const gotPath = scannerRequire.resolve('got')
  if (!scannerRequire.cache[gotPath]) {
    const stub = new Module(gotPath)
    stub.filename = gotPath
    stub.loaded = true
    stub.exports = () => Promise.reject(new Error('no network in tests'))
    scannerRequire.cache[gotPath] = stub
  }
  return scannerRequire('./runner.js') as Runner
}

const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron

/** Scans `folder` as Electronegativity's CLI would, for the Electron version the app ships. */
export async function scan(folder: string, label: string): Promise<Finding[]> {
  const log = console.log // the scanner says on stdout that it could not fetch translations
  console.log = () => {}
  try {
    const r = await offlineRunner()({
      input: folder,
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    })
    const broken = r.errors.filter((e) => !e.tolerable)
    if (broken.length) throw new Error(`Electronegativity could not read: ${broken.map((e) => `${e.file}: ${e.message}`).join('; ')}`)
    return r.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      file: i.file === 'N/A' ? `${label}/` : `${label}/${i.file}`,
      line: i.location.line,
      description: i.description,
    }))
  } finally {
    console.log = log
  }
}

/**
 * The findings docs/security.md explains: the rows of the table under "Electronegativity
 * findings", each naming a check in its first cell and the files it was found in in its second,
 * all in backquotes. Returns "CHECK file" keys.
 */
export function explainedFindings(markdown: string): Set<string> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Electronegativity findings'))
  if (!section) throw new Error('docs/security.md has no "## Electronegativity findings" section')
  const keys = new Set<string>()
  for (const row of section.split('\n').filter((l) => l.startsWith('| `'))) {
    const [check, where] = row.split('|').slice(1, 3)
    const id = /`([A-Z_]+)`/.exec(check)?.[1]
    for (const file of where.matchAll(/`([^`]+)`/g)) keys.add(`${id} ${file[1]}`)
  }
  return keys
}

export const keyOf = (f: Finding) => `${f.id} ${f.file}`

/** High-severity findings with no explanation: what fails the build. */
export function unexplainedHigh(findings: Finding[], explained: Set<string>): Finding[] {
  return findings.filter((f) => f.severity === 'HIGH' && !explained.has(keyOf(f)))
}
