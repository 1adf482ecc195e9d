import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appUnderTest } from '../support/e2e'
import { readDocx } from '../support/docs'

// A secretary plans a meeting and sends the Group its invitations, in Chromium against the
// built UI and the real core; the files are then read back by python-docx.

const app = appUnderTest('meetings')

describe('a secretary invites the whole Group to a meeting', () => {
  it('plans a meeting and finds every active member invited', async () => {
    await app.page.getByRole('button', { name: 'Load demo data' }).click()
    await expect.poll(() => app.page.getByTestId('members-count').textContent()).toMatch(/\d+ members/)
    await app.page.getByRole('navigation').getByRole('button', { name: 'Meetings' }).click()
    await app.page.getByRole('button', { name: 'Plan a meeting' }).click()

    await app.page.getByLabel('Kind of meeting').selectOption('regular')
    await app.page.getByLabel('Title', { exact: true }).fill('Regular meeting on field staffing')
    await app.page.getByLabel('Starts').fill('2027-05-20T10:00')
    await app.page.getByLabel('Ends').fill('2027-05-20T12:00')
    await app.page.getByLabel('City', { exact: true }).fill('New York')
    await app.page.getByLabel('Title in French').fill('Réunion ordinaire sur les effectifs sur le terrain')
    await app.page.getByLabel('Reply by').fill('2027-05-10')
    await app.page.getByRole('button', { name: 'Add agenda item' }).click()
    await app.page.getByLabel('Title of item 1').fill('Staffing of corrections components')
    await app.page.getByLabel('Presenter of item 1').fill('Chair')
    await app.page.getByLabel('Minutes for item 1').fill('45')
    await app.page.getByRole('button', { name: 'Plan meeting' }).click()

    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Regular meeting on field staffing')
    // The demo Group has 22 active members (one former member is not invited), one of which,
    // Sweden, is the Chair that convenes the meeting: it does not invite itself.
    await expect.poll(() => app.page.getByTestId('invitee-row').count()).toBe(21)
    const invitees = await app.page.getByTestId('invitees-table').textContent()
    expect(invitees).not.toContain('Uruguay')
    expect(invitees).not.toContain('Sweden')
  })

  it('marks responses and records a written comment from a member who cannot attend', async () => {
    await app.page.getByLabel('Response of Ghana').selectOption('accepted')
    await app.page.getByLabel('Response of Norway').selectOption('declined')
    await expect.poll(async () => (await app.page.getByLabel('Response of Norway').inputValue())).toBe('declined')

    await app.page.getByRole('tab', { name: /Written comments/ }).click()
    await app.page.getByRole('button', { name: 'Record written comments' }).click()
    await app.page.getByLabel('Member', { exact: true }).selectOption({ label: 'Norway (declined)' })
    await app.page.getByLabel('Received').fill('2027-05-12')
    await app.page.getByLabel('Comments', { exact: true }).fill('Norway supports the proposed staffing review.')
    await app.page.getByRole('button', { name: 'Save comments' }).click()
    await expect.poll(() => app.page.getByTestId('comment-row').count()).toBe(1)
  })

  it('previews and issues the invitations, and the files are there', async () => {
    await app.page.getByRole('tab', { name: /Invitations/ }).click()
    await app.page.getByRole('radio', { name: 'Letter' }).check()
    await app.page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => app.page.getByTestId('preview-table').locator('tbody tr').count()).toBe(21)
    expect(await app.page.getByTestId('issue-count').textContent()).toBe('21 of 21 invitees receive this issue.')
    // The agenda item has no French title: the French letters will use the English one, and say so.
    expect(await app.page.getByTestId('warn-french').textContent()).toMatch(/French invitations use the English text of: agenda item 1\./)
    await app.page.getByRole('button', { name: 'Generate' }).click()
    const done = app.page.getByTestId('issue-done').first()
    await expect.poll(() => done.count(), { timeout: 20_000 }).toBe(1)
    expect(await app.page.getByTestId('issue-files').first().locator('li').count()).toBe(21)

    const folder = readdirSync(app.exportsDir).map((d) => join(app.exportsDir, d))[0]
    const files = readdirSync(folder)
    expect(files).toHaveLength(21)
    const senegal = files.find((f) => f.includes('Senegal'))!
    expect(senegal).toMatch(/FR/)
    const doc = Object.values(await readDocx([join(folder, senegal)]))[0]
    expect(doc.text).toMatch(/Monsieur l’Ambassadeur|Madame l’Ambassadrice|Excellence/)
    expect(doc.text).toContain('Réunion ordinaire sur les effectifs sur le terrain')
    expect(doc.text).toContain('Staffing of corrections components')
    await expect.poll(() => app.page.getByTestId('issue-log-table').locator('tbody tr').count()).toBe(21)
    expect(app.errors).toEqual([])
  })

  it('invites a member that joined late, and sends it its letter alone with the next reference', async () => {
    await app.page.getByRole('navigation').getByRole('button', { name: 'Members' }).click()
    await app.page.getByRole('button', { name: 'Add Member State' }).click()
    await app.page.getByRole('combobox', { name: 'Member State' }).fill('Peru')
    await app.page.getByRole('option', { name: 'Peru' }).click()
    await app.page.getByRole('button', { name: 'Add member' }).click()
    await expect.poll(() => app.page.getByRole('heading', { level: 1 }).textContent()).toBe('Peru')
    await app.page.getByRole('navigation').getByRole('button', { name: 'Meetings' }).click()
    await app.page.getByRole('link', { name: 'Regular meeting on field staffing' }).or(app.page.getByRole('button', { name: 'Regular meeting on field staffing' })).first().click()

    const notice = app.page.getByTestId('late-members')
    await expect.poll(() => notice.textContent()).toContain('1 member joined since this meeting was planned')
    await notice.getByRole('button', { name: 'Invite Peru' }).click()
    await expect.poll(() => app.page.getByTestId('late-members').count()).toBe(0)

    await app.page.getByRole('tab', { name: /Invitations/ }).click()
    await app.page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => app.page.getByTestId('issue-count').textContent()).toBe('1 of 22 invitees receive this issue.')
    const chosen = app.page.getByTestId('preview-table').locator('tbody tr[data-selected="true"]')
    expect(await chosen.count()).toBe(1)
    expect(await chosen.textContent()).toMatch(/Peru.*\/022/)
    await app.page.getByRole('button', { name: 'Generate' }).click()
    await expect.poll(() => app.page.getByTestId('issue-files').first().locator('li').count(), { timeout: 20_000 }).toBe(1)
    expect(await app.page.getByTestId('issue-files').first().textContent()).toContain('Peru')
    await expect.poll(() => app.page.getByTestId('issue-log-table').locator('tbody tr').count()).toBe(22)
    expect(app.errors).toEqual([])
  })

  it('saves the calendar file with the time zone', async () => {
    await app.page.getByRole('tab', { name: /Documents/ }).click()
    await app.page.getByRole('button', { name: 'Calendar file (.ics)' }).click()
    await expect.poll(() => app.page.getByTestId('saved-path').textContent()).toContain('.ics')
    const ics = readdirSync(app.exportsDir).find((f) => f.endsWith('.ics'))!
    const text = readFileSync(join(app.exportsDir, ics), 'utf8')
    expect(text).toContain('DTSTART;TZID=America/New_York:20270520T100000')
    expect(app.errors).toEqual([])
  })
})
