import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../api'
import type { ContactFields } from '../../model/contact'
import { fieldProblem, idProblem } from '../../model/entities'
import { AppError } from '../../model/errors'
import { validationText } from '../../model/messages'
import { fold } from '../../model/search'
import { guessMapping, IMPORT_FIELDS, type ImportField, type ImportPreview, type ImportResult, type ImportType, type ImportUndo, type PreviewRow, SavedMapping } from '../../model/tabular'
import type { Store } from '../../store/store'
import type { Op } from '../../sync/change'
import { contactIndex } from '../indexes'
import { memberStateId } from '../ids'
import { isLive } from '../records'
import { readGrid, type Grid } from './read'
import { contactCandidate, MemberLookup, organisationCandidate, recordValues, type Candidate, type Values } from './rows'

// Members and contacts from a spreadsheet: the preview (every row checked, the duplicates
// found, nothing written), the import itself (all or nothing, one change), and its undo.

type Request = ParsedInput<'import.preview'>

interface Planned {
  row: PreviewRow
  candidate: Candidate
}

/** The column mapping: as given, else as saved for these headers, else guessed from them. */
function mappingFor(store: Store, type: ImportType, grid: Grid, given?: (string | '')[]): Pick<ImportPreview, 'mapping' | 'mappingFrom'> {
  const allowed = new Set<string>(IMPORT_FIELDS[type])
  if (given) {
    if (given.length !== grid.headers.length) throw new AppError('validation', `The mapping names ${given.length} columns; the file has ${grid.headers.length}.`, 'mapping')
    const seen = new Set<string>()
    given.forEach((f, i) => {
      if (!f) return
      if (!allowed.has(f)) throw new AppError('validation', `Column ${i + 1} ("${grid.headers[i]}"): ${type} have no field called ${f}.`, 'mapping')
      if (seen.has(f)) throw new AppError('validation', `Two columns fill ${f}; map it once.`, 'mapping')
      seen.add(f)
    })
    return { mapping: given as (ImportField | '')[], mappingFrom: 'given' }
  }
  const saved = store.preferences.importMappings?.[type] ?? []
  const byHeader = new Map(saved.filter((s) => allowed.has(s.field)).map((s) => [s.header, s.field as ImportField]))
  const guessed = guessMapping(type, grid.headers)
  const fromSaved = grid.headers.some((h) => byHeader.has(h))
  if (!fromSaved) return { mapping: guessed, mappingFrom: 'guessed' }
  const used = new Set<string>()
  const mapping = grid.headers.map((h, i) => {
    const f = byHeader.has(h) ? byHeader.get(h)! : guessed[i]
    if (!f || used.has(f)) return ''
    used.add(f)
    return f
  })
  return { mapping, mappingFrom: 'saved' }
}

/** Finds the record already here that a row stands for. */
class Duplicates {
  private states = new Map<string, string>()
  private smeNames = new Map<string, string>()
  private emails = new Map<string, string>()
  private names = new Map<string, string[]>()
  constructor(private readonly store: Store, type: ImportType) {
    if (type === 'organisations') {
      for (const rec of Object.values(store.tables.organisations)) {
        if (!isLive(rec)) continue
        if (rec.data.kind === 'state') this.states.set(String(rec.data.countryCode), rec.id)
        else for (const n of [rec.data.name, rec.data.nameFr, rec.data.acronym]) if (typeof n === 'string' && n.trim()) this.smeNames.set(fold(n.trim()), rec.id)
      }
    } else {
      for (const rec of Object.values(store.tables.contacts)) {
        if (!isLive(rec)) continue
        const c = rec.data as ContactFields
        for (const e of c.emails ?? []) this.emails.set(e.toLowerCase(), rec.id)
        const key = fold(`${c.givenName} ${c.familyName}`.trim())
        this.names.set(key, [...(this.names.get(key) ?? []), rec.id])
      }
    }
  }
  find(c: Candidate): string | undefined {
    if (c.type === 'organisations') {
      const f = c.fields
      if (!f) return undefined
      if (f.kind === 'state') return this.states.get(f.countryCode)
      return [f.name, f.nameFr, f.acronym].map((n) => n && this.smeNames.get(fold(n))).find(Boolean)
    }
    const f = c.fields
    if (!f) return undefined
    const byEmail = f.emails.map((e) => this.emails.get(e.toLowerCase())).find(Boolean)
    if (byEmail) return byEmail
    // Same name and same member: the person is already one of that member's contacts.
    if (!c.link) return undefined
    const links = contactIndex(this.store).affiliations().byContact
    return (this.names.get(fold(`${f.givenName} ${f.familyName}`.trim())) ?? []).find((id) => (links.get(id) ?? []).some((a) => a.organisationId === c.link!.organisationId))
  }
}

