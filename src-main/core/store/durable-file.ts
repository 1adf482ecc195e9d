import { closeSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { open, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { plainContent, type Sealer } from './encryption'

/** Profile files are for their owner only: a profile holds diplomats' and officers' details. */
export const FILE_MODE = 0o600
export const DIR_MODE = 0o700

function tempPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
}

export function fsyncDirSync(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Write temp, fsync, rename over the target, fsync the folder: the file is old or new, never half. */
export function writeFileDurableSync(file: string, content: string | Uint8Array): void {
  const tmp = tempPath(file)
  try {
    const fd = openSync(tmp, 'w', FILE_MODE)
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, file)
  } catch (e) {
    removeQuietly(tmp)
    throw e
  }
  fsyncDirSync(dirname(file))
}

export async function writeFileDurable(file: string, content: string | Uint8Array): Promise<void> {
  const tmp = tempPath(file)
  try {
    const fh = await open(tmp, 'w', FILE_MODE)
    try {
      await fh.writeFile(content)
      await fh.sync()
    } finally {
      await fh.close()
    }
    await rename(tmp, file)
  } catch (e) {
    // A full disk or a permission error leaves no half-written temp file behind.
    removeQuietly(tmp)
    throw e
  }
  const dir = await open(dirname(file), 'r')
  try {
    await dir.sync()
  } finally {
    await dir.close()
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    /* never created, or already gone */
  }
}

/** Temp files left by a write that a crash interrupted: the target file was never touched. */
export function removeStaleTemps(dir: string): void {
  for (const name of readdirSync(dir)) if (/^\..+\.\d+\.tmp$/.test(name)) removeQuietly(join(dir, name))
}

export class JsonParseError extends Error {}

/**
 * lowdb adapter with the durability lowdb's own JSONFile (steno) lacks: steno renames a
 * temp file but never fsyncs. Writes are serialised; the JSON text is taken synchronously
 * when write() is called, so it is a consistent picture of the data at that moment. With a
 * sealer (an encrypted profile) the file is sealed whole.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private queue: Promise<void> = Promise.resolve()

  constructor(
    readonly file: string,
    private readonly sealer: Sealer | null = null,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = plainContent(await readFile(this.file), this.sealer, this.file).toString('utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    try {
      return JSON.parse(text) as T
    } catch (e) {
      throw new JsonParseError((e as Error).message)
    }
  }

  /** The last text written: the same again is not rewritten (a sealed file would differ in
   *  every byte for nothing, its nonce being new). */
  private written: string | undefined

  write(data: T): Promise<void> {
    const text = JSON.stringify(data)
    if (text === this.written) return this.queue
    const content = this.sealer ? this.sealer.sealFile(text) : text
    const next = this.queue.then(async () => {
      await writeFileDurable(this.file, content)
      this.written = text
    })
    this.queue = next.catch(() => {
      this.written = undefined
    })
    return next
  }
}
