import { BrowserWindow, dialog } from 'electron'
import { leaveQuestion } from './unsaved'
import { preloadPath } from './paths'
import { APP_ENTRY_URL } from './url-policy'

export const WINDOW_TITLE = 'GFC Desk'

/**
 * The app's one window. Electron's security checklist, stated explicitly even where it is
 * the default: isolated, sandboxed renderer without Node; web security on; no <webview>.
 * It shows our own UI only: app://gfc/, or the dev server in development. `uiLanguage` gives
 * the language of the question asked when it is closed with unsaved changes.
 */
export function createMainWindow(devServerUrl: string | undefined, uiLanguage: () => string): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 840,
    minWidth: 640, // half a laptop screen: the UI folds its sidebar away below 900 px
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
  // A form with unsaved changes holds the close (beforeunload); the person decides.
  win.webContents.on('will-prevent-unload', (event) => {
    const q = leaveQuestion(uiLanguage())
    const choice = dialog.showMessageBoxSync(win, { type: 'question', title: q.title, message: q.message, detail: q.detail, buttons: q.buttons, defaultId: 1, cancelId: 1, noLink: true })
    if (choice === 0) event.preventDefault() // leave: the page's objection is overridden
  })
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
