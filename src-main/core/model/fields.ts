import { z, type core } from 'zod'
import { withParams } from './messages'

// The field builders every schema is made of: what no field may hold is said here, once.
// Validation messages are i18n keys (see validation.* in the locale files), with their values
// when they have some ("validation.tooLong?max=100"): the UI translates them per field, the
// core's error mapper renders them in English.

/** C0 controls but tab and newline, DEL and the C1 controls: escape sequences, not text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
/** Bidi overrides and isolates: they make text read otherwise than it is stored ("Trojan Source"). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/

const cleanText = (max: number, lines: boolean) => {
  const s = z.string().trim()
  return (lines ? s.overwrite((v) => v.replace(/\r\n/g, '\n')) : s)
    .max(max, { message: withParams('validation.tooLong', { max }), abort: true })
    .refine((v) => lines || !v.includes('\n'), 'validation.oneLine')
    .refine((v) => !CONTROL.test(v), 'validation.controlChar')
    .refine((v) => !BIDI.test(v), 'validation.bidiChar')
}

/** One line of text, at most `max` characters. */
export const text = (max: number) => cleanText(max, false)
export const requiredText = (max: number) => text(max).min(1, 'validation.required')
/** Text that may run over several lines (notes, addresses, comments); Windows line ends become \n. */
export const multilineText = (max: number) => cleanText(max, true)
export const requiredMultilineText = (max: number) => multilineText(max).min(1, 'validation.required')

/** A list of at most `max` entries. */
export const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, withParams('validation.tooMany', { max }))

/** An e-mail address (at most 254 characters, as SMTP allows). */
export const email = z.email('validation.email').max(254, withParams('validation.tooLong', { max: 254 }))
export const optionalEmail = z.union([z.literal(''), email])

/** A calendar date that exists, "2027-02-28" (not "2027-02-30"). */
export const isoDate = z.iso.date('validation.date')
export const optionalDate = z.union([z.literal(''), isoDate])

/** A wall-clock time that exists, "2027-03-15T10:00" (local: no zone, no seconds). */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.dateTime')
  .pipe(z.iso.datetime({ local: true, precision: -1, message: 'validation.dateTime' }))

/** "www.example.org" is taken as https://www.example.org; what names another scheme stays as typed (and is refused). */
const withScheme = (v: string) => (v && !/^[a-z][a-z\d+.-]*:/i.test(v) ? `https://${v.replace(/^\/+/, '')}` : v)
export const optionalUrl = text(2000)
  .overwrite(withScheme)
  .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'validation.url' })]))

export const phone = z
  .string()
  .trim()
  // Stop at the length: the pattern backtracks quadratically on a long run of spaces (found by the fuzz test).
  .max(60, { message: withParams('validation.tooLong', { max: 60 }), abort: true })
  .regex(/^[+()\d\s./-]*(?:\s*(?:ext\.?|x)\s*\d+)?$/i, 'validation.phone')

/** A record's id: a lowercase RFC 9562 UUID, never the nil or max one. */
export const Uuid = z.string('validation.id').regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'validation.id')
export const Language = z.enum(['en', 'fr'])
export type Language = z.infer<typeof Language>

/**
 * Where and when an object-level rule (end after start…) reports: on `path`, and as soon as the
 * `fields` it reads are valid, even while other fields are not, so a form says it at once
 * (zod otherwise runs such rules only on an object with no other fault).
 */
export function ruleOn(fields: string[], message: string, path = fields[fields.length - 1]) {
  return {
    message,
    path: [path],
    when: (p: core.ParsePayload) =>
      typeof p.value === 'object' && p.value !== null && !p.issues.some((i) => !i.path?.length || fields.includes(String(i.path[0]))),
  }
}
