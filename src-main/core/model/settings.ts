import { z } from 'zod'
import type { Stamps } from './stamps'
import { Language, multilineText, optionalEmail, phone, text } from './fields'
import { SavedMapping } from './tabular'

/** The paper every document is set on: A4, or US Letter (a mission in New York prints on Letter). */
export const Paper = z.enum(['a4', 'letter'])
export type Paper = z.infer<typeof Paper>

/** The Chair's letterhead basics, used by the documents. One record per profile. */
export const SettingsFields = z.object({
  chairMissionName: text(200).default(''),
  chairMissionAddress: multilineText(500).default(''),
  chairMissionPhone: phone.default(''),
  chairMissionEmail: optionalEmail.default(''),
  city: text(100).default('New York'),
  signatoryName: text(200).default(''),
  signatoryTitle: text(200).default(''),
  /** For documents in French; the English title is used when this is empty. */
  signatoryTitleFr: text(200).default(''),
  documentLanguage: Language.default('en'),
  /** Reference numbers of documents: {YYYY} the year, {NNN} the running number in that year. */
  referencePattern: text(60)
    .default('GFC/{YYYY}/{NNN}')
    .refine((p) => p.includes('{NNN}'), 'validation.referencePattern'),
  paper: Paper.default('a4'),
  /** Times in English documents on the 12-hour clock, UN New York style: "10 a.m. to 1 p.m.". */
  clock12: z.boolean().default(false),
})
export type SettingsFields = z.output<typeof SettingsFields>
export type SettingsFieldsInput = z.input<typeof SettingsFields>
export type Settings = SettingsFields & { updatedAt: string; stamps: Stamps }

/** Per-device preferences: not synced to other devices. */
/** Light or dark colours; "system" follows the operating system's setting. */
export const Theme = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof Theme>

export const Preferences = z.object({
  uiLanguage: Language.default('en'),
  /** Who uses this device: offered as "verified by" on field records. */
  userName: text(200).default(''),
  theme: Theme.default('system'),
  /** How many copies of the data file the profile keeps in backups/. */
  keepBackups: z.number().int('validation.wholeNumber').min(1, 'validation.range').max(100, 'validation.range').default(10),
  /** The column mappings of the last spreadsheet imports, offered again for files with the same headers. */
  importMappings: z.object({ organisations: SavedMapping.default([]), contacts: SavedMapping.default([]) }).default({ organisations: [], contacts: [] }),
})
export type Preferences = z.output<typeof Preferences>

/** A change to some preferences; the others stay as they are. */
export const PreferenceChanges = z.object({ uiLanguage: Language.optional(), userName: text(200).optional(), theme: Theme.optional(), keepBackups: Preferences.shape.keepBackups.unwrap().optional() })
