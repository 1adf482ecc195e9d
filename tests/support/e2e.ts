import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ROOT, waitExit } from './profile'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The built renderer is needed: `npm test` builds it before the tests run. */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm test does).')
  }
}

export interface Host {
  url: string
  proc: ChildProcess
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** The loopback host over the real core, on a free port, in its own process; files it is
 *  asked to save go into `exportsDir` (default: the profile's exports/). */
export function startHost(dataDir: string, exportsDir?: string): Promise<Host> {
  const args = ['--data', dataDir, '--port', '0', ...(exportsDir ? ['--exports', exportsDir] : [])]
  const proc = spawn(process.execPath, [join(ROOT, 'bin/host.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((ok, fail) => {
    let out = ''
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)
      if (m) {
        ok({
          url: m[0],
          proc,
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

/** A page on the app; `errors` collects uncaught page errors and console errors, to assert none. */
export async function newPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(url)
  return { page, errors }
}
