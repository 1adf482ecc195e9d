import fc from 'fast-check'
import { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DataDirError, parseDataDirArg } from '../../src-main/electron/data-dir'
import { INVOKE_CHANNEL, isTrustedSender, type FrameLike } from '../../src-main/electron/ipc-policy'
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  DICTIONARY_DOWNLOAD_URL,
  externalUrl,
  isAllowedExternal,
  isAllowedRequest,
  isAppUrl,
  isRoutePath,
  isSameAppOrigin,
  mimeTypeFor,
  needsConfirmation,
  resolveAppPath,
  securityHeaders,
} from '../../src-main/electron/url-policy'

// The Electron binary is not installed on the build machines, so the shell keeps its rules in
// modules that never import 'electron' (tested here), and the built bundle is inspected as text.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const rendererDir = resolve('/srv/gfc/out/renderer')
const inside = (p: string | null): boolean => {
  if (p === null) return false
  const rel = relative(rendererDir, p)
  return rel !== '' && !isAbsolute(rel) && !rel.split(sep).includes('..')
}

describe('external links: openExternalSafely lets out only http, https, mailto and tel', () => {
  it.each([
    'http://example.org/',
    'https://www.un.org/en/peacekeeping',
    'https://un.org/page?q=a b#frag',
    'mailto:secretariat@example.org',
    'mailto:a@example.org?subject=Meeting',
    'mailto:a@example.org?cc=b@example.org&bcc=c@example.org&subject=Invitation&body=Dear%20colleague',
    'HTTPS://WWW.UN.ORG/',
    'tel:+12125550100',
    'tel:0612345678',
  ])('allows %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.org/1234',
    'app://gfc/index.html',
    'ms-settings:privacy',
    'smb://server/share',
    'ftp://example.org/file',
    'chrome://settings',
    'about:blank',
    'https://user:password@example.org/',
    'http://',
    'mailto:',
    'mailto:a@example.org?attach=/home/user/.ssh/id_rsa',
    'mailto:a@example.org?subject=x&Attachment=C:%5CUsers%5Cme%5Cgfc.json',
    'mailto:?body=x&x-unknown=1',
    'sms:+12125550100',
    'tel:',
    'tel:+1 212 555',
    'tel:*21#',
    'tel:+12125550100;phone-context=evil',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false)
    expect(externalUrl(url)).toBeNull()
  })

  it('refuses what is not a string', () => {
    for (const v of [undefined, null, 42, {}, ['https://example.org'], new URL('https://example.org')]) {
      expect(isAllowedExternal(v)).toBe(false)
    }
  })

  it('hands over the parsed, re-serialised URL, not the raw text', () => {
    expect(externalUrl('HTTPS://WWW.UN.ORG')).toBe('https://www.un.org/')
    expect(externalUrl('https://un.org/a b')).toBe('https://un.org/a%20b')
    // A look-alike host in another script is shown and opened as what it is.
    expect(externalUrl('https://\u0440\u0430ypal.com/')).toBe('https://xn--ypal-43d9g.com/')
  })

  it('asks before a web address leaves the app, not before an e-mail draft', () => {
    expect(needsConfirmation(externalUrl('https://www.un.org/')!)).toBe(true)
    expect(needsConfirmation(externalUrl('http://example.org/')!)).toBe(true)
    expect(needsConfirmation(externalUrl('mailto:a@example.org')!)).toBe(false)
  })

  it('points the spell-checker’s dictionary downloads at this computer’s discard port, which the session blocks too', () => {
    const u = new URL(DICTIONARY_DOWNLOAD_URL)
    expect(u.hostname).toBe('127.0.0.1')
    expect(isAllowedRequest(`${DICTIONARY_DOWNLOAD_URL}en-US-10-1.bdic`)).toBe(false)
    expect(isAllowedRequest(`${DICTIONARY_DOWNLOAD_URL}fr-FR-3-0.bdic`, 'http://localhost:5173')).toBe(false)
  })
})

