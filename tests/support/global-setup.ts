import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Every test run keeps device keys in a keystore of its own (GFC_KEYSTORE), inherited by the
// test files and by every gfc, host or child process they start: never the user's own.
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'gfc-keys-'))
  process.env.GFC_KEYSTORE = dir
  return () => rmSync(dir, { recursive: true, force: true })
}
