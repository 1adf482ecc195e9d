import { ipcMain, type BrowserWindow } from 'electron'
import type { App } from '../core/app'
import { dispatch, isMethod } from '../core/dispatch'
import { CHANGED_CHANNEL, INVOKE_CHANNEL, isTrustedSender } from './ipc-policy'

let stopChanges: (() => void) | undefined

/**
 * Calls come in on `gfc:invoke(method, input)`; which tables changed goes out to our window on
 * `gfc:changed` (names of tables only, so the screens read again what they show). The sender must be the main frame of
 * our window showing our origin; the method must be in the contract; dispatch validates the
 * input against its schema and runs it. No business rule lives here.
 */
export function registerIpc(core: App, getWindow: () => BrowserWindow | null, devServerUrl?: string): void {
  stopChanges = core.onChanged((tables) => {
    const win = getWindow()
    if (win && !win.isDestroyed()) win.webContents.send(CHANGED_CHANNEL, tables)
  })
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    const win = getWindow()
    const trusted =
      !!win &&
      !win.isDestroyed() &&
      event.sender.id === win.webContents.id &&
      isTrustedSender(event.senderFrame, win.webContents.mainFrame, devServerUrl)
    if (!trusted) {
      console.warn(`Refused ${INVOKE_CHANNEL} from an untrusted frame:`, event.senderFrame?.url ?? '(gone)')
      throw new Error('Refused: this frame may not call the app.')
    }
    if (typeof method !== 'string' || !isMethod(method)) {
      const name = typeof method === 'string' ? method.slice(0, 100) : typeof method
      return { ok: false, error: { code: 'unknown_method', message: `There is no method called ${name}.` } }
    }
    return dispatch(core, method, input)
  })
}

export function unregisterIpc(): void {
  ipcMain.removeHandler(INVOKE_CHANNEL)
  stopChanges?.()
}
