import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../model/errors'
import { writeFileDurableSync } from './durable-file'

// Encryption at rest. A profile's files are sealed with one random 256-bit profile key
// (AES-256-GCM, a fresh 96-bit nonce per seal); encryption.json holds that key wrapped by a key
// derived from the passphrase with scrypt. So changing the passphrase rewraps 32 bytes, and
// appending a change seals one line (each log line is sealed on its own, so the log stays
// append-only and its bytes are still what the data file's hash covers). The hash chain is over
// the changes themselves, so it verifies the same once the lines are opened.

export const KEY_FILE = 'encryption.json'
/** What a door keeps to open a profile without asking (Electron's safeStorage): the passphrase
 *  key, so that a changed passphrase stops it working. */
export type PassphraseKey = Buffer

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const FILE_MAGIC = Buffer.from('GFCSEAL1\n')
/** A sealed log line starts with this; a plain one with `{`. */
const LINE_MARK = '~'
const NONCE = 12
const TAG = 16

/** Parameters scrypt accepts within its memory limit (N a power of two; what OpenSSL allocates
 *  for them under maxmem): anything else is a damaged key file, not a crash in node:crypto. */
const scryptParams = ({ N, r, p }: { N: number; r: number; p: number }) =>
  N > 1 && Number.isInteger(Math.log2(N)) && r > 0 && p > 0 && 128 * r * (N + 2 + p) <= SCRYPT.maxmem

const KeyFile = z.object({
  v: z.literal(1),
  kdf: z.object({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }).refine(scryptParams),
  /** The profile key, sealed with the passphrase key. */
  key: z.string(),
})
type KeyFile = z.infer<typeof KeyFile>

function seal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const nonce = randomBytes(NONCE)
  const c = createCipheriv('aes-256-gcm', key, nonce)
  c.setAAD(Buffer.from(aad))
  const body = Buffer.concat([c.update(plain), c.final()])
  return Buffer.concat([nonce, body, c.getAuthTag()])
}

function unseal(key: Buffer, sealed: Buffer, aad: string): Buffer | null {
  if (sealed.length < NONCE + TAG) return null
  try {
    const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE))
    d.setAAD(Buffer.from(aad))
    d.setAuthTag(sealed.subarray(sealed.length - TAG))
    return Buffer.concat([d.update(sealed.subarray(NONCE, sealed.length - TAG)), d.final()])
  } catch {
    return null
  }
}

/** Seals and opens a profile's files and log lines with its profile key. */
export class Sealer {
  constructor(private readonly key: Buffer) {}

  sealFile(content: string | Uint8Array): Buffer {
    return Buffer.concat([FILE_MAGIC, seal(this.key, Buffer.from(content), 'gfc-desk file')])
  }

  /** The content of a sealed file; throws `corrupt` naming the file if it does not open. */
  openFile(buf: Buffer, file: string): Buffer {
    const plain = unseal(this.key, buf.subarray(FILE_MAGIC.length), 'gfc-desk file')
    if (!plain) throw new AppError('corrupt', `The file ${file} is damaged: it does not decrypt with this profile's key.`)
    return plain
  }

  sealLine(text: string): string {
    return LINE_MARK + seal(this.key, Buffer.from(text), 'gfc-desk log line').toString('base64')
  }

  /** The JSON text of a sealed line, or null if it does not open (damaged). */
  openLine(text: string): string | null {
    return unseal(this.key, Buffer.from(text.slice(LINE_MARK.length), 'base64'), 'gfc-desk log line')?.toString('utf8') ?? null
  }
}

export function isSealedFile(buf: Buffer): boolean {
  return buf.length >= FILE_MAGIC.length && buf.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)
}

export function isSealedLine(text: string): boolean {
  return text.startsWith(LINE_MARK)
}

/** A file's plain content: opened with the sealer when it is sealed. */
export function plainContent(buf: Buffer, sealer: Sealer | null, file: string): Buffer {
  if (!isSealedFile(buf)) return buf
  if (!sealer) throw needsPassphrase(file)
  return sealer.openFile(buf, file)
}

export function isEncrypted(dir: string): boolean {
  return existsSync(join(dir, KEY_FILE))
}

export function needsPassphrase(where: string): AppError {
  return new AppError('encrypted', `The profile in ${where} is encrypted: give its passphrase (GFC_PASSPHRASE, or when asked).`)
}

/** Whether `text` is a key file this version opens (a restored archive's, checked before it is written). */
export function isKeyFile(text: string): boolean {
  try {
    return KeyFile.safeParse(JSON.parse(text)).success
  } catch {
    return false
  }
}

function readKeyFile(dir: string): KeyFile {
  const file = join(dir, KEY_FILE)
  try {
    return KeyFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    throw new AppError('corrupt', `The key file ${file} of this encrypted profile is damaged: without it the profile cannot be opened.`)
  }
}

function derive(passphrase: string, kdf: KeyFile['kdf']): PassphraseKey {
  return scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: SCRYPT.maxmem })
}

/** The passphrase key of a profile (scrypt: about a tenth of a second, on purpose). */
export function passphraseKey(dir: string, passphrase: string): PassphraseKey {
  return derive(passphrase, readKeyFile(dir).kdf)
}

/** The sealer of an encrypted profile; a wrong passphrase key is refused in words. */
export function unlockProfile(dir: string, key: PassphraseKey): Sealer {
  const kf = readKeyFile(dir)
  const profileKey = unseal(key, Buffer.from(kf.key, 'base64'), 'gfc-desk profile key')
  if (!profileKey || profileKey.length !== 32) {
    throw new AppError('passphrase', `The passphrase is wrong: it does not open the encrypted profile in ${dir}.`, 'passphrase')
  }
  return new Sealer(profileKey)
}

export function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length < 8) throw new AppError('validation', 'The passphrase must have at least 8 characters.', 'passphrase')
}

/** Wraps `profileKey` with a key derived from `passphrase` (new salt) and writes encryption.json. */
function writeKeyFile(dir: string, profileKey: Buffer, passphrase: string): PassphraseKey {
  checkNewPassphrase(passphrase)
  const kdf = { alg: 'scrypt' as const, N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: randomBytes(16).toString('base64') }
  const key = derive(passphrase, kdf)
  const kf: KeyFile = { v: 1, kdf, key: seal(key, profileKey, 'gfc-desk profile key').toString('base64') }
  writeFileDurableSync(join(dir, KEY_FILE), JSON.stringify(kf, null, 2) + '\n')
  return key
}

/** Makes a profile key for a profile being encrypted. Its files are sealed afterwards. */
export function createProfileKey(dir: string, passphrase: string): { sealer: Sealer; key: PassphraseKey } {
  const profileKey = randomBytes(32)
  const key = writeKeyFile(dir, profileKey, passphrase)
  return { sealer: new Sealer(profileKey), key }
}

/** A new passphrase for an encrypted profile: the same profile key, wrapped again. */
export function changePassphrase(dir: string, old: PassphraseKey, passphrase: string): PassphraseKey {
  unlockProfile(dir, old)
  const profileKey = unseal(old, Buffer.from(readKeyFile(dir).key, 'base64'), 'gfc-desk profile key')!
  return writeKeyFile(dir, profileKey, passphrase)
}
