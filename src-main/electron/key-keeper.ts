import { app, safeStorage } from 'electron'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { KeyKeeper } from '../core/shell'
import { writeFileDurableSync } from '../core/store/durable-file'

/**
 * Keeps an encrypted profile's passphrase key sealed by the system's keychain (safeStorage:
 * Keychain on macOS, DPAPI on Windows, the Secret Service on Linux), in the app's folder outside
 * the profile, so the person is not asked at every start. Where the system offers no keychain
 * (safeStorage unavailable, or Linux's plain-text fallback), nothing is kept.
 */
export function safeStorageKeeper(): KeyKeeper {
  const file = (profileDir: string) => join(app.getPath('userData'), 'remembered-keys', `${createHash('sha256').update(profileDir).digest('hex').slice(0, 32)}.bin`)
  const usable = () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text')
  return {
    recall(profileDir) {
      const f = file(profileDir)
      if (!usable() || !existsSync(f)) return null
      try {
        return Buffer.from(safeStorage.decryptString(readFileSync(f)), 'base64')
      } catch {
        return null
      }
    },
    remember(profileDir, key) {
      if (!usable()) return
      mkdirSync(join(app.getPath('userData'), 'remembered-keys'), { recursive: true, mode: 0o700 })
      writeFileDurableSync(file(profileDir), safeStorage.encryptString(key.toString('base64')))
    },
    forget(profileDir) {
      rmSync(file(profileDir), { force: true })
    },
  }
}
