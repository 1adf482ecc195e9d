// npm run bench: the speed goals of the document builders. Runs at top level when imported
// or run (node --import tsx tests/bench/documents.bench.ts), like store.bench.ts.
//
// 200 invitation letters, one .docx each, on the letterhead with a 6-item agenda annex: built
// with buildInvitation, then the same 200 filled into the equivalent fixture template with
// docxtemplater (fillTemplate). Each figure is the total time to make the 200 files' bytes
// (not writing them), after 3 unmeasured warm-up documents of each kind.
import { performance } from 'node:perf_hooks'
import { buildInvitation, fillTemplate } from '../../src-main/core/documents'
import type { InvitationInput } from '../../src-main/core/documents/types'
import { CHAIR, fixtureTemplate, MEETING } from '../support/docs'

const COUNT = 200
const GOAL_MS = 2000

const template = fixtureTemplate()
const chair = CHAIR
// The tests' sample meeting, with a sixth agenda item.
const meeting: InvitationInput['meeting'] = {
  ...MEETING,
  agenda: [...MEETING.agenda, { title: 'Any other business', presenter: 'Members of the Group', minutes: 15 }],
}

const names = ['Sampleson', 'Exempelsson', 'Примеров', 'عبد الله', 'Échantillon', 'Muster', 'Voorbeeld', '王']
const inputs: InvitationInput[] = Array.from({ length: COUNT }, (_, i) => ({
  form: 'letter',
  language: i % 3 === 0 ? 'fr' : 'en',
  date: '2027-02-01',
  reference: `GFC/2027/${String(i + 1).padStart(3, '0')}`,
  chair,
  meeting,
  organisation: { kind: 'state', en: `State ${i + 1}`, fr: `État ${i + 1}`, frOf: `de l'État ${i + 1}`, acronym: '' },
  addressee: { honorific: i % 2 ? 'H.E. Mr.' : 'H.E. Ms.', givenName: `Person ${i + 1}`, familyName: names[i % names.length], position: 'Permanent Representative' },
}))

// The two are timed in turn, 50 documents at a time, so that other work on the machine weighs
// on both alike (turn about document by document, each would pay for the other's garbage).
const BLOCK = 50

async function timeBoth(): Promise<{ built: { ms: number; bytes: number }; filled: { ms: number; bytes: number } }> {
  const built = { ms: 0, bytes: 0 }
  const filled = { ms: 0, bytes: 0 }
  for (const input of inputs.slice(0, 3)) {
    await buildInvitation(input)
    fillTemplate(template, input)
  }
  for (let i = 0; i < inputs.length; i += BLOCK) {
    const block = inputs.slice(i, i + BLOCK)
    let t = performance.now()
    for (const input of block) built.bytes += (await buildInvitation(input)).length
    built.ms += performance.now() - t
    t = performance.now()
    for (const input of block) filled.bytes += fillTemplate(template, input).length
    filled.ms += performance.now() - t
  }
  return { built, filled }
}

const { built, filled } = await timeBoth()
const ratio = built.ms / filled.ms

const rows: [string, string, string, boolean][] = [
  [`${COUNT} invitation letters with buildInvitation (${(built.bytes / COUNT / 1024).toFixed(0)} KB each)`, `${built.ms.toFixed(0)} ms`, `goal ≤ ${GOAL_MS} ms`, built.ms <= GOAL_MS],
  [`the same ${COUNT} filled into the fixture template with docxtemplater`, `${filled.ms.toFixed(0)} ms`, '', true],
  [`ratio buildInvitation / docxtemplater`, ratio.toFixed(2), 'goal: no slower than docxtemplater (ratio ≤ 1.0)', ratio <= 1],
]
const w = Math.max(...rows.map((r) => r[0].length))
console.log(`GFC Desk document benchmarks (${new Date().toISOString()}, node ${process.version})`)
for (const [what, value, goal, ok] of rows) console.log(`${what.padEnd(w)}  ${value.padStart(9)}  ${goal}${goal ? (ok ? '  met' : '  MISSED') : ''}`)
