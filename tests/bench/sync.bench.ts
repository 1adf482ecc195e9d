// npm run bench: the speed goals of sync, measured on real profiles, with Automerge applying the
// same changes in the same run for comparison.
import * as Automerge from '@automerge/automerge'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import type { Shell } from '../../src-main/core/shell'
import { FORMAT, FORMAT_VERSION } from '../../src-main/core/services/transfer'
import { buildBundle } from '../../src-main/core/services/sync/exchange'
import { openBundle, readBundle, verifyRun } from '../../src-main/core/sync/bundle'
import type { LogEntry } from '../../src-main/core/sync/change'
import { encodeHlc } from '../../src-main/core/sync/clock'
import { chainNext, entryDigest, GENESIS } from '../../src-main/core/sync/digest'
import { logPath } from '../../src-main/core/store/change-log'
import type { LogLine } from '../../src-main/core/store/change-log'

const RECORDS = 5_000
const CHANGES = 50_000
const OPEN_ENTRIES = 200_000

// Profiles for these figures live in memory-backed folders where the machine has them: the
// set-up writes 50,000 changes one by one, which the disk's fsync would make a long wait; the
// figures measured (applying, bundling, opening) write once per import either way.
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
const root = mkdtempSync(join(base, 'gfc-bench-sync-'))
process.env.GFC_KEYSTORE ??= join(root, 'keys')

const rows: [string, string, string, boolean | null][] = []
const ms = (x: number) => `${x.toFixed(0)} ms`

