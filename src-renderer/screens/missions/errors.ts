import { ApiError } from '../../api/client'

/**
 * The core's English messages for one field start with the field's name ("start: … overlaps …");
 * shown under that field, the name is noise, so it is taken off.
 */
export function withoutFieldPrefix(e: unknown): unknown {
  if (!(e instanceof ApiError) || !e.field || e.key) return e
  const prefix = `${e.field}: `
  if (!e.message.startsWith(prefix)) return e
  return new ApiError({ code: e.code, message: e.message.slice(prefix.length), field: e.field })
}