describe('app origin', () => {
  it('recognises app://gfc/ only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl('app://gfc/')).toBe(true)
    expect(isAppUrl('app://gfc/contacts?x=1#y')).toBe(true)
    for (const url of ['app://evil/index.html', 'app://gfc.evil/', 'https://gfc/', 'http://localhost:5173/', 'file:///app/gfc', 'appx://gfc/', '', 'gfc']) {
      expect(isAppUrl(url)).toBe(false)
    }
  })

  it('accepts the dev server only when one is given', () => {
    const dev = 'http://localhost:5173/'
    expect(isSameAppOrigin('http://localhost:5173/contacts', dev)).toBe(true)
    expect(isSameAppOrigin('http://localhost:5173/contacts')).toBe(false)
    expect(isSameAppOrigin('http://localhost:5174/', dev)).toBe(false)
    expect(isSameAppOrigin('https://example.org/', dev)).toBe(false)
    expect(isSameAppOrigin('app://gfc/index.html', dev)).toBe(true)
    expect(isSameAppOrigin('file:///x', 'file:///x')).toBe(false)
  })

  it('lets no network request through, except to the dev server in development', () => {
    expect(isAllowedRequest('https://example.org/x.js')).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(isAllowedRequest('app://gfc/assets/x.js')).toBe(true)
    const dev = 'http://localhost:5173'
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true)
    expect(isAllowedRequest('wss://localhost:5173/', dev)).toBe(false)
    expect(isAllowedRequest('https://fonts.example.com/a.woff2', dev)).toBe(false)
    expect(isAllowedRequest('file:///etc/passwd', dev)).toBe(false)
  })
})

describe('app:// file serving: resolveAppPath', () => {
  it('resolves a normal asset inside the renderer folder', () => {
    expect(resolveAppPath(rendererDir, 'app://gfc/index.html')).toBe(join(rendererDir, 'index.html'))
    expect(resolveAppPath(rendererDir, 'app://gfc/assets/index-Ab12.js')).toBe(join(rendererDir, 'assets', 'index-Ab12.js'))
    expect(resolveAppPath(rendererDir, 'app://gfc/assets/index.js?v=1#x')).toBe(join(rendererDir, 'assets', 'index.js'))
    expect(resolveAppPath(rendererDir, 'app://gfc/fonts/Noto%20Sans.woff2')).toBe(join(rendererDir, 'fonts', 'Noto Sans.woff2'))
  })

  it('serves index.html for the root', () => {
    expect(resolveAppPath(rendererDir, 'app://gfc/')).toBe(join(rendererDir, 'index.html'))
    expect(resolveAppPath(rendererDir, 'app://gfc')).toBe(join(rendererDir, 'index.html'))
  })

  it.each([
    'app://gfc/../../etc/passwd',
    'app://gfc/assets/../../../etc/passwd',
    'app://gfc/%2e%2e/%2e%2e/etc/passwd',
    'app://gfc/%2E%2e/secret',
    'app://gfc/.%2e/secret',
    'app://gfc/..%2f..%2f..%2fetc%2fpasswd',
    'app://gfc/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://gfc/assets/..%5c..%5cwindows%5cwin.ini',
    'app://gfc/..\\..\\windows\\win.ini',
    'app://gfc/C:/Windows/win.ini',
    'app://gfc/%2fetc%2fpasswd/..',
    'app://gfc/index.html%00.png',
    'app://gfc/./index.html',
    'app://gfc/%E0%A4%A',
    'app://other/index.html',
    'https://gfc/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(rendererDir, url)).toBeNull()
  })

  it('never yields a path outside the folder, whatever the request path', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '..%2f', '%2f', '%5c', '\\', '', 'etc', 'passwd', 'a.js', '%00', 'C:', '~'),
      fc.string({ maxLength: 6 }),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (parts) => {
        const file = resolveAppPath(rendererDir, `app://gfc/${parts.join('/')}`)
        return file === null || inside(file)
      }),
      { numRuns: 2000 },
    )
  })

  it('tells client-side routes from files', () => {
    expect(isRoutePath(join(rendererDir, 'contacts'))).toBe(true)
    expect(isRoutePath(join(rendererDir, 'assets', 'a.js'))).toBe(false)
  })

  it('labels what it serves with the right MIME type', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('a.js')).toMatch(/^text\/javascript/)
    expect(mimeTypeFor('a.mjs')).toMatch(/^text\/javascript/)
    expect(mimeTypeFor('a.CSS')).toMatch(/^text\/css/)
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('icon.png')).toBe('image/png')
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('data.json')).toMatch(/^application\/json/)
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream')
    expect(mimeTypeFor('noext')).toBe('application/octet-stream')
  })
})

