import { resolve } from 'node:path'

// Which profile folder the app opens. Pure (no `electron` import) so it is unit-tested.

export const DATA_SWITCH = '--data'
export const DATA_ENV = 'GFC_DATA_DIR'

export class DataDirError extends Error {}

/**
 * The profile folder named on the command line (`--data DIR` or `--data=DIR`), else by the
 * GFC_DATA_DIR environment variable, else undefined (the caller then uses the OS user-data
 * folder). Relative paths are resolved against `cwd`. A `--data` without a folder is an
 * error rather than a silent fallback to another profile.
 */
export function parseDataDirArg(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') break
    if (arg === DATA_SWITCH) {
      const value = argv[i + 1]
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new DataDirError(`${DATA_SWITCH} needs a folder, as in: ${DATA_SWITCH} /path/to/profile`)
      }
      return resolve(cwd, value)
    }
    if (arg.startsWith(`${DATA_SWITCH}=`)) {
      const value = arg.slice(DATA_SWITCH.length + 1)
      if (value === '') throw new DataDirError(`${DATA_SWITCH}= needs a folder, as in: ${DATA_SWITCH}=/path/to/profile`)
      return resolve(cwd, value)
    }
  }
  const fromEnv = env[DATA_ENV]?.trim()
  return fromEnv ? resolve(cwd, fromEnv) : undefined
}
