import { z } from 'zod'
import type { ImportSummary } from '../api'
import { ENTITIES, EXPORTED_TABLES, linkedIds, type TableName } from '../model/entities'
import { AppError } from '../model/errors'
import { Uuid } from '../model/fields'
import { validationText } from '../model/messages'
import { memberState } from '../model/reference'
import { SettingsFields } from '../model/settings'
import type { Store } from '../store/store'
import type { Op, StoredRecord } from '../sync/change'
import { canonicalJson } from './canonical-json'
import { diffOp, isLive } from './records'
import { SETTINGS_ID } from './settings'

// The whole dataset as one JSON document (docs/json-format.md). Deleted records and sync
// stamps stay out: the file says what the Group's data is, not how it came to be.

export const FORMAT = 'gfc-desk'
export const FORMAT_VERSION = 1

/** The lists of the file, in the order they are checked (the registry's exported tables). */
const LISTS = EXPORTED_TABLES.filter((t) => t !== 'settings')
type ListTable = (typeof LISTS)[number]

const lists = Object.fromEntries(LISTS.map((t) => [t, z.array(z.unknown()).default([])])) as Record<
  ListTable,
  z.ZodDefault<z.ZodArray<z.ZodUnknown>>
>
const Envelope = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  ...lists,
  settings: z.record(z.string(), z.unknown()).optional(),
})

export function exportDocument(store: Store): string {
  const table = (t: TableName) =>
    Object.values(store.tables[t])
      .filter(isLive)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => {
        const { deleted: _deleted, ...fields } = r.data
        return { id: r.id, ...fields }
      })
  const settings = store.record('settings', SETTINGS_ID)
  return canonicalJson({
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    ...Object.fromEntries(LISTS.map((t) => [t, table(t)])),
    settings: SettingsFields.parse(settings?.data ?? {}),
  })
}

function issueText(prefix: string, e: z.ZodError): string[] {
  return e.issues.map((i) => {
    const path = [prefix, ...i.path].join('.').replace(/\.(\d+)/g, '[$1]')
    return `${path}: ${i.message.startsWith('validation.') ? validationText(i.message) : i.message}`
  })
}

/**
 * Validates the whole document first; then merges it by id in one transaction, so an import
 * lands entirely or not at all, as one change of this device that syncs like any other. Only
 * fields that differ from the store are written (an old export does not overwrite newer edits
 * of fields it agrees with), records absent from the file are left as they are, and a record
 * deleted here since the export stays deleted unless `restoreDeleted` asks otherwise. The
 * file's settings change only the fields it gives.
 */
export function importDocument(store: Store, doc: unknown, restoreDeleted = false): ImportSummary {
  const env = Envelope.safeParse(doc)
  if (!env.success) {
    throw new AppError('validation', `Not a GFC Desk export: ${issueText('document', env.error).join('; ')}`)
  }
  const problems: string[] = []
  const parsed: { table: TableName; id: string; fields: Record<string, unknown> }[] = []
  for (const table of LISTS) {
    const seen = new Set<string>()
    env.data[table].forEach((item, i) => {
      const where = `${table}[${i}]`
      const id = Uuid.safeParse((item as { id?: unknown } | null)?.id)
      if (!id.success) return void problems.push(`${where}.id: ${validationText('validation.id')}`)
      if (seen.has(id.data)) return void problems.push(`${where}.id: ${id.data} appears twice`)
      seen.add(id.data)
      const { id: _id, ...rest } = item as Record<string, unknown>
      const fields = ENTITIES[table].schema.safeParse(rest)
      if (!fields.success) return void problems.push(...issueText(where, fields.error))
      parsed.push({ table, id: id.data, fields: fields.data as Record<string, unknown> })
    })
  }
  const givenSettings = env.data.settings ?? {}
  const currentSettings = store.record('settings', SETTINGS_ID)?.data ?? {}
  const settings = SettingsFields.safeParse({ ...currentSettings, ...givenSettings })
  if (!settings.success) problems.push(...issueText('settings', settings.error))

  problems.push(...referenceProblems(store, parsed))
  if (problems.length) {
    const shown = problems.slice(0, 20).join('\n  ')
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''
    throw new AppError('validation', `The import was refused; nothing was changed:\n  ${shown}${more}`)
  }

  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, keptDeleted: 0 }
  const ops: Op[] = []
  const merge = (table: TableName, id: string, fields: object) => {
    const rec = store.record(table, id)
    if (rec && table !== 'settings' && !isLive(rec) && !restoreDeleted) {
      summary.keptDeleted++
      return
    }
    const op = diffOp(table, rec, id, { ...fields, ...(table === 'settings' ? {} : { deleted: false }) })
    if (!op) summary.unchanged++
    else {
      ops.push(op)
      if (rec && (table === 'settings' || isLive(rec))) summary.updated++
      else summary.created++
    }
  }
  for (const p of parsed) merge(p.table, p.id, p.fields)
  if (settings.success && Object.keys(givenSettings).length) {
    const given = Object.fromEntries(Object.entries(settings.data).filter(([k]) => Object.hasOwn(givenSettings, k)))
    merge('settings', SETTINGS_ID, given)
  }
  store.commit(ops)
  return summary
}


/** Links must point at records in the file or already here; a Member State may appear once. */
function referenceProblems(store: Store, parsed: { table: TableName; id: string; fields: Record<string, unknown> }[]): string[] {
  const problems: string[] = []
  const inFile = (t: TableName) => new Set(parsed.filter((p) => p.table === t).map((p) => p.id))
  const exists = (t: TableName, ids: Set<string>, id: string) => ids.has(id) || isLive(store.record(t, id))
  const ids = Object.fromEntries(LISTS.map((t) => [t, inFile(t)])) as Record<ListTable, Set<string>>
  for (const p of parsed) {
    for (const [field, target] of Object.entries(ENTITIES[p.table].links)) {
      for (const ref of linkedIds(p.fields[field])) {
        if (!exists(target, ids[target as ListTable], ref)) {
          problems.push(`${p.table} ${p.id}: ${field} ${ref} is neither in the file nor in this profile`)
        }
      }
    }
  }
  const orgs = ids.organisations
  const byCountry = new Map<string, string>()
  for (const rec of Object.values(store.tables.organisations) as StoredRecord[]) {
    if (isLive(rec) && rec.data.kind === 'state' && !orgs.has(rec.id)) byCountry.set(String(rec.data.countryCode), rec.id)
  }
  for (const p of parsed.filter((q) => q.table === 'organisations' && q.fields.kind === 'state')) {
    const code = String(p.fields.countryCode)
    const other = byCountry.get(code)
    if (other && other !== p.id) problems.push(`member ${p.id}: ${memberState(code)?.en ?? code} ${validationText('validation.alreadyMember')} (as ${other})`)
    byCountry.set(code, p.id)
  }
  return problems
}
