import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, parse } from 'node:path'
import { randomUUID } from 'node:crypto'
import {
  addressee as addresseeOf,
  buildAgenda,
  buildIcs,
  buildInvitations,
  buildParticipants,
  buildTabledComments,
  fillTemplate,
  fillTemplates,
  frenchFallbacks,
  frOfName,
  InvitationPress,
  invitationFileName,
  meetingFileName,
  prepareTemplate,
  safeFileNamePart,
} from '../documents'
import type { ChairInfo, InvitationInput, MeetingDocInput, RecipientOrganisation } from '../documents/types'
import { isCurrent, type AffiliationFields, type ContactFields } from '../model/contact'
import type { IssueSelection, JobStatus, ParticipantsMode, Preview } from '../model/documents'
import { AppError } from '../model/errors'
import type { Language } from '../model/fields'
import type { InvitationForm, InviteeView, IssuanceFields, MeetingDetail } from '../model/meeting'
import { guessFrenchArticle, type OrganisationFields } from '../model/organisation'
import { memberState } from '../model/reference'
import type { Shell } from '../shell'
import type { Store } from '../store/store'
import { chairInfo, convenerId } from './chair-info'
import { contactIndex } from './indexes'
import { yieldTurn, type Jobs } from './jobs'
import { getMeeting } from './meetings'
import { organisationName } from './organisations-view'
import { isLive, requireRecord, today } from './records'
import { getSettings } from './settings'
import { readTemplate } from './templates'

/** The meeting's convening Chair, else the register's Chair in office on the meeting's day. */
function meetingChair(store: Store, meeting: MeetingDetail): ChairInfo {
  return chairInfo(store, meeting.start.slice(0, 10), meeting.chairOrganisationId)
}

function recipient(store: Store, organisationId: string): RecipientOrganisation {
  const rec = requireRecord(store, 'organisations', organisationId, 'member')
  const d = rec.data as OrganisationFields
  const names = organisationName(rec)
  if (d.kind === 'state') {
    const ref = memberState(d.countryCode)
    return { kind: 'state', en: names.en, fr: names.fr, frOf: ref?.frOf ?? `de ${names.fr}`, acronym: ref?.iso3 ?? d.countryCode }
  }
  const article = d.articleFr ?? guessFrenchArticle(names.fr)
  return { kind: 'sme', en: names.en, fr: names.fr, frOf: frOfName(names.fr || names.en, article), acronym: d.acronym }
}

function addressee(store: Store, inv: InviteeView): InvitationInput['addressee'] {
  if (!inv.addressee) return null
  const c = store.record('contacts', inv.addressee.id)!.data as ContactFields
  const links = (contactIndex(store).affiliations().byContact.get(inv.addressee.id) ?? []).filter((a: AffiliationFields) => a.organisationId === inv.organisationId)
  // The position held now: a link that has ended (the counsellor since made Permanent Representative) is history.
  const link = links.find((a) => isCurrent(a, today())) ?? links[0]
  return {
    honorific: c.honorific,
    givenName: c.givenName,
    familyName: c.familyName,
    addressForm: c.addressForm,
    familyNameFirst: c.familyNameFirst === true,
    position: link?.position ?? inv.addressee.position,
  }
}

/** The running numbers already used in a year, read back from the issue log. */
function nextReferences(store: Store, pattern: string, date: string, count: number): string[] {
  const year = date.slice(0, 4)
  const withYear = pattern.replaceAll('{YYYY}', year)
  const [before, after] = withYear.split('{NNN}')
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const re = new RegExp(`^${escape(before)}(\\d+)${escape(after)}$`)
  let max = 0
  for (const rec of Object.values(store.tables.issuances)) {
    const m = re.exec(String(rec.data.reference))
    if (m) max = Math.max(max, Number(m[1]))
  }
  return Array.from({ length: count }, (_, i) => `${before}${String(max + 1 + i).padStart(3, '0')}${after}`)
}

interface Item {
  inv: InviteeView
  selected: boolean
  chair: boolean
  input: InvitationInput
}