/** Reads the file and plans every row: its values, its problems, its duplicate and what will be done with it. */
async function plan(store: Store, req: Request): Promise<{ preview: ImportPreview; planned: Planned[] }> {
  const grid = await readGrid(req.format, Buffer.from(req.contentBase64, 'base64'), req.sheet || undefined)
  const { mapping, mappingFrom } = mappingFor(store, req.type, grid, req.mapping)
  const fixes = new Map(req.fixes.map((f) => [`${f.line}:${f.field}`, f.value]))
  const decisions = new Map(req.decisions.map((d) => [d.line, d.action]))
  const members = new MemberLookup(store)
  const dups = new Duplicates(store, req.type)
  const statesInFile = new Map<string, number>()
  const emailsInFile = new Map<string, number>()
  const planned: Planned[] = grid.rows.map(({ line, cells }) => {
    const values: Values = {}
    mapping.forEach((f, i) => {
      if (f) values[f] = cells[i] ?? ''
    })
    for (const f of IMPORT_FIELDS[req.type]) {
      const fix = fixes.get(`${line}:${f}`)
      if (fix !== undefined) values[f] = fix
    }
    const candidate = req.type === 'organisations' ? organisationCandidate(values) : contactCandidate(values, members)
    const dupId = dups.find(candidate)
    const decided = decisions.get(line)
    const action = decided ?? (dupId ? req.onDuplicate : 'add')
    // Fill and overwrite need a record to update: without one, the row is added.
    const row: PreviewRow = { line, values, issues: candidate.issues, action: !dupId && action !== 'skip' ? 'add' : action }
    if (dupId) row.duplicate = { id: dupId, ...recordValues(store, req.type, dupId) }
    if (candidate.type === 'organisations' && candidate.fields?.kind === 'state') {
      const code = candidate.fields.countryCode
      // A Member State is a member once: a second row for it, or "add anyway" beside it, cannot be.
      if (row.action !== 'skip' && (statesInFile.has(code) || (dupId && row.action === 'add'))) {
        row.issues = [...row.issues, { field: 'state', message: statesInFile.has(code) ? `validation.repeatedInFile?line=${statesInFile.get(code)}` : 'validation.alreadyMember' }]
      }
      if (row.action !== 'skip' && !statesInFile.has(code)) statesInFile.set(code, line)
    }
    if (candidate.type === 'contacts' && candidate.fields && row.action !== 'skip') {
      // The same person twice in the file: the second row is to skip or correct.
      const again = candidate.fields.emails.map((e) => emailsInFile.get(e.toLowerCase())).find(Boolean)
      if (again) row.issues = [...row.issues, { field: 'emails', message: `validation.repeatedInFile?line=${again}` }]
      else for (const e of candidate.fields.emails) emailsInFile.set(e.toLowerCase(), line)
    }
    return { row, candidate }
  })
  const rows = planned.map((p) => p.row)
  const counts = {
    rows: rows.length,
    invalid: rows.filter((r) => r.issues.length && r.action !== 'skip').length,
    duplicates: rows.filter((r) => r.duplicate).length,
    add: rows.filter((r) => r.action === 'add').length,
    update: rows.filter((r) => r.action === 'fill' || r.action === 'overwrite').length,
    skip: rows.filter((r) => r.action === 'skip').length,
  }
  const { format, encoding, delimiter, sheets, sheet, headers } = grid
  return { preview: { type: req.type, format, encoding, delimiter, sheets, sheet, headers, mapping, mappingFrom, rows, counts }, planned }
}

export async function previewImport(store: Store, req: Request): Promise<ImportPreview> {
  return (await plan(store, req)).preview
}

const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/** The record fields a row gives (the columns mapped and filled), by the record's own names. */
function givenFields(type: ImportType, values: Values, fields: Record<string, unknown>): string[] {
  const names = Object.entries(values)
    .filter(([, v]) => (v ?? '').trim() !== '')
    .map(([f]) => (f === 'state' ? 'countryCode' : f))
  return names.filter((n) => n in fields && !(type === 'contacts' && ['member', 'role', 'position', 'start'].includes(n)))
}

/** What an update writes: the fields the row gives, into empty ones only (fill) or over any (overwrite). */
function updateOf(existing: Record<string, unknown>, fields: Record<string, unknown>, names: string[], mode: 'fill' | 'overwrite'): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => mode === 'overwrite' || isEmpty(existing[n])).map((n) => [n, fields[n]]))
}

/**
 * Writes what the preview showed, as one change: refused whole (nothing written) while a row to
 * import has a problem. Returns the counts and what `import.undo` needs to take it back.
 */
