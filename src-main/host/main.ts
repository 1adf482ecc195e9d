import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { App } from '../core/app'
import type { Shell } from '../core/shell'
import { resolveDataDir } from '../core/store/data-dir'
import { passphraseFor } from '../cli/passphrase'
import { startHost, type Door } from './server'

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

/** Why the host cannot start, in words: a plain message and exit status 1, never a stack trace. */
class StartError extends Error {}

function portProblem(e: NodeJS.ErrnoException, port: number): StartError {
  if (e.code === 'EADDRINUSE') return new StartError(`Port ${port} is already in use (another GFC Desk host, or another program). Choose another with --port, or --port 0 for any free one.`)
  if (e.code === 'EACCES') return new StartError(`This user may not listen on port ${port}. Choose a port above 1024 with --port.`)
  return new StartError(`Cannot listen on 127.0.0.1:${port}: ${e.message}`)
}

async function start(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, port: { type: 'string', default: '5174' }, renderer: { type: 'string' }, exports: { type: 'string' } },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StartError(`--port must be a number from 0 to 65535, not ${values.port}.`)
  const rendererDir = values.renderer ?? fileURLToPath(new URL('../../out/renderer', import.meta.url))
  const dataDir = resolveDataDir(values.data)
  // An encrypted profile: GFC_PASSPHRASE, else asked on the terminal, else the page asks.
  const app = await App.open(dataDir, folderShell(resolve(values.exports ?? join(dataDir, 'exports'))), await passphraseFor(dataDir))
  let door: Door
  try {
    door = await startHost(app, rendererDir, port)
  } catch (e) {
    await app.close()
    throw portProblem(e as NodeJS.ErrnoException, port)
  }
  console.log(`GFC Desk host: ${door.url} (data: ${app.dataDir})`)
  console.log('Open that address once in your browser: its key works one time, then the browser keeps it until the host stops.')
  const stop = async () => {
    door.server.close()
    await app.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

export async function main(argv: string[]): Promise<void> {
  try {
    await start(argv)
  } catch (e) {
    const wrongUsage = (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
    if (!(e instanceof StartError) && !wrongUsage) throw e
    console.error(`GFC Desk host: ${(e as Error).message}`)
    process.exitCode = 1
  }
}
