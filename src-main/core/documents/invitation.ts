import { AlignmentType, type ISectionOptions, type Paragraph } from 'docx'
import { AppError } from '../model/errors'
import { agendaItems, meetingBlock } from './annex'
import { checkDate } from '../model/format'
import { endMark, inLanguage, letterhead, STYLE, pageFooter, pageProperties, para, PT, runningHeader, spacer, textHeight, textWidth } from './docx-kit'
import { Frame, pack, slot } from './press'
import type { InvitationInput } from './types'
import { agendaLines, annexTitle, chairMission, invitationWording, localMeeting, memberName, signatoryTitle, type InvitationWording } from './wording'

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
    const indent = { left: Math.round(textWidth(input.chair.paper) / 2) }
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
  const meeting = localMeeting(input.meeting, input.language)
  return [
    para(annexTitle(input.language), { alignment: AlignmentType.CENTER, pageBreakBefore: true, spacing: { after: 240 } }, { bold: true, size: PT(13) }),
    ...meetingBlock(meeting, input.language, input.chair.clock12),
    spacer(18),
    ...agendaItems(meeting, input.language, false, input.chair.clock12),
  ]
}

/** The letter or note and its annex: what differs from one invitation to the next. */
function content(input: InvitationInput, w: InvitationWording): Paragraph[] {
  return [...(input.form === 'letter' ? letter(input, w) : noteVerbale(input, w)), ...annex(input)]
}

// How many pages an invitation takes, for the page numbers written in its footer before a reader
// works them out ("Page 1 of 2"). A 12-point line is about 276 twips high and a character about
// 106 twips wide; the letterhead takes about 2,000 twips of the first page.
const LINE = 276
const CHAR = 106
const LETTERHEAD = 2000

function lines(text: string, width: number): number {
  const perLine = Math.max(20, Math.floor(width / CHAR))
  return text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0)
}

export function invitationPages(input: InvitationInput, w: InvitationWording = invitationWording(input)): number {
  const paper = input.chair.paper
  const width = textWidth(paper)
  const height = textHeight(paper)
  const firstPage = height - LETTERHEAD
  let used = 0
  if (input.form === 'letter') {
    used += 3 * LINE + 400 + w.addressee.lines.length * LINE + 360 + LINE + 240 + 42 * 20 + 2 * LINE
  } else {
    used += LINE + 480 + 360 + LINE + 720 + lines(w.recipientLine, width) * LINE
  }
  for (const p of w.body) used += lines(p, width) * LINE + 200
  let pages = Math.max(1, Math.ceil(used / firstPage))
  if (input.meeting.agenda.length) {
    const annex = 8 * LINE + agendaLines(input.meeting.agenda).reduce((n, item) => n + (lines(item.title, width - 567) + (item.detail ? 1 : 0)) * LINE + 160, 0)
    pages += Math.max(1, Math.ceil(annex / height))
  }
  return pages
}

function annexHeading(input: InvitationInput): string {
  return input.language === 'fr' ? `Annexe – ${input.reference}` : `Annex – ${input.reference}`
}

/** `index` is set in a file of several invitations: each then counts its own pages. */
function section(input: InvitationInput, index: number): ISectionOptions {
  check(input)
  const w = invitationWording(input)
  const end = `_GfcInvitationEnd${index + 1}`
  const pages = invitationPages(input, w)
  const footer = (page: number) => pageFooter(input.language, input.reference, { endBookmark: end, page, pages })
  return {
    properties: { ...pageProperties({ titlePage: true, paper: input.chair.paper }) },
    headers: { first: letterhead(input.chair, input.language), default: runningHeader(chairMission(input.chair, input.language), annexHeading(input)) },
    footers: { first: footer(1), default: footer(2) },
    children: [...content(input, w), endMark(end)],
  }
}

function title(input: InvitationInput): string {
  return `Invitation – ${localMeeting(input.meeting, input.language).title} – ${memberName(input.organisation, input.language)}`
}

/**
 * Builds invitations one file each, on frames made once: the letterhead, styles, fonts and
 * footer of a language and Chair are packed for the first invitation and reused by the next
 * (only the body, the reference and the title differ). One press per issue.
 */
export class InvitationPress {
  private readonly frames = new Map<string, Promise<Frame>>()

  private frame(input: InvitationInput): Promise<Frame> {
    const { language, chair } = input
    const key = JSON.stringify([language, chair])
    let frame = this.frames.get(key)
    if (!frame) {
      const footer = (page: number) => pageFooter(language, slot('reference'), { page, pages: slot('pages') })
      frame = Frame.create(
        { title: slot('title'), language, creator: chairMission(chair, language) },
        {
          properties: pageProperties({ titlePage: true, paper: chair.paper }),
          headers: { first: letterhead(chair, language), default: runningHeader(chairMission(chair, language), slot('annex')) },
          footers: { first: footer(1), default: footer(2) },
        },
      )
      this.frames.set(key, frame)
    }
    return frame
  }

  /** One invitation: a letter or a note verbale, with its agenda annex. */
  async build(input: InvitationInput): Promise<Uint8Array> {
    check(input)
    const frame = await this.frame(input)
    const w = invitationWording(input)
    return frame.document(content(input, w), {
      reference: input.reference,
      annex: annexHeading(input),
      title: title(input),
      pages: String(invitationPages(input, w)),
    })
  }
}

/** One invitation: a letter or a note verbale, with its agenda annex. */
export async function buildInvitation(input: InvitationInput): Promise<Uint8Array> {
  return new InvitationPress().build(input)
}

/**
 * Several invitations in one file, each its own section starting on a new page, with its own
 * letterhead and its page numbers counted from 1 ("Page 1 of 2" for each). A letter in another
 * language than the first marks its words as being in its own.
 */
export async function buildInvitations(inputs: InvitationInput[]): Promise<Uint8Array> {
  if (!inputs.length) throw new AppError('validation', 'No invitation to put in the file', 'inputs')
  const first = inputs[0]
  const meta = { title: `Invitations – ${first.meeting.title}`, language: first.language, creator: chairMission(first.chair, first.language) }
  return pack(meta, inputs.map((input, i) => inLanguage(input.language === first.language ? undefined : input.language, () => section(input, i))))
}
