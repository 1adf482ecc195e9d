import { z } from 'zod'
import { CHOICE_NAMES, type Choice } from './choices'
import { list, text } from './fields'
import { fold } from './search'

// Spreadsheets in and out: what an import of members or contacts can fill, how a column's
// header is recognised (English and French), how duplicates are handled, and the one rule that
// keeps a spreadsheet from running a cell as a formula.

export const ImportType = z.enum(['organisations', 'contacts'])
export type ImportType = z.infer<typeof ImportType>

export const IMPORT_FIELDS = {
  organisations: [
    'state',
    'name',
    'nameFr',
    'acronym',
    'category',
    'status',
    'joined',
    'address',
    'phone',
    'email',
    'website',
    'correctionsService',
    'correctionsServiceEmail',
    'correctionsServicePhone',
    'notes',
  ],
  contacts: ['honorific', 'givenName', 'familyName', 'emails', 'phones', 'language', 'notes', 'member', 'role', 'position', 'start'],
} as const
export const ImportField = z.enum([...new Set([...IMPORT_FIELDS.organisations, ...IMPORT_FIELDS.contacts])] as [string, ...string[]])
export type ImportField = (typeof IMPORT_FIELDS)[ImportType][number]

/** The fields whose cells name one of a closed choice, in English or French (or its code). */
export const CHOICE_FIELDS: Partial<Record<ImportField, Choice>> = { category: 'category', status: 'status', language: 'language', role: 'role' }

/** Headers (folded: lower case, no accents or punctuation) that say which field a column holds. */
const HEADERS: Record<ImportType, Partial<Record<ImportField, string[]>>> = {
  organisations: {
    state: ['member state', 'state', 'country', 'iso', 'iso code', 'country code', 'pays', 'etat', 'etat membre', 'code iso', 'code pays'],
    name: ['name', 'organisation', 'organization', 'organisation name', 'organization name', 'english name', 'nom', 'nom de l organisation', 'organisme'],
    nameFr: ['french name', 'name in french', 'name fr', 'nom francais', 'nom en francais', 'nom fr'],
    acronym: ['acronym', 'abbreviation', 'short name', 'sigle', 'acronyme'],
    category: ['category', 'type', 'categorie'],
    status: ['status', 'statut'],
    joined: ['joined', 'member since', 'date joined', 'date of joining', 'membre depuis', 'adhesion', 'date d adhesion'],
    address: ['address', 'mission address', 'adresse', 'adresse de la mission'],
    phone: ['phone', 'telephone', 'tel', 'mission phone', 'telephone de la mission'],
    email: ['email', 'e mail', 'mission email', 'mission e mail', 'courriel', 'adresse electronique', 'mel'],
    website: ['website', 'web', 'web site', 'url', 'site', 'site web', 'site internet'],
    correctionsService: ['corrections service', 'national corrections service', 'prison service', 'service penitentiaire', 'administration penitentiaire'],
    correctionsServiceEmail: ['corrections service email', 'corrections service e mail', 'courriel du service penitentiaire'],
    correctionsServicePhone: ['corrections service phone', 'telephone du service penitentiaire'],
    notes: ['notes', 'note', 'remarks', 'comments', 'remarques', 'commentaires', 'observations'],
  },
  contacts: {
    honorific: ['honorific', 'title', 'salutation', 'civilite', 'titre', 'appellation'],
    givenName: ['given name', 'first name', 'forename', 'given names', 'first names', 'prenom', 'prenoms'],
    familyName: ['family name', 'last name', 'surname', 'name', 'nom', 'nom de famille'],
    emails: ['email', 'e mail', 'emails', 'e mails', 'email address', 'mail', 'courriel', 'courriels', 'adresse electronique', 'mel'],
    phones: ['phone', 'phones', 'telephone', 'tel', 'mobile', 'phone number', 'telephones', 'portable'],
    language: ['language', 'preferred language', 'langue', 'langue preferee', 'langue de correspondance'],
    notes: ['notes', 'note', 'remarks', 'comments', 'remarques', 'commentaires', 'observations'],
    member: ['member', 'member state', 'organisation', 'organization', 'country', 'state', 'mission', 'delegation', 'membre', 'etat membre', 'pays', 'etat'],
    role: ['role'],
    position: ['position', 'job title', 'function', 'post', 'fonction', 'poste', 'titre du poste', 'qualite'],
    start: ['since', 'start', 'start date', 'from', 'depuis', 'debut', 'date de debut'],
  },
}

