import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { appUnderTest, callApi } from '../support/e2e'
import { ROOT } from '../support/profile'

// The everyday desk, in Chromium against the built UI and the real core: lists that sort and
// keep their filters, addresses with Back and reload, the palette and the shortcuts, the
// unsaved-changes guard, the dashboard, many answers at once, a half-screen window, dark
// colours, and axe-core over every screen in English and French, light and dark.

const app = appUnderTest('desk')
/** How long a screen may take to show what a step expects, on a busy machine. */
const WAIT = { timeout: 15_000 }
const nav = (name: string) => app.page.getByRole('navigation').getByRole('button', { name, exact: true }).click()
const h1 = () => app.page.getByRole('heading', { level: 1 }).textContent()

/** A call to the core, as the page makes it (the loopback host's /api/<method>). */
const api = <T>(method: string, input: unknown = {}) => callApi<T>(app.page, method, input)

/** Opens a screen by its address, as a link from outside the page would. */
async function open(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash)
  await settled(page)
}

async function settled(page: Page) {
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), WAIT).toBe(0)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).count(), WAIT).toBe(1)
  await page.waitForTimeout(150)
}

describe('the everyday desk', () => {
  it('opens on Home after the demo is loaded, with the day’s work', async () => {
    app.page.setDefaultTimeout(10_000) // a step that cannot be done fails with its reason, within the test's time
    await app.page.getByRole('button', { name: 'Load demo data' }).click()
    await expect.poll(() => app.page.getByTestId('members-count').textContent(), WAIT).toMatch(/\d+ members/)
    await nav('Home')
    await expect.poll(h1, WAIT).toBe('Home')
    const card = app.page.getByRole('region', { name: 'Next meeting' })
    await expect.poll(() => card.textContent(), WAIT).toContain('Annual meeting 2027')
    expect(await app.page.getByTestId('home-answer-accepted').textContent()).toMatch(/^\d+ Accepted$/)
    expect(await app.page.getByTestId('home-current-chair').textContent()).toMatch(/Current Chair/)
    expect(await app.page.getByTestId('home-without-addressee').textContent()).toContain('Jordan')
    expect(await app.page.getByTestId('home-to-verify').textContent()).toMatch(/MINUSCA/)
    // Each line opens its record, by address.
    await app.page.getByTestId('home-without-addressee').getByRole('link', { name: 'Jordan' }).click()
    await expect.poll(h1, WAIT).toBe('Jordan')
    expect(await app.page.evaluate(() => location.hash)).toMatch(/^#\/member\?id=[0-9a-f-]{36}$/)
    await app.page.goBack()
    await expect.poll(h1, WAIT).toBe('Home')
    await card.getByRole('link', { name: 'Invitations for this meeting' }).click()
    await expect.poll(() => app.page.getByRole('tab', { name: /Invitations/ }).getAttribute('aria-selected'), WAIT).toBe('true')
    expect(app.errors).toEqual([])
  })

  it('sorts a list by a click on its header, again to reverse, and keeps sort and filters when a record is opened', async () => {
    await nav('Members')
    const names = () => app.page.getByTestId('members-table').locator('tbody tr td:first-child button').allTextContents()
    const header = app.page.getByRole('columnheader', { name: /Name/ })
    expect(await header.getAttribute('aria-sort')).toBe('ascending')
    await expect.poll(async () => (await names()).length, WAIT).toBeGreaterThan(10) // the list may still be loading
    const ascending = await names()
    await header.getByRole('button').click()
    expect(await header.getAttribute('aria-sort')).toBe('descending')
    expect(await names()).toEqual([...ascending].reverse())
    await app.page.getByRole('columnheader', { name: /Status/ }).getByRole('button').click()
    expect(await app.page.getByRole('columnheader', { name: /Status/ }).getAttribute('aria-sort')).toBe('ascending')
    expect(await header.getAttribute('aria-sort')).toBeNull()

    await app.page.getByLabel('Kind').selectOption({ label: 'Member States' })
    await app.page.getByLabel('Search members').fill('e')
    await expect.poll(() => app.page.getByTestId('members-table').textContent(), WAIT).not.toContain('Penal Reform')
    const shown = await names()
    await app.page.getByRole('button', { name: shown[0], exact: true }).click()
    await expect.poll(h1, WAIT).toBe(shown[0])
    await app.page.getByRole('button', { name: /^←/ }).click()
    await expect.poll(names, WAIT).toEqual(shown)
    expect(await app.page.getByLabel('Search members').inputValue()).toBe('e')
    expect(await app.page.getByLabel('Kind').inputValue()).toBe('state')
    expect(await app.page.getByRole('columnheader', { name: /Status/ }).getAttribute('aria-sort')).toBe('ascending')
    await app.page.getByLabel('Kind').selectOption({ label: 'All' })
    await app.page.getByLabel('Search members').fill('')
  })

  it('gives every screen an address: Back and Forward work and a reload keeps the screen', async () => {
    await nav('Members')
    await app.page.getByRole('button', { name: 'Sweden', exact: true }).click()
    await expect.poll(h1, WAIT).toBe('Sweden')
    const sweden = await app.page.evaluate(() => location.hash)
    await nav('Meetings')
    await app.page.getByRole('button', { name: 'Annual meeting 2027' }).click()
    await app.page.getByRole('tab', { name: /Written comments/ }).click()
    await expect.poll(() => app.page.evaluate(() => location.hash), WAIT).toMatch(/^#\/meeting\?id=.*&tab=comments$/)
    await app.page.reload()
    await expect.poll(h1, WAIT).toBe('Annual meeting 2027')
    await expect.poll(() => app.page.getByRole('tab', { name: /Written comments/ }).getAttribute('aria-selected'), WAIT).toBe('true')
    await app.page.goBack()
    await expect.poll(h1, WAIT).toBe('Meetings')
    await app.page.goBack()
    await expect.poll(h1, WAIT).toBe('Sweden')
    expect(await app.page.evaluate(() => location.hash)).toBe(sweden)
    await app.page.goForward()
    await expect.poll(h1, WAIT).toBe('Meetings')
    expect(app.errors).toEqual([])
  })

  it('finds anything from the palette (Ctrl+K), keyboard only, accents ignored; "/" goes to the list’s search; "?" lists the shortcuts', async () => {
    await nav('Home')
    await app.page.keyboard.press('Control+k')
    const palette = app.page.getByTestId('palette')
    await expect.poll(() => palette.isVisible(), WAIT).toBe(true)
    await app.page.keyboard.type('echantillon')
    await expect.poll(() => palette.getByRole('option').first().textContent(), WAIT).toContain('Aminata Échantillon')
    await app.page.keyboard.press('Enter')
    await expect.poll(h1, WAIT).toBe('H.E. Ms. Aminata Échantillon')

    await app.page.keyboard.press('Control+k')
    await app.page.keyboard.type('minusca')
    await expect.poll(() => palette.getByRole('option').count(), WAIT).toBeGreaterThan(1)
    expect(await palette.getByRole('option').first().textContent()).toContain('MINUSCA')
    await app.page.keyboard.press('Enter')
    await expect.poll(h1, WAIT).toBe('MINUSCA')

    await app.page.keyboard.press('Control+k')
    await app.page.keyboard.type('new meet')
    await expect.poll(() => palette.getByRole('option', { selected: true }).textContent(), WAIT).toContain('New meeting')
    await app.page.keyboard.press('Enter')
    await expect.poll(h1, WAIT).toBe('Plan a meeting')

    await app.page.keyboard.press('Control+k')
    await app.page.keyboard.type('zzzz nothing')
    await expect.poll(() => palette.textContent(), WAIT).toContain('Nothing matches')
    await app.page.keyboard.press('Escape')
    await expect.poll(() => palette.count(), WAIT).toBe(0)

    await nav('Contacts')
    await app.page.getByRole('heading', { level: 1 }).focus()
    await app.page.keyboard.press('/')
    expect(await app.page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('search')
    await app.page.keyboard.press('Escape')
    await app.page.getByRole('heading', { level: 1 }).focus()
    await app.page.keyboard.press('Shift+?')
    const help = app.page.getByTestId('shortcuts')
    await expect.poll(() => help.textContent(), WAIT).toContain('Find anything, go anywhere')
    await app.page.keyboard.press('Escape')
    await expect.poll(() => help.count(), WAIT).toBe(0)
    expect(app.errors).toEqual([])
  })

  it('asks before leaving a form with unsaved changes: another screen, Escape, Back, reload', async () => {
    const page = app.page
    await nav('Contacts')
    await page.getByRole('button', { name: 'Add contact' }).click()
    await expect.poll(h1, WAIT).toBe('Add a contact')
    // Nothing typed yet: leaving asks nothing.
    await nav('Members')
    await expect.poll(h1, WAIT).toBe('Members')
    await page.goBack()
    await expect.poll(h1, WAIT).toBe('Add a contact')

    await page.getByLabel('Family name', { exact: true }).fill('Halfwritten')
    const ask = page.getByTestId('unsaved-dialog')
    await nav('Meetings')
    await expect.poll(() => ask.isVisible(), WAIT).toBe(true)
    await ask.getByRole('button', { name: 'Stay on the form' }).click()
    expect(await h1()).toBe('Add a contact')
    expect(await page.getByLabel('Family name', { exact: true }).inputValue()).toBe('Halfwritten')

    await page.keyboard.press('Escape')
    await expect.poll(() => ask.isVisible(), WAIT).toBe(true)
    await page.keyboard.press('Escape') // Escape in the question means stay
    await expect.poll(() => ask.count(), WAIT).toBe(0)
    expect(await page.getByLabel('Family name', { exact: true }).inputValue()).toBe('Halfwritten')

    await page.goBack()
    await expect.poll(() => ask.isVisible(), WAIT).toBe(true)
    await ask.getByRole('button', { name: 'Stay on the form' }).click()
    await expect.poll(h1, WAIT).toBe('Add a contact')
    expect(await page.getByLabel('Family name', { exact: true }).inputValue()).toBe('Halfwritten')

    // Closing or reloading the window: the browser's own question (in Electron, the shell's).
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())))
    void page.reload().catch(() => {})
    expect(await asked).toBe('beforeunload')
    expect(await page.getByLabel('Family name', { exact: true }).inputValue()).toBe('Halfwritten')

    await nav('Members')
    await ask.getByRole('button', { name: 'Leave without saving' }).click()
    await expect.poll(h1, WAIT).toBe('Members')
    // Saved work leaves without a question.
    await nav('Contacts')
    await page.getByRole('button', { name: 'Add contact' }).click()
    await page.getByLabel('Given name').fill('Clara')
    await page.getByLabel('Family name', { exact: true }).fill('Vorbild')
    await page.getByRole('button', { name: 'Add contact' }).last().click()
    await expect.poll(h1, WAIT).toBe('Clara Vorbild')
    expect(await ask.count()).toBe(0)
    expect(app.errors).toEqual([])
  })

  it('sets many invitees’ answers at once, and adds many contacts to a meeting’s delegations', async () => {
    const page = app.page
    await nav('Meetings')
    await page.getByRole('button', { name: 'Annual meeting 2027' }).click()
    await page.getByRole('tab', { name: /Invitees/ }).click()
    await page.getByLabel('Select Ghana').check()
    await page.getByLabel('Select Japan').check()
    const bar = page.getByTestId('bulk-bar')
    await expect.poll(() => bar.textContent(), WAIT).toContain('2 selected')
    await bar.getByLabel('Set the response to').selectOption({ label: 'Declined' })
    await bar.getByRole('button', { name: 'Apply' }).click()
    await expect.poll(() => page.getByLabel('Response of Japan').inputValue(), WAIT).toBe('declined')
    expect(await page.getByLabel('Response of Ghana').inputValue()).toBe('declined')
    expect(await bar.count()).toBe(0)

    await nav('Contacts')
    await page.getByLabel('Member', { exact: true }).selectOption({ label: 'Sweden' })
    await expect.poll(() => page.getByTestId('contacts-count').textContent(), WAIT).toBe('2 contacts')
    await page.getByLabel(/Select all 2 rows/).check()
    await page.getByRole('button', { name: 'Add to a meeting’s delegations…' }).click()
    const dialog = page.getByRole('dialog')
    const annual = (await api<{ id: string; title: string }[]>('meetings.list')).find((m) => m.title === 'Annual meeting 2027')!
    await dialog.getByLabel('Meeting').selectOption(annual.id)
    await dialog.getByRole('button', { name: 'Add 2 people' }).click()
    const notice = page.getByRole('status').filter({ hasText: 'delegations of Annual meeting 2027' })
    await notice.getByRole('button', { name: 'Open the meeting' }).click()
    await expect.poll(h1, WAIT).toBe('Annual meeting 2027')
    const attendees = await page.getByLabel('Who will attend for Sweden').inputValue()
    expect(attendees).toContain('Exempelsson')
    expect(attendees).toContain('Provsson')
    await nav('Contacts')
    await page.getByLabel('Member', { exact: true }).selectOption({ label: 'All' })
    expect(app.errors).toEqual([])
  })

  it('counts a new holder as checked by the person who enters it, asking for their name the first time', async () => {
    const page = app.page
    await api('preferences.update', { userName: '' })
    const minusca = (await api<{ id: string }[]>('missions.list', { search: 'minusca' }))[0].id
    await open(page, `#/mission?id=${minusca}`)
    const card = page.getByTestId('post-card').first()
    await card.getByRole('button', { name: /^Add holder to/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('radio', { name: 'A new person' }).check()
    await dialog.getByLabel('Family name', { exact: true }).fill('Essai')
    await dialog.getByRole('radio', { name: 'Not seconded (UN staff)' }).check()
    await dialog.getByRole('button', { name: 'Add holder' }).click()
    await expect.poll(() => dialog.getByLabel('Your name').getAttribute('aria-invalid'), WAIT).toBe('true')
    await dialog.getByLabel('Your name').fill('Amal Officer')
    await dialog.getByRole('button', { name: 'Add holder' }).click()
    await expect.poll(() => dialog.count(), WAIT).toBe(0)
    const mine = card.getByTestId('current-holder').filter({ hasText: 'Essai' })
    await expect.poll(() => mine.getByTestId('verified-holders').textContent(), WAIT).toMatch(/Last verified on .+ by Amal Officer/)
    expect((await api<{ userName: string }>('preferences.get')).userName).toBe('Amal Officer')
    expect(app.errors).toEqual([])
  })

  it('fits a half-screen window: the sidebar folds into a menu, tables scroll in their card, notices keep their Undo', async () => {
    const page = app.page
    await page.setViewportSize({ width: 680, height: 800 })
    expect(await page.getByRole('navigation').isVisible()).toBe(false) // folded into the menu
    await page.getByRole('button', { name: 'Menu' }).click()
    await nav('Contacts')
    await expect.poll(h1, WAIT).toBe('Contacts')
    expect(await page.getByRole('navigation').isVisible()).toBe(false)
    // The rows arrive after the heading: the table overflows its card once they are drawn.
    const wrapScrolls = () => page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap')!
      return wrap.scrollWidth > wrap.clientWidth
    })
    await expect.poll(wrapScrolls, WAIT).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(680)

    await page.getByLabel('Search contacts').fill('vorbild')
    await page.getByRole('button', { name: 'Clara Vorbild', exact: true }).click()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    const undo = page.getByRole('status').filter({ hasText: 'deleted' }).getByRole('button', { name: 'Undo' })
    await expect.poll(() => undo.isVisible(), WAIT).toBe(true)
    const box = (await undo.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(680)
    await undo.click()
    await page.getByLabel('Search contacts').fill('') // the list keeps its search for the session
    await page.setViewportSize({ width: 1280, height: 860 })
    expect(app.errors).toEqual([])
  })

  it('follows the system’s dark mode, and Settings can choose light or dark instead', async () => {
    const page = app.page
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    await page.emulateMedia({ colorScheme: 'light' })
    const light = await background()
    await page.emulateMedia({ colorScheme: 'dark' })
    const dark = await background()
    expect(dark).not.toBe(light)
    await nav('Settings')
    await page.getByLabel('Colours').selectOption('light')
    await expect.poll(background, WAIT).toBe(light)
    await page.reload()
    await expect.poll(background, WAIT).toBe(light) // kept for this computer
    await page.getByLabel('Colours').selectOption('system')
    await expect.poll(background, WAIT).toBe(dark)
    await page.emulateMedia({ colorScheme: 'light' })
    expect(app.errors).toEqual([])
  })
})

describe('every screen passes axe-core (no serious or critical violation), in English and French, light and dark', () => {
  it('checks them all', async () => {
    const page = app.page
    const first = <T extends { id: string }>(list: T[]) => list[0].id
    const member = first(await api<{ id: string; displayName: string }[]>('organisations.list', { search: 'sweden' }))
    const contact = first(await api<{ id: string }[]>('contacts.list', { search: 'exempelsson' }))
    const meeting = first(await api<{ id: string }[]>('meetings.list'))
    const activity = first(await api<{ id: string }[]>('activities.list'))
    const mission = first(await api<{ id: string }[]>('missions.list', { search: 'minusca' }))
    const chair = first((await api<{ terms: { id: string }[] }>('chairs.register')).terms)
    const screens = [
      '#/home',
      '#/members',
      `#/member?id=${member}`,
      '#/memberNew?kind=state',
      '#/memberNew?kind=sme',
      `#/memberEdit?id=${member}`,
      '#/contacts',
      `#/contact?id=${contact}`,
      '#/contactNew',
      `#/contactEdit?id=${contact}`,
      '#/meetings',
      ...['invitees', 'agendaInput', 'comments', 'documents', 'invitations'].map((tab) => `#/meeting?id=${meeting}&tab=${tab}`),
      '#/meetingNew',
      `#/meetingEdit?id=${meeting}`,
      '#/workplan',
      `#/activity?id=${activity}`,
      '#/activityNew',
      '#/chairs',
      '#/chairNew',
      `#/chairEdit?id=${chair}`,
      ...['register', 'stale', 'secondments', 'contacts'].map((tab) => `#/missions?tab=${tab}`),
      `#/mission?id=${mission}`,
      '#/missionNew',
      '#/settings',
    ]
    const found: string[] = []
    for (const language of ['en', 'fr'] as const) {
      await api('preferences.update', { uiLanguage: language })
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await page.reload()
        for (const screen of screens) {
          await open(page, screen)
          for (const v of await seriousViolations(page)) found.push(`${language} ${scheme} ${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`)
        }
        // The palette and the shortcuts, open over a screen.
        await open(page, '#/home')
        await page.keyboard.press('Control+k')
        await page.keyboard.type('swe')
        await expect.poll(() => page.getByTestId('palette').getByRole('option').count(), WAIT).toBeGreaterThan(0)
        for (const v of await seriousViolations(page)) found.push(`${language} ${scheme} palette: ${v.id} ${v.help} at ${v.targets.join(', ')}`)
        await page.keyboard.press('Escape')
        await page.getByRole('heading', { level: 1 }).focus()
        await page.keyboard.press('Shift+?')
        await expect.poll(() => page.getByTestId('shortcuts').count(), WAIT).toBe(1)
        for (const v of await seriousViolations(page)) found.push(`${language} ${scheme} shortcuts: ${v.id} ${v.help} at ${v.targets.join(', ')}`)
        await page.keyboard.press('Escape')
      }
    }
    await api('preferences.update', { uiLanguage: 'en' })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.reload()
    expect(found).toEqual([])
    expect(app.errors).toEqual([])
  }, 600_000)
})

