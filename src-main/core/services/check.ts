import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ContactFields, AffiliationFields } from '../model/contact'
import { AppError } from '../model/errors'
import { OrganisationFields } from '../model/organisation'
import { SettingsFields } from '../model/settings'
import { CommentFields, InviteeFields, IssuanceFields, MeetingFields } from '../model/meeting'
import { ChairTermFields } from '../model/chair'
import { HolderFields, MissionFields, PostFields } from '../model/mission'
import { ActivityFields, ProgressNoteFields } from '../model/workplan'
import { listLogs, readLog } from '../store/change-log'
import { parseSnapshot } from '../store/snapshot'
import { DATA_FILE } from '../store/store'
import { applyEntry, emptyTables, expandedTables, TABLES, type TableName, type Tables } from '../sync/change'
import { canonicalJson } from './canonical-json'
import { LINKS, linkedIds } from './links'

export interface CheckResult {
  ok: boolean
  problems: string[]
  facts: string[]
}

const SCHEMAS = {
  organisations: OrganisationFields,
  contacts: ContactFields,
  affiliations: AffiliationFields,
  settings: SettingsFields,
  meetings: MeetingFields,
  invitees: InviteeFields,
  comments: CommentFields,
  issuances: IssuanceFields,
  activities: ActivityFields,
  progressNotes: ProgressNoteFields,
  chairs: ChairTermFields,
  missions: MissionFields,
  posts: PostFields,
  holders: HolderFields,
}

/**
 * Reads a profile without taking its lock or changing anything: the data file parses,
 * every log line is whole, the data file is exactly what its logs rebuild to, and every
 * live record satisfies its schema and points at records that exist.
 */
export function checkProfile(dir: string): CheckResult {
  const problems: string[] = []
  const facts: string[] = []
  const file = join(dir, DATA_FILE)
  let tables: Tables | null = null
  let applied: Record<string, number> = {}
  if (!existsSync(file)) problems.push(`${file} does not exist (run gfc init).`)
  else {
    try {
      const snap = parseSnapshot(JSON.parse(readFileSync(file, 'utf8')), file)
      tables = snap.tables
      applied = snap.applied
    } catch (e) {
      problems.push(e instanceof AppError ? e.message : `${file} is damaged or cut short (${(e as Error).message}).`)
    }
  }

  const rebuilt = emptyTables()
  for (const log of listLogs(dir)) {
    try {
      const read = readLog(log)
      const device = basename(log, '.jsonl')
      facts.push(`change log ${basename(log)}: ${read.entries.length} changes`)
      if (read.tornTail) problems.push(`${log} ends with an unfinished change (a crash or full disk); it will be set aside on the next open.`)
      const upTo = applied[device] ?? 0
      const last = read.entries.at(-1)?.seq ?? 0
      if (last < upTo) problems.push(`${log} holds changes up to ${last}, but the data file has folded in ${upTo}: part of the log is missing.`)
      for (const e of read.entries) if (e.seq <= upTo) applyEntry(rebuilt, e)
    } catch (e) {
      problems.push((e as Error).message)
    }
  }

  if (tables) {
    for (const t of TABLES) {
      const live = Object.values(tables[t]).filter((r) => r.data.deleted !== true)
      facts.push(`${t}: ${live.length} (${Object.keys(tables[t]).length - live.length} deleted)`)
      for (const rec of live) {
        const parsed = SCHEMAS[t].safeParse(rec.data)
        if (!parsed.success) problems.push(`${t} ${rec.id}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`)
      }
    }
    // A link may point at a deleted record (a tombstone keeps it), never at none.
    for (const [table, fields] of Object.entries(LINKS) as [TableName, Record<string, TableName>][]) {
      for (const rec of Object.values(tables[table])) {
        if (rec.data.deleted === true) continue
        for (const [field, target] of Object.entries(fields)) {
          for (const id of linkedIds(rec.data[field])) {
            if (!tables[target][id]) problems.push(`${table} ${rec.id}: ${field} points at ${id}, which is not in ${target}.`)
          }
        }
      }
    }
    if (problems.length === 0 && canonicalJson(expandedTables(rebuilt)) !== canonicalJson(expandedTables(tables))) {
      problems.push('The data file differs from what its change logs rebuild to.')
    }
  }
  return { ok: problems.length === 0, problems, facts }
}
