import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Cookie, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { ROOT, waitExit } from './profile'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The built renderer is needed: `npm test` builds it before the tests run. */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm test does).')
  }
}

export interface Host {
  /** The app's address, once a browser holds the key (see newPage). */
  url: string
  /** The one-time address the host printed: the first page on this host opens it. */
  tokenUrl: string
  /** The key, once the token URL has been opened: later pages (fresh browser contexts) carry it. */
  cookie?: Cookie
  proc: ChildProcess
  /** Everything the host printed on stdout so far. */
  readonly output: string
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** The loopback host over the real core, on a free port, in its own process; files it is
 *  asked to save go into `exportsDir` (default: the profile's exports/). */
export function startHost(dataDir: string, exportsDir?: string, extraArgs: string[] = []): Promise<Host> {
  const args = ['--data', dataDir, '--port', '0', ...(exportsDir ? ['--exports', exportsDir] : []), ...extraArgs]
  const proc = spawn(process.execPath, [join(ROOT, 'bin/host.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((ok, fail) => {
    let out = ''
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)\?token=[\w-]+/.exec(out)
      if (m) {
        ok({
          url: m[1],
          tokenUrl: m[0],
          proc,
          get output() {
            return out
          },
          async stop(signal = 'SIGTERM') {
            proc.kill(signal)
            await waitExit(proc)
          },
        })
      }
    })
    proc.on('exit', (code) => fail(new Error(`host exited with ${code}: ${out}`)))
  })
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/**
 * A page on the app, in a browser context of its own; `errors` collects uncaught page errors and
 * console errors, to assert none. The first page on a host opens its one-time address, as a
 * person does; the key it leaves (an HttpOnly cookie) is given to the later pages, as a browser
 * gives it to its other tabs.
 */
export async function newPage(browser: Browser, host: Host): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' })
  if (host.cookie) await context.addCookies([host.cookie])
  const page = await context.newPage()
  // The browser may be closing already (afterAll): then the context goes with it.
  page.on('close', () => context.close().catch(() => {}))
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(host.cookie ? host.url : host.tokenUrl)
  if (!host.cookie) {
    host.cookie = (await context.cookies(host.url)).find((c) => c.name.startsWith('gfc-host-'))
    if (!host.cookie) throw new Error(`Opening ${host.tokenUrl} left no key: the host refused it.`)
  }
  return { page, errors }
}

export interface AppUnderTest {
  /** Where the host saves the files it is asked to save. */
  readonly exportsDir: string
  /** The one page on the app: a file's tests are steps of one story, each going on from the last. */
  readonly page: Page
  /** Uncaught page errors and console errors so far (see newPage). */
  readonly errors: string[]
}

/**
 * A fresh profile served by the loopback host, with a Chromium page on it, for the whole test file:
 * registers the beforeAll that starts them and the afterAll that stops them and removes the folders.
 * `page` and `errors` exist once the tests run.
 */
export function appUnderTest(name: string): AppUnderTest {
  const dataDir = mkdtempSync(join(tmpdir(), `gfc-e2e-${name}-`))
  const exportsDir = mkdtempSync(join(tmpdir(), `gfc-e2e-${name}-exports-`))
  let browser: Browser | undefined
  let host: Host | undefined
  let opened: { page: Page; errors: string[] } | undefined

  beforeAll(async () => {
    assertBuilt()
    browser = await launchBrowser()
    host = await startHost(dataDir, exportsDir)
    opened = await newPage(browser, host)
  })
  afterAll(async () => {
    await host?.stop()
    await browser?.close()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(exportsDir, { recursive: true, force: true })
  })

  const started = () => {
    if (!opened) throw new Error('The app under test starts in beforeAll: use it from the tests.')
    return opened
  }
  return {
    exportsDir,
    get page() {
      return started().page
    },
    get errors() {
      return started().errors
    },
  }
}

/** Calls the contract from inside `page`, as the UI does (the page carries the host's key). */
export async function callApi<T = unknown>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const reply = await page.evaluate(
    async ([m, i]) => (await fetch('/api/' + m, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).json(),
    [method, input] as const,
  )
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.result as T
}
