import { app, dialog, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { Shell } from '../core/shell'
import { safeStorageKeeper } from './key-keeper'

/** The core's Shell, with Electron's dialogs: the person picks where files go. */
export function dialogShell(window: () => BrowserWindow | null): Shell {
  const parent = () => window() ?? undefined
  return {
    keys: safeStorageKeeper(),
    // The person picks a parent folder; the batch gets its own named folder inside it.
    async chooseFolder(title, suggestedName) {
      const options = { title, defaultPath: app.getPath('documents'), properties: ['openDirectory' as const, 'createDirectory' as const] }
      const win = parent()
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled || !r.filePaths[0] ? null : join(r.filePaths[0], suggestedName)
    },
    async chooseSaveFile(title, suggestedName) {
      const options = { title, defaultPath: join(app.getPath('documents'), suggestedName) }
      const win = parent()
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
  }
}
