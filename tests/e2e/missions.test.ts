import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appUnderTest, callApi } from '../support/e2e'
import { readDocx } from '../support/docs'

// A field corrections officer brings a mission's records up to date, in Chromium against the
// built UI and the real core: updates a post holder, marks the post verified, hands the post
// to a new officer, and exports the mission directory, read back by python-docx.

const app = appUnderTest('missions')

const OFFICER = 'Amaru Quispe'
const NEW_EMAIL = 'holder.updated@example.org'

/** How many records the "To verify" view lists, from its announced count. */
async function staleTotal(): Promise<number> {
  await app.page.getByRole('tab', { name: /To verify/ }).click()
  await expect.poll(() => app.page.getByTestId('stale-count').textContent()).toMatch(/to check|Everything/)
  const m = /(\d+) records? to check/.exec((await app.page.getByTestId('stale-count').textContent()) ?? '')
  return m ? Number(m[1]) : 0
}

async function openFieldMissions() {
  await app.page.getByRole('navigation').getByRole('button', { name: 'Field missions' }).click()
  await expect.poll(() => app.page.getByTestId('missions-count').textContent()).toMatch(/\d+ missions?/)
}

/** A post of the mission on screen, by its duty station (the demo's posts share titles). */
const post = (station: string): Locator => app.page.getByTestId('post-card').filter({ hasText: station })
const holderName = async (card: Locator) => (await card.getByTestId('current-holder').locator('.holder-name').textContent())!.trim()

let staleBefore = 0
/** Who held the Goma post before the hand-over. */
let previous = ''

