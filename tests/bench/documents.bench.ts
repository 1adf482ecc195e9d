// npm run bench: the speed goals of the document builders. Runs at top level when imported
// or run (node --import tsx tests/bench/documents.bench.ts), like store.bench.ts.
//
// 200 invitation letters, one .docx each, on the letterhead with a 6-item agenda annex: built
// with buildInvitation, then the same 200 filled into the equivalent fixture template with
// docxtemplater (fillTemplate). Each figure is the total time to make the 200 files' bytes
// (not writing them), after 3 unmeasured warm-up documents of each kind.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { buildInvitation, fillTemplate } from '../../src-main/core/documents'
import type { InvitationInput } from '../../src-main/core/documents/types'

const COUNT = 200
const GOAL_MS = 2000

const template = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/templates/letterhead.docx', import.meta.url))))

const chair: InvitationInput['chair'] = {
  missionName: 'Permanent Mission of Sweden to the United Nations',
  state: { en: 'Sweden', fr: 'Suède', frOf: 'de la Suède' },
  address: '885 Second Avenue, 46th Floor\nNew York, NY 10017',
  phone: '+1 212 555 0100',
  email: 'gfc.chair@gov.example',
  city: 'New York',
  signatoryName: 'Anna Exempel',
  signatoryTitle: 'Ambassador and Permanent Representative',
}

const meeting: InvitationInput['meeting'] = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'annual',
  title: 'Annual meeting 2027',
  start: '2027-03-15T10:00',
  end: '2027-03-15T13:00',
  timeZone: 'America/New_York',
  city: 'New York',
  address: 'United Nations Headquarters, Conference Room 7',
  onlineLink: 'https://meet.example.org/gfc-2027',
  dialIn: '+1 646 555 0199, code 123 456',
  rsvpDeadline: '2027-03-01',
  rsvpContact: 'Ms. Maja Exempel (maja.exempel@gov.example)',
  agenda: [
    { title: 'Opening of the meeting and adoption of the agenda', presenter: 'Sweden (Chair)', minutes: 10 },
    { title: 'Briefing by the Justice and Corrections Service', presenter: 'OROLSI', minutes: 40 },
    { title: 'Work plan 2027–2028', presenter: 'Chair', minutes: 60 },
    { title: 'Deployment of corrections officers', presenter: 'DPO', minutes: 30 },
    { title: 'Written comments from members unable to attend', presenter: 'Chair', minutes: 20 },
    { title: 'Selection of the next Chair', presenter: 'Members of the Group', minutes: 20 },
  ],
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
