import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Input, Method, ProfileStatus, Results } from '../core/api'
import { App } from '../core/app'
import { dispatch } from '../core/dispatch'
import { AppError } from '../core/model/errors'
import type { Shell } from '../core/shell'
import { resolveDataDir } from '../core/store/data-dir'
import { passphraseFor } from './passphrase'

// What every command needs: the profile opened (and closed), calls through the one dispatch.

export async function withApp<T>(dataFlag: string | undefined, run: (call: Caller, app: App) => Promise<T>, shell?: Shell): Promise<T> {
  const app = await openApp(dataFlag, shell)
  try {
    const status = app.status()
    if (status.state !== 'ok') throw new AppError('unavailable', `${status.message}${WAY_BACK[status.state]?.(status) ?? ''}`)
    const call: Caller = async (method, input) => {
      const reply = await dispatch(app, method, input)
      if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, reply.error.field)
      return reply.result as never
    }
    return await run(call, app)
  } finally {
    await app.close()
  }
}

/** The profile in --data (or the default folder), opened with its passphrase if it is encrypted. */
export async function openApp(dataFlag: string | undefined, shell?: Shell): Promise<App> {
  const dir = resolveDataDir(dataFlag)
  return App.open(dir, shell, await passphraseFor(dir))
}

/** What the person can do about a profile that did not open, from the command line. */
const WAY_BACK: Partial<Record<ProfileStatus['state'], (s: Exclude<ProfileStatus, { state: 'ok' }>) => string>> = {
  corrupt: (s) => (s.backups.length ? `\nBackups you can restore (gfc restore NAME):\n${s.backups.map((b) => `  ${b.name}`).join('\n')}` : ''),
  log_gap: () => '\nRun gfc recover to do so.',
}

export type Caller = <M extends Method>(method: M, input: Input<M>) => Promise<Results[M]>

/** The CLI's answer to "where should this go?": the --out path it was given. */
export function outShell(out: string): Shell {
  const path = resolve(out)
  return {
    chooseFolder: async () => path,
    chooseSaveFile: async () => {
      mkdirSync(dirname(path), { recursive: true })
      return path
    },
  }
}

export function readJsonFile(file: string): unknown {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (e) {
    throw new AppError('not_found', `Cannot read ${file}: ${(e as Error).message}`)
  }
  let text: string
  try {
    // Fatal: a byte that is not UTF-8 is refused, never replaced by U+FFFD in someone's name.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new AppError('validation', `${file} is not valid UTF-8 text; save it as UTF-8 and try again. Nothing was imported.`)
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new AppError('validation', `${file} is not valid JSON (${(e as Error).message}); nothing was imported.`)
  }
}
