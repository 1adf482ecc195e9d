import type { z } from 'zod'
import { AffiliationFields, ContactFields, fullName } from '../../model/contact'
import { CHOICE_NAMES } from '../../model/choices'
import { OrganisationFields } from '../../model/organisation'
import { findMemberState, memberState } from '../../model/reference'
import { fold } from '../../model/search'
import { CHOICE_FIELDS, readChoice, type CellIssue, type ImportField, type ImportType } from '../../model/tabular'
import type { Store } from '../../store/store'
import { contactIndex } from '../indexes'
import { organisationName } from '../organisations-view'
import { isLive } from '../records'
import { memberStateId } from '../ids'

// A row of a spreadsheet as the record it would make: each cell read as its field (a country by
// name or code, a choice in English or French, e-mails separated by ";"), then checked by the
// same schemas as the forms, each problem put on the column it came from.

export type Values = Partial<Record<ImportField, string>>

export interface OrganisationCandidate {
  type: 'organisations'
  fields?: OrganisationFields
}
export interface ContactCandidate {
  type: 'contacts'
  fields?: ContactFields
  link?: { organisationId: string; role?: string; position?: string; start?: string }
}
export type Candidate = (OrganisationCandidate | ContactCandidate) & { issues: CellIssue[] }

/** The members a contacts file can name: a Member State (name or code), or an organisation's name or acronym. */
export class MemberLookup {
  private readonly byName = new Map<string, string>()
  constructor(private readonly store: Store) {
    for (const rec of Object.values(store.tables.organisations)) {
      if (!isLive(rec) || rec.data.kind !== 'sme') continue
      for (const n of [rec.data.name, rec.data.nameFr, rec.data.acronym]) if (typeof n === 'string' && n.trim()) this.byName.set(fold(n.trim()), rec.id)
    }
  }
  /** The member's id, or the problem with the name. */
  find(text: string): { id: string } | { problem: string } {
    const sme = this.byName.get(fold(text.trim()))
    if (sme) return { id: sme }
    const state = findMemberState(text)
    if (!state) return { problem: 'validation.unknownMember' }
    const id = memberStateId(state.iso2)
    return isLive(this.store.record('organisations', id)) ? { id } : { problem: 'validation.notMember' }
  }
}

const choiceIssue = (field: ImportField, cell: string): CellIssue | null => {
  const choice = CHOICE_FIELDS[field]
  return choice && cell.trim() && !readChoice(choice, cell) ? { field, message: `validation.unknownChoice?${new URLSearchParams({ choices: Object.values(CHOICE_NAMES[choice]).map((n) => n.en).join(', ') })}` } : null
}

const given = (v: Values, f: ImportField) => (v[f] ?? '').trim() !== ''

/** Each zod issue on the column that holds its field (a record's field names differ from the import's only for the country). */
function issuesOf(error: z.ZodError | undefined, rename: Record<string, ImportField> = {}): CellIssue[] {
  return (error?.issues ?? []).map((i) => {
    const name = String(i.path[0] ?? '')
    return { field: (rename[name] ?? name) as ImportField, message: i.message }
  })
}

export function organisationCandidate(v: Values): Candidate {
  const issues: CellIssue[] = []
  for (const f of ['category', 'status'] as const) {
    const problem = choiceIssue(f, v[f] ?? '')
    if (problem) issues.push(problem)
  }
  const common = {
    status: readChoice('status', v.status ?? '') ?? 'active',
    joined: v.joined ?? '',
    address: v.address ?? '',
    phone: v.phone ?? '',
    email: v.email ?? '',
    website: v.website ?? '',
    notes: v.notes ?? '',
  }
  let raw: Record<string, unknown>
  if (given(v, 'state')) {
    const state = findMemberState(v.state!)
    if (!state) issues.push({ field: 'state', message: 'validation.unknownCountry' })
    raw = {
      kind: 'state',
      countryCode: state?.iso2 ?? 'XX',
      correctionsService: v.correctionsService ?? '',
      correctionsServiceEmail: v.correctionsServiceEmail ?? '',
      correctionsServicePhone: v.correctionsServicePhone ?? '',
      ...common,
    }
  } else {
    if (!given(v, 'name')) issues.push({ field: 'name', message: 'validation.stateOrName' })
    if (!given(v, 'category') && given(v, 'name')) issues.push({ field: 'category', message: 'validation.required' })
    raw = { kind: 'sme', name: v.name ?? '', nameFr: v.nameFr ?? '', acronym: v.acronym ?? '', category: readChoice('category', v.category ?? '') ?? 'ngo', ...common }
  }
  const parsed = OrganisationFields.safeParse(raw)
  const found = issuesOf(parsed.error, { countryCode: 'state' }).filter((i) => !issues.some((j) => j.field === i.field))
  issues.push(...found)
  return { type: 'organisations', fields: issues.length ? undefined : parsed.data, issues }
}

