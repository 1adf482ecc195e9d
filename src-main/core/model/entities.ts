import { z } from 'zod'
import { ChairTermFields } from './chair'
import { AffiliationFields, ContactFields } from './contact'
import { DeviceFields, DeviceId } from './device'
import { CommentFields, InviteeFields, IssuanceFields, MeetingFields } from './meeting'
import { validationText } from './messages'
import { HolderFields, MissionFields, PostFields } from './mission'
import { OrganisationFields } from './organisation'
import { SettingsFields } from './settings'
import { ActivityFields, ProgressNoteFields } from './workplan'

// The one description of the data: every table with its schema, the records it points at, the
// fields fixed at creation, what a device scoped to some missions may hold and change, and
// whether it belongs in the JSON export. Sync, the JSON import/export, gfc check and the data
// file's migrations all read this; a new table is added here and nowhere else.

/** Which records a device scoped to some missions holds (and may change). */
export type ScopeRule =
  /** Only full-scope devices hold these. */
  | { kind: 'none' }
  /** Every device holds these, whole (the enrolled devices, which sign everyone's changes). */
  | { kind: 'all' }
  /** Records whose id is one of the device's missions. */
  | { kind: 'mission' }
  /** Records whose `field` points at a record of `table` that is in scope. */
  | { kind: 'via'; field: string; table: TableName }
  /** Records pointed at by a `field` of an in-scope record of `table`, or created by the device itself. */
  | { kind: 'pointedBy'; table: TableName; field: string }
  /** Records matching `where`, with only `fields` (a Member State's name, for the seconding state). */
  | { kind: 'fields'; where: Record<string, unknown>; fields: string[] }

/** A rule each device checks alone on the record it writes, which two devices' changes merged
 *  can still break; after a merge breaches are listed for a person to put right. */
export interface Rules {
  /** No two live records share these fields' values (among those matching `where`). */
  unique?: { fields: string[]; where?: Record<string, unknown> }[]
  /** Live records with the same `per` value never overlap in time (start/end, end empty = open). */
  oneAtATime?: { per?: string }
}

export interface Entity {
  /** The record's fields (without its id): what a form, an import and an incoming change must pass. */
  schema: z.ZodType
  /** Fields pointing at other records (one id, or a list of ids). */
  links: Record<string, TableName>
  /** Fields set once when the record is made: the links a scope follows, so it never moves. */
  fixed: string[]
  scope: ScopeRule
  /** Part of the Group's data in the JSON export (sync bookkeeping is not). */
  exported: boolean
  rules?: Rules
  /** What a record's id looks like, when not a lowercase UUID. */
  id?: z.ZodType
  /** A person's record that can be erased for good: what it holds once erased. The erasure is a
   *  change setting these values with `erased: true` and the tombstone; every device that folds it
   *  removes every other value the record ever had from its files (store/erasure.ts). */
  erasable?: Record<string, unknown>
}

export const TABLES = [
  'organisations',
  'contacts',
  'affiliations',
  'settings',
  'meetings',
  'invitees',
  'comments',
  'issuances',
  'activities',
  'progressNotes',
  'chairs',
  'missions',
  'posts',
  'holders',
  'devices',
] as const
export const TableName = z.enum(TABLES)
export type TableName = z.infer<typeof TableName>

const none: ScopeRule = { kind: 'none' }

