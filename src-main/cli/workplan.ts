import type { Command } from 'commander'

// TODO(workplan helper): `gfc workplan --out FILE.docx [--lang en|fr] [--from YYYY-MM --to YYYY-MM]`
// (and .csv by the file's extension), `gfc chairs`.
export function workplanCommands(_cli: Command, _data: () => string | undefined): void {}
