// npm run bench: the speed goals of the foundation, measured on a real profile in a temp folder.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import { FORMAT, FORMAT_VERSION } from '../../src-main/core/services/transfer'
import { MEMBER_STATES } from '../../src-main/core/model/reference'

const CONTACTS = 5_000

function uuid(n: number, kind: number): string {
  const h = (n + kind * 1_000_000).toString(16).padStart(12, '0')
  return `00000000-0000-4000-8000-${h}`
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

const rows: [string, string, string, boolean][] = []
function report(what: string, value: number, goal: number, unit = 'ms'): void {
  rows.push([what, `${value.toFixed(2)} ${unit}`, `≤ ${goal} ${unit}`, value <= goal])
}

async function call(app: App, method: string, input: unknown) {
  const r = await dispatch(app, method, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.result
}

const dir = mkdtempSync(join(tmpdir(), 'gfc-bench-'))
try {
  const states = MEMBER_STATES.slice(0, 60)
  const organisations = states.map((s, i) => ({ id: uuid(i, 1), kind: 'state', countryCode: s.iso2, email: `mission${i}@example.org` }))
  const names = ['Exempelsson', 'Примеров', 'المثال', '王', 'Échantillon', 'Muster', 'Sample', 'Voorbeeld']
  const contacts = Array.from({ length: CONTACTS }, (_, i) => ({
    id: uuid(i, 2),
    honorific: i % 3 ? 'Mr.' : 'Ms.',
    givenName: `Person${i}`,
    familyName: `${names[i % names.length]} ${i}`,
    emails: [`person${i}@example.org`],
    phones: ['+1 212 555 0100'],
    language: i % 4 ? 'en' : 'fr',
    notes: 'Benchmark data.',
  }))
  const affiliations = contacts.map((c, i) => ({
    id: uuid(i, 3),
    contactId: c.id,
    organisationId: organisations[i % organisations.length].id,
    role: 'focal-point',
    position: 'Counsellor',
    start: '2024-01-01',
  }))
  let app = await App.open(dir)
  await call(app, 'data.import', { document: { format: FORMAT, formatVersion: FORMAT_VERSION, organisations, contacts, affiliations } })
  await app.close()
  const size = statSync(join(dir, 'gfc.json')).size

  // Open: the lock, the data file, the log, the backup.
  const opens: number[] = []
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    app = await App.open(dir)
    opens.push(performance.now() - t)
    if (i < 6) await app.close()
  }
  report(`open a ${CONTACTS}-contact profile (${(size / 1e6).toFixed(1)} MB), median of 7`, percentile(opens, 50), 300)
  report(`  the first, cold open of those 7`, opens[0], 300)

  // Edit acknowledged durably: from the call to the fsynced log append.
  const edits: number[] = []
  for (let i = 0; i < 300; i++) {
    const c = contacts[(i * 17) % CONTACTS]
    const t = performance.now()
    await call(app, 'contacts.update', { id: c.id, fields: { ...c, notes: `Edited ${i}` } })
    edits.push(performance.now() - t)
  }
  report(`edit acknowledged durably at ${CONTACTS} contacts, p95 of 300`, percentile(edits, 95), 5)

  // Search as you type, once the index is built (the first search after opening builds it).
  const first = performance.now()
  await call(app, 'contacts.list', { search: 'e' })
  const rebuild = performance.now() - first
  const searches: number[] = []
  for (const q of ['e', 'ex', 'exe', 'exem', 'exempelsson 12', 'прим', 'المثال 40', '王', 'person49', 'muster 4', 'nobody at all']) {
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      await call(app, 'contacts.list', { search: q })
      searches.push(performance.now() - t)
    }
  }
  report(`search ${CONTACTS} contacts as you type, p95 of ${searches.length}`, percentile(searches, 95), 16)
  rows.push([`  (first search after opening: builds the search index)`, `${rebuild.toFixed(2)} ms`, '', true])
  await app.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const w = Math.max(...rows.map((r) => r[0].length))
console.log(`GFC Desk benchmarks (${new Date().toISOString()}, node ${process.version})`)
for (const [what, value, goal, ok] of rows) {
  console.log(`${what.padEnd(w)}  ${value.padStart(10)}  goal ${goal.padEnd(9)} ${goal ? (ok ? 'met' : 'MISSED') : ''}`)
}
