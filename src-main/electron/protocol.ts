import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { APP_SCHEME, isRoutePath, mimeTypeFor, resolveAppPath, securityHeaders } from './url-policy'

/**
 * Must run before the app is ready: app:// behaves like https (standard URL parsing, secure
 * context, fetch). No CSP bypass, no service workers, no CORS.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } })
}

/**
 * Serves the built renderer folder on app://gfc/. Every response carries the strict CSP.
 * A path that leaves the folder, or a missing file, is a 404; a client-side route (a path
 * without an extension) is answered with index.html.
 */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    const file = resolveAppPath(rendererDir, request.url)
    if (!file) return plain(404, 'Not found')
    const candidates = isRoutePath(file) ? [file, join(rendererDir, 'index.html')] : [file]
    for (const path of candidates) {
      try {
        const body = await readFile(path)
        const headers = { ...securityHeaders(), 'Content-Type': mimeTypeFor(path), 'Content-Length': String(body.byteLength) }
        return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
      } catch {
        // missing or unreadable (a folder, say): try the next candidate, then 404
      }
    }
    return plain(404, 'Not found')
  })
}
