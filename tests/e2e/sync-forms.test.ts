import { mkdtempSync, rmSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { assertBuilt, callApi, type Host, launchBrowser, newPage, startHost } from '../support/e2e'

// Two pages on one loopback host, as two windows on the same data: what one changes appears on
// the other's open screens without a reload (Server-Sent Events), a form left open on the
// other is never saved over the change unseen, and every record's history shows both.

let browser: Browser
let host: Host
let a: { page: Page; errors: string[] }
let b: { page: Page; errors: string[] }
let id: string
const dataDir = mkdtempSync(join(tmpdir(), 'gfc-e2e-syncforms-'))

/** A call through the page's own door, as the UI makes it. */
const api = callApi

interface ContactRead {
  id: string
  emails: string[]
  notes: string
  deleted: boolean
  stamps: Record<string, string>
  [k: string]: unknown
}

/** Another window changes the contact: reads it now and saves it with `change`. */
async function elsewhere(change: Partial<ContactRead>): Promise<void> {
  const { id: _i, deleted: _d, updatedAt: _u, affiliations: _a, stamps, ...fields } = await api<ContactRead>(b.page, 'contacts.get', { id })
  await api(b.page, 'contacts.update', { id, fields: { ...fields, ...change }, seen: stamps })
}

const get = () => api<ContactRead>(b.page, 'contacts.get', { id })

/** The save is done when window A is back on the contact's page, not just showing its name:
 *  the edit form's title ("Edit …") holds the name too, and a slow save lands later. */
async function backOnContactPage(): Promise<void> {
  await expect.poll(() => a.page.evaluate(() => location.hash), { timeout: 10_000 }).toBe(`#/contact?id=${id}`)
  await a.page.getByTestId('stale-dialog').waitFor({ state: 'detached' })
}

beforeAll(async () => {
  assertBuilt()
  browser = await launchBrowser()
  host = await startHost(dataDir)
  a = await newPage(browser, host)
  b = await newPage(browser, host)
  await api(a.page, 'demo.load', {})
  await api(a.page, 'preferences.update', { userName: 'Ingrid Secretary' })
  id = (await api<ContactRead[]>(a.page, 'contacts.list', { search: 'voorbeeld' }))[0].id
})

afterAll(async () => {
  await host?.stop()
  await browser?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('two windows on the same data', () => {
  it('an open screen shows what another window changed, without a reload', async () => {
    await a.page.goto(`${host.url}#/contact?id=${id}`)
    await expect.poll(() => a.page.getByRole('heading', { level: 1 }).textContent()).toContain('Voorbeeld')
    await a.page.evaluate(() => ((window as unknown as { marker: number }).marker = 42)) // gone if the page reloads
    await elsewhere({ emails: ['seen.live@example.org'] })
    await expect.poll(() => a.page.getByText('seen.live@example.org').count()).toBeGreaterThan(0)
    expect(await a.page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42)
  })

  it('a form left open is not saved over a change it did not see: keep mine', async () => {
    await a.page.goto(`${host.url}#/contactEdit?id=${id}`)
    await a.page.getByLabel('E-mail 1', { exact: true }).waitFor()
    await elsewhere({ emails: ['theirs.one@example.org'] })
    await a.page.getByLabel('E-mail 1', { exact: true }).fill('mine.one@example.org')
    await a.page.getByLabel('Notes').fill('Called about the annual meeting.')
    await a.page.getByRole('button', { name: 'Save changes' }).click()

    const dialog = a.page.getByTestId('stale-dialog')
    await dialog.waitFor()
    const text = await dialog.textContent()
    expect(text).toContain(`Changed by Ingrid Secretary on device ${hostname()}`)
    expect(text).toContain('theirs.one@example.org')
    expect(text).toContain('mine.one@example.org')
    expect(text).not.toContain('Called about') // the notes did not change meanwhile
    expect(await seriousViolations(a.page)).toEqual([])
    await a.page.screenshot({ path: join(dataDir, 'stale.png') })

    await dialog.getByRole('button', { name: 'Keep mine' }).click()
    await backOnContactPage()
    expect(await get()).toMatchObject({ emails: ['mine.one@example.org'], notes: 'Called about the annual meeting.' })
    expect(await api(b.page, 'conflicts.list', {})).toEqual([])
  })

  it('… or take the new values, and the rest of the form is saved', async () => {
    await a.page.goto(`${host.url}#/contactEdit?id=${id}`)
    await a.page.getByLabel('E-mail 1', { exact: true }).waitFor()
    await elsewhere({ emails: ['theirs.two@example.org'] })
    await a.page.getByLabel('E-mail 1', { exact: true }).fill('mine.two@example.org')
    await a.page.getByLabel('Notes').fill('Second call.')
    await a.page.getByRole('button', { name: 'Save changes' }).click()
    const dialog = a.page.getByTestId('stale-dialog')
    await dialog.getByRole('button', { name: 'Take the new values' }).click()
    await backOnContactPage()
    expect(await get()).toMatchObject({ emails: ['theirs.two@example.org'], notes: 'Second call.' })
  })

  it('the history panel shows every edit, and a deleted record is restored from it', async () => {
    await a.page.goto(`${host.url}#/contact?id=${id}`)
    const panel = a.page.getByTestId('record-history')
    await panel.getByRole('button', { name: 'Show history' }).click()
    await expect.poll(() => panel.getByRole('row').count()).toBeGreaterThan(4)
    const rows = await panel.getByRole('row').allTextContents()
    for (const v of ['seen.live@example.org', 'theirs.one@example.org', 'mine.one@example.org', 'theirs.two@example.org', 'Second call.']) {
      expect(rows.some((r) => r.includes(v)), v).toBe(true)
    }
    expect(rows[1]).toContain('Ingrid Secretary on ' + hostname()) // newest first
    expect(await seriousViolations(a.page)).toEqual([])

    await api(b.page, 'contacts.delete', { id }) // the other window deletes it
    await panel.getByRole('button', { name: 'Restore this record' }).click()
    await expect.poll(async () => (await get()).deleted).toBe(false)
    await expect.poll(async () => (await panel.getByRole('row').allTextContents()).some((r) => r.includes('Restored'))).toBe(true)
    expect(a.errors).toEqual([])
    expect(b.errors).toEqual([])
  })
})
