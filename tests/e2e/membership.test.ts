import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, launchBrowser, newPage, startHost, type Host } from '../support/e2e'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// A new user's first session, in Debian's Chromium against the built UI served by the
// loopback host over the real core, as the issue describes it.

let browser: Browser
// One profile for the whole story: it outlives each step, as a user's data does.
const dataDir = mkdtempSync(join(tmpdir(), 'gfc-e2e-'))
beforeAll(async () => {
  assertBuilt()
  browser = await launchBrowser()
})
let host: Host | undefined
afterAll(async () => {
  await host?.stop()
  await browser?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name }).click()

async function addContact(page: Page, c: { honorific?: string; given: string; family: string; role: string; position: string; email: string }) {
  await page.getByRole('button', { name: 'Add contact' }).click()
  if (c.honorific) await page.getByLabel('Honorific').fill(c.honorific)
  await page.getByLabel('Given name').fill(c.given)
  await page.getByLabel('Family name', { exact: true }).fill(c.family)
  await page.getByLabel('Role').selectOption({ label: c.role })
  await page.getByLabel('Position').fill(c.position)
  await page.getByLabel('E-mail 1', { exact: true }).fill(c.email)
  await page.getByRole('button', { name: 'Add contact' }).last().click()
}

describe('a new user keeps the Group’s membership', () => {

  it('adds Sweden from the list of UN Member States, with its Permanent Mission', async () => {
    host = await startHost(dataDir)
    const { page, errors } = await newPage(browser, host!)

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to GFC Desk')
    await page.getByRole('button', { name: 'Add the first member' }).click()

    const country = page.getByRole('combobox', { name: 'Member State' })
    await country.fill('swe')
    await page.getByRole('option', { name: 'Sweden' }).click()
    await page.getByLabel('Address').fill('One Dag Hammarskjöld Plaza, New York')
    // A wrong e-mail is caught by the shared schema and named under its field.
    await page.getByLabel('E-mail', { exact: true }).fill('mission@')
    await page.getByRole('button', { name: 'Add member' }).click()
    await expect.poll(() => page.getByText('Enter a valid e-mail address').count()).toBeGreaterThan(0)
    expect(await page.getByLabel('E-mail', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await page.getByLabel('E-mail', { exact: true }).fill('sweden@example.org')
    await page.getByRole('button', { name: 'Add member' }).click()

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sweden')
    await expect.poll(() => page.getByText('Western European and other States').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('adds H.E. the Permanent Representative and an Arabic-script colleague, and finds them by search', async () => {
    const { page, errors } = await newPage(browser, host!)
    await nav(page, 'Members') // a profile with data opens on Home
    await page.getByRole('button', { name: 'Sweden', exact: true }).click()
    await addContact(page, { honorific: 'H.E.', given: 'Ingrid', family: 'Exempelsson', role: 'Permanent Representative', position: 'Ambassador and Permanent Representative', email: 'ingrid@example.org' })
    await expect.poll(() => page.getByTestId('contacts-table').or(page.getByTestId('member-contacts-table')).first().textContent()).toContain('Exempelsson')

    await nav(page, 'Members')
    await page.getByRole('button', { name: 'Sweden', exact: true }).click()
    await addContact(page, { honorific: 'Mr.', given: 'كريم', family: 'المثال', role: 'Focal point', position: 'Counsellor', email: 'karim@example.org' })

    await nav(page, 'Contacts')
    const table = page.getByTestId('contacts-table')
    await expect.poll(() => table.textContent()).toContain('المثال')
    expect(await table.getByText('كريم المثال').first().getAttribute('dir')).toBe('auto')

    await page.getByLabel('Search contacts').fill('المثال')
    await expect.poll(() => page.getByTestId('contacts-count').textContent()).toBe('1 contact')
    await page.getByLabel('Search contacts').fill('exempel')
    await expect.poll(() => table.textContent()).not.toContain('المثال')
    expect(await table.textContent()).toContain('H.E. Ingrid Exempelsson')
    expect(errors).toEqual([])
    await page.close()
  })

  it('edits a contact, deletes it, and undoes the deletion', async () => {
    const { page, errors } = await newPage(browser, host!)
    await nav(page, 'Contacts')
    await page.getByRole('button', { name: /Ingrid Exempelsson/ }).click()
    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    await page.getByLabel('Family name', { exact: true }).fill('Exempelsson-Berg')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => page.getByTestId('contact-family-name').textContent()).toBe('Exempelsson-Berg')

    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await nav(page, 'Contacts')
    await expect.poll(() => page.getByTestId('contacts-count').textContent()).toBe('1 contact')
    expect(await page.getByTestId('contacts-table').textContent()).not.toContain('Exempelsson-Berg')

    const toast = page.getByRole('status').filter({ hasText: 'deleted' })
    await toast.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => page.getByTestId('contacts-table').textContent()).toContain('Exempelsson-Berg')
    expect(errors).toEqual([])
    await page.close()
  })

  it('switches the interface to French', async () => {
    const { page, errors } = await newPage(browser, host!)
    await nav(page, 'Settings')
    await page.getByLabel('Interface language').selectOption('fr')
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('Paramètres')
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    await page.getByRole('navigation').getByRole('button', { name: 'Membres' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'Suède', exact: true }).count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  it('after the host is killed and started again, everything is still there', async () => {
    await host!.stop('SIGKILL') // no chance to flush: what was acknowledged must survive
    host = await startHost(dataDir)
    const { page, errors } = await newPage(browser, host!)
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('Paramètres')
    await nav(page, 'Membres')
    await page.getByRole('button', { name: 'Suède', exact: true }).click()
    const contacts = page.getByTestId('member-contacts-table')
    await expect.poll(() => contacts.textContent()).toContain('Exempelsson-Berg')
    expect(await contacts.textContent()).toContain('المثال')
    expect(errors).toEqual([])
    await page.close()
  })
})
