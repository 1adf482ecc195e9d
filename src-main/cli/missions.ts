import type { Command } from 'commander'

// TODO(missions helper): `gfc missions list`, `gfc directory --mission ACRONYM --out FILE.docx`.
export function missionCommands(_cli: Command, _data: () => string | undefined): void {}
