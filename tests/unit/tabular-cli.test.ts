import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { STATUS_NAMES } from '../../src-main/core/documents/workplan-wording'
import { CHOICE_NAMES } from '../../src-main/core/model/choices'
import { FUNCTION_NAMES } from '../../src-main/core/model/workplan'
import { ROOT, gfc, openProfile, tempDir } from '../support/profile'

// `gfc import csv|xlsx` and `gfc export csv|xlsx` as a user runs them, and the files read back
// by independent readers (papaparse, read-excel-file).

const fixture = (name: string) => join(ROOT, 'tests/fixtures/import', name)
const exportJson = (dir: string) => gfc(['--data', dir, 'export', 'json']).stdout

function profileWithDemo(): string {
  const dir = tempDir()
  expect(gfc(['--data', dir, 'demo']).code).toBe(0)
  return dir
}

describe('gfc import csv|xlsx', { timeout: 180_000 }, () => {
  it('prints the preview; --dry-run changes nothing; a file with a problem is refused with exit 1 and changes nothing', () => {
    const dir = profileWithDemo()
    const before = exportJson(dir)
    const dry = gfc(['--data', dir, 'import', 'xlsx', fixture('members-dates.xlsx'), '--type', 'organisations', '--dry-run'])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toContain('workbook, sheet "Members" of "Members", "Contacts"; 2 rows.')
    expect(dry.stdout).toContain('Country → state; Joined → joined')
    expect(dry.stdout).toMatch(/Dry run: would add \d, update 0, skip \d; nothing was changed\./)
    expect(exportJson(dir)).toBe(before)

    const bad = gfc(['--data', dir, 'import', 'csv', fixture('contacts-cp1252-semicolon.csv'), '--type', 'contacts'])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('CSV, windows-1252, separated by semicolons')
    expect(bad.stderr).toContain('row 2, member: is a Member State that is not a member of the Group')
    expect(bad.stderr).toContain('nothing was imported')
    expect(exportJson(dir)).toBe(before)

    const garbage = gfc(['--data', dir, 'import', 'csv', fixture('garbage.bin'), '--type', 'contacts'])
    expect(garbage.code).toBe(1)
    expect(garbage.stderr).toMatch(/not a text \(CSV\) file/)
    expect(exportJson(dir)).toBe(before)
  })

  it('imports with a mapping file and a duplicate rule, as one change', () => {
    const dir = profileWithDemo()
    const mapping = join(tempDir(), 'mapping.json')
    writeFileSync(mapping, JSON.stringify({ Prénom: 'givenName', Nom: 'familyName', 'E-mail': 'emails', ['__proto__']: 'notes' }))
    const r = gfc(['--data', dir, 'import', 'xlsx', fixture('members-dates.xlsx'), '--sheet', 'Contacts', '--type', 'contacts', '--mapping', mapping])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Imported')
    expect(r.stdout).toContain('1 added, 0 updated, 0 skipped (one change)')
    const again = gfc(['--data', dir, 'import', 'xlsx', fixture('members-dates.xlsx'), '--sheet', 'Contacts', '--type', 'contacts', '--mapping', mapping, '--on-duplicate', 'skip'])
    expect(again.stdout).toContain('0 added, 0 updated, 1 skipped')
    expect(gfc(['--data', dir, 'import', 'csv', fixture('garbage.bin'), '--type', 'people']).code).toBe(2)
  })
})

