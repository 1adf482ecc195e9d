// npm run bench: the speed goals of the invitations. Runs at top level when imported or run
// (node --import tsx tests/bench/documents.bench.ts), like store.bench.ts.
//
// 200 invitation letters, one .docx each, on the letterhead with a 6-item agenda annex: built
// by one InvitationPress (as an issue builds them), then the same 200 filled into the equivalent
// fixture template by docxtemplater itself (PizZip, render, DEFLATE), the reference. Each figure
// is the total time to make the 200 files' bytes (not writing them), after 3 unmeasured warm-up
// documents of each kind.
import { performance } from 'node:perf_hooks'
import Docxtemplater from 'docxtemplater'
import PizZip from 'pizzip'
import { InvitationPress, templateValues } from '../../src-main/core/documents'
import type { InvitationInput } from '../../src-main/core/documents/types'
import { CHAIR, fixtureTemplate, MEETING } from '../support/docs'

const COUNT = 200
const GOAL_MS = 500
const GOAL_RATIO = 0.5

const template = fixtureTemplate()
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
  chair: CHAIR,
  meeting,
  organisation: { kind: 'state', en: `State ${i + 1}`, fr: `État ${i + 1}`, frOf: `de l'État ${i + 1}`, acronym: '' },
  addressee: { honorific: i % 2 ? 'H.E. Mr.' : 'H.E. Ms.', givenName: `Person ${i + 1}`, familyName: names[i % names.length], position: 'Permanent Representative' },
}))

/** docxtemplater filling the template for one letter, as its documentation shows. */
function docxtemplater(input: InvitationInput): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), { delimiters: { start: '{{', end: '}}' }, paragraphLoop: true, linebreaks: true, nullGetter: () => '' })
  doc.render(templateValues(input))
  return doc.toUint8Array({ compression: 'DEFLATE' })
}

// The two are timed in turn, 50 documents at a time, so that other work on the machine weighs
// on both alike (turn about document by document, each would pay for the other's garbage).
const BLOCK = 50

async function timeBoth(): Promise<{ built: { ms: number; bytes: number }; filled: { ms: number; bytes: number } }> {
  const built = { ms: 0, bytes: 0 }
  const filled = { ms: 0, bytes: 0 }
  for (const input of inputs.slice(0, 3)) {
    await new InvitationPress().build(input)
    docxtemplater(input)
  }
  // One press for the issue: its frames (one per language) are made by the first letters.
  const press = new InvitationPress()
  for (let i = 0; i < inputs.length; i += BLOCK) {
    const block = inputs.slice(i, i + BLOCK)
    let t = performance.now()
    for (const input of block) built.bytes += (await press.build(input)).length
    built.ms += performance.now() - t
    t = performance.now()
    for (const input of block) filled.bytes += docxtemplater(input).length
    filled.ms += performance.now() - t
  }
  return { built, filled }
}

const { built, filled } = await timeBoth()
const ratio = built.ms / filled.ms

const rows: [string, string, string, boolean][] = [
  [`${COUNT} invitation letters with one InvitationPress (${(built.bytes / COUNT / 1024).toFixed(0)} KB each)`, `${built.ms.toFixed(0)} ms`, `goal ≤ ${GOAL_MS} ms`, built.ms <= GOAL_MS],
  [`the same ${COUNT} filled into the fixture template by docxtemplater`, `${filled.ms.toFixed(0)} ms`, '', true],
  [`ratio InvitationPress / docxtemplater`, ratio.toFixed(2), `goal ≤ ${GOAL_RATIO} (twice as fast)`, ratio <= GOAL_RATIO],
]
const w = Math.max(...rows.map((r) => r[0].length))
console.log(`GFC Desk document benchmarks (${new Date().toISOString()}, node ${process.version})`)
for (const [what, value, goal, ok] of rows) console.log(`${what.padEnd(w)}  ${value.padStart(9)}  ${goal}${goal ? (ok ? '  met' : '  MISSED') : ''}`)