const split = (cell: string, by: RegExp) => cell.split(by).map((s) => s.trim()).filter(Boolean)

/** Two made-up ids, to check a link's own fields before the contact and member exist. */
const PLACEHOLDER = { contactId: '00000000-0000-4000-8000-000000000000', organisationId: '00000000-0000-4000-8000-000000000001' }

export function contactCandidate(v: Values, members: MemberLookup): Candidate {
  const issues: CellIssue[] = []
  for (const f of ['language', 'role'] as const) {
    const problem = choiceIssue(f, v[f] ?? '')
    if (problem) issues.push(problem)
  }
  const raw = {
    honorific: v.honorific ?? '',
    givenName: v.givenName ?? '',
    familyName: v.familyName ?? '',
    emails: split(v.emails ?? '', /[;,\s]+/),
    phones: split(v.phones ?? '', /[;\n]+/),
    language: readChoice('language', v.language ?? '') ?? 'en',
    notes: v.notes ?? '',
  }
  const parsed = ContactFields.safeParse(raw)
  issues.push(...issuesOf(parsed.error).filter((i) => !issues.some((j) => j.field === i.field)))
  let link: ContactCandidate['link']
  if (given(v, 'member')) {
    const member = members.find(v.member!)
    if ('problem' in member) issues.push({ field: 'member', message: member.problem })
    const role = readChoice('role', v.role ?? '')
    const fields = { role: role ?? 'other', position: v.position ?? '', start: v.start ?? '' }
    const checked = AffiliationFields.safeParse({ ...PLACEHOLDER, ...fields, end: '' })
    issues.push(...issuesOf(checked.error).filter((i) => !issues.some((j) => j.field === i.field)))
    if ('id' in member && checked.success) {
      link = { organisationId: member.id, start: checked.data.start }
      if (role) link.role = role
      if (given(v, 'position')) link.position = checked.data.position
    }
  } else {
    for (const f of ['role', 'position', 'start'] as const) if (given(v, f)) issues.push({ field: 'member', message: 'validation.memberNeeded' })
  }
  const unique = issues.filter((i, n) => issues.findIndex((j) => j.field === i.field && j.message === i.message) === n)
  return { type: 'contacts', fields: unique.length ? undefined : parsed.data, link, issues: unique }
}

/** A record already here in the import's columns, to show beside the row that matches it. */
export function recordValues(store: Store, type: ImportType, id: string): { name: string; values: Values } {
  const rec = store.record(type, id)!
  const d = rec.data as Record<string, unknown>
  if (type === 'organisations') {
    const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '')
    const values: Values = {
      state: d.kind === 'state' ? (memberState(s('countryCode'))?.en ?? s('countryCode')) : '',
      category: d.kind === 'sme' ? CHOICE_NAMES.category[s('category') as 'ngo']?.en ?? '' : '',
      status: CHOICE_NAMES.status[s('status') as 'active']?.en ?? '',
    }
    for (const f of ['name', 'nameFr', 'acronym', 'joined', 'address', 'phone', 'email', 'website', 'correctionsService', 'correctionsServiceEmail', 'correctionsServicePhone', 'notes'] as const) values[f] = s(f)
    return { name: organisationName(rec).en, values }
  }
  const c = d as unknown as ContactFields
  const link = (contactIndex(store).affiliations().byContact.get(id) ?? []).find((a) => !a.end && isLive(store.record('organisations', a.organisationId)))
  const org = link && store.record('organisations', link.organisationId)
  return {
    name: fullName(c),
    values: {
      honorific: c.honorific,
      givenName: c.givenName,
      familyName: c.familyName,
      emails: c.emails.join('; '),
      phones: c.phones.join('; '),
      language: CHOICE_NAMES.language[c.language]?.en ?? '',
      notes: c.notes,
      member: org ? organisationName(org).en : '',
      role: link ? CHOICE_NAMES.role[link.role].en : '',
      position: link?.position ?? '',
      start: link?.start ?? '',
    },
  }
}
