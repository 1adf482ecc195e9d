import { app, BrowserWindow, dialog, Menu, session } from 'electron'
import { join } from 'node:path'
import { App } from '../core/app'
import type { Language } from '../core/model/fields'
import { DataDirError, parseDataDirArg } from './data-dir'
import { registerIpc, unregisterIpc } from './ipc'
import { buildMenu, setAboutPanel } from './menu'
import { rendererDir } from './paths'
import { dialogShell } from './shell'
import { handleAppProtocol, registerAppScheme } from './protocol'
import { hardenSession, hardenWebContents } from './security'
import { createMainWindow, focusWindow } from './window'

// The Electron door to the core: lifecycle, one window, one IPC channel for calls (and one for
// change events, to the window), the app:// scheme, and the security policy. Every call goes
// through core/dispatch; no business rule here.

/** Longest wait for the profile to flush and unlock on quit before the process gives up. */
const CLOSE_TIMEOUT_MS = 15_000

// Before `ready`: the privileged scheme and the sandbox for every renderer.
registerAppScheme()
app.enableSandbox()

// electron-vite dev sets this; a packaged app never follows it.
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : undefined

let core: App | null = null
let mainWindow: BrowserWindow | null = null

function openWindow(): void {
  const win = createMainWindow(devServerUrl, uiLanguage)
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  mainWindow = win
}

/** The interface language of this device (English until the profile is open). */
function uiLanguage(): Language {
  return core?.status().state === 'ok' ? core.store.preferences.uiLanguage : 'en'
}

function dataDirectory(): string {
  return parseDataDirArg(process.argv.slice(1), process.env) ?? join(app.getPath('userData'), 'profile')
}

async function start(): Promise<void> {
  const dataDir = dataDirectory()
  core = await App.open(dataDir, dialogShell(() => mainWindow))
  setAboutPanel()
  hardenSession(session.defaultSession, devServerUrl)
  handleAppProtocol(rendererDir)
  registerIpc(core, () => mainWindow, devServerUrl)
  Menu.setApplicationMenu(buildMenu())
  openWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
}

function fail(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e)
  console.error('GFC Desk could not start:', e)
  dialog.showErrorBox('GFC Desk could not start', message)
  app.exit(e instanceof DataDirError ? 2 : 1)
}

/** Quit only after the profile is flushed and its lock released: prevent once, close, quit again. */
function closeProfileBeforeQuit(): void {
  let closing = false
  let closed = false
  app.on('will-quit', (event) => {
    if (closed || !core) return
    event.preventDefault()
    if (closing) return
    closing = true
    unregisterIpc()
    const timer = setTimeout(() => {
      console.error(`The profile did not close within ${CLOSE_TIMEOUT_MS / 1000} s; exiting.`)
      app.exit(1)
    }, CLOSE_TIMEOUT_MS)
    core
      .close()
      .catch((e: unknown) => console.error('Could not close the profile cleanly:', e))
      .finally(() => {
        clearTimeout(timer)
        closed = true
        app.quit()
      })
  })
}

if (!app.requestSingleInstanceLock()) {
  // Another GFC Desk is running: it receives 'second-instance' and comes to the front.
  app.quit()
} else {
  if (process.platform === 'win32') app.setAppUserModelId('org.gfc-desk.app')
  app.on('second-instance', () => focusWindow(mainWindow))
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { devServerUrl, language: uiLanguage }))
  app.on('window-all-closed', () => app.quit())
  closeProfileBeforeQuit()
  app.whenReady().then(start).catch(fail)
}