describe('Content-Security-Policy', () => {
  it('is the strict policy, on every response', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/)
    const headers = securityHeaders()
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy)
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
  })
})

describe('IPC: only the main frame of our window, on our origin', () => {
  const main: FrameLike = { url: 'app://gfc/index.html', parent: null, processId: 4, routingId: 1 }

  it('uses one channel', () => {
    expect(INVOKE_CHANNEL).toBe('gfc:invoke')
  })

  it('accepts the main frame showing app://gfc/', () => {
    expect(isTrustedSender(main, main)).toBe(true)
    expect(isTrustedSender({ ...main, url: 'app://gfc/contacts' }, main)).toBe(true)
  })

  it('refuses sub-frames, other frames, other origins and vanished frames', () => {
    expect(isTrustedSender({ ...main, parent: main, routingId: 2 }, main)).toBe(false)
    expect(isTrustedSender({ ...main, parent: main }, main)).toBe(false)
    expect(isTrustedSender({ ...main, routingId: 9 }, main)).toBe(false)
    expect(isTrustedSender({ ...main, processId: 5 }, main)).toBe(false)
    expect(isTrustedSender({ ...main, url: 'https://evil.example/' }, main)).toBe(false)
    expect(isTrustedSender({ ...main, url: 'file:///tmp/x.html' }, main)).toBe(false)
    expect(isTrustedSender({ ...main, url: 'about:blank' }, main)).toBe(false)
    expect(isTrustedSender(null, main)).toBe(false)
    expect(isTrustedSender(main, null)).toBe(false)
  })

  it('accepts the dev server only when it is given', () => {
    const dev = { ...main, url: 'http://localhost:5173/' }
    expect(isTrustedSender(dev, dev)).toBe(false)
    expect(isTrustedSender(dev, dev, 'http://localhost:5173')).toBe(true)
  })
})

describe('data folder: --data DIR, else GFC_DATA_DIR, else the default', () => {
  const cwd = resolve('/home/user')

  it('reads --data DIR and --data=DIR, relative to the working folder', () => {
    expect(parseDataDirArg(['/opt/GFC Desk/gfc-desk', '--data', '/srv/profile'], {}, cwd)).toBe(resolve('/srv/profile'))
    expect(parseDataDirArg(['electron', '.', '--data=profiles/a'], {}, cwd)).toBe(resolve(cwd, 'profiles/a'))
    expect(parseDataDirArg(['electron', '.', '--data', 'b'], {}, cwd)).toBe(resolve(cwd, 'b'))
  })

  it('prefers the command line over the environment', () => {
    expect(parseDataDirArg(['x', '--data', '/a'], { GFC_DATA_DIR: '/b' }, cwd)).toBe(resolve('/a'))
  })

  it('falls back to GFC_DATA_DIR, then to nothing (the caller uses userData/profile)', () => {
    expect(parseDataDirArg(['x'], { GFC_DATA_DIR: '/b' }, cwd)).toBe(resolve('/b'))
    expect(parseDataDirArg(['x'], { GFC_DATA_DIR: 'rel' }, cwd)).toBe(resolve(cwd, 'rel'))
    expect(parseDataDirArg(['x'], { GFC_DATA_DIR: '  ' }, cwd)).toBeUndefined()
    expect(parseDataDirArg(['x', '--database', 'y', '--data-dir=z'], {}, cwd)).toBeUndefined()
    expect(parseDataDirArg([], {}, cwd)).toBeUndefined()
  })

  it('refuses a --data without a folder rather than opening another profile', () => {
    expect(() => parseDataDirArg(['x', '--data'], { GFC_DATA_DIR: '/b' }, cwd)).toThrow(DataDirError)
    expect(() => parseDataDirArg(['x', '--data', '--inspect'], {}, cwd)).toThrow(DataDirError)
    expect(() => parseDataDirArg(['x', '--data='], {}, cwd)).toThrow(DataDirError)
  })

  it('stops at --', () => {
    expect(parseDataDirArg(['x', '--', '--data', '/a'], {}, cwd)).toBeUndefined()
  })
})