export async function commitImport(store: Store, req: Request & { saveMapping: boolean }): Promise<ImportResult> {
  const { preview, planned } = await plan(store, req)
  const bad = planned.filter((p) => p.row.action !== 'skip' && p.row.issues.length)
  if (bad.length) {
    const lines = bad.flatMap((p) => p.row.issues.map((i) => `row ${p.row.line}, ${i.field}: ${issueText(i.message)}`))
    const more = lines.length > 20 ? `\n  … and ${lines.length - 20} more` : ''
    throw new AppError('validation', `The import was refused; nothing was changed (fix these rows or skip them):\n  ${lines.slice(0, 20).join('\n  ')}${more}`, 'rows', 'importer.refused', { count: String(bad.length) })
  }
  const ops: Op[] = []
  const set = (table: Op['table'], id: string, fields: Record<string, unknown>) => {
    if (Object.keys(fields).length) ops.push({ table, id, set: fields })
  }
  const result = { added: 0, updated: 0, skipped: 0 }
  const links = contactIndex(store).affiliations().byContact
  for (const { row, candidate } of planned) {
    if (row.action === 'skip') {
      result.skipped++
      continue
    }
    const fields = candidate.fields as unknown as Record<string, unknown>
    if (row.action === 'add') {
      result.added++
      const id = candidate.type === 'organisations' && candidate.fields!.kind === 'state' ? memberStateId(candidate.fields!.countryCode) : randomUUID()
      set(req.type, id, { ...fields, deleted: false })
      if (candidate.type === 'contacts' && candidate.link) {
        set('affiliations', randomUUID(), { contactId: id, organisationId: candidate.link.organisationId, role: candidate.link.role ?? 'other', position: candidate.link.position ?? '', start: candidate.link.start ?? '', end: '', deleted: false })
      }
      continue
    }
    const dupId = row.duplicate!.id
    const existing = store.record(req.type, dupId)!.data
    const change = updateOf(existing, fields, givenFields(req.type, row.values, fields), row.action)
    set(req.type, dupId, change)
    let touched = Object.keys(change).length > 0
    if (candidate.type === 'contacts' && candidate.link) {
      const link = candidate.link
      const current = (links.get(dupId) ?? []).find((a) => a.organisationId === link.organisationId && !a.end)
      const linkFields = { role: link.role, position: link.position, start: link.start || undefined }
      const given = Object.fromEntries(Object.entries(linkFields).filter(([, v]) => v !== undefined)) as Record<string, unknown>
      if (current) {
        // "Other" is the role of a link made without one: filling gives it the file's.
        const now = { ...current, role: current.role === 'other' ? '' : current.role }
        const c = updateOf(now, given, Object.keys(given), row.action)
        set('affiliations', current.id, c)
        touched ||= Object.keys(c).length > 0
      } else {
        set('affiliations', randomUUID(), { contactId: dupId, organisationId: link.organisationId, role: 'other', position: '', start: '', end: '', ...given, deleted: false })
        touched = true
      }
    }
    if (touched) result.updated++
    else result.skipped++
  }
  const undo: ImportUndo = {
    records: ops.map((op) => {
      const before = store.record(op.table, op.id)?.data
      return { table: op.table as 'contacts', id: op.id, fields: Object.entries(op.set).map(([name, after]) => (before && Object.hasOwn(before, name) ? { name, before: before[name], after } : { name, after })) }
    }),
  }
  store.commit(ops)
  if (req.saveMapping) {
    // A header the preferences cannot hold (a line break, over 200 characters) is not saved: the profile must open again.
    const saved: SavedMapping = preview.headers.flatMap((header, i) => {
      const entry = { header, field: preview.mapping[i] }
      return entry.field && header && SavedMapping.element.safeParse(entry).success ? [entry] : []
    })
    store.setPreferences({ ...store.preferences, importMappings: { ...store.preferences.importMappings, [req.type]: saved } })
  }
  return { ...result, undo }
}

function issueText(message: string): string {
  return message.startsWith('validation.') ? validationText(message) : message
}

/**
 * Takes an import back, as one change: its new records are deleted (tombstones, like any
 * deletion) and the fields it changed get their values back — each only while it still holds
 * what the import wrote, so an edit made since is kept.
 */
export function undoImport(store: Store, undo: ImportUndo): { undone: number; keptEdits: number } {
  const problems: string[] = []
  for (const r of undo.records) {
    const bad = idProblem(r.table, r.id) ?? r.fields.map((f) => (f.before === undefined ? fieldProblem(r.table, f.name, f.after) : fieldProblem(r.table, f.name, f.before))).find(Boolean)
    if (bad) problems.push(`${r.table} ${r.id}: ${bad}`)
  }
  if (problems.length) throw new AppError('validation', `This is not the undo of an import: ${problems.slice(0, 5).join('; ')}`, 'records')
  const ops: Op[] = []
  let keptEdits = 0
  let undone = 0
  for (const r of undo.records) {
    const rec = store.record(r.table, r.id)
    if (!rec) continue
    const put: Record<string, unknown> = {}
    for (const f of r.fields) {
      if (JSON.stringify(rec.data[f.name]) !== JSON.stringify(f.after)) {
        keptEdits++
        continue
      }
      if (f.before !== undefined) put[f.name] = f.before
      else if (f.name === 'deleted') put.deleted = true
    }
    if (Object.keys(put).length) {
      ops.push({ table: r.table, id: r.id, set: put })
      undone++
    }
  }
  store.commit(ops)
  return { undone, keptEdits }
}
