import { Unzip, UnzipInflate, unzipSync } from 'fflate'

// A zip someone hands us (a workbook, a backup archive) may be a "zip bomb": small, but
// unpacking to far more than memory holds. Its size is judged before it is unpacked.

/** What a zip's directory says its files unpack to (a crafted zip may lie). Throws if it is not a zip. */
export function declaredSize(bytes: Uint8Array): number {
  let size = 0
  unzipSync(bytes, { filter: (f) => ((size += f.originalSize), false) })
  return size
}

/**
 * Whether a zip's files really unpack to more than `limit` bytes: inflated a slice at a time (so
 * that one slice unpacks to at most about 16 MB), counted, never kept, and stopped past the
 * limit. Throws what the inflating met in a damaged zip.
 */
export function unpacksBeyond(bytes: Uint8Array, limit: number): boolean {
  const SLICE = 16 * 1024
  let total = 0
  let failure: Error | null = null
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err) failure ??= err
      else total += chunk.length
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && total <= limit && !failure; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
  } catch (e) {
    failure ??= e as Error
  }
  if (failure) throw failure
  return total > limit
}