describe('the README’s screenshots', () => {
  // Taken on every run, so the pictures are known to render; written to docs/screenshots when
  // GFC_SCREENSHOTS=1 (npm run screenshots), so the README shows the screens as they are.
  it('shows the main screens at 1280, 1024 and 680 px, light and dark', async () => {
    const page = app.page
    const dir = process.env.GFC_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : join(app.exportsDir, 'screenshots')
    mkdirSync(dir, { recursive: true })
    const meeting = (await api<{ id: string; title: string }[]>('meetings.list')).find((m) => m.title === 'Annual meeting 2027')!.id
    // Each at the part a reader should see: the meeting's invitees rather than its facts.
    const shots: [name: string, hash: string, width: number, scheme: 'light' | 'dark', show?: string][] = [
      ['home', '#/home', 1280, 'light'],
      ['contacts', '#/contacts', 1280, 'dark'],
      ['meeting', `#/meeting?id=${meeting}&tab=invitees`, 1024, 'light', '[role="tablist"]'],
      ['workplan', '#/workplan', 1024, 'dark'],
      ['members-narrow', '#/members', 680, 'light'],
      ['home-narrow', '#/home', 680, 'dark'],
    ]
    for (const [name, hash, width, scheme, show] of shots) {
      await page.setViewportSize({ width, height: 800 })
      await page.emulateMedia({ colorScheme: scheme })
      await open(page, hash)
      if (show) await page.locator(show).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.mouse.move(0, 0)
      await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled', caret: 'hide' })
    }
    await page.setViewportSize({ width: 1280, height: 860 })
    await page.emulateMedia({ colorScheme: 'light' })
    expect(app.errors).toEqual([])
  })
})
