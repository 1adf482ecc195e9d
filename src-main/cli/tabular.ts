import { readFileSync } from 'node:fs'
import { Option, type Command } from 'commander'
import type { Input } from '../core/api'
import { AppError } from '../core/model/errors'
import { validationText } from '../core/model/messages'
import { ListName, type ImportPreview, type PreviewRow } from '../core/model/tabular'
import { outShell, readJsonFile, withApp, type Caller } from './context'
import { printError, printLine, printRow } from './print'

// `gfc import csv|xlsx` (the preview the app shows, then the import, or --dry-run) and
// `gfc export csv|xlsx` (any list as a spreadsheet).

const SEPARATORS: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' }

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (e) {
    throw new AppError('not_found', `Cannot read ${file}: ${(e as Error).message}`)
  }
}

/** A mapping file, {"Header": "field", …}, as the core takes it: one field per column of the file. */
function mappingFrom(file: string, headers: string[]): string[] {
  const doc = readJsonFile(file)
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new AppError('validation', `${file} must hold a JSON object: {"column header": "field", …}.`)
  const byHeader = new Map(Object.entries(doc as Record<string, unknown>))
  for (const [header, field] of byHeader) {
    if (typeof field !== 'string') throw new AppError('validation', `${file}: the field for "${header}" must be a text.`)
  }
  return headers.map((h) => (byHeader.get(h) as string | undefined) ?? '')
}

const rowName = (r: PreviewRow) => [r.values.state, r.values.name, r.values.givenName, r.values.familyName].filter(Boolean).join(' ')
const issueText = (m: string) => (m.startsWith('validation.') ? validationText(m) : m)

function printPreview(file: string, p: ImportPreview): void {
  const how = p.format === 'csv' ? `CSV, ${p.encoding}, separated by ${SEPARATORS[p.delimiter ?? ','] ?? p.delimiter}` : `workbook, sheet "${p.sheet}" of ${p.sheets.map((s) => `"${s}"`).join(', ')}`
  printLine(`${file}: ${how}; ${p.counts.rows} rows.`)
  printLine(`Columns (${p.mappingFrom}): ${p.headers.map((h, i) => `${h || `column ${i + 1}`} → ${p.mapping[i] || '(left out)'}`).join('; ')}`)
  for (const r of p.rows) {
    const dup = r.duplicate ? ` (already here: ${r.duplicate.name}, ${r.duplicate.id})` : ''
    printRow(`row ${r.line}`, r.issues.length && r.action !== 'skip' ? 'problem' : r.action, `${rowName(r)}${dup}`)
    if (r.action !== 'skip') for (const i of r.issues) printError(`row ${r.line}, ${i.field}: ${issueText(i.message)}`)
  }
}

const ACTIONS = { skip: 'skip', add: 'add', update: 'fill' } as const

export function tabularCommands(imp: Command, exp: Command, data: () => string | undefined): void {
  for (const format of ['csv', 'xlsx'] as const) {
    imp
      .command(`${format} <file>`)
      .description(`members or contacts from a ${format === 'csv' ? 'CSV file (UTF-8, UTF-16 or Windows-1252; commas, semicolons or tabs)' : 'workbook (.xlsx)'}: shows each row and its problems, then imports all rows as one change, or nothing`)
      .addOption(new Option('--type <type>', 'what the rows are').choices(['organisations', 'contacts']).makeOptionMandatory())
      .option('--mapping <file>', 'JSON {"column header": "field"}; otherwise the mapping saved by the last import, or guessed from the headers')
      .addOption(new Option('--on-duplicate <action>', 'rows matching a record already here').choices(['skip', 'update', 'add']).default('skip'))
      .option('--overwrite', 'with --on-duplicate update: replace fields that have a value (otherwise only empty ones are filled)')
      .option('--sheet <name>', 'the workbook\'s sheet (default: the first)')
      .option('--dry-run', 'show what would be done, change nothing')
      .action(async (file: string, o: { type: 'contacts'; mapping?: string; onDuplicate: keyof typeof ACTIONS; overwrite?: boolean; sheet?: string; dryRun?: boolean }) => {
        const contentBase64 = readBytes(file).toString('base64')
        await withApp(data(), async (call: Caller) => {
          const req: Input<'import.preview'> = {
            type: o.type,
            format,
            contentBase64,
            sheet: o.sheet ?? '',
            onDuplicate: o.onDuplicate === 'update' && o.overwrite ? 'overwrite' : ACTIONS[o.onDuplicate],
          }
          if (o.mapping) req.mapping = mappingFrom(o.mapping, (await call('import.preview', req)).headers) as never
          const preview = await call('import.preview', req)
          printPreview(file, preview)
          const c = preview.counts
          if (c.invalid) throw new AppError('validation', `Refused: ${c.invalid} row(s) have problems; nothing was imported.`)
          if (o.dryRun) return printLine(`Dry run: would add ${c.add}, update ${c.update}, skip ${c.skip}; nothing was changed.`)
          const done = await call('import.commit', { ...req, saveMapping: !o.mapping })
          printLine(`Imported ${file}: ${done.added} added, ${done.updated} updated, ${done.skipped} skipped (one change).`)
        })
      })

    exp
      .command(format)
      .description(`a list as ${format === 'csv' ? 'CSV (UTF-8 with a byte-order mark; --semicolon for Excel in French)' : 'a workbook (.xlsx)'}; cells that a spreadsheet would run as a formula are made inert`)
      .addOption(new Option('--type <list>', 'which list').choices(ListName.options).makeOptionMandatory())
      .requiredOption('--out <file>', 'the file to write')
      .option('--meeting <id>', 'for invitees and issuances: the meeting (default: the next one, else the latest)')
      .option('--lang <en|fr>', 'language of the headers and names', 'en')
      .option('--semicolon', 'separate cells with semicolons (CSV only)')
      .action(async (o: { type: ListName; out: string; meeting?: string; lang: string; semicolon?: boolean }) => {
        await withApp(
          data(),
          async (call) => {
            let meetingId = o.meeting
            if (!meetingId && (o.type === 'invitees' || o.type === 'issuances')) {
              const meetings = await call('meetings.list', {})
              const now = new Date().toISOString().slice(0, 16)
              const chosen = meetings.filter((m) => m.end >= now).at(-1) ?? meetings[0]
              if (!chosen) throw new AppError('not_found', 'There is no meeting yet.')
              meetingId = chosen.id
              printError(`Meeting: ${chosen.title} (${chosen.start.replace('T', ' ')}, ${chosen.id}).`)
            }
            const fmt = format === 'xlsx' ? 'xlsx' : o.semicolon ? 'csv-semicolon' : 'csv'
            const saved = await call('lists.export', { list: o.type, format: fmt, language: o.lang as 'en', meetingId })
            if (saved) printLine(`${saved.path} (${saved.rows} rows)`)
          },
          outShell(o.out),
        )
      })
  }
}