describe('gfc export csv|xlsx', { timeout: 180_000 }, () => {
  it('writes any list; read back, the cells are what the list holds and formula cells are inert', () => {
    const dir = tempDir()
    expect(gfc(['--data', dir, 'import', 'csv', fixture('hostile-formulas.csv'), '--type', 'contacts']).code).toBe(0)
    const out = tempDir()

    const csvFile = join(out, 'contacts.csv')
    expect(gfc(['--data', dir, 'export', 'csv', '--type', 'contacts', '--out', csvFile]).stdout).toContain('(2 rows)')
    const bytes = readFileSync(csvFile)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data
    expect(rows[0].slice(0, 3)).toEqual(['Honorific', 'Given name', 'Family name'])
    const cells = rows.slice(1).flat()
    expect(cells).toContain("'=cmd|' /C calc'!A0")
    expect(cells).toContain("'=HYPERLINK(\"http://evil.example\")")
    expect(cells).toContain("'@SUM(1+1)")
    expect(cells.every((c) => !/^[=+\-@]/.test(c))).toBe(true)

    const semi = join(out, 'contacts-fr.csv')
    gfc(['--data', dir, 'export', 'csv', '--semicolon', '--lang', 'fr', '--type', 'contacts', '--out', semi])
    expect(readFileSync(semi, 'utf8').split('\r\n')[0]).toBe('\ufeffTitre;Prénom;Nom;Membre;Rôle;Fonction;Courriel;Téléphone;Langue;Notes')
  })

  it('names the work plan\'s functions and statuses and the missions\' status in the file\'s language, as the lists show them', async () => {
    const dir = profileWithDemo()
    const saveTo = { path: '' }
    const { call } = await openProfile(dir, { chooseFolder: async () => null, chooseSaveFile: async () => saveTo.path })
    await call('missions.addReference', {})
    const read = async (list: 'activities' | 'missions', language: 'en' | 'fr') => {
      saveTo.path = join(tempDir(), `${list}-${language}.csv`)
      await call('lists.export', { list, format: 'csv', language })
      return Papa.parse<string[]>(readFileSync(saveTo.path, 'utf8').slice(1), { skipEmptyLines: true }).data.slice(1)
    }
    for (const lang of ['en', 'fr'] as const) {
      const rows = await read('activities', lang)
      expect(rows.length).toBeGreaterThan(0)
      for (const r of rows) {
        expect(Object.values(FUNCTION_NAMES).map((n) => n[lang])).toContain(r[0])
        expect(Object.values(STATUS_NAMES).map((n) => n[lang])).toContain(r[7])
      }
    }
    const missions = { en: ['Open', 'Closed'], fr: ['Ouverte', 'Fermée'] }
    for (const lang of ['en', 'fr'] as const) {
      const rows = await read('missions', lang)
      expect(rows.length).toBeGreaterThan(0)
      for (const r of rows) expect(missions[lang]).toContain(r[3])
    }
  })

  it('writes a workbook that reads back, with dates as dates', async () => {
    const dir = profileWithDemo()
    const out = join(tempDir(), 'members.xlsx')
    expect(gfc(['--data', dir, 'export', 'xlsx', '--type', 'organisations', '--out', out]).code).toBe(0)
    const [sheet] = await readXlsxFile(readFileSync(out))
    expect(sheet.data[0].slice(0, 2)).toEqual(['Name', 'Kind'])
    const sweden = sheet.data.find((r) => r[0] === 'Sweden')!
    expect(sweden[1]).toBe(CHOICE_NAMES.kind.state.en)
    expect(sheet.data.some((r) => r[6] instanceof Date)).toBe(true)

    const fr = join(tempDir(), 'contacts-fr.csv')
    expect(gfc(['--data', dir, 'export', 'csv', '--semicolon', '--lang', 'fr', '--type', 'contacts', '--out', fr]).code).toBe(0)
    const frRows = Papa.parse<string[]>(readFileSync(fr, 'utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data
    expect(frRows.find((r) => r[2] === 'Exempelsson')?.slice(3, 5)).toEqual(['Suède', 'Représentant permanent'])

    // Every other list, through the same dispatch (a child process each would be slow).
    const saveTo = { path: '' }
    const { call } = await openProfile(dir, { chooseFolder: async () => null, chooseSaveFile: async () => saveTo.path })
    const meetingId = (await call('meetings.list', {}))[0].id
    for (const list of ['meetings', 'invitees', 'issuances', 'chairs', 'activities', 'missions', 'holders'] as const) {
      saveTo.path = join(tempDir(), `${list}.xlsx`)
      const saved = await call('lists.export', { list, format: 'xlsx', meetingId })
      const [s] = await readXlsxFile(readFileSync(saved!.path))
      expect(s.data.length, list).toBe(saved!.rows + 1)
      expect(s.data.length, list).toBeGreaterThan(list === 'issuances' ? 0 : 1)
    }
  })
})