describe('packaging', () => {
  it('flips the fuses at packaging: no run-as-node, no NODE_OPTIONS, no inspect, asar only and checked', () => {
    // electron-builder applies them to the binary it packages (only where Electron can be downloaded).
    const config = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')
    const fuses = config.slice(config.indexOf('electronFuses:')).split('\n\n')[0]
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
      'enableCookieEncryption: true',
      'grantFileProtocolExtraPrivileges: false',
    ]) {
      expect(fuses).toMatch(new RegExp(`^\\s+${line}$`, 'm'))
    }
  })
})

describe('the built shell (out/, from `electron-vite build`)', () => {
  const mainFile = join(repoRoot, 'out', 'main', 'index.js')
  const preloadFile = join(repoRoot, 'out', 'preload', 'index.cjs')
  const built = existsSync(mainFile)
  if (!built) console.warn(`SKIPPED: ${mainFile} is absent; run \`npx electron-vite build\` first to check the built shell.`)

  /** Module names a bundle imports or requires, without the node: prefix. */
  const importedModules = (code: string): string[] => {
    const names = new Set<string>()
    for (const m of code.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)) names.add(m[1])
    for (const m of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) names.add(m[1])
    for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) names.add(m[1])
    return [...names]
  }
  const isBuiltin = (name: string) => builtinModules.includes(name.replace(/^node:/, ''))

  it.skipIf(!built)('creates the window with the hardened webPreferences', () => {
    const code = readFileSync(mainFile, 'utf8')
    expect(code).toMatch(/contextIsolation:\s*(true|!0)/)
    expect(code).toMatch(/sandbox:\s*(true|!0)/)
    expect(code).toMatch(/nodeIntegration:\s*(false|!1)/)
    expect(code).toMatch(/nodeIntegrationInWorker:\s*(false|!1)/)
    expect(code).toMatch(/webSecurity:\s*(true|!0)/)
    expect(code).toMatch(/allowRunningInsecureContent:\s*(false|!1)/)
    expect(code).toMatch(/webviewTag:\s*(false|!1)/)
    expect(code).not.toMatch(/nodeIntegration:\s*(true|!0)/)
    expect(code).not.toMatch(/contextIsolation:\s*(false|!1)/)
    expect(code).not.toMatch(/sandbox:\s*(false|!1)/)
    expect(code).toContain('index.cjs')
    expect(code).toContain('gfc:invoke')
    expect(code).toContain("frame-ancestors 'none'")
    expect(code).toMatch(/disableBlinkFeatures:\s*["']Auxclick["']/)
    expect(code).toContain(DICTIONARY_DOWNLOAD_URL)
  })

  it.skipIf(!built)('bundles lowdb and every other dependency: only electron and Node built-ins are imported', () => {
    const code = readFileSync(mainFile, 'utf8')
    expect(code).toMatch(/class Low\b/)
    expect(code).not.toMatch(/from\s+["']lowdb/)
    const external = importedModules(code).filter((name) => name !== 'electron' && !isBuiltin(name))
    expect(external).toEqual([])
  })

  it.skipIf(!built)('builds a CommonJS preload that exposes window.gfc (invoke, onChanged) and never ipcRenderer', () => {
    expect(existsSync(preloadFile)).toBe(true)
    const code = readFileSync(preloadFile, 'utf8')
    expect(code).not.toContain('exposeInMainWorld("ipcRenderer"')
    expect(code).not.toContain("exposeInMainWorld('ipcRenderer'")
    expect(code).toMatch(/exposeInMainWorld\(\s*["']gfc["']/)
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    // A sandboxed preload may require nothing but 'electron'.
    expect(importedModules(code)).toEqual(['electron'])
  })
})

// ---------------------------------------------------------------------------------------------
// The shell's wiring, run in-process against a stand-in for the `electron` module: the real
// main.ts starts, opens a real profile in a temp folder, serves a temp renderer folder, answers
// IPC through the real dispatch, and closes the profile before it lets the app quit.

interface FakeEvent {
  url?: string
  isMainFrame?: boolean
  defaultPrevented: boolean
  preventDefault(): void
}

// vi.mock factories are hoisted above the imports: what they use comes from vi.hoisted or is
// imported inside them.
const { fake, fakeEvent } = vi.hoisted(() => ({
  fakeEvent: (extra: Partial<FakeEvent> = {}): FakeEvent => ({
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
    ...extra,
  }),
  fake: {
    rendererDir: '',
    preloadPath: '',
    log: [] as unknown[],
    schemes: null as unknown,
    protocolHandlers: {} as Record<string, (r: Request) => Promise<Response>>,
    ipcHandlers: {} as Record<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>,
    windows: [] as Array<Record<string, unknown> & { opts: { title: string; webPreferences: Record<string, unknown> } }>,
    session: {} as Record<string, unknown>,
    opened: [] as string[],
    /** The questions asked before a link left the app, and the answer the person gives (0: open). */
    asked: [] as { parent: unknown; options: { message: string; detail: string; buttons: string[]; cancelId: number } }[],
    /** The button the fake message boxes answer with. */
    answer: 1,
    menu: null as unknown,
  },
}))

vi.mock('../../src-main/electron/paths', () => ({
  get rendererDir() {
    return fake.rendererDir
  },
  get preloadPath() {
    return fake.preloadPath
  },
}))

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  const { join } = await import('node:path')
  class FakeApp extends EventEmitter {
    isPackaged = true
    getPath() {
      return join(fake.rendererDir, '..', 'userData')
    }
    getVersion() {
      return '0.0.0-test'
    }
    requestSingleInstanceLock() {
      return true
    }
    enableSandbox() {
      fake.log.push('enableSandbox')
    }
    setAboutPanelOptions() {}
    showAboutPanel() {}
    setAppUserModelId() {}
    whenReady() {
      return Promise.resolve()
    }
    quit() {
      const before = fakeEvent()
      this.emit('before-quit', before)
      if (before.defaultPrevented) return
      const will = fakeEvent()
      this.emit('will-quit', will)
      if (!will.defaultPrevented) fake.log.push('quit')
    }
    exit(code: number) {
      fake.log.push(['exit', code])
    }
  }
  const app = new FakeApp()
  let nextId = 1
  class BrowserWindow extends EventEmitter {
    static getAllWindows() {
      return fake.windows
    }
    static fromWebContents(contents: unknown) {
      return fake.windows.find((w) => (w as unknown as { webContents: unknown }).webContents === contents) ?? null
    }
    opts: unknown
    webContents: EventEmitter & Record<string, unknown>
    shown = false
    constructor(opts: unknown) {
      super()
      this.opts = opts
      this.webContents = Object.assign(new EventEmitter(), {
        id: nextId++,
        mainFrame: { url: 'about:blank', parent: null, processId: 3, routingId: 1 },
        setWindowOpenHandler(h: unknown) {
          this.openHandler = h
        },
        sent: [] as unknown[][],
        send(...args: unknown[]) {
          ;(this.sent as unknown[][]).push(args)
        },
      } as Record<string, unknown>)
      fake.windows.push(this as never)
      app.emit('web-contents-created', {}, this.webContents)
    }
    async loadURL(url: string) {
      this.loaded = url
      ;(this.webContents.mainFrame as { url: string }).url = url
      setTimeout(() => this.emit('ready-to-show'), 0)
    }
    loaded = ''
    show() {
      this.shown = true
    }
    focus() {}
    restore() {}
    isMinimized() {
      return false
    }
    isVisible() {
      return this.shown
    }
    isDestroyed() {
      return false
    }
  }
  const s = fake.session
  return {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => (fake.schemes = schemes),
      handle: (scheme: string, h: (r: Request) => Promise<Response>) => (fake.protocolHandlers[scheme] = h),
    },
    ipcMain: {
      handle: (channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) => (fake.ipcHandlers[channel] = h),
      removeHandler: (channel: string) => delete fake.ipcHandlers[channel],
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) => (s.request = h),
        setPermissionCheckHandler: (h: unknown) => (s.check = h),
        setDevicePermissionHandler: (h: unknown) => (s.device = h),
        setDisplayMediaRequestHandler: (h: unknown) => (s.display = h),
        setSpellCheckerDictionaryDownloadURL: (url: string) => (s.dictionaryUrl = url),
        webRequest: { onBeforeRequest: (_filter: unknown, h: unknown) => (s.beforeRequest = h) },
      },
    },
    Menu: { buildFromTemplate: (t: unknown) => ({ t }), setApplicationMenu: (m: unknown) => (fake.menu = m) },
    shell: { openExternal: async (url: string) => void fake.opened.push(url) },
    dialog: {
      showErrorBox: (...a: unknown[]) => fake.log.push(['errorBox', ...a]),
      showMessageBox: async (parent: unknown, options: (typeof fake.asked)[number]['options']) => {
        fake.asked.push({ parent, options })
        return { response: fake.answer }
      },
      showMessageBoxSync: (_win: unknown, o: { message: string; buttons: string[] }) => (fake.log.push(['messageBox', o.message, ...o.buttons]), fake.answer),
    },
  }
})

