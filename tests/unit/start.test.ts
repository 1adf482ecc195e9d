import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/profile'

// `npm start` on a machine where npm skipped the Electron binary says so in one sentence and
// points to the host, instead of electron-vite's stack trace (or an attempt to download it).
const dir = join(ROOT, 'node_modules/electron')
const installed = existsSync(join(dir, 'path.txt')) && existsSync(join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8')))

describe('npm start without the Electron binary', () => {
  it.skipIf(installed)('says in one sentence that the window cannot open and points to npm run host', () => {
    const env = { ...process.env }
    delete env.ELECTRON_OVERRIDE_DIST_PATH
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/start.js')], { cwd: ROOT, env, encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^The Electron binary is not installed .*npm run host/)
    expect(r.stderr).not.toMatch(/Downloading|at .*\.js:\d+/)
  })
})
