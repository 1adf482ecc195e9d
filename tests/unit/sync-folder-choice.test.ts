import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Shell } from '../../src-main/core/shell'
import { openProfile, tempDir } from '../support/profile'

// Choosing the shared folder as Electron's dialog answers: with a new folder named inside the one
// the person picked. The Chair's office picks a drive and gets "GFC sync" made and set up there;
// a field officer who then picks that shared folder itself syncs with it, and no folder is made
// inside it.

/** A door whose folder dialog answers `picked`/NAME, and which saves files into `files`. */
function door(picked: string, files: string): Shell {
  return { chooseFolder: async (_title, name) => join(picked, name), chooseSaveFile: async (_title, name) => join(files, name) }
}

describe('choosing the shared folder', () => {
  it('makes and sets up the named folder for the office, and takes a picked shared folder as it is', async () => {
    const drive = tempDir('gfc-drive-')
    const files = tempDir('gfc-files-')
    const shared = join(drive, 'GFC sync')
    const chair = await openProfile(undefined, door(drive, files))
    await chair.call('demo.load', {})
    await chair.call('dataset.create', { name: 'Group of Friends' })
    const laptop = await openProfile(undefined, door(shared, files))
    const enrolled = await chair.call('device.enrol', { card: await laptop.call('device.card', {}), scope: { kind: 'full' } })
    await laptop.call('device.join', { content: readFileSync(enrolled.path!).toString('base64') })

    const first = await chair.call('sync.chooseFolder', { init: true })
    expect(first).toMatchObject({ dir: shared, ok: true, written: 1 })
    expect(JSON.parse(readFileSync(join(shared, 'gfc-sync.json'), 'utf8')).dataset.name).toBe('Group of Friends')

    const second = await laptop.call('sync.chooseFolder', { init: false })
    expect(second).toMatchObject({ dir: shared, ok: true, read: 1 })
    expect(existsSync(join(shared, 'GFC sync'))).toBe(false)
    expect((await laptop.call('sync.status', {})).folder?.dir).toBe(shared)
    expect(readdirSync(shared).sort()).toEqual([(await chair.call('device.show', {})).id, (await laptop.call('device.show', {})).id, 'gfc-sync.json'].sort())
  })

  it('does not make a folder when joining one that is not set up: it says so, and nothing is chosen', async () => {
    const drive = tempDir('gfc-drive-')
    const laptop = await openProfile(undefined, door(drive, tempDir('gfc-files-')))
    await laptop.call('dataset.create', { name: 'Group of Friends' })
    const reply = await laptop.call('sync.chooseFolder', { init: false })
    expect(reply?.ok).toBe(false)
    expect(reply?.problems.map((p) => p.text).join(' ')).toMatch(/not reachable/)
    expect(existsSync(join(drive, 'GFC sync'))).toBe(false)
    expect((await laptop.call('sync.status', {})).folder).toBeNull()
  })
})
