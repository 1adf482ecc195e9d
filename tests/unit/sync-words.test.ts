import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { folderProblem } from '../../src-renderer/screens/sync/problems'
import en from '../../src-renderer/i18n/sync.en.json'
import fr from '../../src-renderer/i18n/sync.fr.json'
import { tempDir } from '../support/profile'
import { editContact, enrol, newDevice, office } from '../support/sync'

// The shared folder's problems come from the core in English; the Sync screen says the common
// ones in the interface language. Each is met here for real, so a change of the core's words
// that the screen would no longer recognise is found.

const t = i18next.createInstance()
beforeAll(async () => {
  await t.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', interpolation: { escapeValue: false } })
})

async function said(problems: string[]): Promise<{ en: string[]; fr: string[] }> {
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
})
