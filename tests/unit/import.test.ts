import { unzipSync, zipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Input } from '../../src-main/core/api'
import { CHOICE_NAMES } from '../../src-main/core/model/choices'
import { findMemberState } from '../../src-main/core/model/reference'
import { guessMapping, inertCell, reviveCell } from '../../src-main/core/model/tabular'
import { ROOT, openProfile } from '../support/profile'

// Members and contacts from spreadsheets, against the files in tests/fixtures/import/ (made as
// Excel, LibreOffice and Windows write them; the workbooks by make-xlsx.ts), through the real
// dispatch and a real profile.

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/import', name))
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64')

type Req = Input<'import.preview'>
const csv = (type: Req['type'], name: string, more: Partial<Req> = {}): Req => ({ type, format: 'csv', contentBase64: b64(fixture(name)), ...more })

async function profile() {
  const p = await openProfile()
  const seq = () => p.app.store.appliedVector[p.app.store.device.deviceId] ?? 0
  const snapshot = () => JSON.stringify(p.app.store.tables)
  return { ...p, seq, snapshot }
}

async function withSweden() {
  const p = await profile()
  await p.call('organisations.create', { kind: 'state', countryCode: 'SE' })
  await p.call('organisations.create', { kind: 'state', countryCode: 'FR' })
  return p
}

describe('reading CSV files', () => {
  it('reads UTF-8 with a byte-order mark, CRLF, commas and a quoted cell over two lines', async () => {
    const p = await profile()
    const r = await p.call('import.preview', csv('organisations', 'members-utf8-bom.csv'))
    expect(r).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', mappingFrom: 'guessed' })
    expect(r.headers[0]).toBe('Member State')
    expect(r.mapping).toEqual(['state', 'status', 'joined', 'email', 'address'])
    expect(r.rows.map((x) => x.values.state)).toEqual(['Sweden', 'FR', "Côte d'Ivoire"])
    expect(r.rows[0].values.address).toBe('Permanent Mission of Sweden\n885 Second Avenue, New York')
    expect(r.rows.every((x) => x.issues.length === 0)).toBe(true)
  })

  it("reads Excel's Unicode text (UTF-16 LE and BE with a mark, tab-separated)", async () => {
    const p = await withSweden()
    for (const [name, encoding] of [['contacts-utf16le.txt', 'utf-16le'], ['contacts-utf16be.txt', 'utf-16be']]) {
      const r = await p.call('import.preview', csv('contacts', name))
      expect(r).toMatchObject({ encoding, delimiter: '\t' })
      expect(r.mapping).toEqual(['givenName', 'familyName', 'emails', 'member', 'role', 'position', 'language'])
      expect(r.rows[1].values).toMatchObject({ givenName: 'Zoë', familyName: 'Éxample', role: 'Représentant permanent', language: 'Français' })
      expect(r.rows.flatMap((x) => x.issues)).toEqual([])
    }
  })

  it('reads a file that is not UTF-8 as Windows-1252 (accents right, never U+FFFD), with semicolons and French headers', async () => {
    const p = await withSweden()
    const r = await p.call('import.preview', csv('contacts', 'contacts-cp1252-semicolon.csv'))
    expect(r).toMatchObject({ encoding: 'windows-1252', delimiter: ';' })
    expect(r.mapping).toEqual(['givenName', 'familyName', 'emails', 'member', 'position', 'language'])
    expect(r.rows.map((x) => `${x.values.givenName} ${x.values.familyName}`)).toEqual(['Hélène Lefèvre', 'José Núñez'])
    expect(JSON.stringify(r)).not.toContain('\ufffd')
    // "Suède" is Sweden by its French name; "anglais" is English.
    expect(r.rows.flatMap((x) => x.issues)).toEqual([])
  })

  it('numbers each row as the file does, across empty rows', async () => {
    const p = await profile()
    // Excel keeps empty rows (";" alone) and blank lines; row 5 of the sheet is row 5 in the preview.
    const r = await p.call('import.preview', { type: 'contacts', format: 'csv', contentBase64: b64('Nom;Courriel\r\n\r\nAnn;ann@example.org\r\n;\r\nBo;not-an-email\r\n') })
    expect(r.rows.map((x) => [x.line, x.values.familyName])).toEqual([[3, 'Ann'], [5, 'Bo']])
    expect((await p.fail('import.commit', { type: 'contacts', format: 'csv', contentBase64: b64('Nom;Courriel\r\n\r\nAnn;ann@example.org\r\n;\r\nBo;not-an-email\r\n') })).message).toMatch(/row 5, emails/)
  })

  it('reads a file whose rows end in many empty cells (a used range wider than the data), and refuses one with too many filled columns', async () => {
    const p = await profile()
    const empty = ';'.repeat(250)
    const r = await p.call('import.preview', { type: 'contacts', format: 'csv', contentBase64: b64(`Nom;Courriel${empty}\r\nRoe;ann@example.org${empty}\r\n`) })
    expect(r.rows.map((x) => x.values)).toEqual([{ familyName: 'Roe', emails: 'ann@example.org' }])
    const wide = Array.from({ length: 201 }, (_, i) => `c${i}`).join(';')
    expect((await p.fail('import.preview', { type: 'contacts', format: 'csv', contentBase64: b64(`${wide}\r\n${wide}\r\n`) })).message).toMatch(/Row 1 has 201 cells; at most 200 columns/)
  })

  it('keeps a line break inside a quoted cell', async () => {
    const p = await profile()
    const r = await p.call('import.preview', csv('contacts', 'contacts-quoted-newline.csv'))
    expect(r.rows).toHaveLength(2)
    expect(r.rows[0].values.notes).toBe('First line\nsecond line, with a comma')
  })
})