export const ENTITIES: Record<TableName, Entity> = {
  organisations: {
    schema: OrganisationFields,
    links: {},
    fixed: ['kind'],
    scope: { kind: 'fields', where: { kind: 'state' }, fields: ['kind', 'countryCode', 'status', 'deleted'] },
    exported: true,
    rules: { unique: [{ fields: ['countryCode'], where: { kind: 'state' } }] },
  },
  contacts: { schema: ContactFields, links: {}, fixed: [], scope: { kind: 'pointedBy', table: 'holders', field: 'contactId' }, exported: true, erasable: ContactFields.parse({ familyName: '(erased)' }) },
  affiliations: { schema: AffiliationFields, links: { contactId: 'contacts', organisationId: 'organisations' }, fixed: ['contactId'], scope: none, exported: true },
  /** One record, with a fixed id. */
  settings: { schema: SettingsFields, links: {}, fixed: [], scope: none, exported: true, id: z.literal('settings') },
  meetings: { schema: MeetingFields, links: { chairOrganisationId: 'organisations' }, fixed: [], scope: none, exported: true },
  invitees: {
    schema: InviteeFields,
    links: { meetingId: 'meetings', organisationId: 'organisations', addresseeId: 'contacts' },
    fixed: ['meetingId', 'organisationId'],
    scope: none,
    exported: true,
    rules: { unique: [{ fields: ['meetingId', 'organisationId'] }] },
  },
  comments: { schema: CommentFields, links: { meetingId: 'meetings', organisationId: 'organisations' }, fixed: [], scope: none, exported: true },
  issuances: {
    schema: IssuanceFields,
    links: { meetingId: 'meetings', organisationId: 'organisations', addresseeId: 'contacts' },
    fixed: [],
    scope: none,
    exported: true,
    rules: { unique: [{ fields: ['reference'] }] },
  },
  activities: {
    schema: ActivityFields,
    links: { leadIds: 'organisations', supportIds: 'organisations', missionIds: 'missions', meetingId: 'meetings' },
    fixed: [],
    scope: none,
    exported: true,
  },
  progressNotes: { schema: ProgressNoteFields, links: { activityId: 'activities' }, fixed: ['activityId'], scope: none, exported: true },
  chairs: {
    schema: ChairTermFields,
    links: { organisationId: 'organisations', selectedBy: 'organisations' },
    fixed: [],
    scope: none,
    exported: true,
    rules: { oneAtATime: {} },
  },
  missions: { schema: MissionFields, links: {}, fixed: [], scope: { kind: 'mission' }, exported: true, rules: { unique: [{ fields: ['acronym'] }] } },
  posts: { schema: PostFields, links: { missionId: 'missions' }, fixed: ['missionId'], scope: { kind: 'via', field: 'missionId', table: 'missions' }, exported: true },
  holders: {
    schema: HolderFields,
    links: { postId: 'posts', contactId: 'contacts' },
    fixed: ['postId', 'contactId'],
    scope: { kind: 'via', field: 'postId', table: 'posts' },
    exported: true,
    rules: { oneAtATime: { per: 'postId' } },
  },
  /** A device's id is derived from its signing key. */
  devices: { schema: DeviceFields, links: {}, fixed: ['signKey', 'boxKey'], scope: { kind: 'all' }, exported: false, id: DeviceId },
}

/** The tables of the JSON export, in the order an import checks them. */
export const EXPORTED_TABLES = TABLES.filter((t) => ENTITIES[t].exported)

/** Every id a link field holds: one id, a list of ids, or none (''). */
export function linkedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '')
  return typeof value === 'string' && value !== '' ? [value] : []
}

type Shape = Record<string, z.ZodType>

/** The shapes a schema's records may take: one object, or each member of a union. */
function shapesOf(schema: z.ZodType): Shape[] {
  const def = (schema as unknown as { def: { type: string; options?: z.ZodType[]; in?: z.ZodType } }).def
  if (def.type === 'object') return [(schema as unknown as { shape: Shape }).shape]
  if (def.type === 'union' && def.options) return def.options.flatMap(shapesOf)
  if (def.type === 'pipe' && def.in) return shapesOf(def.in)
  throw new Error(`The registry cannot read the fields of a ${def.type} schema`)
}

const fieldCheckers = new Map<TableName, Map<string, z.ZodType[]>>()

/** Per table, each field's schema(s): an incoming change is checked field by field, since a
 *  change sets only some fields of a record. `deleted` is every table's tombstone. */
function checkers(table: TableName): Map<string, z.ZodType[]> {
  let map = fieldCheckers.get(table)
  if (!map) {
    map = new Map<string, z.ZodType[]>([['deleted', [z.boolean()]]])
    if (ENTITIES[table].erasable) map.set('erased', [z.literal(true)])
    for (const shape of shapesOf(ENTITIES[table].schema)) {
      for (const [field, schema] of Object.entries(shape)) map.set(field, [...(map.get(field) ?? []), schema])
    }
    fieldCheckers.set(table, map)
  }
  return map
}

/** Why a field's value cannot be stored in a table (null when it can). */
export function fieldProblem(table: TableName, field: string, value: unknown): string | null {
  const schemas = checkers(table).get(field)
  if (!schemas) return `${table} has no field called ${JSON.stringify(field)}`
  if (value === undefined) return `${table}.${field} has no value`
  if (schemas.some((s) => s.safeParse(value).success)) return null
  const issue = schemas[0].safeParse(value).error!.issues[0]
  return `${table}.${field}: ${issue.message.startsWith('validation.') ? validationText(issue.message) : issue.message}`
}

/** The `Uuid` rule as one regular expression: it runs for every change that arrives. */
const LOWERCASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** Ids are lowercase UUIDs unless the registry says otherwise; anything else (`__proto__`…) is refused. */
export function idProblem(table: TableName, id: unknown): string | null {
  const rule = ENTITIES[table].id
  const ok = rule ? rule.safeParse(id).success : typeof id === 'string' && LOWERCASE_UUID.test(id)
  return ok ? null : `${JSON.stringify(id)} is not a record id`
}
