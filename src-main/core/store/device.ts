import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../model/errors'
import { Preferences } from '../model/settings'
import { deviceIdOf, generateKeys, type KeyPairs } from '../sync/keys'
import { keystoreDir } from './data-dir'
import { writeFileDurableSync } from './durable-file'

// The identity of this install of the profile: its id stamps every change it makes, its keys
// sign them. device.json (in the profile) holds the public half and this device's preferences;
// the secret keys live in this computer's keystore, outside the profile, beside the path of the
// one profile folder they belong to. A profile copied elsewhere finds no keys, or keys of another
// folder, and must become a new device instead of signing as the one it was copied from.

const DatasetRef = z.object({ id: z.string().min(1), name: z.string() })

export const DeviceFile = z.object({
  deviceId: z.string().regex(/^[a-z2-7]{16}$|^[0-9a-f]{16}$/),
  name: z.string(),
  createdAt: z.string(),
  preferences: Preferences.default(Preferences.parse({})),
  signKey: z.string().optional(),
  boxKey: z.string().optional(),
  /** The dataset this profile belongs to, once it was created here or joined. */
  dataset: DatasetRef.optional(),
})
export type DeviceFile = z.output<typeof DeviceFile> & { signKey: string; boxKey: string }

const KeystoreEntry = z.object({ deviceId: z.string(), profile: z.string(), signKey: z.string(), signSecret: z.string(), boxKey: z.string(), boxSecret: z.string() })

export interface Identity {
  device: DeviceFile
  keys: KeyPairs
}

const deviceFile = (dir: string) => join(dir, 'device.json')
const keystoreFile = (id: string) => join(keystoreDir(), `${id}.json`)

function saveKeys(dir: string, id: string, keys: KeyPairs): void {
  mkdirSync(keystoreDir(), { recursive: true, mode: 0o700 })
  writeFileDurableSync(keystoreFile(id), JSON.stringify({ deviceId: id, profile: realpathSync(dir), ...keys }))
}

export function saveDevice(profileDir: string, device: DeviceFile): void {
  writeFileDurableSync(deviceFile(profileDir), JSON.stringify(device, null, 2) + '\n')
}

/** A new identity for this profile: new keys, and an id derived from them. */
export function newIdentity(dir: string, previous?: DeviceFile): Identity {
  const keys = generateKeys()
  const deviceId = deviceIdOf(keys.signKey)
  const device: DeviceFile = {
    deviceId,
    name: previous?.name ?? hostname(),
    createdAt: new Date().toISOString(),
    preferences: previous?.preferences ?? Preferences.parse({}),
    signKey: keys.signKey,
    boxKey: keys.boxKey,
    ...(previous?.dataset ? { dataset: previous.dataset } : {}),
  }
  saveKeys(dir, deviceId, keys)
  saveDevice(dir, device)
  return { device, keys }
}

function copiedError(dir: string, why: string): AppError {
  return new AppError(
    'copied',
    `This profile (${dir}) ${why}: it may not sign changes as the device it came from. Make it a new device to go on (in the app, or with gfc device new).`,
  )
}

/** The identity as the profile states it, for a profile opened read-only: nothing is signed,
 *  so the keys are not looked for (a stand-in is made if the profile has none). */
export function readIdentity(dir: string): Identity {
  const keys = generateKeys()
  try {
    const device = DeviceFile.parse(JSON.parse(readFileSync(deviceFile(dir), 'utf8')))
    return { device: { ...device, signKey: device.signKey ?? keys.signKey, boxKey: device.boxKey ?? keys.boxKey }, keys }
  } catch {
    return { device: { deviceId: deviceIdOf(keys.signKey), name: hostname(), createdAt: '', preferences: Preferences.parse({}), signKey: keys.signKey, boxKey: keys.boxKey }, keys }
  }
}

/** This profile's identity; a new one for a new profile, keys added to one made before sync. */
export function loadIdentity(dir: string): Identity {
  const file = deviceFile(dir)
  if (!existsSync(file)) return newIdentity(dir)
  let device: z.output<typeof DeviceFile>
  try {
    device = DeviceFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    throw new AppError('corrupt', `The device file ${file} is damaged.`)
  }
  if (!device.signKey || !device.boxKey) {
    // A profile from before sync keeps its id (its changes carry it) and gets its keys now.
    const keys = generateKeys()
    const upgraded: DeviceFile = { ...device, signKey: keys.signKey, boxKey: keys.boxKey }
    saveKeys(dir, device.deviceId, keys)
    saveDevice(dir, upgraded)
    return { device: upgraded, keys }
  }
  const ks = keystoreFile(device.deviceId)
  if (!existsSync(ks)) throw copiedError(dir, 'was made on another computer, or this computer lost its keys')
  let entry: z.output<typeof KeystoreEntry>
  try {
    entry = KeystoreEntry.parse(JSON.parse(readFileSync(ks, 'utf8')))
  } catch {
    throw new AppError('corrupt', `The key file ${ks} is damaged.`)
  }
  if (entry.signKey !== device.signKey || entry.boxKey !== device.boxKey) throw copiedError(dir, 'does not hold the keys this computer has for its device')
  if (entry.profile !== realpathSync(dir)) throw copiedError(dir, `is a copy of the profile in ${entry.profile}`)
  return { device: device as DeviceFile, keys: entry }
}
