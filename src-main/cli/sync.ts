import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { Scope } from '../core/model/device'
import { AppError } from '../core/model/errors'
import type { ConflictItem, ImportReport } from '../core/model/sync'
import { openApp, outShell, withApp, type Caller } from './context'
import { printError, printJson, printLine, printRow } from './print'

// gfc device …, gfc sync …, gfc conflicts …, gfc history: devices meeting offline, from a terminal.

function readFile(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (e) {
    throw new AppError('not_found', `Cannot read ${file}: ${(e as Error).message}`)
  }
}

/** "full", or "mission:MINUSCA,UNMISS" (acronyms of missions in the register). */
async function parseScope(call: Caller, text: string): Promise<Scope> {
  if (text === 'full') return { kind: 'full' }
  const m = /^missions?:(.+)$/.exec(text)
  if (!m) throw new AppError('validation', `--scope must be full or mission:ACRONYM[,ACRONYM] (not ${text}).`)
  const missions = await call('missions.list', {})
  const missionIds = m[1].split(',').map((a) => {
    const found = missions.find((x) => x.acronym.toLowerCase() === a.trim().toLowerCase())
    if (!found) throw new AppError('validation', `--scope: no mission ${a.trim()} in the register (gfc missions list).`)
    return found.id
  })
  return { kind: 'missions', missionIds }
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))

export function printReport(r: ImportReport): void {
  if (r.held) {
    printLine(`Not applied: a bundle from ${r.fromName} would delete ${r.held.tables.map((t) => `${t.deleting} of ${t.live} ${t.table}`).join(', ')}. Check with its sender; to apply it anyway, run again with --confirm-deletions.`)
    return
  }
  printLine(`From ${r.fromName} (${r.from}): ${r.changes} new changes; ${r.added} records added, ${r.changed} changed, ${r.deleted} deleted.`)
  for (const c of r.conflicts) printLine(`conflict: ${c.table} ${c.id} ${c.fields.join(', ')} (see gfc conflicts list)`)
  for (const x of r.refused) printLine(`refused: change ${x.seq} of device ${x.device}: ${x.reason}`)
  for (const w of r.waiting) printLine(`waiting: ${w}`)
  for (const b of r.breaches) printLine(`rule broken: ${b}`)
  for (const w of r.warnings) printLine(`warning: ${w}`)
}

function conflictLine(c: ConflictItem): string {
  switch (c.kind) {
    case 'field':
      return `${c.table} ${c.id} (${c.label}) ${c.field}: ${c.values.map((v, i) => `[${i + 1}] ${show(v.value)} (${v.user || v.deviceName}, ${v.at.slice(0, 16).replace('T', ' ')})`).join(' | ')}`
    case 'deleted':
      return `${c.table} ${c.id} (${c.label}) deleted on ${c.deletedBy.map((d) => d.deviceName).join(', ')} while edited on another device: ${c.edits.map((e) => `${e.field} = ${show(e.value.value)} (${e.value.deviceName})`).join('; ')}`
    case 'rule':
      return `${c.table} ${c.ids.join(', ')} (${c.labels.join('; ')}): rule broken: ${c.message}`
    case 'refused':
      return `refused: change ${c.seq} of ${c.deviceName} (${c.device}): ${c.reason}`
  }
}

