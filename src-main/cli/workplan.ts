import { extname } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '../core/model/errors'
import type { RegionalGroup } from '../core/model/reference'
import { outShell, withApp } from './context'
import { printLine, printRow, printSaved } from './print'

// `gfc workplan` writes the work plan (.docx or .csv, by the file's extension) and `gfc chairs`
// prints the register of Chairs.

const FORMATS: Record<string, 'docx' | 'csv'> = { '.docx': 'docx', '.csv': 'csv' }

const GROUP_NAMES: Record<RegionalGroup, string> = {
  african: 'African States',
  'asia-pacific': 'Asia-Pacific States',
  'eastern-european': 'Eastern European States',
  'latin-american-caribbean': 'Latin American and Caribbean States',
  weog: 'Western European and other States',
}

export function workplanCommands(cli: Command, data: () => string | undefined): void {
  cli
    .command('workplan')
    .description('the work plan, grouped by function: a landscape .docx, or a .csv (by the file\'s extension)')
    .requiredOption('--out <file>', 'FILE.docx or FILE.csv')
    .option('--lang <en|fr>', 'language', 'en')
    .option('--from <yyyy-mm>', 'first month of the period (activities that overlap it)', '')
    .option('--to <yyyy-mm>', 'last month of the period', '')
    .action(async (o: { out: string; lang: string; from: string; to: string }) => {
      const format = FORMATS[extname(o.out).toLowerCase()]
      if (!format) throw new AppError('validation', `--out must name a .docx or .csv file (got ${o.out}).`, 'out')
      await withApp(
        data(),
        async (call) => printSaved(await call('workplan.save', { format, language: o.lang as 'en', period: { from: o.from, to: o.to } })),
        outShell(o.out),
      )
    })

  cli.command('chairs').description('the register of Chairs, newest first: state, start, end, status').action(async () => {
    await withApp(data(), async (call) => {
      const r = await call('chairs.register', {})
      for (const t of r.terms) printRow(t.organisation.en, t.start, t.end, t.status)
      if (r.notRecently.length) printLine(`Not Chair in the last five terms: ${r.notRecently.map((g) => GROUP_NAMES[g]).join('; ')}`)
    })
  })
}
