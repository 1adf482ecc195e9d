import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** Where a profile lives unless --data DIR or GFC_DATA_DIR says otherwise: the same folder
 *  Electron's app.getPath('userData') gives for "GFC Desk", plus /profile. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'))
  return join(appData, 'GFC Desk', 'profile')
}

export function resolveDataDir(flag: string | undefined, env = process.env): string {
  return resolve(flag ?? env.GFC_DATA_DIR ?? defaultDataDir(process.platform, env))
}
