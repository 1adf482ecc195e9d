import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { syncInputs } from './api-sync'
import type { HandlerMap } from './dispatch'
import type { App } from './app'
import { AppError } from './model/errors'
import { listConflicts, resolveConflict } from './services/sync/conflicts'
import { createDataset, deviceCard, enrolDevice, joinDataset, listDevices, readCard, renameDevice, revokeDevice, showDevice } from './services/sync/devices'
import { buildBundle, heldBundles, importBundle } from './services/sync/exchange'
import { MARKER, syncFolder, UNREACHABLE } from './services/sync/folder'
import { recordHistory } from './services/sync/history'
import { readState, updateState } from './services/sync/state'
import { FILE_MODE } from './store/durable-file'

async function save(app: App, title: string, name: string, content: string | Buffer): Promise<string | null> {
  const path = await app.shell.chooseSaveFile(title, name)
  if (path) writeFileSync(path, content, { mode: FILE_MODE })
  return path
}

/** The door answers with a new folder named inside the one picked; a person who picked a shared
 *  folder set up already means that one. Setting one up makes the named folder. */
function sharedFolder(picked: string, init: boolean): string {
  if (existsSync(join(dirname(picked), MARKER))) return dirname(picked)
  if (init) mkdirSync(picked, { recursive: true })
  return picked
}

function folderOf(app: App): string {
  const dir = readState(app.store).folder?.dir
  if (!dir) throw new AppError('conflict', 'No shared folder is chosen yet: choose one first (gfc sync folder DIR).')
  return dir
}

export const syncHandlers: HandlerMap<keyof typeof syncInputs> = {
  'device.show': (app) => showDevice(app.store),
  'device.rename': (app, i) => renameDevice(app.store, i.name),
  'device.card': (app) => deviceCard(app.store),
  'device.saveCard': async (app) => {
    const path = await save(app, 'Save this device\'s identity card', `GFC device ${app.store.device.name || app.store.device.deviceId}.gfccard`, deviceCard(app.store))
    return path ? { path } : null
  },
  'device.readCard': (_app, i) => {
    const c = readCard(i.card)
    return { id: c.id, name: c.name, fingerprint: c.fingerprint }
  },
  'device.enrol': async (app, i) => {
    const e = enrolDevice(app.store, i.card, i.scope)
    return { device: e.device, path: await save(app, 'Save the enrolment file to send to the device', e.fileName, e.content) }
  },
  'device.revoke': (app, i) => revokeDevice(app.store, i.id),
  'device.join': (app, i) => joinDataset(app.store, Buffer.from(i.content, 'base64').toString('utf8')),
  'devices.list': (app) => listDevices(app.store),
  'dataset.create': (app, i) => createDataset(app.store, i.name),
  'sync.status': (app) => {
    const s = readState(app.store)
    return {
      device: showDevice(app.store),
      devices: listDevices(app.store),
      conflicts: listConflicts(app.store).length,
      waiting: [...app.store.waiting].map(([d, why]) => `device ${d}: ${why}`),
      folder: s.folder ? { dir: s.folder.dir, lastSync: s.folder.lastSync } : null,
      held: heldBundles(app.store).length,
    }
  },
  'sync.exportBundle': async (app, i) => {
    const b = buildBundle(app.store, i.to)
    const path = await save(app, 'Save the changes to send', b.fileName, b.bytes)
    return path ? { path, changes: b.changes, bytes: b.bytes.length } : null
  },
  'sync.importBundle': (app, i) => importBundle(app.store, Buffer.from(i.contentBase64, 'base64'), { confirmDeletions: i.confirmDeletions }),
  'sync.chooseFolder': async (app, i) => {
    const picked = await app.shell.chooseFolder('Choose the shared folder for sync', 'GFC sync')
    if (!picked) return null
    const dir = sharedFolder(picked, i.init)
    const status = syncFolder(app.store, dir, { init: i.init })
    if (!status.problems.some((p) => p.key === UNREACHABLE)) {
      updateState(app.store, (s) => {
        if (!s.folder || s.folder.dir !== dir) s.folder = { dir, read: [], written: {}, lastSync: status.lastSync }
      })
    }
    return status
  },
  'sync.folder': (app, i) => syncFolder(app.store, folderOf(app), { confirmDeletions: i.confirmDeletions }),
  'conflicts.list': (app) => listConflicts(app.store),
  'conflicts.resolve': (app, i) => resolveConflict(app.store, i),
  'history.get': (app, i) => recordHistory(app.store, i.table, i.id),
}
