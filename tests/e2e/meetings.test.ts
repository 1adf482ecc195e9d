import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertBuilt, launchBrowser, newPage, startHost, type Host } from '../support/e2e'
import { readDocx } from '../support/docs'

// A secretary plans a meeting and sends the Group its invitations, in Chromium against the
// built UI and the real core; the files are then read back by python-docx.

const dataDir = mkdtempSync(join(tmpdir(), 'gfc-e2e-meet-'))
const exportsDir = mkdtempSync(join(tmpdir(), 'gfc-e2e-exports-'))
let browser: Browser
let host: Host | undefined
let page: Page
let errors: string[]

beforeAll(async () => {
  assertBuilt()
  browser = await launchBrowser()
  host = await startHost(dataDir, exportsDir)
  ;({ page, errors } = await newPage(browser, host.url))
})
afterAll(async () => {
  await host?.stop()
  await browser?.close()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(exportsDir, { recursive: true, force: true })
})

describe('a secretary invites the whole Group to a meeting', () => {
  it('plans a meeting and finds every active member invited', async () => {
    await page.getByRole('button', { name: 'Load demo data' }).click()
    await expect.poll(() => page.getByTestId('members-count').textContent()).toMatch(/\d+ members/)
    await page.getByRole('navigation').getByRole('button', { name: 'Meetings' }).click()
    await page.getByRole('button', { name: 'Plan a meeting' }).click()

    await page.getByLabel('Kind of meeting').selectOption('regular')
    await page.getByLabel('Title', { exact: true }).fill('Regular meeting on field staffing')
    await page.getByLabel('Starts').fill('2027-05-20T10:00')
    await page.getByLabel('Ends').fill('2027-05-20T12:00')
    await page.getByLabel('City').fill('New York')
    await page.getByLabel('Reply by').fill('2027-05-10')
    await page.getByRole('button', { name: 'Add agenda item' }).click()
    await page.getByLabel('Title of item 1').fill('Staffing of corrections components')
    await page.getByLabel('Presenter of item 1').fill('Chair')
    await page.getByLabel('Minutes for item 1').fill('45')
    await page.getByRole('button', { name: 'Plan meeting' }).click()

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Regular meeting on field staffing')
    // The demo Group has 22 active members (one former member is not invited).
    await expect.poll(() => page.getByTestId('invitee-row').count()).toBe(22)
    expect(await page.getByTestId('invitees-table').textContent()).not.toContain('Uruguay')
  })

  it('marks responses and records a written comment from a member who cannot attend', async () => {
    await page.getByLabel('Response of Ghana').selectOption('accepted')
    await page.getByLabel('Response of Norway').selectOption('declined')
    await expect.poll(async () => (await page.getByLabel('Response of Norway').inputValue())).toBe('declined')

    await page.getByRole('tab', { name: /Written comments/ }).click()
    await page.getByRole('button', { name: 'Record written comments' }).click()
    await page.getByLabel('Member', { exact: true }).selectOption({ label: 'Norway (declined)' })
    await page.getByLabel('Received').fill('2027-05-12')
    await page.getByLabel('Comments', { exact: true }).fill('Norway supports the proposed staffing review.')
    await page.getByRole('button', { name: 'Save comments' }).click()
    await expect.poll(() => page.getByTestId('comment-row').count()).toBe(1)
  })

  it('previews and issues the invitations, and the files are there', async () => {
    await page.getByRole('tab', { name: /Invitations/ }).click()
    await page.getByRole('radio', { name: 'Letter' }).check()
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.getByTestId('preview-table').locator('tbody tr').count()).toBe(22)
    await page.getByRole('button', { name: 'Generate' }).click()
    const done = page.getByTestId('issue-done').first()
    await expect.poll(() => done.count(), { timeout: 20_000 }).toBe(1)
    expect(await page.getByTestId('issue-files').first().locator('li').count()).toBe(22)

    const folder = readdirSync(exportsDir).map((d) => join(exportsDir, d))[0]
    const files = readdirSync(folder)
    expect(files).toHaveLength(22)
    const senegal = files.find((f) => f.includes('Senegal'))!
    expect(senegal).toMatch(/FR/)
    const doc = Object.values(await readDocx([join(folder, senegal)]))[0]
    expect(doc.text).toContain('Excellence')
    expect(doc.text).toContain('Staffing of corrections components')
    await expect.poll(() => page.getByTestId('issue-log-table').locator('tbody tr').count()).toBe(22)
    expect(errors).toEqual([])
  })

  it('saves the calendar file with the time zone', async () => {
    await page.getByRole('tab', { name: /Documents/ }).click()
    await page.getByRole('button', { name: 'Calendar file (.ics)' }).click()
    await expect.poll(() => page.getByTestId('saved-path').textContent()).toContain('.ics')
    const ics = readdirSync(exportsDir).find((f) => f.endsWith('.ics'))!
    const text = readFileSync(join(exportsDir, ics), 'utf8')
    expect(text).toContain('DTSTART;TZID=America/New_York:20270520T100000')
    expect(errors).toEqual([])
  })
})
