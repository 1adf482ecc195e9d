import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { Command, CommanderError } from 'commander'
import { App } from '../core/app'
import { AppError } from '../core/model/errors'
import { checkProfile } from '../core/services/check'
import { resolveDataDir } from '../core/store/data-dir'
import { passphraseKey, unlockProfile } from '../core/store/encryption'
import { openApp, outShell, readJsonFile, withApp } from './context'
import { newPassphrase, passphraseFor } from './passphrase'
import { missionCommands } from './missions'
import { printError, printJson, printLine, printRow, printSaved, toleratePipeClose } from './print'
import { syncCommands } from './sync'
import { tabularCommands } from './tabular'
import { workplanCommands } from './workplan'

// `gfc`: the same dispatch as the app, from a terminal. Exit codes: 0 done, 1 refused or
// failed (the message says why), 2 wrong usage.

export function program(): Command {
  const cli = new Command('gfc')
    .description('GFC Desk from the command line: the Group of Friends of Corrections in Peace Operations')
    .option('--data <dir>', 'profile folder (default: $GFC_DATA_DIR, else the app\'s user-data folder)')
    .exitOverride()
  const data = () => cli.opts<{ data?: string }>().data

  cli
    .command('init')
    .description('create an empty profile in the data folder (or open an existing one)')
    .option('--encrypt', 'encrypt it with a passphrase (GFC_PASSPHRASE, or asked twice)')
    .action(async (opts: { encrypt?: boolean }) => {
      const passphrase = opts.encrypt ? await newPassphrase('GFC_PASSPHRASE') : undefined
      await withApp(data(), async (call) => {
        let s = await call('profile.status', {})
        if (passphrase !== undefined && s.state === 'ok' && !s.encrypted) s = await call('profile.encrypt', { passphrase })
        if (s.state === 'ok') printLine(`Profile ready in ${s.dataDir} (device ${s.deviceId}${s.encrypted ? ', encrypted' : ''}).`)
      })
    })

  cli.command('encrypt').description('encrypt this profile\'s files with a passphrase (GFC_PASSPHRASE, or asked twice)').action(async () => {
    const passphrase = await newPassphrase('GFC_PASSPHRASE')
    await withApp(data(), async (call) => {
      const s = await call('profile.encrypt', { passphrase })
      if (s.state === 'ok') printLine(`The profile in ${s.dataDir} is encrypted: keep the passphrase safe, nobody can open the profile without it.`)
    })
  })

  cli
    .command('passphrase')
    .description('change the passphrase of an encrypted profile (the current one from GFC_PASSPHRASE or asked; the new one from GFC_NEW_PASSPHRASE or asked twice)')
    .action(async () => {
      const dir = resolveDataDir(data())
      const current = (await passphraseFor(dir)) ?? ''
      const passphrase = await newPassphrase('GFC_NEW_PASSPHRASE')
      const app = await App.open(dir, undefined, current)
      try {
        app.changePassphrase(current, passphrase)
        printLine('The passphrase is changed.')
      } finally {
        await app.close()
      }
    })

  cli.command('demo').description('load the fictional demo dataset into an empty profile').action(async () => {
    await withApp(data(), async (call) => {
      const r = await call('demo.load', {})
      printLine(`Demo data loaded: ${r.created} records.`)
    })
  })

  const exp = cli.command('export').description('export data')
  exp.command('json').description('the whole dataset as canonical JSON (stdout, or --out FILE)').option('--out <file>', 'write to this file').action(async (opts: { out?: string }) => {
    await withApp(data(), async (call) => {
      const json = await call('data.export', {})
      if (opts.out) writeFileSync(opts.out, json)
      else printJson(json)
    })
  })

  const imp = cli.command('import').description('import data')
  imp
    .command('json <file>')
    .description('validate a JSON export, then merge it by id as one change (all or nothing); only fields that differ are written')
    .option('--restore-deleted', 'bring back records of the file that were deleted here since')
    .action(async (file: string, opts: { restoreDeleted?: boolean }) => {
      const document = readJsonFile(file)
      await withApp(data(), async (call) => {
        const r = await call('data.import', { document, restoreDeleted: !!opts.restoreDeleted })
        const kept = r.keptDeleted ? `, ${r.keptDeleted} left deleted (deleted here since; --restore-deleted brings them back)` : ''
        printLine(`Imported ${file}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged${kept}.`)
      })
    })

  tabularCommands(imp, exp, data)

  cli.command('members').description('list the members').option('--search <text>').action(async (opts: { search?: string }) => {
    await withApp(data(), async (call) => {
      for (const m of await call('organisations.list', { search: opts.search ?? '' })) {
        printRow(m.displayName, m.kind === 'state' ? m.regionalGroup : m.category, m.status, m.id)
      }
    })
  })

  const meetings = cli.command('meetings').description('the Group\'s meetings')
  meetings.command('list').description('list the meetings, newest first').action(async () => {
    await withApp(data(), async (call) => {
      for (const m of await call('meetings.list', {})) {
        const c = m.counts
        printRow(m.id, m.start.replace('T', ' '), m.timeZone, m.title, `${c.total} invited, ${c.accepted} accepted, ${c.declined} declined`)
      }
    })
  })

  cli
    .command('invitations')
    .description('write one invitation (.docx) per invited member, in the member\'s language, and log them')
    .requiredOption('--meeting <id>', 'the meeting (see gfc meetings list)')
    .requiredOption('--out <dir>', 'folder for the files')
    .option('--form <form>', 'letter or note-verbale', 'letter')
    .option('--combined', 'also write all invitations in one file')
    .option('--template <file>', 'fill your own Word template instead (kept in the profile for next time)')
    .option('--date <yyyy-mm-dd>', 'date of issue (default today)')
    .option('--members <which>', 'new (those not yet sent one), all, or member ids separated by commas', 'new')
    .action(async (o: { meeting: string; out: string; form: string; combined?: boolean; template?: string; date?: string; members: string }) => {
      const selection =
        o.members === 'new' || o.members === 'all' ? { select: o.members as 'new' | 'all' } : { select: 'chosen' as const, organisationIds: o.members.split(',').map((id) => id.trim()).filter(Boolean) }
      const template = o.template ? readFileSync(o.template) : null
      await withApp(
        data(),
        async (call, app) => {
          let name = ''
          if (template) name = (await call('templates.add', { name: basename(o.template!), contentBase64: template.toString('base64') })).name
          const preview = await call('invitations.preview', { meetingId: o.meeting, form: o.form as 'letter', ...selection })
          if (preview.alreadyIssued.length) printError(`Note: ${preview.alreadyIssued.length} members already received an invitation for this meeting; these are logged as new issues.`)
          if (preview.chairInvited.length) printError(`Note: ${preview.chairInvited.join(', ')} convenes this meeting and is sent no invitation.`)
          if (preview.frenchFallback.members.length) printError(`Note: the French invitations use the English text of: ${preview.frenchFallback.fields.join(', ')}.`)
          const job = await call('invitations.issue', { meetingId: o.meeting, form: o.form as 'letter', combined: !!o.combined, template: name, date: o.date ?? '', ...selection })
          const done = job && (await app.jobs.wait(job.id))
          if (!done || done.state !== 'done') throw new AppError('internal', done?.message ?? 'The invitations were not written.')
          for (const f of done.files) printLine(join(done.folder, f))
          printError(done.message)
        },
        outShell(o.out),
      )
    })

  cli
    .command('ics')
    .description('the meeting as an iCalendar file (RFC 5545) with its time zone and invitees')
    .requiredOption('--meeting <id>')
    .requiredOption('--out <file>')
    .action(async (o: { meeting: string; out: string }) => {
      await withApp(data(), async (call) => printSaved(await call('meetings.saveDocument', { meetingId: o.meeting, kind: 'ics' })), outShell(o.out))
    })

  cli
    .command('document')
    .description('the agenda, list of participants, or compiled written comments of a meeting (.docx)')
    .requiredOption('--meeting <id>')
    .requiredOption('--kind <kind>', 'agenda, participants or comments')
    .requiredOption('--out <file>')
    .option('--lang <en|fr>', 'language', 'en')
    .option('--mode <accepted|attended>', 'list of participants: those who accepted (default before the meeting) or attended (after)')
    .action(async (o: { meeting: string; kind: string; out: string; lang: string; mode?: string }) => {
      await withApp(
        data(),
        async (call) => printSaved(await call('meetings.saveDocument', { meetingId: o.meeting, kind: o.kind as 'agenda', language: o.lang as 'en', mode: o.mode as 'accepted' | undefined })),
        outShell(o.out),
      )
    })

  cli
    .command('erase')
    .description('erase a person for good: their details leave every file of the profile (logs, data file, backups) and of every device the erasure reaches; this cannot be undone')
    .argument('<what>', 'contact')
    .argument('<id>', 'the contact\'s id')
    .action(async (what: string, id: string) => {
      if (what !== 'contact') throw new AppError('validation', `gfc erase: only a contact can be erased (gfc erase contact ID), not ${what}.`)
      await withApp(data(), async (call) => {
        const r = await call('contacts.erase', { id })
        printLine(`Contact ${r.id} erased for good (${r.erasedAt}); the erasure is recorded and reaches the other devices with the next sync.`)
      })
    })

  workplanCommands(cli, data)
  missionCommands(cli, data)
  syncCommands(cli, data)

  cli.command('check').description('verify the data file and change logs; exit 1 on any problem').action(async () => {
    const dir = resolveDataDir(data())
    const passphrase = await passphraseFor(dir)
    const r = checkProfile(dir, passphrase === undefined ? null : unlockProfile(dir, passphraseKey(dir, passphrase)))
    for (const f of r.facts) printLine(f)
    for (const t of r.toResolve) printLine(`to resolve: ${t}`)
    for (const p of r.problems) printError(`problem: ${p}`)
    printLine(r.ok ? `OK: ${dir}` : `${r.problems.length} problem(s) in ${dir}`)
    if (!r.ok) process.exitCode = 1
  })

  cli.command('recover').description('go on from the data file after a change log lost its end or was damaged (the damaged part is kept aside)').action(async () => {
    const app = await openApp(data())
    try {
      const s = app.status().state === 'log_gap' ? await app.recoverLog() : app.status()
      if (s.state !== 'ok') throw new AppError('unavailable', s.message)
      for (const n of s.notices) printLine(n)
      printLine(`The profile in ${s.dataDir} opens.`)
    } finally {
      await app.close()
    }
  })

  cli
    .command('backup')
    .description('write one archive of the whole profile (encrypted when the profile is), to carry to another computer')
    .requiredOption('--out <file>', 'the archive to write (.gfcbackup)')
    .action(async (o: { out: string }) => {
      await withApp(data(), async (call) => {
        const r = await call('backups.saveArchive', {})
        if (r) printLine(`${r.path} (${r.bytes} bytes)`)
      }, outShell(o.out))
    })

  cli
    .command('restore <backup>')
    .description('bring up a backup archive (FILE.gfcbackup) in an empty data folder, as a new device with the same data; or replace a damaged data file by one of the profile\'s backups (NAME; the damaged file is kept)')
    .action(async (name: string) => {
      if (existsSync(name) && statSync(name).isFile()) {
        const target = resolveDataDir(data())
        const r = App.restoreArchive(readFileSync(name), name, target)
        printLine(`Restored ${name} in ${target}: the data of device ${r.from}, now device ${r.device} of its own${r.encrypted ? ' (encrypted: it opens with its passphrase)' : ''}.`)
        printLine('To sync, have it enrolled in the dataset again (gfc device card, then enrolment on the office laptop).')
        return
      }
      const app = await openApp(data())
      try {
        const s = await app.restoreBackup(name)
        printLine(s.state === 'ok' ? `Restored ${name}; the profile opens again.` : `Restored ${name}, but: ${'message' in s ? s.message : ''}`)
      } finally {
        await app.close()
      }
    })
  return cli
}

export async function main(argv: string[]): Promise<number> {
  toleratePipeClose()
  try {
    await program().parseAsync(argv, { from: 'user' })
    return Number(process.exitCode ?? 0)
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2
    printError(`gfc: ${(e as Error).message}`)
    return 1
  }
}