/** Every invitee, whether this issue sends it one (and then its reference, in order), and what it would be sent. */
function gather(store: Store, meetingId: string, form: InvitationForm, date: string, selection: IssueSelection): { meeting: MeetingDetail; chair: ChairInfo; items: Item[] } {
  const meeting = getMeeting(store, meetingId)
  if (meeting.deleted) throw new AppError('not_found', 'This meeting has been deleted.', 'meetingId')
  if (meeting.invitees.length === 0) throw new AppError('validation', 'Nobody is invited to this meeting yet.', 'meetingId')
  const chair = meetingChair(store, meeting)
  const convener = convenerId(store, meeting)
  const issued = new Set(meeting.issuances.map((s) => s.organisationId))
  const chosen = new Set(selection.organisationIds)
  const picks = meeting.invitees.map((inv) => {
    const isChair = inv.organisationId === convener
    const wanted = selection.select === 'all' ? true : selection.select === 'chosen' ? chosen.has(inv.organisationId) : !issued.has(inv.organisationId)
    return { inv, chair: isChair, selected: wanted && !isChair }
  })
  const refs = nextReferences(store, getSettings(store).referencePattern, date, picks.filter((p) => p.selected).length)
  let next = 0
  const items = picks.map((p) => ({
    ...p,
    input: {
      form,
      language: p.inv.language,
      date,
      reference: p.selected ? refs[next++] : '',
      chair,
      meeting,
      organisation: recipient(store, p.inv.organisationId),
      addressee: addressee(store, p.inv),
    } satisfies InvitationInput,
  }))
  return { meeting, chair, items }
}

export function previewInvitations(store: Store, meetingId: string, form: InvitationForm, selection: IssueSelection, date = today()): Preview {
  const { meeting, items } = gather(store, meetingId, form, date, selection)
  const rows = items.map(({ inv, input, selected, chair }) => ({
    inviteeId: inv.id,
    organisation: inv.organisation,
    addressee: inv.addressee?.name ?? '',
    language: inv.language,
    selected,
    chair,
    reference: input.reference,
    fileName: selected ? invitationFileName(input) : '',
    issuedBefore: meeting.issuances
      .filter((s) => s.organisationId === inv.organisationId)
      .map((s) => ({ reference: s.reference, issuedOn: s.issuedOn, form: s.form, language: s.language })),
  }))
  const chosen = rows.filter((r) => r.selected)
  const fallback = frenchFallbacks(meeting)
  const day = meeting.start.slice(0, 10)
  return {
    rows,
    withoutAddressee: chosen.filter((r) => !r.addressee).map((r) => r.organisation.en),
    alreadyIssued: chosen.filter((r) => r.issuedBefore.length).map((r) => r.organisation.en),
    chairInvited: rows.filter((r) => r.chair).map((r) => r.organisation.en),
    dates: {
      meetingPast: day < date,
      rsvpPast: !!meeting.rsvpDeadline && meeting.rsvpDeadline < date,
      rsvpAfterMeeting: !!meeting.rsvpDeadline && meeting.rsvpDeadline > day,
    },
    frenchFallback: {
      fields: fallback,
      members: fallback.length ? chosen.filter((r) => r.language === 'fr').map((r) => r.organisation.en) : [],
    },
  }
}

/** A name that does not overwrite an earlier file: "x.docx", "x (2).docx" … */
function freeName(folder: string, name: string): string {
  const { name: stem, ext } = parse(name)
  let candidate = name
  for (let n = 2; existsSync(join(folder, candidate)); n++) candidate = `${stem} (${n})${ext}`
  return candidate
}

export interface IssueOptions extends IssueSelection {
  meetingId: string
  form: InvitationForm
  combined: boolean
  template: string
  date: string
}

/**
 * Generates one invitation per selected invitee (and the combined file when asked) into a
 * folder the person chooses, logging each one as it is written. Runs as a job: progress can be
 * polled. The built-in layout is made on one press for the whole issue; a template is checked
 * once, before any letter is filled.
 */
