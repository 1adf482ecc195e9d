import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'

// Pure URL and path rules of the Electron shell. No `electron` import here, so the rules run
// (and are tested) under plain Node; the modules that talk to Electron only apply them.

/** The UI is served from app://gfc/ — a standard, secure scheme registered by the shell. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'gfc'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Sent with every response of the app:// scheme. No remote anything; inline styles only (React style props). */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** What a mailto: link may prefill. Some mail clients also honour "attach=" (a file of this
 *  computer attached to the draft): that, and anything else, is refused. */
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body'])

/**
 * Where the spell-checker would download its dictionaries (Hunspell, on Windows and Linux):
 * the discard port of this computer, so nothing is ever fetched from the network. macOS and
 * Windows check with the dictionaries of the operating system, which are on the machine.
 */
export const DICTIONARY_DOWNLOAD_URL = 'http://127.0.0.1:9/'

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * The URL to hand to the operating system, or null when it must not leave the app: only
 * http, https (with a host, without user:password@), mailto (recipients, subject and body
 * only) and tel (a number: digits, with a leading +). Returns the parsed, re-serialised form so
 * what is opened is exactly what was checked (a host in another script shows as its xn-- form,
 * so a look-alike name cannot pass as another).
 */
export function externalUrl(url: unknown): string | null {
  const u = parse(url)
  if (!u || !EXTERNAL_PROTOCOLS.has(u.protocol)) return null
  if (u.protocol === 'mailto:') {
    if ([...u.searchParams.keys()].some((k) => !MAILTO_FIELDS.has(k.toLowerCase()))) return null
    return u.pathname.length > 0 || u.search.length > 0 ? u.href : null
  }
  if (u.protocol === 'tel:') return /^\+?\d{2,20}$/.test(u.pathname) && !u.search && !u.hash ? u.href : null
  if (!u.hostname || u.username || u.password) return null
  return u.href
}

/** A web link leaves the app only once the person agrees (the product has no web site of its
 *  own: its pages are app://gfc/, which stay in the window). An e-mail link opens a draft. */
export function needsConfirmation(safeUrl: string): boolean {
  return safeUrl.startsWith('http:') || safeUrl.startsWith('https:')
}

export function isAllowedExternal(url: unknown): boolean {
  return externalUrl(url) !== null
}

/** True for a URL of the app's own origin, app://gfc/… (scheme and host compared exactly). */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url)
  return !!u && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
}

/**
 * True when `url` belongs to the UI's origin: app://gfc/, or in development the electron-vite
 * dev server (`devServerUrl`, only ever passed when the app is not packaged).
 */
export function isSameAppOrigin(url: unknown, devServerUrl?: string): boolean {
  if (isAppUrl(url)) return true
  if (!devServerUrl) return false
  const u = parse(url)
  const dev = parse(devServerUrl)
  return !!u && !!dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && u.origin === dev.origin
}

/**
 * The file of the built renderer folder that an app://gfc/ request asks for, or null (→ 404)
 * when the request is not for our origin, is malformed, or would leave the folder: `..`
 * segments (plain or percent-encoded), backslashes, NUL bytes and absolute paths are refused
 * before resolving, and the resolved path must still lie inside `rendererDir`.
 * "/" and "" map to index.html.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null
  // Work on the raw path, not on URL.pathname: the URL parser silently removes dot segments,
  // and a request that tried to climb out is refused outright rather than "repaired".
  const m = /^app:\/\/gfc(\/[^?#]*)?(?:[?#].*)?$/i.exec(requestUrl)
  if (!m) return null
  const rawPath = m[1] ?? '/'
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const segments = path.split('/').filter((s) => s.length > 0)
  if (segments.some((s) => s === '..' || s === '.' || /^[a-z]:$/i.test(s))) return null
  if (segments.length === 0 || path.endsWith('/')) segments.push('index.html')

  const root = resolve(rendererDir)
  const file = resolve(join(root, ...segments))
  const rel = relative(root, file)
  if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) return null
  return file
}

/** True for a client-side route (no file extension), which is answered with index.html. */
export function isRoutePath(file: string): boolean {
  return extname(file) === ''
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Headers of every app:// response, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  }
}

/**
 * Whether the session lets a network request through. The packaged app loads nothing over
 * the network; in development the dev server (its http origin and its HMR websocket on the
 * same host and port) is the only exception.
 */
export function isAllowedRequest(url: unknown, devServerUrl?: string): boolean {
  if (isAppUrl(url)) return true
  if (!devServerUrl) return false
  const u = parse(url)
  const dev = parse(devServerUrl)
  if (!u || !dev) return false
  const sameKind =
    (dev.protocol === 'http:' && (u.protocol === 'http:' || u.protocol === 'ws:')) ||
    (dev.protocol === 'https:' && (u.protocol === 'https:' || u.protocol === 'wss:'))
  return sameKind && u.host === dev.host
}