async function call(app: App, method: string, input: unknown) {
  const r = await dispatch(app, method, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.result as never
}

function shellIn(dir: string): Shell {
  mkdirSync(dir, { recursive: true })
  return { chooseFolder: async () => null, chooseSaveFile: async (_t, n) => join(dir, n) }
}

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

try {
  // The office: 5,000 contacts; a second full device that joins and edits them 50,000 times.
  const office = await App.open(join(root, 'office'), shellIn(join(root, 'files-office')))
  const contacts = Array.from({ length: RECORDS }, (_, i) => ({ id: uuid(i), familyName: `Person ${i}`, givenName: 'Bench', emails: [`p${i}@example.org`], language: 'en', notes: '' }))
  await call(office, 'data.import', { document: { format: FORMAT, formatVersion: FORMAT_VERSION, contacts } })
  await call(office, 'dataset.create', { name: 'bench' })
  const laptop = await App.open(join(root, 'laptop'), shellIn(join(root, 'files-laptop')))
  const enrolled: { path: string } = await call(office, 'device.enrol', { card: await call(laptop, 'device.card', {}), scope: { kind: 'full' } })
  await call(laptop, 'device.join', { content: readFileSync(enrolled.path).toString('base64') })
  const store = laptop.store
  const edit = (i: number) => store.commit([{ table: 'contacts', id: uuid(i % RECORDS), set: { notes: `Edit ${i} on the laptop` } }])
  for (let i = 0; i < 1_000; i++) edit(i)
  // A field officer's week by e-mail: 1,000 changes.
  const week = buildBundle(store, office.store.device.deviceId)
  rows.push([`a bundle of ${week.changes} changes (an e-mail attachment)`, `${(week.bytes.length / 1024).toFixed(0)} KB`, '≤ 100 KB', week.bytes.length <= 100 * 1024])
  for (let i = 1_000; i < CHANGES; i++) edit(i)

  // Bundle: what the office lacks, encrypted for it.
  let t = performance.now()
  const built = buildBundle(store, office.store.device.deviceId)
  const exportMs = performance.now() - t
  rows.push([`export a bundle of ${built.changes} changes`, ms(exportMs), '≤ 1000 ms', exportMs <= 1000])

  // Verify and decrypt it, as the office does before applying anything.
  t = performance.now()
  const read = readBundle(built.bytes)
  const payload = openBundle(read, store.device.signKey, office.store.identity.keys)
  const runs = payload.runs.map((r) => verifyRun(r, store.device.dataset!.id, r.author === store.device.deviceId ? store.device.signKey : office.store.device.signKey, r.entries[0].seq))
  const verifyMs = performance.now() - t
  rows.push([`verify and decrypt it`, ms(verifyMs), '≤ 1000 ms', verifyMs <= 1000 && runs.every(Boolean)])

  const own = payload.runs.find((r) => r.author === store.device.deviceId)!
  const raw = JSON.stringify(own.entries.map((e) => ({ ...e, device: store.device.deviceId }))).length
  rows.push([`bundle size against the raw JSON of its changes (${(built.bytes.length / 1024).toFixed(0)} KB / ${(raw / 1024).toFixed(0)} KB)`, (built.bytes.length / raw).toFixed(3), '≤ 0.5', built.bytes.length / raw <= 0.5])

  // Apply: the office folds the 50,000 changes into its 5,000 records.
  const lines = runs[payload.runs.indexOf(own)]! as LogLine[]
  t = performance.now()
  const arrived = office.store.receive(new Map([[own.author, lines]]))
  const applyMs = performance.now() - t
  const rate = (arrived.length / applyMs) * 1000
  rows.push([`apply ${arrived.length} changes from another device into ${RECORDS} records`, `${(rate / 1000).toFixed(0)}k changes/s`, '≥ 100k/s', rate >= 100_000])

  // Automerge 3 applying the same changes (one change per edit, from another actor) to a
  // document holding the same 5,000 records.
  let doc = Automerge.from<{ contacts: Record<string, { notes: string; familyName: string }> }>({
    contacts: Object.fromEntries(contacts.map((c) => [c.id, { notes: '', familyName: c.familyName }])),
  })
  let other = Automerge.clone(doc)
  const heads = Automerge.getHeads(other)
  for (let i = 0; i < CHANGES; i++) {
    other = Automerge.change(other, (d) => {
      d.contacts[uuid(i % RECORDS)].notes = `Edit ${i} on the laptop`
    })
  }
  const changes = Automerge.getChanges(Automerge.view(other, heads), other)
  t = performance.now()
  doc = Automerge.applyChanges(doc, changes)[0]
  const amMs = performance.now() - t
  const ratio = amMs / applyMs
  rows.push([`Automerge ${'3.x'} applying the same ${changes.length} changes`, `${((changes.length / amMs) * 1000 / 1000).toFixed(0)}k changes/s`, '', null])
  rows.push([`  GFC Desk's speed against Automerge's`, `${ratio.toFixed(1)}×`, '≥ 10×', ratio >= 10])

  await laptop.close()
  await office.close()

  // Opening a profile whose logs hold 200,000 changes from 5 devices.
  const big = join(root, 'big')
  mkdirSync(join(big, 'changes'), { recursive: true })
  const bigApp = await App.open(big)
  const me = bigApp.store.device.deviceId
  await bigApp.close()
  const devices = [me, 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'dddddddddddddddd']
  const per = OPEN_ENTRIES / devices.length
  for (const [k, device] of devices.entries()) {
    let chain = GENESIS
    const out: string[] = []
    for (let seq = 1; seq <= per; seq++) {
      const e: LogEntry = { v: 2, device, seq, hlc: encodeHlc(1_700_000_000_000 + seq * 10 + k, 0), ops: [{ table: 'contacts', id: uuid((seq * 7 + k) % RECORDS), set: seq <= RECORDS / devices.length ? { familyName: `P${seq}`, deleted: false } : { notes: `n${seq}` } }] }
      chain = chainNext(chain, entryDigest(e))
      out.push(JSON.stringify({ h: chain, e }))
    }
    writeFileSync(logPath(big, device), out.join('\n') + '\n')
  }
  const first = await App.open(big) // folds all 200,000 once and writes the data file
  await first.close()
  const opens: number[] = []
  for (let i = 0; i < 5; i++) {
    t = performance.now()
    const a = await App.open(big)
    opens.push(performance.now() - t)
    await a.close()
  }
  opens.sort((a, b) => a - b)
  rows.push([`open a profile whose logs hold ${OPEN_ENTRIES} changes from ${devices.length} devices, median of 5`, ms(opens[2]), '≤ 1000 ms', opens[2] <= 1000])
} finally {
  rmSync(root, { recursive: true, force: true })
}

const w = Math.max(...rows.map((r) => r[0].length))
for (const [what, value, goal, ok] of rows) console.log(`${what.padEnd(w)}  ${value.padStart(12)}  ${goal ? `goal ${goal.padEnd(10)} ${ok ? 'met' : 'MISSED'}` : ''}`)
