import type { Input, Method } from '../../src-main/core/api'
import type { TableName } from '../../src-main/core/model/entities'

// Which tables each read shows, so that a change the core reports (from sync, another window)
// re-runs only the queries that show it. A read not listed here follows every change.

const MEMBERS: TableName[] = ['organisations', 'contacts', 'affiliations']
const MEETINGS: TableName[] = ['meetings', 'invitees', 'comments', 'issuances', 'contacts', 'affiliations', 'organisations', 'chairs', 'settings']
const WORKPLAN: TableName[] = ['activities', 'progressNotes', 'meetings', 'missions', 'organisations']
const FIELD: TableName[] = ['missions', 'posts', 'holders', 'contacts', 'organisations']

const READS: { [M in Method]?: TableName[] | ((input: Input<M>) => TableName[]) } = {
  'organisations.list': MEMBERS,
  'organisations.get': MEMBERS,
  'contacts.list': MEMBERS,
  'contacts.get': MEMBERS,
  'meetings.list': MEETINGS,
  'meetings.get': MEETINGS,
  'activities.list': WORKPLAN,
  'activities.get': WORKPLAN,
  'chairs.get': ['chairs', 'organisations'],
  'chairs.register': ['chairs', 'organisations'],
  'missions.list': FIELD,
  'missions.get': FIELD,
  'field.contacts': FIELD,
  'field.secondments': FIELD,
  'field.stale': FIELD,
  'settings.get': ['settings'],
  'preferences.get': [],
  'templates.list': [],
  'history.get': (input) => [input.table, 'devices'],
}

/** The tables a read shows, or null for "any change may show here". */
export function tablesRead<M extends Method>(method: M, input: Input<M>): TableName[] | null {
  const r = READS[method] as TableName[] | ((input: Input<M>) => TableName[]) | undefined
  if (!r) return null
  return typeof r === 'function' ? r(input) : r
}
