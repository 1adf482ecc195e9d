import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../model/errors'
import { Preferences } from '../model/settings'
import { writeFileDurableSync } from './durable-file'

// The identity of this install of the profile: its id stamps every change it makes.
// Preferences live here too because they belong to this device, not to the Group's data.
const DeviceFile = z.object({
  deviceId: z.string().regex(/^[a-z0-9]{16}$/),
  name: z.string(),
  createdAt: z.string(),
  preferences: Preferences.default(Preferences.parse({})),
})
export type DeviceFile = z.output<typeof DeviceFile>

export function loadDevice(profileDir: string): DeviceFile {
  const file = join(profileDir, 'device.json')
  if (!existsSync(file)) {
    const device: DeviceFile = {
      deviceId: randomBytes(8).toString('hex'),
      name: hostname(),
      createdAt: new Date().toISOString(),
      preferences: Preferences.parse({}),
    }
    saveDevice(profileDir, device)
    return device
  }
  try {
    return DeviceFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    throw new AppError('corrupt', `The device file ${file} is damaged.`)
  }
}

export function saveDevice(profileDir: string, device: DeviceFile): void {
  writeFileDurableSync(join(profileDir, 'device.json'), JSON.stringify(device, null, 2) + '\n')
}
