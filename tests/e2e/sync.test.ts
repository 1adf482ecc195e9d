import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { assertBuilt, callApi, type Host, launchBrowser, newPage, startHost } from '../support/e2e'
import { ROOT } from '../support/profile'

// The Chair's office and a field laptop, each its own loopback host on its own profile, in
// Chromium: the office enrols the field laptop from its identity card (fingerprint compared,
// scope chosen), the field officer joins from the first screen, and both sync through one
// shared folder chosen on their Sync screens. The hosts have no dialogs: each saves into one
// folder, the same for both here, so the shared folder they are given is the same one too.

const WAIT = { timeout: 15_000 }
const OFFICER = 'Amaru Quispe'
const FIELD_EMAIL = 'holder.from.juba@example.org'
const FIELD_CLASH = 'field.says@example.org'
const OFFICE_CLASH = 'office.says@example.org'
const AGREED = 'agreed@example.org'

const files = mkdtempSync(join(tmpdir(), 'gfc-e2e-sync-files-'))
const shared = join(files, 'GFC sync')
const dirs = [mkdtempSync(join(tmpdir(), 'gfc-e2e-sync-office-')), mkdtempSync(join(tmpdir(), 'gfc-e2e-sync-field-'))]
const shots = join(files, 'screenshots')
/** Where the README's pictures of these screens go: docs/screenshots with GFC_SCREENSHOTS=1 (npm run screenshots). */
const readmeShots = process.env.GFC_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : shots
let browser: Browser
let hosts: Host[] = []
let office: Page
let field: Page
/** Uncaught page errors and console errors on either page (see newPage). */
let errors: string[][] = []

beforeAll(async () => {
  assertBuilt()
  browser = await launchBrowser()
  hosts = [await startHost(dirs[0], files), await startHost(dirs[1], files)]
  const a = await newPage(browser, hosts[0])
  const b = await newPage(browser, hosts[1])
  office = a.page
  field = b.page
  errors = [a.errors, b.errors]
  mkdirSync(shots, { recursive: true })
})
afterAll(async () => {
  for (const h of hosts) await h.stop()
  await browser?.close()
  for (const d of [...dirs, ...(process.env.GFC_KEEP_SHOTS ? [] : [files])]) rmSync(d, { recursive: true, force: true })
  if (process.env.GFC_KEEP_SHOTS) console.log(`screenshots in ${shots}`)
})

const nav = (page: Page, name: string | RegExp) => page.getByRole('navigation').getByRole('button', { name, exact: typeof name === 'string' }).click()
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()

async function openSync(page: Page) {
  await nav(page, 'Sync')
  await expect.poll(() => h1(page), WAIT).toBe('Sync')
}

/** "Sync now" on the Sync screen; returns what the folder's status says once it is done. */
async function syncNow(page: Page): Promise<string> {
  await openSync(page)
  await page.getByRole('button', { name: 'Sync now' }).click()
  await expect.poll(() => page.getByRole('button', { name: 'Sync now' }).isEnabled(), WAIT).toBe(true)
  return (await page.getByTestId('folder-status').textContent()) ?? ''
}

async function openMonusco(page: Page) {
  await nav(page, 'Field missions')
  await expect.poll(() => page.getByTestId('missions-count').textContent(), WAIT).toMatch(/\d+ missions?/)
  await page.getByTestId('mission-row').getByRole('button', { name: 'MONUSCO', exact: true }).click()
  await expect.poll(() => h1(page), WAIT).toBe('MONUSCO')
}

const kinshasa = (page: Page): Locator => page.getByTestId('post-card').filter({ hasText: 'Kinshasa' })
const holderName = async (page: Page) => (await kinshasa(page).getByTestId('current-holder').locator('.holder-name').textContent())!.trim()