export function syncCommands(cli: Command, data: () => string | undefined): void {
  const device = cli.command('device').description('this device: its identity, enrolling others, joining a dataset')

  device
    .command('show')
    .description('this device: id, name, public key, fingerprint, dataset and scope')
    .option('--json', 'as JSON')
    .action(async (o: { json?: boolean }) => {
      await withApp(data(), async (call) => {
        const d = await call('device.show', {})
        if (o.json) return void printJson(`${JSON.stringify(d, null, 2)}\n`)
        printLine(`Device ${d.id} “${d.name}”`)
        printLine(`Fingerprint: ${d.fingerprint}`)
        printLine(`Dataset: ${d.dataset ? `${d.dataset.name} (${d.dataset.id})` : 'none yet'}`)
        printLine(`Scope: ${d.scope ? (d.scope.kind === 'full' ? 'full' : `missions ${d.scope.missionIds.join(', ')}`) : 'not enrolled'}`)
      })
    })

  device
    .command('rename <name>')
    .description('rename this device')
    .action(async (name: string) => {
      await withApp(data(), async (call) => printLine(`This device is now “${(await call('device.rename', { name })).name}”.`))
    })

  device
    .command('export')
    .description('write this device\'s identity card (id, name, public keys) to send to the Chair\'s office')
    .requiredOption('--out <file>')
    .action(async (o: { out: string }) => {
      await withApp(
        data(),
        async (call) => {
          const r = await call('device.saveCard', {})
          const d = await call('device.show', {})
          printLine(`${r?.path}\nFingerprint (read it out to the office): ${d.fingerprint}`)
        },
        outShell(o.out),
      )
    })

  device
    .command('enrol <card>')
    .description('enrol a device from its identity card; writes the enrolment file to send back')
    .option('--scope <scope>', 'full, or mission:ACRONYM[,ACRONYM]', 'full')
    .option('--out <file>', 'the enrolment file', 'enrolment.gfcjoin')
    .action(async (card: string, o: { scope: string; out: string }) => {
      const text = readFile(card).toString('utf8')
      await withApp(
        data(),
        async (call) => {
          const preview = await call('device.readCard', { card: text })
          const r = await call('device.enrol', { card: text, scope: await parseScope(call, o.scope) })
          printLine(`Enrolled ${preview.name} (${preview.id}), scope ${r.device.scopeLabel}.`)
          printLine(`Fingerprint: ${preview.fingerprint} — compare it with the one the device shows before sending the file.`)
          printLine(r.path ?? '')
        },
        outShell(o.out),
      )
    })

  device
    .command('revoke <id>')
    .description('revoke a device: its later changes are refused everywhere')
    .action(async (id: string) => {
      await withApp(data(), async (call) => {
        const d = await call('device.revoke', { id })
        printLine(`Revoked ${d.name} (${d.id}): its changes after this point are refused on every device that receives this.`)
      })
    })

  device
    .command('join <enrolment>')
    .description('join the dataset of an enrolment file made for this device (a new, empty profile)')
    .action(async (file: string) => {
      const content = readFile(file).toString('base64')
      await withApp(data(), async (call) => {
        const r = await call('device.join', { content })
        printLine(`Joined “${r.dataset.name}”, enrolled by ${r.enroller.name} (fingerprint ${r.enroller.fingerprint}).`)
        printReport(r)
      })
    })

  device
    .command('new')
    .description('make a profile copied from another computer (or folder) a device of its own: new keys and id, same data')
    .action(async () => {
      const app = await openApp(data())
      try {
        const s = app.status().state === 'copied' ? await app.becomeNewDevice() : app.status()
        if (s.state !== 'ok') throw new AppError('unavailable', s.message)
        printLine(`This profile is now device ${s.deviceId}.`)
      } finally {
        await app.close()
      }
    })

  cli
    .command('devices')
    .description('the devices of this dataset')
    .action(async () => {
      await withApp(data(), async (call) => {
        for (const d of await call('devices.list', {})) {
          printRow(d.id, d.name, d.scopeLabel, d.revoked ? `revoked ${d.revokedOn}` : `enrolled ${d.enrolledOn} by ${d.enrolledByName}`, d.thisDevice ? 'this device' : d.lastHeard ? `heard ${d.lastHeard.slice(0, 16)}` : 'not heard from')
        }
      })
    })

  cli
    .command('dataset')
    .description('make this profile the first device of a new dataset')
    .command('create <name>')
    .action(async (name: string) => {
      await withApp(data(), async (call) => {
        const d = await call('dataset.create', { name })
        printLine(`Dataset “${d.dataset?.name}” (${d.dataset?.id}) created; this device (${d.id}) is its first device.`)
      })
    })

  const sync = cli.command('sync').description('exchange changes with other devices')
  sync
    .command('export')
    .description('write a bundle of what a device lacks (by what it last said it holds), encrypted for it')
    .requiredOption('--to <device>')
    .requiredOption('--out <file>')
    .action(async (o: { to: string; out: string }) => {
      await withApp(
        data(),
        async (call) => {
          const r = await call('sync.exportBundle', { to: o.to })
          if (r) printLine(`${r.path}\n${r.changes} changes, ${r.bytes} bytes.`)
        },
        outShell(o.out),
      )
    })
  sync
    .command('import <file>')
    .description('apply a bundle; prints what changed; exit 1 when it is refused')
    .option('--confirm-deletions', 'apply it even if it deletes a large share of a list')
    .action(async (file: string, o: { confirmDeletions?: boolean }) => {
      const contentBase64 = readFile(file).toString('base64')
      await withApp(data(), async (call) => printReport(await call('sync.importBundle', { contentBase64, confirmDeletions: !!o.confirmDeletions })))
    })
  sync
    .command('folder <dir>')
    .description('sync through a shared folder (--init sets it up once for this dataset)')
    .option('--init', 'set the folder up (writes its marker)')
    .option('--confirm-deletions', 'apply bundles even if they delete a large share of a list')
    .action(async (dir: string, o: { init?: boolean; confirmDeletions?: boolean }) => {
      await withApp(
        data(),
        async (call) => {
          let s = await call('sync.chooseFolder', { init: !!o.init })
          if (s && o.confirmDeletions) s = await call('sync.folder', { confirmDeletions: true })
          if (!s) return
          for (const r of s.reports) printReport(r)
          printLine(`${s.read} bundle(s) read, ${s.written} written in ${s.dir}.`)
          for (const p of s.problems) printError(`problem: ${p.text}`)
          if (!s.ok) process.exitCode = 1
        },
        outShell(dir),
      )
    })
  sync
    .command('status')
    .description('this device, the devices heard from, conflicts and what waits')
    .action(async () => {
      await withApp(data(), async (call) => {
        const s = await call('sync.status', {})
        printLine(`Device ${s.device.id} “${s.device.name}”, dataset ${s.device.dataset?.name ?? 'none'}`)
        for (const d of s.devices) printRow(`  ${d.id}`, d.name, d.scopeLabel, ...(d.revoked ? ['revoked'] : []), d.thisDevice ? 'this device' : d.lastHeard ? `heard ${d.lastHeard.slice(0, 16)}` : 'not heard from')
        printLine(`${s.conflicts} conflict(s) to resolve${s.held ? `, ${s.held} bundle(s) waiting for confirmation` : ''}`)
        if (s.folder) printLine(`Shared folder ${s.folder.dir}, last sync ${s.folder.lastSync || 'never'}`)
        for (const w of s.waiting) printLine(`waiting: ${w}`)
      })
    })

  const conflicts = cli.command('conflicts').description('what two devices changed differently, and rules a merge broke')
  conflicts
    .command('list')
    .description('one line per conflict: the record, the field and the competing values')
    .action(async () => {
      await withApp(data(), async (call) => {
        const list = await call('conflicts.list', {})
        for (const c of list) printLine(conflictLine(c))
        if (!list.length) printLine('No conflicts.')
      })
    })
  conflicts
    .command('resolve <table> <id> [field]')
    .description('settle a conflict: --pick N (a value of gfc conflicts list), --value JSON, or --keep deleted|record')
    .option('--pick <n>', 'keep the n-th competing value')
    .option('--value <json>', 'a new value (JSON, or plain text)')
    .option('--keep <side>', 'for a record deleted on one device and edited on another: deleted or record')
    .action(async (table: string, id: string, field: string | undefined, o: { pick?: string; value?: string; keep?: string }) => {
      await withApp(data(), async (call) => {
        let left: ConflictItem[]
        if (o.keep) left = await call('conflicts.resolve', { table: table as never, id, keep: o.keep as 'deleted' })
        else {
          if (!field) throw new AppError('validation', 'Name the field to settle (gfc conflicts list shows it).')
          let value: unknown
          if (o.pick) {
            const c = (await call('conflicts.list', {})).find((x) => x.kind === 'field' && x.table === table && x.id === id && x.field === field)
            if (!c || c.kind !== 'field') throw new AppError('not_found', `${table} ${id} has no conflict on ${field}.`)
            const v = c.values[Number(o.pick) - 1]
            if (!v) throw new AppError('validation', `--pick must be between 1 and ${c.values.length}.`)
            value = v.value
          } else if (o.value !== undefined) {
            try {
              value = JSON.parse(o.value)
            } catch {
              value = o.value
            }
          } else throw new AppError('validation', 'Give --pick N or --value VALUE (or --keep for a deleted record).')
          left = await call('conflicts.resolve', { table: table as never, id, field, value })
        }
        printLine(`Settled. ${left.length} conflict(s) left.`)
      })
    })

  cli
    .command('history <table> <id>')
    .description('who changed which field of a record, when, from which device')
    .action(async (table: string, id: string) => {
      await withApp(data(), async (call) => {
        for (const h of await call('history.get', { table: table as never, id })) {
          printRow(h.at.slice(0, 19).replace('T', ' '), `${h.user || h.deviceName} (${h.device})`, h.field, `${show(h.before)} → ${show(h.after)}`)
        }
      })
    })
}
