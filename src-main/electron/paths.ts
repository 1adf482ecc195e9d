import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Where the built pieces sit, relative to the built main file (out/main/index.js):
// out/renderer/ (the UI) and out/preload/index.cjs (the sandboxed preload).

const mainDir = dirname(fileURLToPath(import.meta.url))

export const rendererDir = join(mainDir, '..', 'renderer')
export const preloadPath = join(mainDir, '..', 'preload', 'index.cjs')
