import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/node'
import writeXlsxFile from 'write-excel-file/node'
import { describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { appUnderTest, callApi } from '../support/e2e'
import { ROOT } from '../support/profile'

// Spreadsheets in and out, in Chromium against the built UI and the real core: a CSV of contacts
// and a workbook of members, each with a duplicate and a bad cell fixed in place, the import's
// Undo, then a filtered list and a selection exported and read back.

const app = appUnderTest('tabular')
const WAIT = { timeout: 15_000 }
const nav = (name: string) => app.page.getByRole('navigation').getByRole('button', { name, exact: true }).click()
const h1 = () => app.page.getByRole('heading', { level: 1 }).textContent()

const api = <T>(method: string, input: unknown = {}) => callApi<T>(app.page, method, input)

const wizard = () => app.page.getByTestId('import-wizard')
const idle = () => expect.poll(() => wizard().getAttribute('aria-busy'), WAIT).toBe('false')

/** The one file the host saved since the last call, emptied out of the exports folder. */
function savedFile(): string {
  const files = readdirSync(app.exportsDir)
  expect(files).toHaveLength(1)
  return join(app.exportsDir, files[0])
}

describe('bringing data in and taking it out', () => {
  it('imports a CSV of contacts: a bad e-mail fixed in place, a duplicate overwritten, one change', async () => {
    app.page.setDefaultTimeout(10_000)
    await app.page.getByRole('button', { name: 'Load demo data' }).click()
    await expect.poll(() => app.page.getByTestId('members-count').textContent(), WAIT).toMatch(/\d+ members/)
    await nav('Contacts')
    await expect.poll(h1, WAIT).toBe('Contacts')
    await app.page.getByRole('button', { name: 'Import…' }).click()
    const csv = 'Given name,Family name,E-mail,Member,Position\r\nAnna,Exempel,anna.exempel(at)example.org,Sweden,Attaché\r\nJonas,Beispiel,jonas.beispiel@example.org,Germany,Minister Counsellor\r\n'
    await app.page.getByTestId('import-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await expect.poll(() => app.page.getByTestId('import-read').textContent(), WAIT).toBe('contacts.csv: CSV, utf-8, separated by commas; 2 rows.')
    expect(await app.page.getByRole('combobox', { name: 'Field for column E-mail' }).inputValue()).toBe('emails')
    const atMapping = await seriousViolations(app.page)
    expect(atMapping, JSON.stringify(atMapping, null, 2)).toEqual([])
    await wizard().getByRole('button', { name: 'Check the rows' }).click()

    await expect.poll(() => app.page.getByTestId('import-counts').textContent(), WAIT).toContain('1 row has a problem')
    expect(await wizard().getByTestId('import-confirm').isDisabled()).toBe(true)
    expect(await wizard().textContent()).toContain('Jonas Beispiel') // the contact already here, beside the row
    expect(await app.page.getByLabel('Action for row 3').inputValue()).toBe('skip')
    const axe = await seriousViolations(app.page)
    expect(axe, JSON.stringify(axe, null, 2)).toEqual([])
    // For the README with GFC_SCREENSHOTS=1 (npm run screenshots); taken on every run, so it is known to render.
    const shots = process.env.GFC_SCREENSHOTS === '1' ? join(ROOT, 'docs/screenshots') : join(app.exportsDir, 'screenshots')
    mkdirSync(shots, { recursive: true })
    await app.page.screenshot({ path: join(shots, 'import.png'), animations: 'disabled', caret: 'hide' })

    await app.page.getByTestId('fix-2-emails').fill('anna.exempel@example.org')
    await app.page.getByTestId('fix-2-emails').press('Enter')
    await idle()
    await app.page.getByLabel('Action for row 3').selectOption('overwrite')
    await idle()
    await expect.poll(() => app.page.getByTestId('import-counts').textContent(), WAIT).toBe('2 rows: 1 to add, 1 to update, 0 to skip.')
    await wizard().getByTestId('import-confirm').click()
    await expect.poll(() => app.page.getByTestId('import-summary').textContent(), WAIT).toBe('Imported: 1 added, 1 updated, 0 skipped.')
    await wizard().getByRole('button', { name: 'Close' }).click()

    const contacts = await api<{ givenName: string; familyName: string; emails: string[]; affiliations: { position: string; organisationName: string }[] }[]>('contacts.list', { search: 'example.org' })
    const anna = contacts.find((c) => c.familyName === 'Exempel')!
    expect(anna.emails).toEqual(['anna.exempel@example.org'])
    expect(anna.affiliations[0]).toMatchObject({ organisationName: 'Sweden', position: 'Attaché' })
    expect(contacts.find((c) => c.familyName === 'Beispiel')!.affiliations[0].position).toBe('Minister Counsellor')
    expect(app.errors).toEqual([])
  })

  it('imports a workbook of members (a duplicate skipped, an unknown country fixed), then undoes it whole', async () => {
    await nav('Members')
    await expect.poll(h1, WAIT).toBe('Members')
    await expect.poll(() => app.page.getByTestId('members-count').textContent(), WAIT).toMatch(/^\d+ members$/)
    const before = await app.page.getByTestId('members-count').textContent()
    const rows = [
      [{ value: 'Pays' }, { value: 'Membre depuis' }, { value: 'Courriel' }],
      [{ value: 'Suède', type: String }, { value: new Date('2009-06-01T00:00:00Z'), type: Date, format: 'dd/mm/yyyy' }, null],
      [{ value: 'Atlantis', type: String }, { value: new Date('2021-03-15T00:00:00Z'), type: Date, format: 'dd/mm/yyyy' }, { value: 'mission@kenya.example.org', type: String }],
    ]
    const xlsx = await writeXlsxFile(rows as never, { sheet: 'Membres' }).toBuffer()
    await app.page.getByRole('button', { name: 'Import…' }).click()
    await app.page.getByTestId('import-file').setInputFiles({ name: 'membres.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx })
    await expect.poll(() => app.page.getByTestId('import-read').textContent(), WAIT).toBe('membres.xlsx: workbook, sheet “Membres”; 2 rows.')
    await wizard().getByRole('button', { name: 'Check the rows' }).click()
    await expect.poll(() => app.page.getByTestId('fix-3-state').count(), WAIT).toBe(1)
    expect(await wizard().textContent()).toContain('Choose a United Nations Member State from the list.')
    await app.page.getByTestId('fix-3-state').fill('Kenya')
    await app.page.getByTestId('fix-3-state').press('Tab')
    await idle()
    await expect.poll(() => app.page.getByTestId('import-counts').textContent(), WAIT).toBe('2 rows: 1 to add, 0 to update, 1 to skip.')
    expect(await wizard().getByTestId('import-rows').textContent()).toContain('2021-03-15')
    await wizard().getByTestId('import-confirm').click()
    await expect.poll(() => app.page.getByTestId('import-summary').textContent(), WAIT).toBe('Imported: 1 added, 0 updated, 1 skipped.')
    const kenya = (await api<{ displayName: string; joined: string; email: string }[]>('organisations.list', { search: 'Kenya' }))[0]
    expect(kenya).toMatchObject({ joined: '2021-03-15', email: 'mission@kenya.example.org' })

    await wizard().getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: 'The import was undone.' }).count(), WAIT).toBe(1)
    expect(await api<unknown[]>('organisations.list', { search: 'Kenya' })).toEqual([])
    await expect.poll(() => app.page.getByTestId('members-count').textContent(), WAIT).toBe(before)
    expect(app.errors).toEqual([])
  })

  it('exports a filtered list as a workbook and the ticked rows as CSV, each read back', async () => {
    rmSync(app.exportsDir, { recursive: true, force: true })
    await nav('Contacts')
    await app.page.getByRole('searchbox').fill('Exempel')
    // The screen searches with the core's own rule: the same people as contacts.list finds.
    const expected = (await api<{ givenName: string; familyName: string }[]>('contacts.list', { search: 'Exempel' })).map((c) => `${c.givenName} ${c.familyName}`).sort()
    expect(expected).toContain('Anna Exempel')
    const all = (await api<unknown[]>('contacts.list', {})).length
    await expect.poll(() => app.page.getByTestId('contacts-count').textContent(), WAIT).toBe(`${expected.length} contacts`)
    expect(expected.length).toBeLessThan(all)
    await app.page.getByTestId('export-contacts').click()
    const dialog = app.page.getByRole('dialog', { name: `Export ${expected.length} rows` })
    await dialog.getByLabel(/Excel workbook/).check()
    await dialog.getByRole('button', { name: 'Export' }).click()
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: `${expected.length} rows saved to` }).count(), WAIT).toBe(1)
    const file = savedFile()
    expect(file).toMatch(/gfc-contacts-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const [sheet] = await readXlsxFile(readFileSync(file))
    expect(sheet.data[0].slice(1, 4)).toEqual(['Given name', 'Family name', 'Member'])
    expect(sheet.data.slice(1).map((r) => `${r[1]} ${r[2]}`).sort()).toEqual(expected)
    // Phone numbers start with "+": written inert, as every formula sign is.
    const phones = sheet.data.slice(1).map((r) => r[7]).filter(Boolean)
    expect(phones.length).toBeGreaterThan(0)
    expect(phones.every((p) => String(p).startsWith("'+"))).toBe(true)
    rmSync(file)

    await app.page.getByRole('checkbox', { name: /Anna Exempel/ }).check()
    await app.page.getByTestId('export-contacts-selection').click()
    const one = app.page.getByRole('dialog', { name: 'Export 1 row' })
    await one.getByRole('radio', { name: /^CSV UTF-8/ }).check()
    await one.getByRole('button', { name: 'Export' }).click()
    await expect.poll(() => app.page.getByRole('status').filter({ hasText: '1 row saved to' }).count(), WAIT).toBe(1)
    const bytes = readFileSync(savedFile())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data
    expect(parsed).toHaveLength(2)
    expect(parsed[1].slice(1, 5)).toEqual(['Anna', 'Exempel', 'Sweden', 'Other'])
    expect(app.errors).toEqual([])
  })
})
