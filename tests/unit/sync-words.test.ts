import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { FolderProblem } from '../../src-main/core/model/sync'
import { folderProblem } from '../../src-renderer/screens/sync/problems'
import en from '../../src-renderer/i18n/sync.en.json'
import fr from '../../src-renderer/i18n/sync.fr.json'
import { tempDir } from '../support/profile'
import { bundle, editContact, enrol, newDevice, office, send } from '../support/sync'

// The shared folder's problems come from the core with the key the Sync screen words them by
// (English for the CLI beside it). Each is met here for real, so a key the locale files lack
// (shown as the bare key) is found.

const t = i18next.createInstance()
beforeAll(async () => {
  await t.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', interpolation: { escapeValue: false } })
})

async function said(problems: FolderProblem[]): Promise<{ en: string[]; fr: string[] }> {
  await t.changeLanguage('en')
  const inEn = problems.map((p) => folderProblem(p, t.t))
  await t.changeLanguage('fr')
  return { en: inEn, fr: problems.map((p) => folderProblem(p, t.t)) }
}

describe('the shared folder’s problems, in the interface language', () => {
  it('unreachable, not set up, another dataset, still being copied, a mass deletion', async () => {
    const shared = tempDir('gfc-shared-')
    const chair = await office('Chair office', shared)
    const laptop = await newDevice('laptop', shared)
    await enrol(chair, laptop)
    await chair.call('sync.chooseFolder', { init: true })
    await laptop.call('sync.chooseFolder', { init: false })
    const problems = async () => (await laptop.call('sync.folder', {})).problems

    rmSync(shared, { recursive: true })
    expect(await said(await problems())).toEqual({
      en: ['The folder is not reachable (unplugged, moved or offline): nothing was changed; it is tried again at the next sync.'],
      fr: ['Le dossier est inaccessible (débranché, déplacé ou hors ligne) : rien n’a été modifié ; nouvel essai à la prochaine synchronisation.'],
    })
    mkdirSync(shared)
    expect((await said(await problems())).en).toEqual(['The folder is not set up for GFC Desk yet: the Chair’s office sets it up first.'])
    writeFileSync(join(shared, 'gfc-sync.json'), JSON.stringify({ format: 'gfc-sync-folder', version: 1, dataset: { id: 'other', name: 'Other' } }))
    expect(await said(await problems())).toEqual({
      en: ['The folder belongs to another dataset (“Other”): nothing was changed.'],
      fr: ['Le dossier appartient à un autre jeu de données (« Other ») : rien n’a été modifié.'],
    })

    rmSync(join(shared, 'gfc-sync.json'))
    await chair.call('sync.chooseFolder', { init: true })
    const c = (await chair.call('contacts.list', {}))[0]
    await editContact(chair, c.id, { notes: 'late' })
    await chair.call('sync.folder', {})
    const file = join(shared, chair.id, readdirSync(join(shared, chair.id)).sort().at(-1)!)
    const whole = readFileSync(file)
    writeFileSync(file, whole.subarray(0, whole.length - 100))
    expect(await said(await problems())).toEqual({
      en: ['1 file is still being copied: it is tried again at the next sync.'],
      fr: ['1 fichier est encore en cours de copie : nouvel essai à la prochaine synchronisation.'],
    })
    writeFileSync(file, whole)
    expect(await problems()).toEqual([])

    const contacts = await chair.call('contacts.list', {})
    for (const x of contacts.slice(0, Math.ceil(contacts.length / 3))) await chair.call('contacts.delete', { id: x.id })
    await chair.call('sync.folder', {})
    expect((await said(await problems())).en).toEqual(['Changes from Chair office would delete a large part of a list: they wait until a person confirms.'])
  })

  it('a file cut short, changed, made for another device, not a sync file, or from a revoked device, received by hand', async () => {
    const chair = await office('Chair office')
    const laptop = await newDevice('laptop')
    const other = await newDevice('other')
    await enrol(chair, laptop)
    await enrol(chair, other)
    const bytes = await bundle(chair, laptop)
    const refusal = async (b: Buffer) => {
      const e = await laptop.fail('sync.importBundle', { contentBase64: b.toString('base64') })
      return said([{ text: e.message, key: e.key, params: e.params }])
    }
    expect(await refusal(bytes.subarray(0, 60))).toEqual({
      en: ['This file was refused: it is cut short (incomplete, or still being copied). Nothing was changed.'],
      fr: ['Ce fichier a été refusé : il est tronqué (incomplet, ou encore en cours de copie). Rien n’a été modifié.'],
    })
    const changed = Buffer.from(bytes)
    changed[changed.length - 200] ^= 1
    expect((await refusal(changed)).en).toEqual([`This file was refused: its signature does not match device ${chair.id}, so it was changed after it was made, or cut short. Nothing was changed.`])
    expect((await refusal(await bundle(chair, other))).fr).toEqual([`Ce fichier a été refusé : il a été fait pour un autre appareil (${other.id}), pas pour celui-ci. Rien n’a été modifié.`])
    expect((await refusal(Buffer.from('PK\u0003\u0004 a workbook'))).en).toEqual(['This file was refused: it is not a GFC Desk sync file (.gfcsync). Nothing was changed.'])
    await chair.call('device.revoke', { id: other.id })
    await send(chair, laptop)
    expect((await refusal(await bundle(other, laptop))).en).toEqual(['This file was refused: its sender, other, was revoked. Nothing was changed.'])
  })
})