describe('the shell wired together (electron stood in by a fake; the core, store and dispatch are real)', () => {
  let tmp = ''
  let profile = ''
  const savedEnv = process.env.GFC_DATA_DIR
  type Win = (typeof fake.windows)[number] & {
    loaded: string
    shown: boolean
    webContents: EventEmitter & { id: number; mainFrame: FrameLike; openHandler: (d: { url: string }) => unknown }
  }
  let win: Win
  let electronApp: EventEmitter & { quit(): void }
  const invoke = (event: Record<string, unknown>, method: unknown, input?: unknown) => fake.ipcHandlers['gfc:invoke'](event, method, input)
  const fromWindow = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame })

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'gfc-shell-'))
    fake.rendererDir = join(tmp, 'renderer')
    fake.preloadPath = join(tmp, 'preload', 'index.cjs')
    mkdirSync(join(fake.rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(fake.rendererDir, 'index.html'), '<!doctype html><title>GFC Desk</title><div id="root"></div>')
    writeFileSync(join(fake.rendererDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(tmp, 'secret.txt'), 'TOP SECRET')
    profile = join(tmp, 'profile')
    process.env.GFC_DATA_DIR = profile
    await import('../../src-main/electron/main')
    electronApp = ((await import('electron')) as unknown as { app: EventEmitter & { quit(): void } }).app
    for (let i = 0; i < 200 && !(fake.ipcHandlers['gfc:invoke'] && fake.windows[0]?.shown); i++) await new Promise((r) => setTimeout(r, 10))
    win = fake.windows[0] as Win
  })

  afterAll(() => {
    if (savedEnv === undefined) delete process.env.GFC_DATA_DIR
    else process.env.GFC_DATA_DIR = savedEnv
    rmSync(tmp, { recursive: true, force: true })
  })

  it('registers app:// as privileged before ready and sandboxes every renderer', () => {
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    expect(fake.log).toContain('enableSandbox')
  })

  it('opens the profile, then one hardened window on app://gfc/, shown when ready', () => {
    expect(readdirSync(profile)).toContain('gfc.json')
    expect(fake.windows).toHaveLength(1)
    expect(win.opts.title).toBe('GFC Desk')
    expect(win.opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      preload: fake.preloadPath,
    })
    expect(win.loaded).toBe('app://gfc/index.html')
    expect(win.shown).toBe(true)
    expect(fake.menu).not.toBeNull()
  })

  it('serves the renderer folder with the CSP, and nothing outside it', async () => {
    const get = (url: string, init?: RequestInit) => fake.protocolHandlers.app(new Request(url, init))
    let r = await get('app://gfc/index.html')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(r.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(await r.text()).toContain('<div id="root">')
    r = await get('app://gfc/assets/app.js')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/^text\/javascript/)
    r = await get('app://gfc/contacts/42')
    expect(r.status).toBe(200)
    expect(await r.text()).toContain('<div id="root">')
    for (const bad of ['app://gfc/..%2fsecret.txt', 'app://gfc/assets/..%2f..%2fsecret.txt', 'app://gfc/assets/missing.js', 'app://other/index.html']) {
      r = await get(bad)
      expect(r.status, bad).toBe(404)
      expect(r.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
      expect(await r.text()).not.toContain('TOP SECRET')
    }
    expect((await get('app://gfc/index.html', { method: 'POST', body: 'x' })).status).toBe(405)
  })

  it('answers gfc:invoke from the window main frame through dispatch', async () => {
    const status = (await invoke(fromWindow(), 'profile.status', {})) as { ok: boolean; result: { state: string; dataDir: string } }
    expect(status.ok).toBe(true)
    expect(status.result).toMatchObject({ state: 'ok', dataDir: profile })
    const bad = (await invoke(fromWindow(), 'organisations.get', { id: 'not-a-uuid' })) as { ok: boolean; error: { code: string } }
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } })
    for (const name of ['constructor', '__proto__', 'toString', 'nope.nothing', 42, null]) {
      const r = (await invoke(fromWindow(), name, {})) as { ok: boolean; error: { code: string } }
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
  })

  it('tells the window which tables a change touched, on gfc:changed, and nothing else', async () => {
    const sent = (win.webContents as unknown as { sent: unknown[][] }).sent
    sent.length = 0
    const r = (await invoke(fromWindow(), 'organisations.create', { kind: 'state', countryCode: 'GH' })) as { ok: boolean }
    expect(r.ok).toBe(true)
    expect(sent).toEqual([['gfc:changed', ['organisations']]])
  })

  it('refuses gfc:invoke from sub-frames, other pages, other webContents and vanished frames', async () => {
    const main = win.webContents.mainFrame
    await expect(invoke({ sender: win.webContents, senderFrame: { ...main, parent: main, routingId: 2 } }, 'profile.status')).rejects.toThrow(/Refused/)
    await expect(invoke({ sender: win.webContents, senderFrame: { ...main, url: 'https://evil.example/' } }, 'profile.status')).rejects.toThrow(/Refused/)
    await expect(invoke({ sender: { id: 999 }, senderFrame: main }, 'profile.status')).rejects.toThrow(/Refused/)
    await expect(invoke({ sender: win.webContents, senderFrame: null }, 'profile.status')).rejects.toThrow(/Refused/)
  })

  it('denies permissions, remote requests, new windows, webviews and foreign navigation', () => {
    const s = fake.session as Record<string, (...a: unknown[]) => unknown>
    let granted: unknown
    s.request(null, 'media', (g: unknown) => (granted = g))
    expect(granted).toBe(false)
    expect(s.check(null, 'clipboard-read', 'app://gfc', {})).toBe(false)
    expect(s.device({})).toBe(false)
    let cancel: unknown
    s.beforeRequest({ url: 'https://cdn.example/x.js' }, (o: { cancel: boolean }) => (cancel = o.cancel))
    expect(cancel).toBe(true)

    const wc = win.webContents
    const emit = (name: string, extra: Partial<FakeEvent>) => {
      const e = fakeEvent(extra)
      wc.emit(name, e)
      return e.defaultPrevented
    }
    expect(emit('will-navigate', { url: 'app://gfc/contacts' })).toBe(false)
    expect(emit('will-navigate', { url: 'file:///etc/passwd' })).toBe(true)
    expect(emit('will-redirect', { url: 'https://evil.example/' })).toBe(true)
    expect(emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true)
    expect(emit('will-attach-webview', {})).toBe(true)
    expect(wc.openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(wc.openHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(wc.openHandler({ url: 'sms:+12125550100' })).toEqual({ action: 'deny' })
    expect(fake.opened).toEqual([])
    expect(fake.asked).toEqual([]) // refused without a question
  })

  it('never lets the spell-checker download a dictionary', () => {
    expect((fake.session as Record<string, unknown>).dictionaryUrl).toBe(DICTIONARY_DOWNLOAD_URL)
  })

  it('asks before a web link leaves the app (Cancel first), opens an e-mail draft at once', async () => {
    const wc = win.webContents
    const settled = () => new Promise((r) => setTimeout(r, 20))
    fake.answer = 1 // Cancel
    expect(wc.openHandler({ url: 'https://evil.example/steal?x=1' })).toEqual({ action: 'deny' })
    await settled()
    expect(fake.asked).toHaveLength(1)
    const question = fake.asked[0]
    expect(question.parent).toBe(win) // modal on our window
    expect(question.options).toMatchObject({ message: 'Open this address in your web browser?', buttons: ['Open in browser', 'Cancel'], cancelId: 1, defaultId: 1 })
    expect(question.options.detail).toContain('https://evil.example/steal?x=1')
    expect(fake.opened).toEqual([])

    fake.answer = 0 // Open
    const navigate = fakeEvent({ url: 'https://www.un.org/en/peacekeeping' })
    wc.emit('will-navigate', navigate)
    expect(navigate.defaultPrevented).toBe(true) // never in our window
    await settled()
    expect(fake.asked).toHaveLength(2)
    expect(fake.opened).toEqual(['https://www.un.org/en/peacekeeping'])

    wc.openHandler({ url: 'mailto:secretariat@example.org?subject=GFC' })
    await settled()
    expect(fake.asked).toHaveLength(2)
    expect(fake.opened).toEqual(['https://www.un.org/en/peacekeeping', 'mailto:secretariat@example.org?subject=GFC'])
  })

  it('asks in the interface language', async () => {
    const set = (await invoke(fromWindow(), 'preferences.update', { uiLanguage: 'fr' })) as { ok: boolean }
    expect(set.ok).toBe(true)
    fake.answer = 1
    win.webContents.openHandler({ url: 'https://example.org/' })
    await new Promise((r) => setTimeout(r, 20))
    expect(fake.asked.at(-1)!.options).toMatchObject({ message: 'Ouvrir cette adresse dans votre navigateur ?', buttons: ['Ouvrir dans le navigateur', 'Annuler'] })
    await invoke(fromWindow(), 'preferences.update', { uiLanguage: 'en' })
  })

  it('asks before a close or reload drops a form with unsaved changes, in the interface language', () => {
    const wc = win.webContents
    const ask = (answer: number) => {
      fake.answer = answer
      const e = fakeEvent({})
      wc.emit('will-prevent-unload', e)
      return e.defaultPrevented
    }
    expect(ask(1)).toBe(false) // Stay: the page keeps its objection, the window stays open
    expect(ask(0)).toBe(true) // Leave: the objection is overridden, the window closes
    expect(fake.log).toContainEqual(['messageBox', 'Leave without saving?', 'Leave without saving', 'Stay'])
  })

  it('on quit, holds the app until the profile is flushed and its lock released', async () => {
    expect(existsSync(join(profile, '.lock'))).toBe(true)
    electronApp.quit()
    expect(fake.log).not.toContain('quit')
    for (let i = 0; i < 300 && !fake.log.includes('quit'); i++) await new Promise((r) => setTimeout(r, 10))
    expect(fake.log).toContain('quit')
    expect(existsSync(join(profile, '.lock'))).toBe(false)
    expect(fake.ipcHandlers['gfc:invoke']).toBeUndefined()
  })
})
