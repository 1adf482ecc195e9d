import { extname } from 'node:path'
import type { Command } from 'commander'
import { AppError } from '../core/model/errors'
import { outShell, withApp, type Caller } from './context'
import { printLine, printRow, printSaved } from './print'

// `gfc missions …` and `gfc directory`: the field missions register from a terminal.

/** The id of the live mission with this acronym (any case), or a clear refusal. */
async function missionId(call: Caller, acronym: string): Promise<string> {
  const all = await call('missions.list', {})
  const found = all.find((m) => m.acronym.toUpperCase() === acronym.trim().toUpperCase())
  if (!found) {
    const known = all.map((m) => m.acronym).join(', ')
    throw new AppError('not_found', `No mission has the acronym ${acronym}. ${known ? `The register has: ${known}.` : 'The register is empty (gfc missions add-reference adds the reference missions).'}`)
  }
  return found.id
}

export function missionCommands(cli: Command, data: () => string | undefined): void {
  const missions = cli.command('missions').description('the field missions register: posts, their holders, what needs checking')

  missions
    .command('list')
    .description('acronym, name, location, status, posts, officers and records to verify, open missions first')
    .option('--search <text>', 'acronym, name or location')
    .option('--status <status>', 'open or closed')
    .action(async (o: { search?: string; status?: string }) => {
      await withApp(data(), async (call) => {
        for (const m of await call('missions.list', { search: o.search ?? '', status: o.status as 'open' | undefined })) {
          printRow(m.acronym, m.nameEn, m.location, m.status, `posts ${m.posts}`, `officers ${m.officers}`, `to verify ${m.staleCount}`)
        }
      })
    })

  missions
    .command('add-reference')
    .description('add the shipped reference missions that the register does not have yet')
    .action(async () => {
      await withApp(data(), async (call) => {
        const { added } = await call('missions.addReference', {})
        printLine(added ? `Added ${added} reference missions.` : 'The register already has every reference mission.')
      })
    })

  missions
    .command('stale')
    .description('records of open missions not verified for six months, per mission')
    .option('--mission <acronym>', 'one mission only')
    .action(async (o: { mission?: string }) => {
      await withApp(data(), async (call) => {
        const groups = await call('field.stale', { missionId: o.mission ? await missionId(call, o.mission) : undefined })
        for (const g of groups) {
          printRow(`${g.mission.acronym} (${g.items.length} to verify)`)
          for (const i of g.items) {
            const last = i.verifiedOn ? `last verified ${i.verifiedOn}${i.verifiedBy ? ` by ${i.verifiedBy}` : ''}` : 'never verified'
            printRow(`  ${i.table.replace(/s$/, '')}`, i.label.en, last)
          }
        }
        if (!groups.length) printLine('Nothing to verify: every record of the open missions was checked in the last six months.')
      })
    })

  cli
    .command('directory')
    .description('the mission directory: who holds each post today (.docx, or .csv by the file name)')
    .option('--mission <acronym>', 'one mission (default: every open mission)')
    .requiredOption('--out <file>', 'FILE.docx or FILE.csv')
    .option('--lang <en|fr>', 'language', 'en')
    .action(async (o: { mission?: string; out: string; lang: string }) => {
      const ext = extname(o.out).toLowerCase()
      if (ext !== '.docx' && ext !== '.csv') throw new AppError('validation', `--out must name a .docx or a .csv file, not ${o.out}.`)
      await withApp(
        data(),
        async (call) => {
          const id = o.mission ? await missionId(call, o.mission) : ''
          printSaved(await call('directory.save', { missionId: id, format: ext === '.csv' ? 'csv' : 'docx', language: o.lang as 'en' }))
        },
        outShell(o.out),
      )
    })
}
