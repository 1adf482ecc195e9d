import { z } from 'zod'

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
