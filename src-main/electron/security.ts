import type { Session, WebContents } from 'electron'
import { openExternalSafely } from './external'
import { isAllowedRequest, isSameAppOrigin } from './url-policy'

/**
 * Deny by default, for the whole session: no permission (camera, notifications, clipboard
 * read, geolocation …) is ever granted, no device is ever chosen, and no request leaves the
 * machine (in development, only the electron-vite dev server is reachable).
 */
export function hardenSession(ses: Session, devServerUrl?: string): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}))
  ses.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*'] },
    (details, callback) => callback({ cancel: !isAllowedRequest(details.url, devServerUrl) }),
  )
}

/**
 * Applied to every webContents the app ever creates (our window, and anything a bug might
 * open): navigation and redirects stay on the app's origin, new windows are refused (a
 * web link goes to the system browser through openExternalSafely), <webview> never attaches.
 */
export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.on('will-navigate', (event) => {
    if (isSameAppOrigin(event.url, devServerUrl)) return
    event.preventDefault()
    openExternalSafely(event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isSameAppOrigin(event.url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isSameAppOrigin(event.url, devServerUrl)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
