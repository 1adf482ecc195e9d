import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../model/errors'

// One process at a time per profile: the app or a gfc command.
//
// The lock is a file, `.lock`, naming its owner (host, pid, the process's start time, a random
// nonce). It appears whole or not at all: the owner writes a private file and hard-links it to
// `.lock`, which fails if `.lock` exists. A lock whose owner is dead (same machine: no such
// process; another machine: not refreshed for a minute) may be taken over, but removing it is
// the one step where two processes could race (one removing a lock the other has just taken),
// so only the process that creates `.lock-takeover-<nonce of the dead owner>` may remove it, and
// it checks again that `.lock` still names that owner. A process that died while taking over
// leaves its right to whoever takes over from it in turn. Everyone else is refused.

const LOCK = '.lock'
const TAKEOVER = '.lock-takeover-'
/** Another machine's lock (a shared drive) counts as abandoned after this long unrefreshed. */
const FOREIGN_STALE_MS = 60_000
const REFRESH_MS = 15_000

interface Owner {
  host: string
  pid: number
  /** The process's start time on Linux, so a reused pid is not mistaken for the owner. */
  started: string
  nonce: string
}

function processStart(pid: number): string {
  try {
    // Field 22 of /proc/<pid>/stat, after the command name in parentheses.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[19]
  } catch {
    return ''
  }
}

function lockedError(dir: string): AppError {
  return new AppError('locked', `The data folder ${dir} is in use by another GFC Desk window or gfc command. Close it and try again.`)
}

/** Creates `path` holding `owner`, atomically; false if it exists already. */
function createExclusive(path: string, owner: Owner): boolean {
  const tmp = `${path}.${owner.nonce}.${Math.random().toString(36).slice(2)}.tmp`
  const fd = openSync(tmp, 'wx', 0o600)
  try {
    writeSync(fd, JSON.stringify(owner))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(tmp, path)
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  } finally {
    unlinkSync(tmp)
  }
}

/** The owner named in a lock file; undefined if the file is gone; a nonce-only stand-in if unreadable. */
function readOwner(path: string): Owner | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
  try {
    const o = JSON.parse(text) as Owner
    if (typeof o.nonce === 'string' && typeof o.pid === 'number' && typeof o.host === 'string') return o
  } catch {
    /* fall through */
  }
  // A lock file emptied by a crash of the whole machine: nobody owns it.
  return { host: '', pid: 0, started: '', nonce: `unreadable-${text.length}` }
}

function isAlive(path: string, o: Owner): boolean {
  if (o.pid === 0) return false
  if (o.host !== hostname()) {
    try {
      return Date.now() - statSync(path).mtimeMs < FOREIGN_STALE_MS
    } catch {
      return false
    }
  }
  try {
    process.kill(o.pid, 0)
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !o.started || o.started === processStart(o.pid)
}

/**
 * The right to remove the lock of the dead owner `victim`: created here, or inherited from a
 * process that died holding it. Returns the files to remove afterwards, or null if someone
 * alive holds it.
 */
function takeRight(dir: string, victim: string, me: Owner, depth = 0): string[] | null {
  const path = join(dir, TAKEOVER + victim)
  if (createExclusive(path, me)) return [path]
  const holder = readOwner(path)
  if (!holder) return depth < 4 ? takeRight(dir, victim, me, depth + 1) : null
  if (isAlive(path, holder) || depth >= 4) return null
  const inherited = takeRight(dir, holder.nonce, me, depth + 1)
  return inherited && [path, ...inherited]
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs
  } catch {
    return 0
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    /* already gone */
  }
}

export async function lockProfile(dir: string): Promise<() => Promise<void>> {
  const me: Owner = { host: hostname(), pid: process.pid, started: processStart(process.pid), nonce: randomBytes(12).toString('hex') }
  const lock = join(dir, LOCK)
  let acquired = false
  for (let attempt = 0; attempt < 3 && !acquired; attempt++) {
    if (createExclusive(lock, me)) {
      acquired = true
      break
    }
    const owner = readOwner(lock)
    if (!owner) continue // released just now: try again
    if (isAlive(lock, owner)) throw lockedError(dir)
    const rights = takeRight(dir, owner.nonce, me)
    if (!rights) throw lockedError(dir)
    try {
      // Still the same dead owner? Only a holder of its takeover right could have removed it.
      if (readOwner(lock)?.nonce !== owner.nonce) throw lockedError(dir)
      removeQuietly(lock)
      if (!createExclusive(lock, me)) throw lockedError(dir)
      acquired = true
    } finally {
      rights.forEach(removeQuietly)
    }
  }
  if (!acquired) throw lockedError(dir)
  // Rights left by processes that died mid-takeover are of no use to anyone now, nor are the
  // private files of processes that died before linking them.
  // Other processes come and go while this runs: nothing here may fail the lock just taken.
  for (const name of readdirSync(dir)) {
    if (name.startsWith(TAKEOVER) && !name.endsWith('.tmp')) removeQuietly(join(dir, name))
    else if (name.startsWith(LOCK) && name.endsWith('.tmp') && ageMs(join(dir, name)) > FOREIGN_STALE_MS) removeQuietly(join(dir, name))
  }

  // Keeps the lock fresh for a process on another machine sharing the folder.
  const timer = setInterval(() => {
    try {
      const now = new Date()
      utimesSync(lock, now, now)
    } catch {
      /* the folder went away; the next write reports it */
    }
  }, REFRESH_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    if (readOwner(lock)?.nonce === me.nonce) removeQuietly(lock)
  }
}
