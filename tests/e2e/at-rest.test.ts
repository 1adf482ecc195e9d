import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import { seriousViolations } from '../support/axe'
import { assertBuilt, callApi, launchBrowser, newPage, startHost, type Host } from '../support/e2e'

// An encrypted profile in Chromium against the built UI and the real host: the passphrase screen
// (English and French, a wrong passphrase, then the right one), the backups in Settings, and
// erasing a person for good from the contact page.

const PASS = 'open sesame, in the field'
const WAIT = { timeout: 15_000 }
const dataDir = mkdtempSync(join(tmpdir(), 'gfc-e2e-at-rest-'))
const shots = process.env.GFC_SCREENSHOT_DIR
let browser: Browser
let host: Host
let page: Page
let errors: string[]
let victim = { id: '', name: '' }

beforeAll(async () => {
  assertBuilt()
  const app = await App.open(dataDir)
  await dispatch(app, 'demo.load', {})
  const list = await dispatch(app, 'contacts.list', {})
  const c = (list as { result: { id: string; givenName: string; familyName: string }[] }).result[2]
  victim = { id: c.id, name: c.familyName }
  await dispatch(app, 'profile.encrypt', { passphrase: PASS })
  await app.close()
  browser = await launchBrowser()
  host = await startHost(dataDir, mkdtempSync(join(tmpdir(), 'gfc-e2e-at-rest-exports-')))
  ;({ page, errors } = await newPage(browser, host))
})

afterAll(async () => {
  await host?.stop()
  await browser?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('an encrypted profile in the browser', () => {
  it('asks for the passphrase, in English and in French, and refuses a wrong one', async () => {
    await expect.poll(() => page.getByTestId('unlock').count(), WAIT).toBe(1)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This profile is encrypted')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Français' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ce profil est chiffré')
    await page.getByLabel('Phrase secrète').fill('pas la bonne phrase')
    await page.getByRole('button', { name: 'Ouvrir' }).click()
    await expect.poll(() => page.getByRole('alert').textContent(), WAIT).toMatch(/La phrase secrète est incorrecte/)
    expect(await seriousViolations(page)).toEqual([])
    if (shots) await page.screenshot({ path: join(shots, 'unlock-fr.png') })
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByLabel('Passphrase').fill(PASS)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await expect.poll(() => page.getByTestId('unlock').count(), WAIT).toBe(0)
    await expect.poll(() => page.getByRole('navigation').count(), WAIT).toBeGreaterThan(0)
  })

  it('lists the backups with date and size in Settings, restores one after asking, and keeps as many as chosen', async () => {
    await page.evaluate(() => (location.hash = '#/settings'))
    const section = page.getByTestId('backups-section')
    await expect.poll(() => section.getByRole('row').count(), WAIT).toBeGreaterThan(1)
    const firstRow = section.getByRole('row').nth(1)
    expect(await firstRow.textContent()).toMatch(/\d{4}.*\d+(\.\d+)?\s?(bytes|kB|KB|MB|octets|ko|Mo)/)
    expect(await page.getByTestId('encryption-state').textContent()).toMatch(/are encrypted/)
    if (shots) await page.getByTestId('encryption-section').screenshot({ path: join(shots, 'settings-encryption.png') })
    await section.getByLabel('Backups to keep').selectOption('5')
    await expect.poll(async () => (await callApi<{ keepBackups: number }>(page, 'preferences.get')).keepBackups, WAIT).toBe(5)
    if (shots) await section.screenshot({ path: join(shots, 'settings-backups.png') })
    expect(await seriousViolations(page)).toEqual([])
    await firstRow.getByRole('button', { name: 'Restore' }).click()
    const dialog = page.getByTestId('restore-dialog')
    expect(await dialog.textContent()).toMatch(/records made since are deleted/)
    await dialog.getByRole('button', { name: 'Restore' }).click()
    await expect.poll(() => page.getByText(/The data is back to/).count(), WAIT).toBeGreaterThan(0)
  })

  it('erases a person for good from the contact page, after a confirmation that says it cannot be undone', async () => {
    await page.evaluate((id) => (location.hash = `#/contact?id=${id}`), victim.id)
    await page.getByTestId('erase-contact').click()
    const dialog = page.getByTestId('erase-dialog')
    expect(await dialog.textContent()).toMatch(/cannot be undone/)
    if (shots) await page.screenshot({ path: join(shots, 'erase-dialog.png') })
    await dialog.getByRole('button', { name: 'Erase for good' }).click()
    await expect.poll(() => page.getByText(/was erased for good/).count(), WAIT).toBeGreaterThan(0)
    const found = (await callApi<string>(page, 'data.export')).includes(victim.name)
    expect(found).toBe(false)
    expect(errors).toEqual([])
  })

  it('npm run host takes the passphrase from GFC_PASSPHRASE: the app opens without asking', async () => {
    await host.stop()
    process.env.GFC_PASSPHRASE = PASS
    try {
      host = await startHost(dataDir, mkdtempSync(join(tmpdir(), 'gfc-e2e-at-rest-exports-')))
    } finally {
      delete process.env.GFC_PASSPHRASE
    }
    ;({ page } = await newPage(browser, host))
    await expect.poll(() => page.getByRole('navigation').count(), WAIT).toBeGreaterThan(0)
    expect(await page.getByTestId('unlock').count()).toBe(0)
  })
})
