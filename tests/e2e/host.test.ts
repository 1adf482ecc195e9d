import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, launchBrowser, newPage, startHost, type Host } from '../support/e2e'
import { ROOT } from '../support/profile'

// The loopback door as an attacker and an unlucky user would meet it: the real host process over
// a real profile, spoken to in raw HTTP so that every header is the test's own choice.

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

let host: Host
let port = 0
let cookie = ''
const dataDir = mkdtempSync(join(tmpdir(), 'gfc-host-'))

function send(path: string, o: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; expectContinue?: boolean } = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...o.headers }
    if (o.body !== undefined && !o.chunked) headers['content-length'] = String(Buffer.byteLength(o.body))
    const req = httpRequest({ host: '127.0.0.1', port, path, method: o.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', fail)
    })
    req.on('error', fail)
    if (o.expectContinue) {
      // As curl does for a large body: the headers first, the body only once the door says "100 Continue".
      req.setHeader('expect', '100-continue')
      req.flushHeaders()
      req.on('continue', () => req.end(o.body))
    } else if (o.chunked && Buffer.isBuffer(o.body)) {
      // Sent in pieces, without a length: the door learns the size only as it reads.
      for (let at = 0; at < o.body.length; at += 1 << 20) req.write(o.body.subarray(at, at + (1 << 20)))
      req.end()
    } else req.end(o.body)
  })
}

/** An API call as the app's own page makes it: right Host, own Origin, the key. */
const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, cookie, ...headers },
    body: JSON.stringify(input),
  })

const contactCount = async () => JSON.parse(JSON.parse((await api('data.export', {})).body).result).contacts.length as number