/** A header as the guesser compares it: "E-mail", "Prénom :" and "e_mail" alike. */
function headerKey(header: string): string {
  return fold(header).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** Per column, the field its header names (each field once, the first column that names it), or ''. */
export function guessMapping(type: ImportType, headers: readonly string[]): (ImportField | '')[] {
  const taken = new Set<string>()
  const names = HEADERS[type]
  return headers.map((h) => {
    const key = headerKey(h)
    const field = (Object.keys(names) as ImportField[]).find((f) => !taken.has(f) && names[f]!.includes(key))
    if (!field) return ''
    taken.add(field)
    return field
  })
}

/** The value of a choice named in a cell: its code, or its name in English or French. */
export function readChoice(choice: Choice, cell: string): string | undefined {
  let names = choiceKeys.get(choice)
  if (!names) {
    names = new Map(Object.entries(CHOICE_NAMES[choice]).flatMap(([value, n]) => [value, n.en, n.fr].map((k) => [headerKey(k), value] as const)))
    choiceKeys.set(choice, names)
  }
  return names.get(headerKey(cell))
}
const choiceKeys = new Map<Choice, Map<string, string>>()

/** What to do with a row that matches a record already here. */
export const DuplicateAction = z.enum(['skip', 'fill', 'overwrite', 'add'])
export type DuplicateAction = z.infer<typeof DuplicateAction>

/** A column mapping as saved for next time (preferences): the field of each header. */
export const SavedMapping = list(z.object({ header: text(200), field: ImportField }), 200)
export type SavedMapping = z.infer<typeof SavedMapping>

// OWASP, "CSV Injection": a cell starting with one of these is run as a formula by spreadsheet
// programs; a leading apostrophe makes it text. Tab and carriage return are on their list too.
const FORMULA_START = /^[=+\-@\t\r]/

/** A cell value that no spreadsheet will run: what every export writes. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

/** A cell read back: the apostrophe an export put before a formula sign is dropped (the value is text here anyway). */
export function reviveCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

/** One problem of a row: the field, and the validation message (an i18n key, with its values). */
export interface CellIssue {
  field: ImportField
  message: string
}

export interface PreviewRow {
  /** The row's number in the file (the header is row 1). */
  line: number
  /** What the row gives each mapped field, as text (after the fixes made in the preview). */
  values: Partial<Record<ImportField, string>>
  issues: CellIssue[]
  /** The record already here that the row matches, with the same fields, for comparison. */
  duplicate?: { id: string; name: string; values: Partial<Record<ImportField, string>> }
  /** What the import will do with the row. */
  action: 'add' | 'skip' | 'fill' | 'overwrite'
}

/** How a spreadsheet file was read: shown to the user beside its rows. */
export interface SheetRead {
  format: 'csv' | 'xlsx'
  /** How a CSV was read (utf-8, utf-8 with a byte-order mark, utf-16le/be, windows-1252) and what separates its cells. */
  encoding?: string
  delimiter?: ',' | ';' | '\t'
  /** A workbook's sheets, and the one read. */
  sheets: string[]
  sheet: string
  headers: string[]
}

export interface ImportPreview extends SheetRead {
  type: ImportType
  /** Per column, the field it fills ('' when ignored), and where that came from. */
  mapping: (ImportField | '')[]
  mappingFrom: 'given' | 'saved' | 'guessed'
  rows: PreviewRow[]
  counts: { rows: number; invalid: number; duplicates: number; add: number; update: number; skip: number }
}

export interface ImportResult {
  added: number
  updated: number
  skipped: number
  /** Hand back to `import.undo` to take the whole import back. */
  undo: ImportUndo
}

/** What an import changed and what was there before, per record: what `import.undo` puts back. */
export const ImportUndo = z.object({
  records: list(
    z.object({
      table: z.enum(['organisations', 'contacts', 'affiliations']),
      id: z.string().max(100),
      /** Each field the import set: the value before (absent: the record was new) and after. */
      fields: list(z.object({ name: text(60), before: z.unknown().optional(), after: z.unknown() }), 100),
    }),
    100_000,
  ),
})
export type ImportUndo = z.infer<typeof ImportUndo>

/** The lists a spreadsheet export can be made of. */
export const ListName = z.enum(['organisations', 'contacts', 'meetings', 'invitees', 'issuances', 'chairs', 'activities', 'missions', 'holders'])
export type ListName = z.infer<typeof ListName>

/** CSV with commas (UTF-8 with a byte-order mark), CSV with semicolons (Excel in French), or a workbook. */
export const ExportFormat = z.enum(['csv', 'csv-semicolon', 'xlsx'])
export type ExportFormat = z.infer<typeof ExportFormat>
