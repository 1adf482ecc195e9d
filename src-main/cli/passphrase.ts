import { AppError } from '../core/model/errors'
import { isEncrypted } from '../core/store/encryption'
import { askSecret } from './print'

// Where the CLI (and the loopback host) gets a profile's passphrase: GFC_PASSPHRASE, else the
// terminal, asked without echo. With neither, the profile stays closed and says why.

/** The passphrase to open the profile in `dir` with, if it is encrypted. */
export async function passphraseFor(dir: string, env = process.env): Promise<string | undefined> {
  if (!isEncrypted(dir)) return undefined
  return env.GFC_PASSPHRASE ?? (await askSecret(`Passphrase of the profile in ${dir}: `)) ?? undefined
}

/** A new passphrase: from `variable`, else asked twice on the terminal. */
export async function newPassphrase(variable: string, env = process.env): Promise<string> {
  const given = env[variable]
  if (given !== undefined) return given
  const first = await askSecret('New passphrase (at least 8 characters): ')
  if (first === null) throw new AppError('validation', `No passphrase: set ${variable}, or run this in a terminal to be asked.`, 'passphrase')
  if ((await askSecret('The same passphrase again: ')) !== first) throw new AppError('validation', 'The two passphrases differ; nothing was changed.', 'passphrase')
  return first
}