describe('reading workbooks', () => {
  it('reads the first sheet, with dates as dates, and another sheet when chosen', async () => {
    const p = await profile()
    const req: Req = { type: 'organisations', format: 'xlsx', contentBase64: b64(fixture('members-dates.xlsx')) }
    const r = await p.call('import.preview', req)
    expect(r).toMatchObject({ sheets: ['Members', 'Contacts'], sheet: 'Members' })
    expect(r.rows.map((x) => [x.values.state, x.values.joined])).toEqual([['Kenya', '2021-03-15'], ['Suède', '2018-11-02']])
    expect(r.rows.flatMap((x) => x.issues)).toEqual([])
    const c = await p.call('import.preview', { ...req, type: 'contacts', sheet: 'Contacts' })
    expect(c.sheet).toBe('Contacts')
    expect(c.rows[0].values).toMatchObject({ givenName: 'Wanjiru', familyName: 'Example', emails: 'wanjiru@example.org' })
    expect((await p.fail('import.preview', { ...req, sheet: 'Nope' })).message).toMatch(/no sheet called "Nope"/)
  })
})

describe('hostile files', () => {
  it('imports formula cells as plain text and a __proto__ header as nothing', async () => {
    const p = await profile()
    const r = await p.call('import.preview', csv('contacts', 'hostile-formulas.csv'))
    expect(r.mapping).toEqual(['givenName', 'familyName', 'emails', 'notes', '', ''])
    expect(r.rows[0].values).toMatchObject({ givenName: "=cmd|' /C calc'!A0", familyName: '+Sum', notes: '@SUM(1+1)' })
    // The apostrophe an export puts before a formula sign comes off again.
    expect(r.rows[1].values.notes).toBe('=already inert')
    const done = await p.call('import.commit', csv('contacts', 'hostile-formulas.csv'))
    expect(done).toMatchObject({ added: 2, updated: 0, skipped: 0 })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const names = (await p.call('contacts.list', {})).map((c) => c.givenName).sort()
    expect(names).toEqual(['-Minus', "=cmd|' /C calc'!A0"])

    const x = await p.call('import.preview', { type: 'contacts', format: 'xlsx', contentBase64: b64(fixture('hostile-formulas.xlsx')) })
    expect(x.rows[0].values).toMatchObject({ givenName: "=cmd|' /C calc'!A0", notes: '' })
  })

  it('refuses binary garbage, a 10 MB cell, an unclosed quote and a zip bomb with a clear message, and changes nothing', async () => {
    const p = await withSweden()
    const before = p.snapshot()
    const big = Buffer.from(`Given name,Family name,Notes\r\nAnn,Example,${'x'.repeat(10 * 1024 * 1024)}\r\n`)
    const cases: [Req, RegExp][] = [
      [csv('contacts', 'garbage.bin'), /not a text \(CSV\) file/],
      [{ type: 'contacts', format: 'xlsx', contentBase64: b64(fixture('garbage.bin')) }, /not an Excel workbook/],
      [{ type: 'contacts', format: 'csv', contentBase64: b64(fixture('members-dates.xlsx')) }, /workbook \(\.xlsx\), not a CSV/],
      [{ type: 'contacts', format: 'csv', contentBase64: b64(big) }, /Row 2, column 3 holds 10,485,760 characters; a cell may hold at most 100,000/],
      [csv('contacts', 'unclosed-quote.csv'), /quoted cell is not closed/],
      [{ type: 'contacts', format: 'xlsx', contentBase64: b64(Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(101 * 1024 * 1024) }, { level: 1 }))) }, /would unpack to 101 MB; at most 100 MB/],
      [{ type: 'contacts', format: 'csv', contentBase64: b64(Buffer.from([0xff, 0xfe, 0x00, 0xd8])) }, /Unicode text but holds bytes that are not/],
    ]
    for (const [req, message] of cases) {
      for (const method of ['import.preview', 'import.commit']) {
        const e = await p.fail(method, req)
        expect(e.message).toMatch(message)
        expect(e.message).toMatch(/Nothing was imported/)
      }
    }
    expect(p.snapshot()).toBe(before)
  })
  it('refuses a zip bomb whose directory lies about the sizes, as one that tells them', async () => {
    const p = await withSweden()
    const before = p.snapshot()
    const files = unzipSync(fixture('members-dates.xlsx'))
    const sheet = Buffer.from(files['xl/worksheets/sheet1.xml']).toString()
    files['xl/worksheets/sheet1.xml'] = Buffer.from(sheet.replace('</worksheet>', `${' '.repeat(110 * 1024 * 1024)}</worksheet>`))
    const zip = Buffer.from(zipSync(files, { level: 6 }))
    // The central directory (which a zip's reader may trust) says the sheet unpacks to 949 bytes.
    for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      if (zip.toString('latin1', at + 46, at + 46 + zip.readUInt16LE(at + 28)) === 'xl/worksheets/sheet1.xml') zip.writeUInt32LE(949, at + 24)
    }
    for (const method of ['import.preview', 'import.commit']) {
      const e = await p.fail(method, { type: 'organisations', format: 'xlsx', contentBase64: b64(zip) })
      expect(e.message).toMatch(/unpack to more than 100 MB.*Nothing was imported/)
    }
    expect(p.snapshot()).toBe(before)
  })
})

