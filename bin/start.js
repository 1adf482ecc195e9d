#!/usr/bin/env node
// npm start: build, then open the desktop app, or say in one sentence why it cannot open here.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Whether the Electron binary is there: npm skips its download with ELECTRON_SKIP_BINARY_DOWNLOAD
 * (and `require('electron')` would then try to download it, and fail with a stack trace offline).
 */
function electronInstalled() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    return existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')))
  } catch {
    return false
  }
}

if (!electronInstalled()) {
  console.error('The Electron binary is not installed on this machine (npm skipped its download), so the desktop window cannot open: run `npm run build && npm run host` and open the address it prints in a browser instead.')
  process.exit(1)
}
for (const step of [['build'], ['preview']]) {
  const r = spawnSync('npx', ['electron-vite', ...step], { stdio: 'inherit', shell: process.platform === 'win32' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
