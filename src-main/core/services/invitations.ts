import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, parse } from 'node:path'
import {
  buildAgenda,
  buildIcs,
  buildInvitation,
  buildInvitations,
  buildParticipants,
  buildTabledComments,
  fillTemplate,
  invitationFileName,
  meetingFileName,
  safeFileNamePart,
} from '../documents'
import type { ChairInfo, InvitationInput, MeetingDocInput, RecipientOrganisation } from '../documents/types'
import type { AffiliationFields, ContactFields } from '../model/contact'
import type { Preview } from '../model/documents'
import { AppError } from '../model/errors'
import type { Language } from '../model/fields'
import type { InvitationForm, InviteeView, IssuanceFields, MeetingDetail } from '../model/meeting'
import type { OrganisationFields } from '../model/organisation'
import { memberState } from '../model/reference'
import type { Shell } from '../shell'
import type { Store } from '../store/store'
import type { JobStatus } from '../model/documents'
import { chairInfo } from './chair-info'
import { yieldTurn, type Jobs } from './jobs'
import { getMeeting } from './meetings'
import { organisationName } from './organisations-view'
import { isLive, requireRecord, today } from './records'
import { getSettings } from './settings'
import { readTemplate } from './templates'
import { randomUUID } from 'node:crypto'
import { contactIndex } from './indexes'


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
  return { kind: 'sme', en: names.en, fr: names.fr, frOf: `de ${names.fr}`, acronym: d.acronym }
}

function addressee(store: Store, inv: InviteeView): InvitationInput['addressee'] {
  if (!inv.addressee) return null
  const c = store.record('contacts', inv.addressee.id)!.data as ContactFields
  const link = (contactIndex(store).affiliations().byContact.get(inv.addressee.id) ?? []).find(
    (a: AffiliationFields) => a.organisationId === inv.organisationId,
  )
  return { honorific: c.honorific, givenName: c.givenName, familyName: c.familyName, position: link?.position ?? inv.addressee.position }
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

function inputs(store: Store, meetingId: string, form: InvitationForm, date: string): { meeting: MeetingDetail; items: { inv: InviteeView; input: InvitationInput }[] } {
  const meeting = getMeeting(store, meetingId)
  if (meeting.deleted) throw new AppError('not_found', 'This meeting has been deleted.', 'meetingId')
  if (meeting.invitees.length === 0) throw new AppError('validation', 'Nobody is invited to this meeting yet.', 'meetingId')
  const chair = meetingChair(store, meeting)
  const refs = nextReferences(store, getSettings(store).referencePattern, date, meeting.invitees.length)
  const items = meeting.invitees.map((inv, i) => ({
    inv,
    input: {
      form,
      language: inv.language,
      date,
      reference: refs[i],
      chair,
      meeting,
      organisation: recipient(store, inv.organisationId),
      addressee: addressee(store, inv),
    } satisfies InvitationInput,
  }))
  return { meeting, items }
}

export function previewInvitations(store: Store, meetingId: string, form: InvitationForm, date = today()): Preview {
  const { meeting, items } = inputs(store, meetingId, form, date)
  const rows = items.map(({ inv, input }) => ({
    inviteeId: inv.id,
    organisation: inv.organisation,
    addressee: inv.addressee?.name ?? '',
    language: inv.language,
    reference: input.reference,
    fileName: invitationFileName(input),
    issuedBefore: meeting.issuances
      .filter((s) => s.organisationId === inv.organisationId)
      .map((s) => ({ reference: s.reference, issuedOn: s.issuedOn, form: s.form, language: s.language })),
  }))
  return {
    rows,
    withoutAddressee: rows.filter((r) => !r.addressee).map((r) => r.organisation.en),
    alreadyIssued: rows.filter((r) => r.issuedBefore.length).map((r) => r.organisation.en),
  }
}

/** A name that does not overwrite an earlier file: "x.docx", "x (2).docx" … */
function freeName(folder: string, name: string): string {
  const { name: stem, ext } = parse(name)
  let candidate = name
  for (let n = 2; existsSync(join(folder, candidate)); n++) candidate = `${stem} (${n})${ext}`
  return candidate
}

export interface IssueOptions {
  meetingId: string
  form: InvitationForm
  combined: boolean
  template: string
  date: string
}

/**
 * Generates one invitation per invitee (and the combined file when asked) into a folder the
 * person chooses, logging each one as it is written. Runs as a job: progress can be polled.
 */
export async function issueInvitations(store: Store, shell: Shell, jobs: Jobs, o: IssueOptions): Promise<JobStatus | null> {
  const date = o.date || today()
  const { meeting, items } = inputs(store, o.meetingId, o.form, date)
  const template = o.template ? readTemplate(store.dir, o.template) : null
  const folder = await shell.chooseFolder('Save the invitations in…', safeFileNamePart(`${meeting.start.slice(0, 10)} ${meeting.title} - invitations`))
  if (!folder) return null
  mkdirSync(folder, { recursive: true })
  const total = items.length + (o.combined ? 1 : 0)
  return jobs.start(total, folder, async (progress) => {
    for (const { inv, input } of items) {
      const bytes = template ? fillTemplate(template, input) : await buildInvitation(input)
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
      writeFileSync(join(folder, name), await buildInvitations(items.map((i) => i.input)))
      progress.step(name)
    }
    return `${items.length} invitations written to ${folder}`
  })
}

export type MeetingDocument = 'agenda' | 'participants' | 'comments' | 'ics'

/** One document about a meeting, saved where the person chooses. */
export async function saveMeetingDocument(store: Store, shell: Shell, meetingId: string, kind: MeetingDocument, language: Language): Promise<{ path: string } | null> {
  const meeting = getMeeting(store, meetingId)
  const base: MeetingDocInput = { language, date: today(), chair: meetingChair(store, meeting), meeting: meeting }
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
      rows: meeting.invitees.map((i) => ({ organisation: recipient(store, i.organisationId), names: i.attendees || i.addressee?.name || '', response: i.response, attended: i.attended })),
    })
  } else if (kind === 'comments') {
    bytes = await buildTabledComments({
      ...base,
      comments: meeting.comments.map((c) => ({ organisation: recipient(store, c.organisationId), received: c.received, text: c.text, attachmentPath: c.attachmentPath })),
    })
  } else {
    const attendees = meeting.invitees.flatMap((i) => {
      const c = i.addressee ? store.record('contacts', i.addressee.id) : undefined
      const email = isLive(c) ? (c.data as ContactFields).emails[0] : undefined
      return email ? [{ name: i.addressee!.name, email }] : []
    })
    bytes = buildIcs({ meeting: base.meeting, chair: base.chair, attendees, uid: `${meeting.id}@gfc-desk`, stamp: new Date() })
  }
  writeFileSync(path, bytes)
  return { path }
}
