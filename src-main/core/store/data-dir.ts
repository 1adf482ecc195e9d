import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The folder Electron's app.getPath('userData') gives for "GFC Desk" on each system. */
export function appDataDir(platform = process.platform, env = process.env): string {
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'))
  return join(base, 'GFC Desk')
}

/** Where a profile lives unless --data DIR or GFC_DATA_DIR says otherwise. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  return join(appDataDir(platform, env), 'profile')
}

export function resolveDataDir(flag: string | undefined, env = process.env): string {
  return resolve(flag ?? env.GFC_DATA_DIR ?? defaultDataDir(process.platform, env))
}

/** This computer's own copy of its devices' private keys, outside every profile folder, so a
 *  copied profile cannot sign as the device it was copied from ($GFC_KEYSTORE overrides it). */
export function keystoreDir(env = process.env): string {
  return resolve(env.GFC_KEYSTORE ?? join(appDataDir(process.platform, env), 'keys'))
}
