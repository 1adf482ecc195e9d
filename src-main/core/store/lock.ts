import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { AppError } from '../model/errors'

const LOCK_DIR = '.lock'
/** Beside the lock, not in it: proper-lockfile removes its folder with rmdir. */
const OWNER = '.lock-owner.json'

function options(profileDir: string) {
  return {
    lockfilePath: join(profileDir, LOCK_DIR),
    stale: 10_000,
    update: 2_000,
    realpath: false,
    onCompromised: (err: Error) => console.error(`GFC Desk lost the lock on ${profileDir}: ${err.message}`),
  }
}

/** True when the lock was left by a process of this machine that no longer runs. */
function ownerIsGone(profileDir: string): boolean {
  try {
    const owner = JSON.parse(readFileSync(join(profileDir, OWNER), 'utf8')) as { pid: number; host: string }
    if (owner.host !== hostname()) return false
    process.kill(owner.pid, 0)
    return false
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * One process at a time per profile: the app, or a gfc command. proper-lockfile keeps the
 * lock fresh while we run; a lock whose owner has died (crash, kill) is taken over at once
 * on the same machine, and after ten seconds without refresh anywhere else.
 */
export async function lockProfile(profileDir: string): Promise<() => Promise<void>> {
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(profileDir, options(profileDir))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e
    if (!ownerIsGone(profileDir)) {
      throw new AppError(
        'locked',
        `The data folder ${profileDir} is in use by another GFC Desk window or gfc command. Close it and try again.`,
      )
    }
    rmSync(join(profileDir, LOCK_DIR), { recursive: true, force: true })
    release = await lockfile.lock(profileDir, options(profileDir))
  }
  const owner = join(profileDir, OWNER)
  writeFileSync(owner, JSON.stringify({ pid: process.pid, host: hostname() }))
  return async () => {
    rmSync(owner, { force: true })
    await release()
  }
}
