import { z, type core } from 'zod'

// Validation messages are i18n keys (see validation.* in the locale files):
// the UI translates them per field, the core's error mapper renders them in English.
export const text = (max: number) => z.string().trim().max(max, 'validation.tooLong')
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong')

export const optionalEmail = z.union([z.literal(''), z.email('validation.email')])
export const optionalDate = z.union([z.literal(''), z.iso.date('validation.date')])
export const optionalUrl = z.union([
  z.literal(''),
  z.url({ protocol: /^https?$/, message: 'validation.url' }),
])
export const phone = z
  .string()
  .trim()
  .max(60, 'validation.tooLong')
  .regex(/^[+()\d\s./-]*(?:\s*(?:ext\.?|x)\s*\d+)?$/i, 'validation.phone')

export const Uuid = z.uuid('validation.id')
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