export async function issueInvitations(store: Store, shell: Shell, jobs: Jobs, o: IssueOptions): Promise<JobStatus | null> {
  const date = o.date || today()
  const { meeting, items: all } = gather(store, o.meetingId, o.form, date, o)
  const items = all.filter((i) => i.selected)
  if (!items.length) throw new AppError('validation', 'No member is selected for this issue: every invitee has already been sent an invitation. Choose “All” or pick members.', 'select', 'validation.nothingToIssue')
  const template = o.template ? prepareTemplate(readTemplate(store.dir, o.template)) : null
  const folder = await shell.chooseFolder('Save the invitations in…', safeFileNamePart(`${meeting.start.slice(0, 10)} ${meeting.title} - invitations`))
  if (!folder) return null
  mkdirSync(folder, { recursive: true })
  const total = items.length + (o.combined ? 1 : 0)
  const press = new InvitationPress()
  return jobs.start(total, folder, async (progress) => {
    for (const { inv, input } of items) {
      const bytes = template ? fillTemplate(template, input) : await press.build(input)
      const name = freeName(folder, invitationFileName(input))
      writeFileSync(join(folder, name), bytes)
      const log: IssuanceFields = {
        meetingId: meeting.id,
        organisationId: inv.organisationId,
        addresseeId: inv.addressee?.id ?? '',
        form: o.form,
        language: input.language,
        reference: input.reference,
        issuedOn: date,
        fileName: name,
      }
      store.commit([{ table: 'issuances', id: randomUUID(), set: { ...log, deleted: false } }])
      progress.step(name)
      await yieldTurn()
    }
    if (o.combined) {
      const name = freeName(folder, safeFileNamePart(`${meeting.start.slice(0, 10)} ${meeting.title} - all invitations - ${o.form === 'letter' ? 'letter' : 'note verbale'}`) + '.docx')
      const inputs = items.map((i) => i.input)
      writeFileSync(join(folder, name), template ? fillTemplates(template, inputs) : await buildInvitations(inputs))
      progress.step(name)
    }
    return `${items.length} invitations written to ${folder}`
  })
}

export type MeetingDocument = 'agenda' | 'participants' | 'comments' | 'ics'

/** The list of participants before the meeting ends is of those who accepted; after, of those who attended. */
function defaultMode(meeting: MeetingDetail): ParticipantsMode {
  return meeting.end.slice(0, 10) < today() ? 'attended' : 'accepted'
}

/** One document about a meeting, saved where the person chooses. */
export async function saveMeetingDocument(
  store: Store,
  shell: Shell,
  o: { meetingId: string; kind: MeetingDocument; language: Language; mode?: ParticipantsMode },
): Promise<{ path: string } | null> {
  const { kind, language } = o
  const meeting = getMeeting(store, o.meetingId)
  const base: MeetingDocInput = { language, date: today(), chair: meetingChair(store, meeting), meeting }
  const name = meetingFileName(meeting, kind === 'ics' ? 'calendar' : kind, language)
  if (kind === 'comments' && meeting.comments.length === 0) {
    throw new AppError('validation', 'No written comments have been recorded for this meeting.', 'meetingId')
  }
  const path = await shell.chooseSaveFile(kind === 'ics' ? 'Save the calendar file' : 'Save the document', name)
  if (!path) return null
  let bytes: Uint8Array | string
  if (kind === 'agenda') bytes = await buildAgenda(base)
  else if (kind === 'participants') {
    bytes = await buildParticipants({
      ...base,
      mode: o.mode ?? defaultMode(meeting),
      rows: meeting.invitees.map((i) => {
        const organisation = recipient(store, i.organisationId)
        // Who attends as the member told us; else its addressee, named as the document's language writes it ("S. E. M. …", "WANG Wei").
        const person = addressee(store, i)
        const names = i.attendees || (person ? addresseeOf({ addressee: person, organisation, language, chair: base.chair }).fullName : '')
        return { organisation, names, response: i.response, attended: i.attended }
      }),
    })
  } else if (kind === 'comments') {
    bytes = await buildTabledComments({
      ...base,
      comments: meeting.comments.map((c) => ({ organisation: recipient(store, c.organisationId), received: c.received, text: c.text, attachmentPath: c.attachmentPath })),
    })
  } else {
    // The Chair's own people are not attendees of the invitation it sends.
    const convener = convenerId(store, meeting)
    const attendees = meeting.invitees.flatMap((i) => {
      if (i.organisationId === convener) return []
      const c = i.addressee ? store.record('contacts', i.addressee.id) : undefined
      const email = isLive(c) ? (c.data as ContactFields).emails[0] : undefined
      return email ? [{ name: i.addressee!.name, email, response: i.response }] : []
    })
    bytes = buildIcs({ meeting: base.meeting, chair: base.chair, attendees, uid: `${meeting.id}@gfc-desk`, stamp: new Date(), sequence: meeting.sequence, language })
  }
  writeFileSync(path, bytes)
  return { path }
}
