import { writeFileSync } from 'node:fs'
import type { ParsedInput } from '../../api'
import type { Contact } from '../../model/contact'
import { AppError } from '../../model/errors'
import { LIST_ROW_ID, type ListRows } from '../../model/list-columns'
import type { ListName } from '../../model/tabular'
import type { Shell } from '../../shell'
import type { Store } from '../../store/store'
import { chairRegister } from '../chairs'
import { listContacts } from '../contacts'
import { fieldContacts } from '../field-views'
import { getMeeting, listMeetings } from '../meetings'
import { listMissions } from '../missions'
import { listOrganisations } from '../organisations'
import { organisationName } from '../organisations-view'
import { today } from '../records'
import { listActivities } from '../workplan'
import { listFile } from './write'

// Any list out to CSV or XLSX: the rows a screen shows (their ids, in its order), or all of them.

type AnyRows = ListRows[ListName][]

function meetingOf(store: Store, meetingId: string | undefined, list: string) {
  if (!meetingId) throw new AppError('validation', `The ${list} are a meeting's: say which (meetingId).`, 'meetingId')
  return getMeeting(store, meetingId)
}

/** Every row of a list, in its default order. */
function listRows(store: Store, list: ListName, meetingId?: string): AnyRows {
  switch (list) {
    case 'organisations':
      return listOrganisations(store, { search: '' })
    case 'contacts':
      return listContacts(store, { search: '' })
    case 'meetings':
      return listMeetings(store)
    case 'invitees':
      return meetingOf(store, meetingId, list).invitees
    case 'issuances':
      return meetingOf(store, meetingId, list).issuances
    case 'chairs':
      return chairRegister(store).terms
    case 'activities':
      return listActivities(store)
    case 'missions':
      return listMissions(store, { search: '' })
    case 'holders':
      return fieldContacts(store, { search: '', currentOnly: false })
  }
}

/** The rows named, in the order named (ids not on the list are left out), else all. */
function chosenRows(store: Store, list: ListName, ids: string[] | undefined, meetingId?: string): AnyRows {
  const all = listRows(store, list, meetingId)
  if (!ids) return all
  const idOf = LIST_ROW_ID[list] as (r: unknown) => string
  const byId = new Map(all.map((r) => [idOf(r), r]))
  return ids.flatMap((id) => byId.get(id) ?? []) as AnyRows
}

const EXT = { csv: 'csv', 'csv-semicolon': 'csv', xlsx: 'xlsx' } as const

export async function exportList(store: Store, shell: Shell, o: ParsedInput<'lists.export'>): Promise<{ path: string; rows: number } | null> {
  let rows = chosenRows(store, o.list, o.ids, o.meetingId)
  // A contact's members are named in English on the record's view; a French file names them in French.
  if (o.list === 'contacts' && o.language === 'fr') {
    const fr = (id: string, en: string) => {
      const org = store.record('organisations', id)
      return org ? organisationName(org).fr : en
    }
    rows = (rows as Contact[]).map((c) => ({ ...c, affiliations: c.affiliations.map((a) => ({ ...a, organisationName: fr(a.organisationId, a.organisationName) })) }))
  }
  const path = await shell.chooseSaveFile('Export the list', `gfc-${o.list}-${today()}.${EXT[o.format]}`)
  if (!path) return null
  writeFileSync(path, await listFile(o.list, rows as never, o.format, o.language))
  return { path, rows: rows.length }
}
