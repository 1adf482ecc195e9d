import { BrowserWindow } from 'electron'
import { preloadPath } from './paths'
import { APP_ENTRY_URL } from './url-policy'

export const WINDOW_TITLE = 'GFC Desk'

/**
 * The app's one window. Electron's security checklist, stated explicitly even where it is
 * the default: isolated, sandboxed renderer without Node; web security on; no <webview>.
 * It shows our own UI only: app://gfc/, or the dev server in development.
 */
export function createMainWindow(devServerUrl?: string): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 840,
    minWidth: 880,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click would open a link in a new window: not even the attempt.
      disableBlinkFeatures: 'Auxclick',
      // Dictionaries come from the operating system, never from the network (security.ts).
      spellcheck: true,
    },
  })
  win.once('ready-to-show', () => win.show())
  const url = devServerUrl ?? APP_ENTRY_URL
  win.loadURL(url).catch((e: unknown) => console.error(`Could not load ${url}:`, e))
  return win
}

export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return
  if (win.isMinimized()) win.restore()
  if (!win.isVisible()) win.show()
  win.focus()
}