beforeAll(async () => {
  assertBuilt()
  host = await startHost(dataDir)
  port = Number(new URL(host.url).port)
})
afterAll(async () => {
  await host?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the loopback door', () => {
  it('prints a one-time address; opening it sets the key as an HttpOnly, SameSite=Strict cookie, once', async () => {
    expect(host.output).toContain(`GFC Desk host: http://127.0.0.1:${port}/?token=`)
    const token = new URL(host.tokenUrl).searchParams.get('token')!
    expect(token.length).toBeGreaterThanOrEqual(40)

    expect((await send('/')).status).toBe(403)
    expect((await send(`/?token=${'x'.repeat(token.length)}`)).status).toBe(403)
    const first = await send(`/?token=${token}`)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    const setCookie = first.headers['set-cookie']![0]
    expect(setCookie).toMatch(new RegExp(`^gfc-host-${port}=[\\w-]{40,};`))
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Strict')
    expect(setCookie).not.toContain(token)
    cookie = setCookie.split(';')[0]

    const again = await send(`/?token=${token}`)
    expect(again.status).toBe(403)
    expect(again.body).toContain('has been used')
    expect(again.headers['set-cookie']).toBeUndefined()

    const page = await send('/', { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<div id="root">')
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    const status = await api('profile.status', {})
    expect(status.status).toBe(200)
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, result: { state: 'ok' } })
  })

  it('refuses API calls without the key, with a wrong key, or with another door’s key, and does nothing', async () => {
    const contact = { contact: { familyName: 'Intruder' } }
    for (const key of ['', `gfc-host-${port}=wrong`, `gfc-host-${port + 1}=${cookie.split('=')[1]}`]) {
      const r = await api('contacts.create', contact, { cookie: key })
      expect(r.status, key).toBe(403)
      expect(r.body).toContain('no key for this door')
    }
    expect((await send('/assets/', { headers: {} })).status).toBe(403)
    expect(await contactCount()).toBe(0)
  })

  it('refuses a DNS-rebinding page (Host: evil.example:PORT), even holding the key, and does nothing', async () => {
    for (const h of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `[::1]:${port}`]) {
      const read = await api('data.export', {}, { host: h, origin: `http://${h}` })
      expect(read.status, h).toBe(403)
      expect(read.body).not.toContain('gfc-desk')
      expect((await api('contacts.create', { contact: { familyName: 'Rebound' } }, { host: h, origin: `http://${h}` })).status).toBe(403)
      expect((await send('/', { headers: { host: h, cookie } })).status).toBe(403)
    }
    expect((await api('profile.status', {}, { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200)
    expect(await contactCount()).toBe(0)
  })

  it('refuses a foreign Origin, even with the right Host and the key, and does nothing', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, 'null', `https://127.0.0.1:${port}`]) {
      const r = await api('contacts.create', { contact: { familyName: 'Foreign' } }, { origin })
      expect(r.status, origin).toBe(403)
    }
    expect(await contactCount()).toBe(0)
    // Without an Origin (no browser sends a cross-origin POST without one), the key is enough.
    const own = await send('/api/contacts.create', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ contact: { familyName: 'Mensah' } }) })
    expect(JSON.parse(own.body)).toMatchObject({ ok: true })
    expect(await contactCount()).toBe(1)
  })

  it('is out of reach of a web page the user visits in the same browser, holding the key', async () => {
    // The attacker's page, on another port of the same machine: same site, so the SameSite=Strict
    // cookie goes along; the Origin the browser adds is what keeps it out.
    const attack = `<!doctype html><form id="f" method="POST" enctype="text/plain" action="http://127.0.0.1:${port}/api/contacts.create"><input name='{"contact":{"familyName":"Form","x":"' value='"}}'></form>
      <script>
        window.results = Promise.all([
          fetch('http://127.0.0.1:${port}/api/contacts.create', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ contact: { familyName: 'NoCors' } }) }).then(() => 'sent', (e) => String(e)),
          fetch('http://127.0.0.1:${port}/api/data.export', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.text(), (e) => 'blocked: ' + e),
        ])
      </script>`
    const evil = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attack))
    await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', ok))
    const browser = await launchBrowser()
    try {
      // The browser holds the key, as it does once the user has opened the one-time address.
      const key = { name: `gfc-host-${port}`, value: cookie.split('=')[1], domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Strict' as const }
      const { page } = await newPage(browser, { ...host, cookie: key })
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`)
      const [noCors, cors] = await page.evaluate(() => (window as unknown as { results: Promise<string[]> }).results)
      expect(noCors).toBe('sent') // it went out, and was refused at the door
      expect(cors).not.toContain('gfc-desk')
      const [posted] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/contacts.create') && r.request().resourceType() === 'document'),
        page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit()),
      ])
      expect(posted.status()).toBe(403)
    } finally {
      await browser.close()
      evil.close()
    }
    expect(await contactCount()).toBe(1)
  })

  it('answers a malformed address with 400 and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/api/%E0%A4%A', '/%', '/assets/%ZZ']) {
      const r = await send(path, { headers: { cookie } })
      expect(r.status, path).toBe(400)
    }
    expect((await api('profile.status', {})).status).toBe(200)
  })

  it('answers a body over the limit with 413 (not a reset), with or without a length, and keeps serving', async () => {
    const big = Buffer.alloc(60 * 1024 * 1024, 'a')
    const declared = await send('/api/data.import', { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, cookie }, body: big })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('larger than 50 MB') } })
    const streamed = await send('/api/data.import', { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, cookie }, body: big, chunked: true })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body).error.message).toContain('nothing was done')
    const asked = await send('/api/data.import', { method: 'POST', headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, cookie }, body: big, expectContinue: true })
    expect(asked.status).toBe(413)
    // A small body that asks first is let in.
    const small = await send('/api/profile.status', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}', expectContinue: true })
    expect(JSON.parse(small.body)).toMatchObject({ ok: true })
    expect((await api('profile.status', {})).status).toBe(200)
    expect(await contactCount()).toBe(1)
  })

  it('says in plain words that a port is taken, without a stack trace', () => {
    const other = mkdtempSync(join(tmpdir(), 'gfc-host-other-'))
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/host.js'), '--data', other, '--port', String(port)], { encoding: 'utf8', timeout: 30_000 })
      expect(r.status).toBe(1)
      expect(r.stderr.trim()).toBe(`GFC Desk host: Port ${port} is already in use (another GFC Desk host, or another program). Choose another with --port, or --port 0 for any free one.`)
      expect(r.stdout).toBe('')
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('streams which tables changed at /events (Server-Sent Events), behind the same guard as the API', async () => {
    expect((await send('/events')).status).toBe(403) // no key
    expect((await send('/events', { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(403)
    expect((await send('/events', { headers: { cookie, host: `evil.example:${port}` } })).status).toBe(403)
    expect((await send('/events', { method: 'POST', headers: { cookie }, body: '' })).status).toBe(405)
    const stream = await new Promise<{ type: string; text: string }>((ok, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/events', headers: { host: `127.0.0.1:${port}`, cookie }, agent: false }, (res) => {
        let text = ''
        res.on('data', (c: Buffer) => {
          text += c.toString()
          if (text.includes('\n\n') && !text.includes('event:')) void api('contacts.create', { contact: { familyName: 'Streamed' } })
          if (/event: changed\ndata: .*\n\n/.test(text)) {
            req.destroy()
            ok({ type: String(res.headers['content-type']), text })
          }
        })
      })
      req.on('error', fail)
      req.end()
    })
    expect(stream.type).toMatch(/^text\/event-stream/)
    expect(stream.text).toContain('event: changed\ndata: ["contacts"]\n\n')
  })
})
