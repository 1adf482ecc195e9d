import { afterAll, beforeAll } from 'vitest'
import { docsDir, readBack, requireTools, writeDocx, type ReadBack } from './docs'

// Apart from docs.ts so that the benches, which run outside Vitest, can read the fixtures there.

/**
 * The documents of a test file, built once before its tests by `build`, written to a temp folder
 * (GFC_KEEP_DOCS keeps them) and read back: the objects returned are filled in place, so a test
 * file can name them at its top.
 */
export function documentsUnderTest(prefix: string, build: () => Promise<Record<string, Uint8Array>>): { bytes: Record<string, Uint8Array> } & ReadBack {
  const out = { bytes: {} as Record<string, Uint8Array>, docs: {} as ReadBack['docs'], pdf: {} as ReadBack['pdf'] }
  let dir: { dir: string; cleanup: () => void } | undefined
  beforeAll(async () => {
    requireTools()
    dir = docsDir(prefix)
    Object.assign(out.bytes, await build())
    const read = await readBack(writeDocx(dir.dir, out.bytes), dir.dir)
    Object.assign(out.docs, read.docs)
    Object.assign(out.pdf, read.pdf)
  }, 300_000)
  afterAll(() => dir?.cleanup())
  return out
}
