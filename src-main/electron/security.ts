import type { Session, WebContents } from 'electron'
import type { Language } from '../core/model/fields'
import { openExternalSafely } from './external'
import { DICTIONARY_DOWNLOAD_URL, isAllowedRequest, isSameAppOrigin } from './url-policy'

/**
 * Deny by default, for the whole session: no permission (camera, notifications, clipboard
 * read, geolocation …) is ever granted, no device is ever chosen, no request leaves the
 * machine (in development, only the electron-vite dev server is reachable), and the
 * spell-checker never downloads a dictionary.
 */
export function hardenSession(ses: Session, devServerUrl?: string): void {
  ses.setSpellCheckerDictionaryDownloadURL(DICTIONARY_DOWNLOAD_URL)
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}))
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'] },
    (details, callback) => callback({ cancel: !isAllowedRequest(details.url, devServerUrl) }),
  )
}

export interface LinkPolicy {
  devServerUrl?: string
  /** The interface language, for the question asked before a web link leaves the app. */
  language: () => Language
}

/**
 * Applied to every webContents the app ever creates (our window, and anything a bug might
 * open): navigation and redirects stay on the app's origin, new windows are refused (a
 * web link goes to the system browser through openExternalSafely, once the person agrees),
 * <webview> never attaches.
 */
export function hardenWebContents(contents: WebContents, { devServerUrl, language }: LinkPolicy): void {
  const openOutside = (url: string) => {
    openExternalSafely(url, contents, language()).catch((e: unknown) => console.warn('Could not open', url.slice(0, 200), e))
  }
  contents.on('will-navigate', (event) => {
    if (isSameAppOrigin(event.url, devServerUrl)) return
    event.preventDefault()
    openOutside(event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isSameAppOrigin(event.url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isSameAppOrigin(event.url, devServerUrl)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
