import { z } from 'zod'
import { Language, list, text, Uuid } from './model/fields'
import { withParams } from './model/messages'
import { DuplicateAction, ExportFormat, ImportField, ImportType, ImportUndo, ListName, type ImportPreview, type ImportResult } from './model/tabular'

// Spreadsheets' part of the contract (merged into api.ts): members and contacts from CSV or
// XLSX (preview, import, undo), and any list out to CSV or XLSX. The file travels as base64, as
// templates do; the door asks where to save an export.

/** A spreadsheet of at most 25 MB, as base64. */
const Content = z.string().min(1, 'validation.required').max(36 * 1024 * 1024, withParams('validation.tooLong', { max: 36 * 1024 * 1024 }))

const ImportRequest = z.object({
  type: ImportType,
  format: z.enum(['csv', 'xlsx']),
  contentBase64: Content,
  /** A workbook's sheet by name; the first when empty. */
  sheet: text(200).default(''),
  /** Per column, the field it fills ('' to leave it out); when absent, the saved mapping or a guess from the headers. */
  mapping: list(z.union([z.literal(''), ImportField]), 200).optional(),
  /** Cells corrected in the preview: row number, field, new text. */
  fixes: list(z.object({ line: z.number().int().positive(), field: ImportField, value: z.string().max(100_000) }), 100_000).default([]),
  /** What to do with rows matching a record already here (unless decided per row). */
  onDuplicate: DuplicateAction.default('skip'),
  /** Decisions per row (by row number): skip, fill, overwrite, or add anyway. */
  decisions: list(z.object({ line: z.number().int().positive(), action: DuplicateAction }), 100_000).default([]),
})

export const tabularInputs = {
  /** Reads the file and checks every row, writing nothing. */
  'import.preview': ImportRequest,
  /** Imports the rows as one change, or nothing while a row to import has a problem. */
  'import.commit': ImportRequest.extend({ saveMapping: z.boolean().default(true) }),
  /** Takes an import back (what import.commit returned as `undo`). */
  'import.undo': ImportUndo,
  /** Saves a list as CSV or XLSX where the person chooses: the rows `ids` names in that order (what the screen shows), else all. */
  'lists.export': z.object({
    list: ListName,
    format: ExportFormat.default('csv'),
    language: Language.default('en'),
    /** The meeting whose invitees or issue log it is. */
    meetingId: Uuid.optional(),
    ids: list(Uuid, 100_000).optional(),
  }),
} as const

export interface TabularResults {
  'import.preview': ImportPreview
  'import.commit': ImportResult
  'import.undo': { undone: number; keptEdits: number }
  /** Null when the person cancelled. */
  'lists.export': { path: string; rows: number } | null
}
