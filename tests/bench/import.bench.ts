// npm run bench: a 3,000-row spreadsheet of contacts, previewed (every row checked, duplicates
// looked up) and imported as one change, on a real profile holding the demo data; CSV and XLSX.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import writeXlsxFile from 'write-excel-file/node'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'

const ROWS = 3_000
const GOALS = { preview: 2_000, commit: 5_000 }
const MEMBERS = ['Sweden', 'Norway', 'Netherlands', 'Germany', 'Canada', 'Ghana', 'Sénégal', 'RW', 'Egypt', 'JOR']

async function call(app: App, method: string, input: unknown) {
  const r = await dispatch(app, method, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.result
}

const header = ['Prénom', 'Nom', 'Courriel', 'Pays', 'Fonction', 'Téléphone', 'Langue']
const data = Array.from({ length: ROWS }, (_, i) => [`Person${i}`, `Échantillon ${i}`, `person${i}@example.org`, MEMBERS[i % MEMBERS.length], 'Counsellor', '+1 212 555 0100', i % 3 ? 'anglais' : 'français'])
const csv = Buffer.from('\ufeff' + [header, ...data].map((r) => r.join(';')).join('\r\n') + '\r\n')
const xlsx = await writeXlsxFile([header, ...data].map((r) => r.map((value) => ({ value, type: String }))) as never).toBuffer()

const rows: [string, string, string, boolean][] = []
for (const [format, bytes] of [['csv', csv], ['xlsx', xlsx]] as const) {
  const dir = mkdtempSync(join(tmpdir(), 'gfc-bench-import-'))
  try {
    const app = await App.open(dir)
    await call(app, 'demo.load', {})
    const req = { type: 'contacts', format, contentBase64: bytes.toString('base64') }
    const times: number[] = []
    let preview = { counts: { add: 0, invalid: 0 } }
    for (let i = 0; i < 3; i++) {
      const t = performance.now()
      preview = (await call(app, 'import.preview', req)) as typeof preview
      times.push(performance.now() - t)
    }
    const previewMs = times.sort((a, b) => a - b)[1]
    if (preview.counts.add !== ROWS || preview.counts.invalid) throw new Error(`the bench file did not check out: ${JSON.stringify(preview.counts)}`)
    const t = performance.now()
    await call(app, 'import.commit', req)
    const commitMs = performance.now() - t
    await app.close()
    const size = `${(bytes.length / 1024).toFixed(0)} KB`
    rows.push([`preview a ${ROWS}-row ${format.toUpperCase()} of contacts (${size}), median of 3`, `${previewMs.toFixed(0)} ms`, `goal ≤ ${GOALS.preview} ms`, previewMs <= GOALS.preview])
    rows.push([`import it (read, check, one change, fsynced)`, `${commitMs.toFixed(0)} ms`, `goal ≤ ${GOALS.commit} ms`, commitMs <= GOALS.commit])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
const w = Math.max(...rows.map((r) => r[0].length))
console.log(`GFC Desk import benchmark (${new Date().toISOString()}, node ${process.version})`)
for (const [what, value, goal, ok] of rows) console.log(`${what.padEnd(w)}  ${value.padStart(9)}  ${goal}  ${ok ? 'met' : 'MISSED'}`)
