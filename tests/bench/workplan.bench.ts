// npm run bench: the work plan's speed goal. Runs at top level when imported or run
// (node --import tsx tests/bench/workplan.bench.ts), like documents.bench.ts.
//
// A work plan of 300 activities over the six functions to one landscape .docx with
// buildWorkplan: the time to make the file's bytes (not writing it), the median of 5 runs
// after 2 unmeasured warm-up runs. The CSV of the same plan is timed beside it.
import { performance } from 'node:perf_hooks'
import { buildWorkplan, buildWorkplanCsv } from '../../src-main/core/documents'
import { samplePlan } from '../support/workplan'

const COUNT = 300
const GOAL_MS = 300
const RUNS = 5

const plan = samplePlan(COUNT, { period: { from: '', to: '' } })

async function median(make: () => Promise<number> | number): Promise<{ ms: number; bytes: number }> {
  for (let i = 0; i < 2; i++) await make()
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    bytes = await make()
    times.push(performance.now() - t)
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)], bytes }
}

const docx = await median(async () => (await buildWorkplan(plan)).length)
const csv = await median(() => buildWorkplanCsv(plan).length)

const rows: [string, string, string, boolean][] = [
  [`work plan of ${COUNT} activities to .docx with buildWorkplan (${(docx.bytes / 1024).toFixed(0)} KB)`, `${docx.ms.toFixed(0)} ms`, `goal ≤ ${GOAL_MS} ms`, docx.ms <= GOAL_MS],
  [`the same plan to .csv (${(csv.bytes / 1024).toFixed(0)} KB)`, `${csv.ms.toFixed(1)} ms`, '', true],
]
const w = Math.max(...rows.map((r) => r[0].length))
console.log(`GFC Desk work plan benchmark (${new Date().toISOString()}, node ${process.version}; median of ${RUNS} runs)`)
for (const [what, value, goal, ok] of rows) console.log(`${what.padEnd(w)}  ${value.padStart(9)}  ${goal}${goal ? (ok ? '  met' : '  MISSED') : ''}`)
