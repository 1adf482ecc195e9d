import Papa from 'papaparse'
import readXlsxFile from 'read-excel-file/node'
import { AppError } from '../../model/errors'
import { declaredSize, unpacksBeyond } from '../../store/unpacked-size'
import { reviveCell, type SheetRead } from '../../model/tabular'

// A spreadsheet file as a grid of text cells: CSV in the encodings and separators people's
// programs write, or the sheets of an .xlsx workbook. A file that cannot be read whole is
// refused with what was wrong; nothing is guessed at.

const LIMITS = { bytes: 25 * 1024 * 1024, unpacked: 100 * 1024 * 1024, rows: 20_000, columns: 200, cell: 100_000 }

export interface Grid extends SheetRead {
  /** The rows under the header, each with its number in the file. */
  rows: { line: number; cells: string[] }[]
}

const refuse = (message: string) => new AppError('validation', `${message} Nothing was imported.`, 'content')

/**
 * The text of a CSV file: UTF-8 (with or without a byte-order mark), UTF-16 with its mark (Excel's
 * "Unicode text"), else Windows-1252 — what Excel on Windows writes as "CSV". A byte sequence that
 * is not UTF-8 is never replaced by U+FFFD: without a mark, such a file is read as Windows-1252.
 */
function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const [a, b, c] = bytes
  const decode = (label: string, from: number) => new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from))
  try {
    if (a === 0xef && b === 0xbb && c === 0xbf) return { text: decode('utf-8', 3), encoding: 'utf-8-bom' }
    if (a === 0xff && b === 0xfe) return { text: decode('utf-16le', 2), encoding: 'utf-16le' }
    if (a === 0xfe && b === 0xff) return { text: decode('utf-16be', 2), encoding: 'utf-16be' }
  } catch {
    throw refuse('The file says it is Unicode text but holds bytes that are not.')
  }
  try {
    return { text: decode('utf-8', 0), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
  }
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

// C0 controls other than tab, line feed and carriage return: text files do not hold them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f]/

export function readCsv(bytes: Uint8Array): Grid {
  if (isZip(bytes)) throw refuse('This is a workbook (.xlsx), not a CSV file: choose XLSX.')
  const { text, encoding } = decodeText(bytes)
  if (BINARY.test(text.slice(0, 64 * 1024))) throw refuse('This is not a text (CSV) file: it holds binary data.')
  // The separator is guessed without the empty rows; the rows are then read with them, so that each keeps its number in the file.
  const delimiter = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: 'greedy', preview: 10 }).meta.delimiter as ',' | ';' | '\t'
  const parsed = Papa.parse<string[]>(text, { delimiter })
  const fatal = parsed.errors.find((e) => e.type === 'Quotes')
  if (fatal) throw refuse(`Row ${(fatal.row ?? 0) + 1}: a quoted cell is not closed (${fatal.message}).`)
  return grid({ format: 'csv', encoding, delimiter: [',', ';', '\t'].includes(delimiter) ? delimiter : ',', sheets: [], sheet: '' }, parsed.data)
}

/** The chosen sheet of a workbook (by name), else its first; dates become YYYY-MM-DD. */
export async function readXlsx(bytes: Uint8Array, sheet?: string): Promise<Grid> {
  if (!isZip(bytes)) throw refuse('This is not an Excel workbook (.xlsx).')
  // A workbook is a zip: one that would unpack to more than a spreadsheet holds (a "zip bomb")
  // is refused before anything is unpacked, by the sizes its directory declares.
  let unpacked: number
  let beyond: boolean
  try {
    unpacked = declaredSize(bytes)
    // Those sizes may lie (the reader goes by the files' own headers): what the files really unpack to is counted too.
    beyond = unpacked <= LIMITS.unpacked && unpacksBeyond(bytes, LIMITS.unpacked)
  } catch (e) {
    throw refuse(`The workbook cannot be read (${(e as Error).message}).`)
  }
  if (unpacked > LIMITS.unpacked) throw refuse(`The workbook would unpack to ${(unpacked / 1024 / 1024).toFixed(0)} MB; at most ${LIMITS.unpacked / 1024 / 1024} MB can be read.`)
  if (beyond) throw refuse(`The workbook would unpack to more than ${LIMITS.unpacked / 1024 / 1024} MB; at most that can be read.`)
  let sheets: { sheet: string; data: unknown[][] }[]
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as never
  } catch (e) {
    throw refuse(`The workbook cannot be read (${(e as Error).message}).`)
  }
  if (sheets.length === 0) throw refuse('The workbook has no sheet.')
  const chosen = sheet ? sheets.find((s) => s.sheet === sheet) : sheets[0]
  if (!chosen) throw refuse(`The workbook has no sheet called "${sheet}".`)
  const cells = chosen.data.map((row) => row.map(cellText))
  return grid({ format: 'xlsx', sheets: sheets.map((s) => s.sheet), sheet: chosen.sheet }, cells)
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) {
    const iso = v.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ')
  }
  return String(v)
}

function grid(meta: Omit<Grid, 'headers' | 'rows'>, data: string[][]): Grid {
  const filled = data.map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''))
  // The columns are those that hold something: a spreadsheet writes empty cells as far as its used range goes.
  const width = filled.reduce((n, r) => Math.max(n, r.cells.findLastIndex((c) => c.trim() !== '') + 1), 0)
  const nonEmpty = filled.map((r) => ({ line: r.line, cells: r.cells.slice(0, width) }))
  if (nonEmpty.length === 0) throw refuse('The file is empty.')
  if (nonEmpty.length - 1 > LIMITS.rows) throw refuse(`The file has ${nonEmpty.length - 1} rows; at most ${LIMITS.rows} can be imported at once.`)
  for (const r of nonEmpty) {
    if (r.cells.length > LIMITS.columns) throw refuse(`Row ${r.line} has ${r.cells.length} cells; at most ${LIMITS.columns} columns can be read.`)
    const long = r.cells.findIndex((c) => c.length > LIMITS.cell)
    if (long >= 0) throw refuse(`Row ${r.line}, column ${long + 1} holds ${r.cells[long].length.toLocaleString('en')} characters; a cell may hold at most ${LIMITS.cell.toLocaleString('en')}.`)
  }
  const [head, ...rows] = nonEmpty
  return { ...meta, headers: head.cells.map((h) => h.trim()), rows: rows.map((r) => ({ line: r.line, cells: r.cells.map(reviveCell) })) }
}

export async function readGrid(format: 'csv' | 'xlsx', bytes: Uint8Array, sheet?: string): Promise<Grid> {
  if (bytes.length > LIMITS.bytes) throw refuse(`The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${LIMITS.bytes / 1024 / 1024} MB can be imported.`)
  if (bytes.length === 0) throw refuse('The file is empty.')
  return format === 'csv' ? readCsv(bytes) : readXlsx(bytes, sheet)
}