async function setHolderEmail(page: Page, email: string) {
  const card = kinshasa(page)
  await card.getByRole('button', { name: `Edit the holding of ${await holderName(page)}` }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('E-mail', { exact: true }).fill(email)
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect.poll(() => dialog.count(), WAIT).toBe(0)
  await expect.poll(() => card.getByTestId('holder-reach').textContent(), WAIT).toContain(email)
}

/** A call to the core, as the page makes it (for what the story does not need to click through). */
const api = callApi

const monuscoOf = async (page: Page) => {
  const missions = await api<{ id: string; acronym: string }[]>(page, 'missions.list', { search: 'MONUSCO' })
  return api<{ posts: { id: string; dutyStation: string }[] }>(page, 'missions.get', { id: missions.find((m) => m.acronym === 'MONUSCO')!.id })
}

async function axe(page: Page, where: string): Promise<string[]> {
  return (await seriousViolations(page)).map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`)
}

async function setLanguage(page: Page, uiLanguage: 'en' | 'fr') {
  await page.evaluate(
    async (l) => fetch('/api/preferences.update', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uiLanguage: l }) }),
    uiLanguage,
  )
}

let fingerprint = ''
let card = ''
let enrolment = ''
const found: string[] = []

describe('the Chair’s office and a field laptop, through the screens', () => {
  it('the office starts its dataset with the demo; the field laptop shows its card and fingerprint', async () => {
    await expect.poll(() => h1(office), WAIT).toBe('Welcome to GFC Desk')
    expect(await office.getByLabel('Name of the dataset').inputValue()).toBe('Group of Friends of Corrections')
    await office.getByRole('button', { name: 'Load demo data' }).click()
    await expect.poll(() => office.getByTestId('members-count').textContent(), WAIT).toMatch(/\d+ members/)
    await api(office, 'device.rename', { name: 'Chair’s office laptop' })
    await api(office, 'preferences.update', { userName: 'Ingrid Secretary' })

    await expect.poll(() => h1(field), WAIT).toBe('Welcome to GFC Desk')
    await field.getByLabel('Device name').fill('Juba field laptop')
    await field.getByRole('button', { name: 'Save the name' }).click()
    await expect.poll(() => field.getByRole('button', { name: 'Save the name' }).count(), WAIT).toBe(0)
    await field.getByRole('button', { name: 'Save this device’s identity card' }).click()
    await expect.poll(() => field.getByTestId('card-saved').textContent(), WAIT).toMatch(/\.gfccard$/)
    card = (await field.getByTestId('card-saved').textContent())!.replace(/^Saved to /, '')
    expect(existsSync(card)).toBe(true)
    fingerprint = (await field.getByTestId('welcome-fingerprint').textContent())!
    expect(fingerprint).toMatch(/^\d{4}( \d{4}){4}$/)
    await field.screenshot({ path: join(shots, 'welcome-join.png') })
    found.push(...(await axe(field, 'welcome')))
  })

  it('the office enrols it from its card: the same fingerprint, scope MONUSCO, the enrolment file saved', async () => {
    await openSync(office)
    expect(await office.getByTestId('this-dataset').textContent()).toBe('Group of Friends of Corrections')
    await office.getByRole('button', { name: 'Enrol a device' }).click()
    const dialog = office.getByRole('dialog', { name: 'Enrol a device' })
    await dialog.getByTestId('card-file').setInputFiles(card)
    await expect.poll(() => dialog.getByTestId('card-fingerprint').textContent(), WAIT).toBe(fingerprint)
    expect(await dialog.textContent()).toContain('Juba field laptop')
    await dialog.getByLabel('Some missions (a field laptop)').check()
    await dialog.getByRole('checkbox', { name: /^MONUSCO/ }).check()
    await office.screenshot({ path: join(shots, 'enrol.png') })
    found.push(...(await axe(office, 'enrol dialog')))
    await dialog.getByRole('button', { name: 'Enrol and save the enrolment file' }).click()
    await expect.poll(() => dialog.getByTestId('enrolment-saved').textContent(), WAIT).toMatch(/\.gfcjoin\.$/)
    enrolment = /saved to (.*\.gfcjoin)\.$/.exec((await dialog.getByTestId('enrolment-saved').textContent())!)![1]
    await dialog.getByRole('button', { name: 'Done' }).click()
    const row = office.getByTestId('device-row').filter({ hasText: 'Juba field laptop' })
    expect(await row.textContent()).toContain('Missions: MONUSCO')
    expect(await row.textContent()).toContain('Never')
  })

  it('the field officer joins from the first screen: scope MONUSCO, no meetings or work plan in the menu', async () => {
    await field.getByTestId('join-file').setInputFiles(enrolment)
    await expect.poll(() => h1(field), WAIT).toBe('Sync')
    await expect.poll(() => field.getByTestId('this-scope').textContent(), WAIT).toBe('Missions: MONUSCO')
    expect(await field.getByTestId('this-dataset').textContent()).toBe('Group of Friends of Corrections')
    const menu = await field.getByRole('navigation').textContent()
    expect(menu).not.toContain('Meetings')
    expect(menu).not.toContain('Work plan')
    expect(await field.getByRole('button', { name: 'Enrol a device' }).count()).toBe(0)
    await nav(field, 'Field missions')
    await expect.poll(() => field.getByTestId('missions-count').textContent(), WAIT).toBe('1 mission')
    expect(await field.getByTestId('scope-note').textContent()).toContain('the Chair’s office adds missions')
    expect(await field.getByRole('button', { name: 'Add mission' }).count()).toBe(0)
    await nav(field, 'Home')
    await expect.poll(() => field.getByTestId('home-to-verify').count(), WAIT).toBe(1)
    expect(await field.getByRole('heading', { name: 'Next meeting' }).count()).toBe(0)
  })

  it('both choose the shared folder: the office sets it up, the field laptop finds it', async () => {
    await openSync(office)
    await office.getByRole('button', { name: 'Choose the shared folder' }).click()
    await expect.poll(() => office.getByTestId('folder-status').textContent(), WAIT).toMatch(/^Synced/)
    expect(existsSync(join(shared, 'gfc-sync.json'))).toBe(true)
    expect(await office.getByTestId('folder-path').textContent()).toBe(shared)

    await openSync(field)
    await field.getByRole('button', { name: 'Choose the shared folder' }).click()
    await expect.poll(() => field.getByTestId('folder-status').textContent(), WAIT).toMatch(/^Synced/)
    await field.screenshot({ path: join(shots, 'sync-field.png'), fullPage: true })
  })

  it('while a window is open it syncs by itself every five minutes, with no click', async () => {
    // A window of its own on the field laptop, on a clock the test moves (Playwright's fake timers).
    const { page } = await newPage(browser, hosts[1])
    await page.clock.install()
    await page.reload()
    await openSync(page)
    const next = await page.getByTestId('next-sync').textContent()
    expect(next).not.toBe('')
    const stations = async () => (await monuscoOf(field)).posts.map((p) => p.dutyStation)
    for (const station of ['Uvira', 'Kalemie']) {
      const { id } = (await api<{ id: string }[]>(office, 'missions.list', { search: 'MONUSCO' }))[0]
      await api(office, 'posts.create', { missionId: id, title: 'Corrections Officer', dutyStation: station })
      await api(office, 'sync.folder', {})
      await page.clock.fastForward('04:50')
      expect(await stations()).not.toContain(station) // not yet: five minutes have not passed
      await page.clock.fastForward('00:15')
      await expect.poll(stations, WAIT).toContain(station)
      await expect.poll(() => page.getByTestId('folder-status').textContent(), WAIT).toMatch(/^Synced: 1 file received/)
    }
    expect(await page.getByTestId('next-sync').textContent()).not.toBe(next)
    await page.close()
  })

  it('the field officer changes the post holder and marks it verified; after syncing, the office’s open page shows it', async () => {
    await openMonusco(field)
    await setHolderEmail(field, FIELD_EMAIL)
    await kinshasa(field).getByTestId('verified-holders').getByRole('button', { name: /^Mark verified/ }).click()
    const ask = field.getByRole('dialog', { name: 'Who is verifying?' })
    await ask.getByLabel('Your name').fill(OFFICER)
    await ask.getByRole('button', { name: 'Mark verified' }).click()
    await expect.poll(() => kinshasa(field).getByTestId('verified-holders').textContent(), WAIT).toMatch(new RegExp(`by ${OFFICER}`))

    expect(await syncNow(field)).toMatch(/^Synced: 0 files received, 1 file written/)
    // The office has MONUSCO open; its other window syncs: the open page follows without a reload.
    await openMonusco(office)
    const other = (await newPage(browser, hosts[0])).page
    expect(await syncNow(other)).toMatch(/^Synced: 1 file received/)
    expect(await other.getByTestId('import-summary').textContent()).toMatch(/new changes? from Juba field laptop/)
    await other.screenshot({ path: join(readmeShots, 'sync-office.png'), fullPage: true, animations: 'disabled', caret: 'hide' })
    await other.close()
    await expect.poll(() => kinshasa(office).getByTestId('holder-reach').textContent(), WAIT).toContain(FIELD_EMAIL)
    await expect.poll(() => kinshasa(office).getByTestId('verified-holders').textContent(), WAIT).toMatch(new RegExp(`by ${OFFICER}`))
    const row = async () => {
      await openSync(office)
      return office.getByTestId('device-row').filter({ hasText: 'Juba field laptop' }).textContent()
    }
    expect(await row()).not.toContain('Never')
  })

  it('the same e-mail changed on both shows in Conflicts on both, with who, which device and when', async () => {
    await openMonusco(field)
    await setHolderEmail(field, FIELD_CLASH)
    await openMonusco(office)
    await setHolderEmail(office, OFFICE_CLASH)
    await syncNow(field)
    await syncNow(office)
    await syncNow(field)
    for (const page of [office, field]) {
      await expect.poll(() => page.getByTestId('nav-conflicts').textContent(), WAIT).toMatch(/^1/)
      await nav(page, /^Conflicts/)
      await expect.poll(() => page.getByTestId('conflicts-count').textContent(), WAIT).toBe('1 thing to settle')
      const conflict = page.getByTestId('conflict')
      expect(await conflict.getByRole('heading').textContent()).toBe('E-mail')
      const values = await conflict.getByTestId('conflict-value').allTextContents()
      expect(values).toHaveLength(2)
      expect(values.join(' | ')).toContain(FIELD_CLASH)
      expect(values.join(' | ')).toContain(OFFICE_CLASH)
      expect(values.find((v) => v.includes(FIELD_CLASH))).toMatch(/[Oo]n Juba field laptop/)
    }
    await office.screenshot({ path: join(readmeShots, 'conflicts.png'), animations: 'disabled', caret: 'hide' })
    // From the conflict to the record, whose history shows both edits, each with its device.
    await office.getByTestId('conflict-record').getByRole('button', { name: /^Open / }).click()
    const history = office.getByTestId('record-history')
    await history.getByRole('button', { name: 'Show history' }).click()
    await expect.poll(() => history.locator('tbody tr').count(), WAIT).toBeGreaterThan(1)
    const rows = await history.locator('tbody tr').allTextContents()
    expect(rows.some((r) => r.includes(FIELD_CLASH) && r.includes('Juba field laptop'))).toBe(true)
    expect(rows.some((r) => r.includes(OFFICE_CLASH) && !r.includes('Juba field laptop'))).toBe(true)
    await nav(office, /^Conflicts/)
  })

  it('the new screens pass axe-core in English and French, light and dark', async () => {
    for (const language of ['en', 'fr'] as const) {
      await setLanguage(office, language)
      for (const scheme of ['light', 'dark'] as const) {
        await office.emulateMedia({ colorScheme: scheme })
        await office.reload() // the language is read at start
        for (const hash of ['#/sync', '#/conflicts']) {
          await office.evaluate((h) => (location.hash = h), hash)
          await expect.poll(() => office.evaluate(() => document.documentElement.lang), WAIT).toBe(language)
          await expect.poll(() => office.getByRole('heading', { level: 1 }).count(), WAIT).toBe(1)
          await expect.poll(() => office.locator('[aria-busy="true"]').count(), WAIT).toBe(0)
          await office.waitForTimeout(150)
          found.push(...(await axe(office, `${language} ${scheme} ${hash}`)))
          if (language === 'fr' && scheme === 'dark') {
            await office.screenshot({ path: join(shots, `${hash.slice(2)}-fr-dark.png`), fullPage: true })
            await office.setViewportSize({ width: 680, height: 1400 })
            found.push(...(await axe(office, `${language} ${scheme} ${hash} at 680 px`)))
            await office.screenshot({ path: join(shots, `${hash.slice(2)}-fr-dark-narrow.png`) })
            await office.setViewportSize({ width: 1280, height: 860 })
          }
        }
      }
    }
    await setLanguage(office, 'en')
    await office.emulateMedia({ colorScheme: 'light' })
    await office.reload()
    expect(found).toEqual([])
  })

  it('resolving it on the office clears it on the field laptop after the next sync', async () => {
    await expect.poll(() => h1(office), WAIT).toBe('Conflicts')
    const keep = office.getByTestId('conflict-value').filter({ hasText: FIELD_CLASH }).getByRole('button', { name: /^Keep th/ })
    await keep.click()
    await expect.poll(() => office.getByTestId('conflicts-count').textContent(), WAIT).toBe('Nothing to settle: every device agrees.')
    await expect.poll(() => office.getByTestId('nav-conflicts').count(), WAIT).toBe(0)
    await syncNow(office)
    await syncNow(field)
    await expect.poll(() => field.getByTestId('nav-conflicts').count(), WAIT).toBe(0)
    await openMonusco(field)
    expect(await kinshasa(field).getByTestId('holder-reach').textContent()).toContain(FIELD_CLASH)
  })

  it('the field officer settles the next one by typing a new value; the office has it, and no conflict, after syncing', async () => {
    await openMonusco(field)
    await setHolderEmail(field, 'field.again@example.org')
    await openMonusco(office)
    await setHolderEmail(office, 'office.again@example.org')
    await syncNow(office)
    await syncNow(field)
    await nav(field, /^Conflicts/)
    const conflict = field.getByTestId('conflict')
    await expect.poll(() => conflict.getByTestId('conflict-value').count(), WAIT).toBe(2)
    await conflict.getByRole('button', { name: 'Edit a new value' }).click()
    const box = conflict.getByLabel('New value for E-mail')
    expect(await box.inputValue()).toMatch(/again@example\.org/)
    await box.fill(AGREED)
    await conflict.getByRole('button', { name: 'Keep this new value' }).click()
    await expect.poll(() => field.getByTestId('conflicts-count').textContent(), WAIT).toBe('Nothing to settle: every device agrees.')
    await syncNow(field)
    await syncNow(office)
    await expect.poll(() => office.getByTestId('nav-conflicts').count(), WAIT).toBe(0)
    await office.reload()
    await openMonusco(office)
    expect(await kinshasa(office).getByTestId('holder-reach').textContent()).toContain(AGREED)
  })

  it('the shared folder gone mid-way: nothing is deleted, the status says so, and the next sync after it returns completes', async () => {
    const away = shared + ' (unplugged)'
    await openMonusco(field)
    await setHolderEmail(field, FIELD_EMAIL)
    renameSync(shared, away)
    expect(await syncNow(field)).toContain('The folder is not reachable')
    expect(await syncNow(office)).toContain('The folder is not reachable')
    await office.screenshot({ path: join(shots, 'folder-unreachable.png') })
    await office.reload()
    await openMonusco(office)
    expect(await kinshasa(office).getByTestId('holder-reach').textContent()).toContain(AGREED)
    await nav(office, 'Members')
    await expect.poll(() => office.getByTestId('members-count').textContent(), WAIT).toMatch(/\d+ members/)
    expect(readdirSync(away).sort()).toContain('gfc-sync.json')

    renameSync(away, shared)
    expect(await syncNow(field)).toMatch(/^Synced/)
    expect(await syncNow(office)).toMatch(/^Synced: 1 file received/)
    await office.reload()
    await openMonusco(office)
    expect(await kinshasa(office).getByTestId('holder-reach').textContent()).toContain(FIELD_EMAIL)
  })

  it('changes by file: the office saves what the field laptop lacks, the field laptop opens it and says what it did', async () => {
    await openMonusco(office)
    await setHolderEmail(office, OFFICE_CLASH)
    await openSync(office)
    await office.getByLabel('Send changes to').selectOption({ label: 'Juba field laptop' })
    await office.getByRole('button', { name: 'Save the changes to send' }).click()
    await expect.poll(() => office.getByTestId('sent').textContent(), WAIT).toMatch(/^\d+ changes? \(.+\) saved to .*\.gfcsync$/)
    const bundle = /saved to (.*\.gfcsync)$/.exec((await office.getByTestId('sent').textContent())!)![1]
    await openSync(field)
    await field.getByTestId('receive-file').setInputFiles(bundle)
    await expect.poll(() => field.getByTestId('import-summary').textContent(), WAIT).toMatch(/new changes? from /)
    expect(await field.getByTestId('import-summary').textContent()).toMatch(/changed: [1-9]/)
    await openMonusco(field)
    expect(await kinshasa(field).getByTestId('holder-reach').textContent()).toContain(OFFICE_CLASH)
  })

  it('a mass deletion from the office waits on the field laptop until a person confirms it', async () => {
    const monusco = await monuscoOf(office)
    const gone = monusco.posts.filter((p) => p.dutyStation !== 'Kinshasa')
    expect(gone.length).toBeGreaterThan(1)
    for (const p of gone) await api(office, 'posts.delete', { id: p.id })
    await syncNow(office)

    expect(await syncNow(field)).toContain('would delete a large part of a list: they wait until a person confirms')
    await openMonusco(field)
    expect(await field.getByTestId('post-card').count()).toBe(monusco.posts.length)
    await openSync(field)
    await field.getByRole('button', { name: 'Review the deletions waiting' }).click()
    const ask = field.getByRole('dialog', { name: 'Apply these deletions?' })
    expect(await ask.textContent()).toContain(`${gone.length} of ${monusco.posts.length} records: Post`)
    await field.screenshot({ path: join(shots, 'mass-deletion.png') })
    await ask.getByRole('button', { name: 'Apply the deletions' }).click()
    await expect.poll(() => field.getByTestId('folder-status').textContent(), WAIT).toMatch(/^Synced: 1 file received/)
    await openMonusco(field)
    expect(await field.getByTestId('post-card').count()).toBe(1)
  })

  it('two new holders of one post, added apart, show as a broken rule on both, with a way to the mission', async () => {
    const post = (await monuscoOf(office)).posts.find((p) => p.dutyStation === 'Kinshasa')!
    const start = new Date().toISOString().slice(0, 10)
    const holder = (givenName: string) => ({ postId: post.id, contact: { givenName, familyName: 'Newcomer' }, start, closePrevious: true })
    await api(office, 'holders.create', holder('Ana'))
    await api(field, 'holders.create', holder('Ben'))
    await syncNow(field)
    await syncNow(office)
    await syncNow(field)
    for (const page of [office, field]) {
      await nav(page, /^Conflicts/)
      const breach = page.getByTestId('breach')
      await expect.poll(() => breach.textContent(), WAIT).toContain('Two current holders of one post')
      if (page === office) await page.screenshot({ path: join(shots, 'breach.png') })
      await breach.getByRole('button', { name: /^Open Ana Newcomer/ }).click()
      await expect.poll(() => h1(page), WAIT).toBe('MONUSCO')
    }
  })

  it('the office revokes the field laptop, after a confirmation that says what it does', async () => {
    await openSync(office)
    await office.getByRole('button', { name: 'Revoke Juba field laptop' }).click()
    const ask = office.getByRole('dialog', { name: 'Revoke Juba field laptop?' })
    expect(await ask.textContent()).toContain('Every device will refuse the changes this device makes from now on')
    await office.setViewportSize({ width: 1280, height: 1500 })
    await office.screenshot({ path: join(shots, 'revoke.png') })
    await ask.getByRole('button', { name: 'Revoke' }).click()
    await expect.poll(() => office.getByTestId('device-row').filter({ hasText: 'Juba field laptop' }).textContent(), WAIT).toMatch(/revoked/)
    expect(await office.getByRole('button', { name: 'Revoke Juba field laptop' }).count()).toBe(0)
    expect(await office.getByLabel('Send changes to').locator('option').allTextContents()).not.toContain('Juba field laptop')
    expect(errors.flat()).toEqual([])
  })
})
