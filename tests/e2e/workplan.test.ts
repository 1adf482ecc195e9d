import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FUNCTION_NAMES } from '../../src-main/core/model/workplan'
import { readDocx } from '../support/docs'
import { appUnderTest } from '../support/e2e'

// The Chair's secretary consolidates the work plan and keeps the register of Chairs, in
// Chromium against the built UI and the real core; the exported plan is read back by python-docx.

const app = appUnderTest('workplan')

const MENTORING = 'Mentoring programme for prison directors in Bangui'
const CONFERENCE = 'Side event at the 2027 corrections conference'

/** Picks a member in a multi-select: type its name, take the first match in its list. */
async function pick(label: string, name: string) {
  const input = app.page.getByRole('combobox', { name: label })
  await input.fill(name)
  await app.page.getByRole('listbox', { name: label }).getByRole('option', { name: new RegExp(`^${name}`) }).first().click()
}

async function addActivity(a: { title: string; fn: string; lead: string; support?: string; start: string; end: string; status?: string }) {
  await app.page.getByRole('navigation').getByRole('button', { name: 'Work plan' }).click()
  await app.page.getByRole('button', { name: 'New activity' }).click()
  await app.page.getByLabel('Title', { exact: true }).fill(a.title)
  await app.page.getByLabel('Function', { exact: true }).selectOption(a.fn)
  if (a.status) await app.page.getByLabel('Status', { exact: true }).selectOption({ label: a.status })
  await app.page.getByLabel('Start month').fill(a.start)
  await app.page.getByLabel('End month').fill(a.end)
  await pick('Lead members', a.lead)
  if (a.support) await pick('Supporting members', a.support)
  await app.page.getByRole('button', { name: 'Add activity' }).click()
  await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe(a.title)
}

