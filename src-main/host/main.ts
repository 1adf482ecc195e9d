import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { App } from '../core/app'
import { resolveDataDir } from '../core/store/data-dir'
import { startHost } from './server'
import { join, resolve } from 'node:path'
import type { Shell } from '../core/shell'

/** No dialogs here: every file goes into one exports folder, under the name suggested. */
function folderShell(exportsDir: string): Shell {
  return {
    chooseFolder: async (_title, name) => join(exportsDir, name),
    chooseSaveFile: async (_title, name) => {
      mkdirSync(exportsDir, { recursive: true })
      return join(exportsDir, name)
    },
  }
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, port: { type: 'string', default: '5174' }, renderer: { type: 'string' }, exports: { type: 'string' } },
  })
  const rendererDir = values.renderer ?? fileURLToPath(new URL('../../out/renderer', import.meta.url))
  const dataDir = resolveDataDir(values.data)
  const app = await App.open(dataDir, folderShell(resolve(values.exports ?? join(dataDir, 'exports'))))
  const server = await startHost(app, rendererDir, Number(values.port))
  const { port } = server.address() as AddressInfo
  console.log(`GFC Desk host: http://127.0.0.1:${port}/ (data: ${app.dataDir})`)
  const stop = async () => {
    server.close()
    await app.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