describe('checking, fixing and importing', () => {
  it('puts each problem on its cell, refuses the whole file while one remains, and takes a fix in place', async () => {
    const p = await withSweden()
    const file = b64('Given name,Family name,E-mail,Member,Role\r\nAnn,Example,not-an-email,Sweden,Focal point\r\nBo,,bo@example.org,Atlantis,Chef\r\n')
    const req: Req = { type: 'contacts', format: 'csv', contentBase64: file }
    const r = await p.call('import.preview', req)
    expect(r.rows[0].issues).toEqual([{ field: 'emails', message: 'validation.email' }])
    expect(r.rows[1].issues.map((i) => [i.field, i.message.split('?')[0]])).toEqual([
      ['role', 'validation.unknownChoice'],
      ['familyName', 'validation.required'],
      ['member', 'validation.unknownMember'],
    ])
    expect(r.counts).toMatchObject({ rows: 2, invalid: 2 })
    const before = p.snapshot()
    const refused = await p.fail('import.commit', req)
    expect(refused.message).toMatch(/row 2, emails: is not a valid e-mail address/)
    expect(p.snapshot()).toBe(before)

    const fixes = [
      { line: 2, field: 'emails', value: 'ann@example.org' },
      { line: 3, field: 'familyName', value: 'Sample' },
      { line: 3, field: 'member', value: 'France' },
      { line: 3, field: 'role', value: 'Point focal' },
    ] as const
    const fixed = await p.call('import.preview', { ...req, fixes: [...fixes] })
    expect(fixed.counts).toMatchObject({ invalid: 0, add: 2 })
    const done = await p.call('import.commit', { ...req, fixes: [...fixes] })
    expect(done).toMatchObject({ added: 2 })
    const bo = (await p.call('contacts.list', { search: 'Sample' }))[0]
    expect(bo.affiliations.map((a) => [a.organisationName, a.role])).toEqual([['France', 'focal-point']])
  })

  it('finds duplicates (same e-mail; same name and member; same state) and skips, fills, overwrites or adds as asked, in one change that undoes whole', async () => {
    const p = await withSweden()
    const se = (await p.call('organisations.list', {})).find((o) => o.kind === 'state' && o.countryCode === 'SE')!
    const anna = await p.call('contacts.create', { contact: { familyName: 'Exempel', givenName: 'Anna', emails: ['anna.exempel@example.org'], notes: 'kept' }, affiliation: { organisationId: se.id, role: 'other' } })
    const req = csv('contacts', 'contacts-utf16le.txt')
    const r = await p.call('import.preview', req)
    expect(r.rows[0].duplicate).toMatchObject({ id: anna.id, name: 'Anna Exempel' })
    expect(r.rows[0].action).toBe('skip')
    expect(r.rows[1].duplicate).toBeUndefined()

    const seq = p.seq()
    const done = await p.call('import.commit', { ...req, onDuplicate: 'fill' })
    expect(done).toMatchObject({ added: 1, updated: 1, skipped: 0 })
    expect(p.seq()).toBe(seq + 1)
    const filled = await p.call('contacts.get', { id: anna.id })
    expect(filled.notes).toBe('kept')
    expect(filled.affiliations[0]).toMatchObject({ role: 'focal-point', position: 'Counsellor' })

    // Same name and member, no e-mail in the file: the same person.
    const byName = await p.call('import.preview', { type: 'contacts', format: 'csv', contentBase64: b64('Prénom,Nom,Pays\nanna,EXEMPEL,Suède\n') })
    expect(byName.rows[0].duplicate?.id).toBe(anna.id)

    const undone = await p.call('import.undo', done.undo)
    expect(undone.keptEdits).toBe(0)
    expect(p.seq()).toBe(seq + 2)
    expect((await p.call('contacts.list', {})).map((c) => c.id)).toEqual([anna.id])
    expect((await p.call('contacts.get', { id: anna.id })).affiliations[0]).toMatchObject({ role: 'other', position: '' })

    // A Member State already here can be skipped or updated, never added twice.
    const m = csv('organisations', 'members-utf8-bom.csv')
    const add = await p.call('import.preview', { ...m, onDuplicate: 'add' })
    expect(add.rows[0].issues).toEqual([{ field: 'state', message: 'validation.alreadyMember' }])
    const over = await p.call('import.commit', { ...m, onDuplicate: 'overwrite', decisions: [{ line: 3, action: 'skip' }] })
    expect(over).toMatchObject({ added: 1, updated: 1, skipped: 1 })
    expect((await p.call('organisations.get', { id: se.id })).email).toBe('mission@sweden.example.org')
  })

  it('finds the same person or state twice in one file', async () => {
    const p = await profile()
    const r = await p.call('import.preview', { type: 'contacts', format: 'csv', contentBase64: b64('Nom,Courriel\nA,a@example.org\nB,A@example.org\n') })
    expect(r.rows[1].issues).toEqual([{ field: 'emails', message: 'validation.repeatedInFile?line=2' }])
    const m = await p.call('import.preview', { type: 'organisations', format: 'csv', contentBase64: b64('Pays\nSuède\nSE\n') })
    expect(m.rows[1].issues).toEqual([{ field: 'state', message: 'validation.repeatedInFile?line=2' }])
    expect((await p.call('import.preview', { type: 'organisations', format: 'csv', contentBase64: b64('Pays\nSuède\nSE\n'), decisions: [{ line: 3, action: 'skip' }] })).counts).toMatchObject({ invalid: 0, add: 1, skip: 1 })
  })

  it('an edit made after the import is kept by its undo', async () => {
    const p = await profile()
    const done = await p.call('import.commit', csv('contacts', 'contacts-quoted-newline.csv'))
    const ama = (await p.call('contacts.list', { search: 'Ama' }))[0]
    await p.call('contacts.update', { id: ama.id, fields: { ...ama, notes: 'edited since' }, seen: ama.stamps })
    const r = await p.call('import.undo', done.undo)
    expect(r.keptEdits).toBe(1)
    expect((await p.call('contacts.list', {})).length).toBe(0)
    expect((await p.fail('import.undo', { records: [{ table: 'contacts', id: '__proto__', fields: [] }] })).message).toMatch(/not the undo of an import/)
  })

  it('imports a file whose header holds a line break (Alt+Enter in Excel), and the profile opens again', async () => {
    const p = await profile()
    const file = b64('"Given\nname","Family\r\nname",E-mail\r\nJo,Doe,jo@example.org\r\n')
    expect(await p.call('import.commit', { type: 'contacts', format: 'csv', contentBase64: file })).toMatchObject({ added: 1 })
    await p.close()
    const again = await openProfile(p.dir)
    expect((await again.call('contacts.list', {})).map((c) => c.familyName)).toEqual(['Doe'])
  })

  it('saves the mapping for the next file with the same headers', async () => {
    const p = await profile()
    const file = b64('Surname,Forename,Mail\r\nDoe,Jo,jo@example.org\r\n')
    const mapping = ['familyName', 'givenName', 'emails'] as const
    await p.call('import.commit', { type: 'contacts', format: 'csv', contentBase64: file, mapping: [...mapping] })
    expect(p.app.store.preferences.importMappings.contacts).toEqual([
      { header: 'Surname', field: 'familyName' },
      { header: 'Forename', field: 'givenName' },
      { header: 'Mail', field: 'emails' },
    ])
    const again = await p.call('import.preview', { type: 'contacts', format: 'csv', contentBase64: file })
    expect(again).toMatchObject({ mappingFrom: 'saved', mapping })
    expect((await p.fail('import.preview', { type: 'contacts', format: 'csv', contentBase64: file, mapping: ['familyName', 'familyName', ''] })).message).toMatch(/Two columns fill familyName/)
  })
})

