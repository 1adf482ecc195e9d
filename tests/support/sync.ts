import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Scope } from '../../src-main/core/model/device'
import type { ImportReport } from '../../src-main/core/model/sync'
import type { Shell } from '../../src-main/core/shell'
import { openProfile, tempDir } from './profile'

// Devices of one dataset for the sync tests: real profiles in temp folders, each with a door
// that saves files into a folder of its own, talking through the same dispatch as every door.

export type Device = Awaited<ReturnType<typeof newDevice>>

export async function newDevice(name: string, sharedFolder?: string) {
  const files = tempDir(`gfc-files-${name.replace(/\W/g, '')}-`)
  const shell: Shell = {
    chooseFolder: async () => sharedFolder ?? null,
    chooseSaveFile: async (_title, suggested) => join(files, suggested),
  }
  const p = await openProfile(undefined, shell)
  await p.call('device.rename', { name })
  const id = (await p.call('device.show', {})).id
  return { ...p, name, id, files }
}

/** The Chair's office: the demo, the reference missions, and a dataset it founds. */
export async function office(name = 'Chair office', sharedFolder?: string): Promise<Device> {
  const d = await newDevice(name, sharedFolder)
  await d.call('demo.load', {})
  await d.call('dataset.create', { name: 'Group of Friends' })
  return d
}

export async function missionId(d: Device, acronym: string): Promise<string> {
  return (await d.call('missions.list', {})).find((m) => m.acronym === acronym)!.id
}

/** Enrols `device` on `by` with a scope, and has it join with the enrolment file. */
export async function enrol(by: Device, device: Device, scope: Scope = { kind: 'full' }) {
  const card = await device.call('device.card', {})
  const r = await by.call('device.enrol', { card, scope })
  return device.call('device.join', { content: readFileSync(r.path!).toString('base64') })
}

/** The bytes of a bundle of what `to` lacks, made on `from`. */
export async function bundle(from: Device, to: Device): Promise<Buffer> {
  const r = await from.call('sync.exportBundle', { to: to.id })
  return readFileSync(r!.path)
}

export async function receive(to: Device, bytes: Buffer, confirmDeletions = false): Promise<ImportReport> {
  return to.call('sync.importBundle', { contentBase64: bytes.toString('base64'), confirmDeletions })
}

/** `from` sends `to` what it lacks; returns what `to` made of it. */
export async function send(from: Device, to: Device): Promise<ImportReport> {
  return receive(to, await bundle(from, to))
}

/** Both ways, twice: enough for two devices to hold the same. */
export async function meet(a: Device, b: Device): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await send(a, b)
    await send(b, a)
  }
}

export const exported = async (d: Device) => JSON.parse(await d.call('data.export', {}))

/** A contact's fields, for an update that changes some of them. */
export async function contactFields(d: Device, id: string) {
  const { id: _i, deleted: _d, updatedAt: _u, affiliations: _a, stamps: _s, ...fields } = await d.call('contacts.get', { id })
  return fields
}

/** Edits a contact as a form would: the values and stamps read now, with `change` typed over them. */
export async function editContact(d: Device, id: string, change: Partial<Awaited<ReturnType<typeof contactFields>>>) {
  const { id: _i, deleted: _d, updatedAt: _u, affiliations: _a, stamps, ...fields } = await d.call('contacts.get', { id })
  return d.call('contacts.update', { id, fields: { ...fields, ...change }, seen: stamps })
}
