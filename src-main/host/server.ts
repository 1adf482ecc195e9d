import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve, sep } from 'node:path'
import type { App } from '../core/app'
import { dispatch } from '../core/dispatch'
import type { ErrorCode } from '../core/model/errors'
import { DoorGuard, MAX_BODY_BYTES } from './guard'

// The loopback door: the built renderer, POST /api/<method> over the same dispatch as
// Electron's IPC, and GET /events, Server-Sent Events saying which tables changed. For end-to-end tests in Chromium, and for using the UI without Electron.
// Who may come in is decided by guard.ts; every refusal is an answer, never a dropped connection.

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** On every answer: no framing, no sniffing, and no Referer that could carry the address along. */
const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

const HOW_TO_ENTER = 'Open the address that `npm run host` printed (it holds a one-time key); restart it for a new one.'

const awaitsContinue = (req: IncomingMessage) => /100-continue/i.test(req.headers.expect ?? '')

/**
 * Answers. A refusal may come before the request's body is read: the body is then read to its
 * end and dropped first, so a client still sending gets the answer rather than a reset. (A client
 * that waits for "100 Continue" has sent no body: it gets the answer at once.)
 */
function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
  const answer = () => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers })
    res.end(body)
  }
  const req = res.req
  if (req.complete || awaitsContinue(req)) return answer()
  req.once('end', answer)
  req.resume()
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json; charset=utf-8')
}

const TOO_LARGE = Symbol('too large')

/** The body as text, or TOO_LARGE as soon as it passes the limit (send() reads the rest). */
function readBody(req: IncomingMessage): Promise<string | typeof TOO_LARGE> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0
        ok(TOO_LARGE)
      } else chunks.push(c)
    })
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')))
    req.on('error', fail)
  })
}

async function api(app: App, guard: DoorGuard, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  // Only same-origin JSON posts with this run's secret: a page elsewhere cannot drive the core.
  if (!guard.originAllowed(req.headers)) return send(res, 403, 'Forbidden: this door answers its own page only.')
  if (!guard.hasSecret(req.headers)) return send(res, 403, `Forbidden: no key for this door. ${HOW_TO_ENTER}`)
  if (req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/json')) return send(res, 405, 'Only POST with a JSON body.')
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
    return sendError(res, 413, 'validation', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; nothing was done.`)
  }
  if (awaitsContinue(req)) res.writeContinue()
  const body = await readBody(req)
  if (body === TOO_LARGE) return sendError(res, 413, 'validation', `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; nothing was done.`)
  let input: unknown
  try {
    input = body ? JSON.parse(body) : {}
  } catch (e) {
    return sendError(res, 400, 'validation', `The request is not valid JSON (${(e as Error).message.slice(0, 200)}); nothing was done.`)
  }
  const reply = await dispatch(app, path.slice('/api/'.length), input)
  send(res, 200, JSON.stringify(reply), 'application/json; charset=utf-8')
}

/** Which tables each change touched, as Server-Sent Events ("changed", data: a JSON list of
 *  table names), for as long as the page stays: its screens read again only what changed. */
function events(app: App, guard: DoorGuard, req: IncomingMessage, res: ServerResponse): void {
  if (!guard.originAllowed(req.headers)) return send(res, 403, 'Forbidden: this door answers its own page only.')
  if (!guard.hasSecret(req.headers)) return send(res, 403, `Forbidden: no key for this door. ${HOW_TO_ENTER}`)
  if (req.method !== 'GET') return send(res, 405, 'Only GET here.')
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8' })
  res.write(': open\n\n')
  const stop = app.onChanged((tables) => res.write(`event: changed\ndata: ${JSON.stringify(tables)}\n\n`))
  res.on('close', stop)
}

function file(root: string, req: IncomingMessage, res: ServerResponse, path: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Only GET here.')
  let file = resolve(join(root, path))
  if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Not found.')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).on('error', () => res.destroy()).pipe(res)
}

async function handle(app: App, guard: DoorGuard, root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Who is asking comes first: nothing else is looked at for a stranger.
  if (!guard.hostAllowed(req.headers)) return send(res, 403, 'Forbidden: this door answers to 127.0.0.1 and localhost only.')
  const raw = req.url ?? ''
  if (!raw.startsWith('/')) return send(res, 400, 'Bad request: the path must start with /.')
  let url: URL
  let path: string
  try {
    url = new URL(raw, 'http://127.0.0.1')
    path = decodeURIComponent(url.pathname)
  } catch {
    return send(res, 400, 'Bad request: the address is not well formed.')
  }
  const token = url.searchParams.get('token')
  if (path === '/' && token !== null) {
    // The one-time address: its token becomes the cookie, and the address bar drops the token.
    const cookie = guard.redeem(token)
    if (cookie) return send(res, 303, 'In.', undefined, { location: '/', 'set-cookie': cookie })
    if (guard.hasSecret(req.headers)) return send(res, 303, 'In.', undefined, { location: '/' })
    return send(res, 403, `Forbidden: this key has been used or is not this door's. ${HOW_TO_ENTER}`)
  }
  if (path.startsWith('/api/')) return api(app, guard, req, res, path)
  if (path === '/events') return events(app, guard, req, res)
  if (!guard.hasSecret(req.headers)) return send(res, 403, `Forbidden: no key for this door. ${HOW_TO_ENTER}`)
  file(root, req, res, path)
}

export interface Door {
  server: Server
  port: number
  /** The address to open once, with the one-time token. */
  url: string
}

/** The door on 127.0.0.1:`port` (0: any free port). Fails with EADDRINUSE when the port is taken. */
export function startHost(app: App, rendererDir: string, port: number): Promise<Door> {
  const root = resolve(rendererDir)
  let guard: DoorGuard | undefined
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(app, guard!, root, req, res).catch((e: unknown) => {
      // Never the stack to the client; the door keeps serving.
      console.error(`GFC Desk host: ${req.method} ${req.url?.slice(0, 200)} failed: ${(e as Error)?.message ?? e}`)
      if (!res.headersSent) sendError(res, 500, 'internal', 'The door could not answer this request.')
      else res.destroy()
    })
  }
  const server = createServer(listener)
  // "Expect: 100-continue" (curl, for large bodies): the body is asked for only once the request passed the guard.
  server.on('checkContinue', listener)
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail)
      const actual = (server.address() as AddressInfo).port
      guard = new DoorGuard(actual)
      ok({ server, port: actual, url: `http://127.0.0.1:${actual}/?token=${guard.token}` })
    })
  })
}