describe('the rules', () => {
  it('guesses English and French headers', () => {
    expect(guessMapping('contacts', ['Nom', 'Prénom', 'Courriel', 'Pays', 'Fonction', 'E-mail', 'Given name'])).toEqual(['familyName', 'givenName', 'emails', 'member', 'position', '', ''])
    expect(guessMapping('organisations', ['Pays', 'Statut', 'Site web', 'Téléphone'])).toEqual(['state', 'status', 'website', 'phone'])
  })

  it('finds a Member State by English or French name, ISO code, or its name without the bracketed qualifier', () => {
    const code = (s: string) => findMemberState(s)?.iso2
    expect(['Suède', 'sweden', 'SE', 'swe'].map(code)).toEqual(['SE', 'SE', 'SE', 'SE'])
    expect(['Netherlands', 'Pays-Bas', 'Bolivia', "Cote d'Ivoire"].map(code)).toEqual(['NL', 'NL', 'BO', 'CI'])
    expect(code('Atlantis')).toBeUndefined()
  })

  it('finds a Member State written with a typographic apostrophe, as UN documents write it', () => {
    expect(['Côte d’Ivoire', 'Cote d’ivoire', 'Côte d‘Ivoire'].map((s) => findMemberState(s)?.iso2)).toEqual(['CI', 'CI', 'CI'])
  })

  it('names the closed choices as the UI does, in English and French', () => {
    for (const lang of ['en', 'fr'] as const) {
      const ui = JSON.parse(readFileSync(join(ROOT, `src-renderer/i18n/${lang}.json`), 'utf8'))
      for (const [choice, values] of Object.entries(CHOICE_NAMES)) {
        for (const [value, names] of Object.entries(values)) expect(names[lang], `${choice}.${value}`).toBe(ui[choice][value])
      }
    }
  })

  it('makes formula cells inert, and an inert cell reads back as it was', () => {
    for (const v of ["=cmd|' /C calc'!A0", '+41 22 917 1234', '-2', '@SUM(A1)', '\t=1']) {
      expect(inertCell(v)).toBe(`'${v}`)
      expect(reviveCell(inertCell(v))).toBe(v)
    }
    expect(inertCell('Sweden')).toBe('Sweden')
    expect(reviveCell("'quoted")).toBe("'quoted")
  })
})
