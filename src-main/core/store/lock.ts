import lockfile from 'proper-lockfile'
import { AppError } from '../model/errors'

/**
 * One process at a time per profile: the app, or a gfc command. proper-lockfile keeps the
 * lock fresh while we run, so a lock left by a crashed process goes stale and is taken over.
 */
export async function lockProfile(profileDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(profileDir, {
      lockfilePath: `${profileDir}/.lock`,
      stale: 10_000,
      update: 2_000,
      realpath: false,
      onCompromised: (err) => console.error(`GFC Desk lost the lock on ${profileDir}: ${err.message}`),
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError(
        'locked',
        `The data folder ${profileDir} is in use by another GFC Desk window or gfc command. Close it and try again.`,
      )
    }
    throw e
  }
}
