import Papa from 'papaparse'
import writeXlsxFile from 'write-excel-file/node'
import type { Language } from '../../model/fields'
import { LIST_COLUMNS, type ListColumn, type ListRows } from '../../model/list-columns'
import { inertCell, type ExportFormat, type ListName } from '../../model/tabular'

// A list as a spreadsheet file. CSV is UTF-8 with a byte-order mark (without it Excel reads the
// machine's code page and garbles accents) and CRLF line ends; the semicolon variant is what
// Excel expects where the comma is the decimal sign (French). Every text cell goes through
// inertCell, so no spreadsheet runs one as a formula.

const BOM = '\ufeff'

export async function listFile<K extends ListName>(list: K, rows: ListRows[K][], format: ExportFormat, lang: Language): Promise<Buffer> {
  const columns = LIST_COLUMNS[list] as ListColumn<ListRows[K]>[]
  const headers = columns.map((c) => inertCell(c.label[lang]))
  if (format !== 'xlsx') {
    const data = rows.map((r) => columns.map((c) => cellOf(c.value(r, lang))))
    const csv = Papa.unparse({ fields: headers, data }, { newline: '\r\n', delimiter: format === 'csv-semicolon' ? ';' : ',', escapeFormulae: false })
    return Buffer.from(BOM + csv, 'utf8')
  }
  const head = headers.map((value) => ({ value, fontWeight: 'bold' as const }))
  const body = rows.map((r) =>
    columns.map((c) => {
      const v = c.value(r, lang)
      if (typeof v === 'number') return { value: v, type: Number }
      if (c.date && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { value: new Date(`${v}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' }
      return { value: cellOf(v), type: String }
    }),
  )
  return writeXlsxFile([head, ...body] as never, { sheet: 'GFC Desk', stickyRowsCount: 1 }).toBuffer()
}

function cellOf(v: string | number): string {
  return typeof v === 'number' ? String(v) : inertCell(v)
}
