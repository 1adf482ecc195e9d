import { AlignmentType, type ISectionOptions, type Paragraph } from 'docx'
import { AppError } from '../model/errors'
import { agendaItems, meetingBlock } from './annex'
import { checkDate } from '../model/format'
import { endMark, letterhead, pack, STYLE, pageFooter, pageProperties, para, PT, runningHeader, spacer, TEXT_WIDTH } from './docx-kit'
import type { InvitationInput } from './types'
import { annexTitle, chairMission, invitationWording, memberName, signatoryTitle, type InvitationWording } from './wording'

// The invitation to a meeting, one per invited member, in its language: a letter signed by
// the Chair's signatory, or a note verbale from Mission to Mission; the provisional agenda
// as an annex on a page of its own.


function check(input: InvitationInput): void {
  checkDate(input.date, 'date')
  if (input.meeting.rsvpDeadline) checkDate(input.meeting.rsvpDeadline, 'meeting.rsvpDeadline')
  if (input.form !== 'letter' && input.form !== 'note-verbale') {
    throw new AppError('validation', `Unknown form of invitation: "${String(input.form)}"`, 'form')
  }
  if (input.language !== 'en' && input.language !== 'fr') {
    throw new AppError('validation', `Unknown language: "${String(input.language)}"`, 'language')
  }
}

/** Justified, unless a link (long, unbreakable) would stretch the spaces of its line. */
function body(text: string) {
  const ragged = text.split(/\s+/).some((word) => word.includes('://') || word.length > 40)
  return { style: ragged ? STYLE.bodyLeft : STYLE.body }
}

function letter(input: InvitationInput, w: InvitationWording): Paragraph[] {
  const out: Paragraph[] = [
    para(input.reference, { alignment: AlignmentType.RIGHT }),
    para(w.placeDate, { alignment: AlignmentType.RIGHT, spacing: { after: 400 } }),
  ]
  w.addressee.lines.forEach((line, i, all) => out.push(para(line, { keepNext: true, spacing: { after: i === all.length - 1 ? 360 : 0 } })))
  out.push(para(w.addressee.salutation, { spacing: { after: 240 }, keepNext: true }))
  w.body.forEach((text, i) => out.push(para(text, { ...body(text), keepNext: i === w.body.length - 1 })))
  const name = input.chair.signatoryName.trim()
  const title = signatoryTitle(input.chair, input.language)
  if (name || title) {
    const indent = { left: Math.round(TEXT_WIDTH / 2) }
    out.push(spacer(42))
    if (name) out.push(para(name, { indent, keepNext: true }))
    if (title) out.push(para(title, { indent }))
  }
  return out
}

function noteVerbale(input: InvitationInput, w: InvitationWording): Paragraph[] {
  const out: Paragraph[] = [para(input.reference, { spacing: { after: 480 } })]
  w.body.forEach((text) => out.push(para(text, { ...body(text), indent: { firstLine: 709 } })))
  out.push(para(w.placeDate, { alignment: AlignmentType.RIGHT, spacing: { before: 360 }, keepNext: true }))
  out.push(para(w.recipientLine, { spacing: { before: 720 } }))
  return out
}

function annex(input: InvitationInput): Paragraph[] {
  if (!input.meeting.agenda.length) return []
  return [
    para(annexTitle(input.language), { alignment: AlignmentType.CENTER, pageBreakBefore: true, spacing: { after: 240 } }, { bold: true, size: PT(13) }),
    ...meetingBlock(input.meeting, input.language),
    spacer(18),
    ...agendaItems(input.meeting, input.language),
  ]
}

/** `index` is set in a file of several invitations: each then counts its own pages. */
function section(input: InvitationInput, index?: number): ISectionOptions {
  check(input)
  const w = invitationWording(input)
  const end = index === undefined ? undefined : `_GfcInvitationEnd${index + 1}`
  const footer = pageFooter(input.language, input.reference, end)
  const annexOf = input.language === 'fr' ? `Annexe – ${input.reference}` : `Annex – ${input.reference}`
  return {
    properties: { ...pageProperties({ titlePage: true }) },
    headers: { first: letterhead(input.chair, input.language), default: runningHeader(chairMission(input.chair, input.language), annexOf) },
    footers: { first: footer, default: footer },
    children: [...(input.form === 'letter' ? letter(input, w) : noteVerbale(input, w)), ...annex(input), ...(end ? [endMark(end)] : [])],
  }
}

function title(input: InvitationInput): string {
  return `Invitation – ${input.meeting.title} – ${memberName(input.organisation, input.language)}`
}

/** One invitation: a letter or a note verbale, with its agenda annex. */
export async function buildInvitation(input: InvitationInput): Promise<Uint8Array> {
  return pack({ title: title(input), language: input.language }, [section(input)])
}

/**
 * Several invitations in one file, each its own section starting on a new page, with its own
 * letterhead and its page numbers counted from 1 ("Page 1 of 2" for each).
 */
export async function buildInvitations(inputs: InvitationInput[]): Promise<Uint8Array> {
  if (!inputs.length) throw new AppError('validation', 'No invitation to put in the file', 'inputs')
  const first = inputs[0]
  const meta = { title: `Invitations – ${first.meeting.title}`, language: first.language }
  return pack(meta, inputs.map((input, i) => section(input, i)))
}