describe('a secretary consolidates the work plan', () => {
  it('adds two activities and finds them grouped by function, then by status', async () => {
    await app.page.getByRole('button', { name: 'Load demo data' }).click()
    await expect.poll(() => app.page.getByTestId('members-count').textContent()).toMatch(/\d+ members/)

    // A title and months are required: the form says so before anything is saved.
    await app.page.getByRole('navigation').getByRole('button', { name: 'Work plan' }).click()
    await app.page.getByRole('button', { name: 'New activity' }).click()
    await app.page.getByRole('button', { name: 'Add activity' }).click()
    await expect.poll(() => app.page.locator('.field-error').count()).toBeGreaterThanOrEqual(3)

    await addActivity({ title: MENTORING, fn: 'technical-expertise', lead: 'Ghana', support: 'Norway', start: '2027-02', end: '2027-06' })
    expect(await app.page.getByTestId('activity-leads').textContent()).toBe('Ghana')
    expect(await app.page.getByTestId('activity-period').textContent()).toBe('Feb\u00a02027 – Jun\u00a02027') // as the exported plan writes it
    await addActivity({ title: CONFERENCE, fn: 'conferences', lead: 'Sweden', start: '2027-09', end: '2027-11', status: 'Under way' })

    await app.page.getByRole('navigation').getByRole('button', { name: 'Work plan' }).click()
    await app.page.getByLabel('From (month)').fill('2027-01')
    await app.page.getByLabel('To (month)').fill('2027-12')
    const table = app.page.getByTestId('activities-table')
    await expect.poll(() => table.textContent()).toContain(CONFERENCE)
    const headings = await app.page.getByTestId('group-heading').allTextContents()
    expect(headings.some((h) => h.startsWith(`3. ${FUNCTION_NAMES['technical-expertise'].en}`))).toBe(true)
    expect(headings.some((h) => h.startsWith(`6. ${FUNCTION_NAMES.conferences.en}`))).toBe(true)
    // Each activity sits under its function's heading.
    const order = (await table.locator('tbody tr').allTextContents()).map((r) => r.trim())
    const under = (title: string) => order.slice(0, order.findIndex((r) => r.startsWith(title))).filter((r) => /^\d\. /.test(r)).at(-1)
    expect(under(MENTORING)).toContain(FUNCTION_NAMES['technical-expertise'].en)
    expect(under(CONFERENCE)).toContain(FUNCTION_NAMES.conferences.en)

    await app.page.getByRole('radio', { name: 'Status' }).check()
    await expect.poll(() => app.page.getByTestId('group-heading').first().textContent()).toMatch(/^Planned/)
    await app.page.getByRole('radio', { name: 'Function' }).check()
    expect(app.errors).toEqual([])
  })

  it('shows the plan as a timeline over the period, and a bar opens its activity', async () => {
    const listed = await app.page.getByTestId('activity-row').count()
    await app.page.getByRole('tab', { name: 'Timeline' }).click()
    const timeline = app.page.getByTestId('timeline')
    await expect.poll(() => timeline.count()).toBe(1)
    // A row of months for 2027 and one bar per activity listed.
    expect(await timeline.locator('.timeline-month').count()).toBe(12)
    expect(await app.page.getByTestId('timeline-bar').count()).toBe(listed)
    const bar = app.page.getByRole('button', { name: new RegExp(`^${MENTORING}, Feb\\s2027 – Jun\\s2027, Planned`) })
    expect(await bar.getAttribute('data-status')).toBe('planned')
    // February to June: the grid's month columns 2 to 6 (column 1 holds the titles).
    expect(await bar.evaluate((el) => getComputedStyle(el).gridColumnStart + '/' + getComputedStyle(el).gridColumnEnd)).toBe('3/8')
    await bar.click()
    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe(MENTORING)
  })

  it('adds a progress note dated today', async () => {
    await app.page.getByRole('button', { name: 'Add a progress note' }).click()
    const date = await app.page.getByLabel('Date', { exact: true }).inputValue()
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await app.page.getByLabel('Note', { exact: true }).fill('Terms of reference of the mentors agreed with MINUSCA.')
    await app.page.getByRole('button', { name: 'Save note' }).click()
    await expect.poll(() => app.page.getByTestId('progress-note').count()).toBe(1)
    expect(await app.page.getByTestId('progress-note').textContent()).toContain('Terms of reference of the mentors')
    expect(app.errors).toEqual([])
  })

  it('deletes the progress note and brings it back with the toast’s Undo', async () => {
    await app.page.getByRole('button', { name: /^Delete the note of/ }).click()
    await app.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => app.page.getByTestId('progress-note').count()).toBe(0)

    await app.page.getByRole('status').filter({ hasText: /^Progress note of .+ deleted/ }).getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => app.page.getByTestId('progress-note').count()).toBe(1)
    expect(await app.page.getByTestId('progress-note').textContent()).toContain('Terms of reference of the mentors')
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: /^Progress note of .+ restored/ }).count()).toBe(1)
    expect(app.errors).toEqual([])
  })

  it('exports the work plan in French and the document lists the activities under their functions', async () => {
    await app.page.getByRole('navigation').getByRole('button', { name: 'Work plan' }).click()
    await app.page.getByLabel('From (month)').fill('2027-01')
    await app.page.getByLabel('To (month)').fill('2027-12')
    await app.page.getByLabel('Language of the document').selectOption('fr')
    await app.page.getByRole('button', { name: 'Export .docx' }).click()
    await expect.poll(() => app.page.getByTestId('saved-path').textContent()).toContain('.docx')
    const file = readdirSync(app.exportsDir).find((f) => f.endsWith('.docx'))!
    expect(file).toContain('FR')
    const doc = Object.values(await readDocx([join(app.exportsDir, file)]))[0]
    const cells = doc.tables.flat().flatMap((row) => row.cells)
    expect(cells.some((c) => c.includes(MENTORING))).toBe(true)
    expect(cells.some((c) => c.includes(CONFERENCE))).toBe(true)
    expect(cells).toContain(`6. ${FUNCTION_NAMES.conferences.fr}`)
    expect(cells).toContain(`3. ${FUNCTION_NAMES['technical-expertise'].fr}`)

    await app.page.getByRole('button', { name: 'Export CSV' }).click()
    await expect.poll(() => app.page.getByTestId('saved-path').textContent()).toContain('.csv')
    expect(app.errors).toEqual([])
  })
})