describe('a field officer brings a mission up to date', () => {
  it('finds what needs checking on the demo profile', async () => {
    await app.page.getByRole('button', { name: 'Load demo data' }).click()
    await expect.poll(() => app.page.getByTestId('members-count').textContent()).toMatch(/\d+ members/)
    await openFieldMissions()
    staleBefore = await staleTotal()
    expect(staleBefore).toBeGreaterThan(2)
    const monusco = app.page.getByTestId('stale-group').filter({ hasText: 'MONUSCO' })
    expect(await monusco.getByTestId('stale-row').allTextContents()).toEqual([expect.stringMatching(/^Corrections Officer, Bunia/), expect.stringMatching(/Corrections Officer, Kinshasa/)])

    await app.page.getByRole('tab', { name: 'Missions' }).click()
    await app.page.getByTestId('mission-row').getByRole('button', { name: 'MONUSCO', exact: true }).click()
    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe('MONUSCO')
    expect(await post('Bunia').getByTestId('verified-posts').getByTestId('stale-badge').count()).toBe(1)
    expect(await post('Kinshasa').getByTestId('verified-holders').getByTestId('stale-badge').count()).toBe(1)
  })

  it('updates a post holder: a new e-mail address, then marks it verified with their name', async () => {
    const card = post('Kinshasa')
    const holder = await holderName(card)
    await card.getByRole('button', { name: `Edit the holding of ${holder}` }).click()
    const dialog = app.page.getByRole('dialog')
    await dialog.getByLabel('E-mail', { exact: true }).fill(NEW_EMAIL)
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => card.getByTestId('holder-reach').textContent()).toContain(NEW_EMAIL)
    // Only the e-mail changed: the rest of the person stays, down to the order of their names.
    expect(holder).toBe('Mr. 李 示范')
    const [person] = await callApi<{ familyNameFirst: boolean; familyName: string }[]>(app.page, 'contacts.list', { search: NEW_EMAIL })
    expect(person).toMatchObject({ familyName: '李', familyNameFirst: true })

    await card.getByTestId('verified-holders').getByRole('button', { name: /^Mark verified/ }).click()
    // No name on this computer yet: the app asks for it, and offers to remember it.
    const ask = app.page.getByRole('dialog', { name: 'Who is verifying?' })
    await ask.getByLabel('Your name').fill(OFFICER)
    expect(await ask.getByLabel('Remember my name on this computer').isChecked()).toBe(true)
    await ask.getByRole('button', { name: 'Mark verified' }).click()
    const line = card.getByTestId('verified-holders')
    await expect.poll(() => line.textContent()).toMatch(new RegExp(`Last verified on .+ by ${OFFICER}`))
    expect(await line.getByTestId('stale-badge').count()).toBe(0)
  })

  it('fills the vacant post and marks the post verified: the flag goes and the list shrinks', async () => {
    const card = post('Bunia')
    expect(await card.getByTestId('current-holder').count()).toBe(0)
    await card.getByRole('button', { name: /^Add holder to/ }).click()
    const dialog = app.page.getByRole('dialog')
    await dialog.getByRole('radio', { name: 'A new person' }).check()
    await dialog.getByLabel('Given name').fill('Nadia')
    await dialog.getByLabel('Family name', { exact: true }).fill('Haddad')
    await dialog.getByLabel('E-mail', { exact: true }).fill('nadia.haddad@example.org')
    await dialog.getByRole('combobox', { name: 'Member State' }).fill('Ghana')
    await app.page.getByRole('option', { name: 'Ghana', exact: true }).click()
    // Nobody holds the post, so there is no previous term to end.
    expect(await dialog.getByRole('checkbox', { name: /term on/ }).count()).toBe(0)
    await dialog.getByRole('button', { name: 'Add holder' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    await expect.poll(() => card.getByTestId('current-holder').textContent()).toContain('Nadia Haddad')
    expect(await card.getByTestId('current-holder').textContent()).toContain('Seconded by Ghana')
    // Entered by the officer whose name this computer knows: checked today, not listed to verify.
    expect(await card.getByTestId('verified-holders').textContent()).toContain(`by ${OFFICER}`)

    // The name is remembered now: marking the post verified takes one click.
    await card.getByTestId('verified-posts').getByRole('button', { name: /^Mark verified/ }).click()
    const line = card.getByTestId('verified-posts')
    await expect.poll(() => line.textContent()).toMatch(new RegExp(`Last verified on .+ by ${OFFICER}`))
    expect(await line.getByTestId('stale-badge').count()).toBe(0)

    await openFieldMissions()
    expect(await staleTotal()).toBe(staleBefore - 2)
    expect(await app.page.getByTestId('stale-group').filter({ hasText: 'MONUSCO' }).count()).toBe(0)
    await app.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
    await expect.poll(() => app.page.getByLabel('Your name (for “verified by”)').inputValue()).toBe(OFFICER)
  })

  it('hands a post to another officer, ending the previous term the day before', async () => {
    await openFieldMissions()
    await app.page.getByTestId('mission-row').getByRole('button', { name: 'MONUSCO', exact: true }).click()
    const card = post('Goma')
    previous = await holderName(card)
    await card.getByRole('button', { name: /^Add holder to/ }).click()
    const dialog = app.page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Person' }).fill('provare')
    await app.page.getByRole('option', { name: /Lars Provare/ }).click()
    // The new term starts today (the form's default), so the previous one ends yesterday.
    const yesterday = new Date(`${await dialog.getByLabel('From', { exact: true }).inputValue()}T00:00:00Z`)
    yesterday.setUTCDate(yesterday.getUTCDate() - 1)
    const dayBefore = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(yesterday)
    const takeOver = dialog.getByRole('checkbox', { name: `End ${previous}'s term on ${dayBefore}, the day before` })
    expect(await takeOver.isChecked()).toBe(true)
    await dialog.getByRole('combobox', { name: 'Member State' }).fill('Sweden')
    await app.page.getByRole('option', { name: 'Sweden', exact: true }).click()
    // Without taking over, the post would have two holders at once: refused, naming the other.
    await takeOver.uncheck()
    await dialog.getByRole('button', { name: 'Add holder' }).click()
    await expect.poll(() => dialog.locator('.field-error').first().textContent()).toContain(`${previous} holds this post over these dates`)
    await takeOver.check()
    await dialog.getByRole('button', { name: 'Add holder' }).click()
    await expect.poll(() => dialog.count()).toBe(0)

    await expect.poll(() => holderName(card)).toBe('Mr. Lars Provare')
    await card.getByRole('button', { name: /^Past holders/ }).click()
    await expect.poll(() => card.getByTestId('history-row').filter({ hasText: previous }).textContent()).toContain(dayBefore)
  })

  it('deletes the previous holding and brings it back with the toast’s Undo', async () => {
    const card = post('Goma')
    const row = card.getByTestId('history-row').filter({ hasText: previous })
    const term = await row.textContent()
    await row.getByRole('button', { name: `Delete the holding of ${previous}` }).click()
    await app.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => row.count()).toBe(0)

    await app.page.getByRole('status').filter({ hasText: `Holding of ${previous} deleted` }).getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => row.textContent()).toBe(term)
    expect(await holderName(card)).toBe('Mr. Lars Provare')
    expect(app.errors).toEqual([])
  })

  it('exports the mission directory and finds the updated holders in it', async () => {
    await app.page.getByRole('button', { name: 'Directory (.docx)' }).click()
    await expect.poll(() => app.page.getByTestId('saved-path').textContent()).toContain('.docx')
    const file = readdirSync(app.exportsDir).find((f) => f.endsWith('.docx'))!
    expect(file).toContain('MONUSCO')
    const doc = Object.values(await readDocx([join(app.exportsDir, file)]))[0]
    const text = [doc.text, ...doc.tables.flat().flatMap((r) => r.cells)].join('\n')
    expect(text).toContain(NEW_EMAIL)
    expect(text).toContain('Nadia Haddad')
    expect(text).toContain('nadia.haddad@example.org')
    expect(text).toContain('Lars Provare')
    expect(app.errors).toEqual([])
  })
})
