import type { Command } from 'commander'
import { App } from '../core/app'
import { AppError } from '../core/model/errors'
import { resolveDataDir } from '../core/store/data-dir'

// gfc device …, gfc sync …, gfc conflicts …, gfc history: devices meeting offline, from a terminal.

export function syncCommands(cli: Command, data: () => string | undefined): void {
  const device = cli.command('device').description('this device: its identity, enrolling others, joining a dataset')
  device
    .command('new')
    .description('make a profile copied from another computer (or folder) a device of its own: new keys and id, same data')
    .action(async () => {
      const app = await App.open(resolveDataDir(data()))
      try {
        const s = app.status().state === 'copied' ? await app.becomeNewDevice() : app.status()
        if (s.state !== 'ok') throw new AppError('unavailable', s.message)
        console.log(`This profile is now device ${s.deviceId}.`)
      } finally {
        await app.close()
      }
    })
}
