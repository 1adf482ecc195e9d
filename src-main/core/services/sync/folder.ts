import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../model/errors'
import { writeFileDurableSync } from '../../store/durable-file'
import type { Store } from '../../store/store'
import { createDataset } from './devices'
import type { FolderProblem, FolderStatus, ImportReport } from '../../model/sync'
import { MAYBE_BEING_COPIED } from '../../sync/bundle'
import { buildBundle, importBundle, requireDataset } from './exchange'
import { readState, updateState } from './state'

// A shared folder (a network drive, or a folder a cloud client keeps in step): set up once with
// a marker naming the dataset; each device writes only its own, immutable files there
// (<device>/to-<recipient>-<n>.gfcsync, each holding all the recipient lacks) and reads the
// files written for it. A folder that is missing, empty, of another dataset or half copied is
// reported and deletes nothing: reading a bundle only ever adds changes.

export const MARKER = 'gfc-sync.json'
const Marker = z.object({ format: z.literal('gfc-sync-folder'), version: z.literal(1), dataset: z.object({ id: z.string(), name: z.string() }) })

const fileName = /^to-([a-z2-7]{16}|[0-9a-f]{16})-(\d+)\.gfcsync$/

/** A problem's key for screens (see FolderProblem): the locale files word it. */
export const UNREACHABLE = 'sync.problem.unreachable'
const problem = (text: string, key?: string, params?: FolderProblem['params']): FolderProblem => ({ text, ...(key && { key }), ...(params && { params }) })

export function syncFolder(store: Store, dir: string, options: { init?: boolean; confirmDeletions?: boolean } = {}): FolderStatus {
  const status: FolderStatus = { dir, ok: false, problems: [], read: 0, written: 0, incomplete: 0, reports: [], lastSync: readState(store).folder?.lastSync ?? '' }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    status.problems.push(problem(`the folder is not reachable (${dir}): nothing was changed`, UNREACHABLE))
    return status
  }
  if (options.init && !store.device.dataset) createDataset(store, 'GFC Desk')
  const dataset = requireDataset(store)
  const markerFile = join(dir, MARKER)
  if (!existsSync(markerFile)) {
    if (!options.init) {
      status.problems.push(problem(`the folder is not set up for GFC Desk (it has no ${MARKER}); set it up once (gfc sync folder DIR --init)`, 'sync.problem.notSetUp'))
      return status
    }
    writeFileSync(markerFile, JSON.stringify({ format: 'gfc-sync-folder', version: 1, dataset }, null, 2) + '\n')
  }
  let marker: z.infer<typeof Marker>
  try {
    marker = Marker.parse(JSON.parse(readFileSync(markerFile, 'utf8')))
  } catch {
    status.problems.push(problem(`the folder's ${MARKER} is not a GFC Desk marker: nothing was changed`, 'sync.problem.badMarker'))
    return status
  }
  if (marker.dataset.id !== dataset.id) {
    status.problems.push(problem(`the folder belongs to another dataset (“${marker.dataset.name}”): nothing was changed`, 'sync.problem.otherDataset', { name: marker.dataset.name }))
    return status
  }
  updateState(store, (s) => {
    if (s.folder?.dir !== dir) s.folder = { dir, read: [], written: {}, lastSync: '' }
  })

  try {
    readIncoming(store, dir, status, !!options.confirmDeletions)
    writeOutgoing(store, dir, status)
  } catch (e) {
    if (e instanceof AppError) throw e
    // Unplugged or gone mid-sync: what was read stays read; the rest is done next time.
    status.problems.push(problem(`the folder is not reachable (${dir}): ${(e as Error).message}; what was done so far is kept, and the next sync completes it`, UNREACHABLE))
    return status
  }
  const now = new Date().toISOString()
  updateState(store, (s) => {
    if (s.folder) s.folder.lastSync = now
  })
  status.lastSync = now
  status.ok = status.problems.length === 0
  return status
}

function readIncoming(store: Store, dir: string, status: FolderStatus, confirmDeletions: boolean): void {
  const me = store.device.deviceId
  const already = new Set(readState(store).folder?.read ?? [])
  for (const device of readdirSync(dir).sort()) {
    const folder = join(dir, device)
    if (device === me || !statSync(folder).isDirectory()) continue
    const files = readdirSync(folder)
      .map((f) => [f, fileName.exec(f)] as const)
      .filter(([, m]) => m && m[1] === me)
      .sort(([, a], [, b]) => Number(a![2]) - Number(b![2]))
    for (const [f] of files) {
      const key = `${device}/${f}`
      if (already.has(key)) continue
      let report: ImportReport
      try {
        report = importBundle(store, readFileSync(join(folder, f)), { confirmDeletions })
      } catch (e) {
        if (!(e instanceof AppError)) throw e
        if (e.key && MAYBE_BEING_COPIED.has(e.key)) {
          status.incomplete++
          continue
        }
        status.problems.push(problem(`${key}: ${e.message}`))
        // A sender not enrolled here yet may be once the office's file enrolling it is read: tried again next time.
        if (e.key !== 'sync.bundle.senderUnknown') already.add(key)
        continue
      }
      status.reports.push(report)
      if (report.held) {
        status.problems.push(
          problem(
            `a bundle from ${report.fromName} would delete ${report.held.tables.map((t) => `${t.deleting} of ${t.live} ${t.table}`).join(', ')}: it waits until a person confirms`,
            'sync.problem.massDeletion',
            { from: report.fromName },
          ),
        )
        continue
      }
      already.add(key)
      status.read++
    }
  }
  if (status.incomplete) {
    const text = `${status.incomplete} file${status.incomplete === 1 ? ' is' : 's are'} still being copied (or damaged); they are tried again next time`
    status.problems.push(problem(text, 'sync.problem.copying', { count: status.incomplete }))
  }
  updateState(store, (s) => {
    if (s.folder) s.folder.read = [...already]
  })
}

/** A new file for each device that lacks something this device holds; older ones to it go (the new one holds them). */
function writeOutgoing(store: Store, dir: string, status: FolderStatus): void {
  const me = store.device.deviceId
  const mine = join(dir, me)
  const held = store.receivedVector
  const state = readState(store)
  for (const rec of Object.values(store.tables.devices)) {
    if (rec.id === me || rec.data.revoked === true || rec.data.deleted === true) continue
    const last = state.folder?.written[rec.id]
    if (last && JSON.stringify(last.vv) === JSON.stringify(held)) continue
    const bundle = buildBundle(store, rec.id)
    if (bundle.changes === 0 && last) continue
    mkdirSync(mine, { recursive: true })
    const n = (last?.n ?? 0) + 1
    const name = `to-${rec.id}-${n}.gfcsync`
    writeFileDurableSync(join(mine, name), bundle.bytes)
    for (const f of readdirSync(mine)) {
      const m = fileName.exec(f)
      if (m && m[1] === rec.id && Number(m[2]) < n) unlinkSync(join(mine, f))
    }
    updateState(store, (s) => {
      if (s.folder) s.folder.written[rec.id] = { n, vv: held }
    })
    status.written++
  }
}