describe('a secretary records the next Chair', () => {
  it('refuses a quorum of two, or one without the Chair in office, with a clear message, and records the term', async () => {
    await app.page.getByRole('navigation').getByRole('button', { name: 'Chair' }).click()
    await expect.poll(() => app.page.getByRole('table').textContent()).toContain('Indonesia')
    await app.page.getByRole('button', { name: 'New term' }).click()
    await app.page.getByLabel('Member State', { exact: true }).selectOption({ label: 'Senegal' })
    // The demo's incoming Chair, Indonesia, serves until 31 August 2029.
    await app.page.getByLabel('Term starts').fill('2029-09-01')
    await expect.poll(() => app.page.getByLabel('Term ends').inputValue()).toBe('2031-08-31')
    await app.page.getByLabel('Selected on').fill('2029-03-10')
    await pick('Members who selected it (quorum)', 'Indonesia')
    await pick('Members who selected it (quorum)', 'Ghana')
    await expect.poll(() => app.page.getByTestId('quorum-note').textContent()).toContain('2 members chosen; a quorum is at least 3.')
    await app.page.getByRole('button', { name: 'Record term' }).click()
    const error = app.page.locator('.field--invalid .field-error')
    await expect.poll(() => error.textContent()).toBe('The quorum needs at least three members of the Group besides the Member State selected, including the Chair in office.')

    // Three members, but without the Chair in office on the day of the selection: the core refuses.
    await app.page.getByRole('button', { name: 'Remove Indonesia' }).click()
    await pick('Members who selected it (quorum)', 'Norway')
    await pick('Members who selected it (quorum)', 'Rwanda')
    await expect.poll(() => app.page.getByTestId('quorum-note').textContent()).toContain('The Chair then in office, Indonesia, must be one of them.')
    await app.page.getByRole('button', { name: 'Record term' }).click()
    await expect.poll(() => error.textContent()).toBe('The quorum must include Indonesia, the Chair in office on the date of the selection.')

    await pick('Members who selected it (quorum)', 'Indonesia')
    await expect.poll(() => app.page.getByTestId('quorum-note').textContent()).toContain('The Chair then in office, Indonesia, is one of them.')
    await app.page.getByRole('button', { name: 'Record term' }).click()
    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Chair')
    const row = app.page.getByTestId('chair-row').filter({ has: app.page.getByRole('rowheader', { name: /^Senegal/ }) })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.getAttribute('data-status')).toBe('incoming')
    expect(await row.textContent()).toContain('Ghana, Norway, Rwanda, Indonesia')
    // The rotation shows the new term in the African States' row.
    const african = app.page.getByTestId('rotation-row').filter({ hasText: 'African States' })
    expect(await african.getByTestId('rotation-block').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Senegal')]))
    expect(app.errors).toEqual([])
  })

  it('pre-fills a new meeting with the Chair in office, and Settings names it beside the letterhead', async () => {
    // The demo's terms have fixed dates: which one is in office depends on today, so ask the core.
    const inOffice: string = await app.page.evaluate(async () => {
      const r = await fetch('/api/chairs.register', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      return (await r.json()).result.current.organisation.en
    })
    await app.page.getByRole('navigation').getByRole('button', { name: 'Meetings' }).click()
    await app.page.getByRole('button', { name: 'Plan a meeting' }).click()
    const chair = app.page.getByLabel('Convened by (Chair)')
    await expect.poll(async () => chair.locator('option:checked').textContent()).toBe(inOffice)
    await app.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
    await expect.poll(() => app.page.getByTestId('register-chair').textContent()).toContain(`Chair in office according to the register: ${inOffice} (`)
    expect(app.errors).toEqual([])
  })
})
