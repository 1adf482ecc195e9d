import { AlignmentType, BorderStyle, type Paragraph } from 'docx'
import type { Language } from '../model/fields'
import { formatDate, formatMeetingWhen, NBSP } from '../model/format'
import { para, PT, spacer, STYLE } from './docx-kit'
import { pack } from './press'
import { byMember, meetingMeta, meetingSection, memberLabel } from './meeting-section'
import { localMeeting } from './wording'
import type { CommentRow, MeetingDocInput } from './types'

// The written comments of members unable to attend, which the Chair tables at the meeting:
// one part per member, with the day they came and their text, paragraphs as written.

export function commentsTitle(language: Language): string {
  return language === 'fr'
    ? 'Observations écrites reçues des membres ne pouvant assister à la réunion, présentées par la présidence'
    : 'Written comments received from members unable to attend, tabled by the Chair'
}

/** The member's text, paragraph by paragraph (a blank line starts a new one; a single newline stays a line break). */
function textParagraphs(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim())
    .map((p) => {
      const ragged = p.split(/\s+/).some((w) => w.includes('://') || w.length > 40)
      return para(p, { style: ragged ? STYLE.bodyLeft : STYLE.body, spacing: { after: 160 } })
    })
}

/** "…the written comments of the one member…" / "…of the 3 members…", and in French. */
export function commentsIntro(count: number, language: Language): string {
  if (language === 'fr') {
    return count === 1
      ? 'La présidence présente ci-après les observations écrites du membre du Groupe qui ne pouvait pas assister à la réunion.'
      : `La présidence présente ci-après, dans l’ordre alphabétique, les observations écrites des ${count}${NBSP}membres du Groupe qui ne pouvaient pas assister à la réunion.`
  }
  return count === 1
    ? 'The Chair tables below the written comments of the one member of the Group who was unable to attend the meeting.'
    : `The Chair tables below, in alphabetical order, the written comments of the ${count}${NBSP}members of the Group who were unable to attend the meeting.`
}

export async function buildTabledComments(input: MeetingDocInput & { comments: CommentRow[] }): Promise<Uint8Array> {
  const lang = input.language
  const meeting = localMeeting(input.meeting, lang)
  const title = commentsTitle(lang)
  const children: Paragraph[] = [
    para(meeting.title.trim(), { alignment: AlignmentType.CENTER, spacing: { after: 40 } }, { bold: true }),
    para(formatMeetingWhen(meeting, lang, input.chair.clock12), { alignment: AlignmentType.CENTER }, { size: PT(11) }),
    spacer(18),
  ]
  const comments = byMember(input.comments.filter((c) => c.text.trim()), lang)
  const members = [...new Set(comments.map((c) => memberLabel(c.organisation, lang)))]
  if (!comments.length) {
    children.push(para(lang === 'fr' ? 'Aucune observation écrite n’a été reçue.' : 'No written comments were received.', {}, { italics: true }))
  } else {
    children.push(para(commentsIntro(members.length, lang), { alignment: AlignmentType.JUSTIFIED, spacing: { after: 240 } }))
  }
  comments.forEach((c, i) => {
    // A member that sent several comments has one part, with each of them in it.
    const member = memberLabel(c.organisation, lang)
    if (i === 0 || memberLabel(comments[i - 1].organisation, lang) !== member) {
      children.push(
        para(`${members.indexOf(member) + 1}.  ${member}`, {
          keepNext: true,
          spacing: { before: 240, after: 40 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A6A6A6', space: 2 } },
        }, { bold: true }),
      )
    }
    const received = /^\d{4}-\d{2}-\d{2}$/.test(c.received) ? formatDate(c.received, lang) : ''
    if (received) children.push(para(lang === 'fr' ? `Reçues le ${received}` : `Received on ${received}`, { keepNext: true, spacing: { after: 120 } }, { italics: true, size: PT(10.5), color: '404040' }))
    children.push(...textParagraphs(c.text))
    const attachment = c.attachmentPath.trim()
    if (attachment) children.push(para(`${lang === 'fr' ? 'Pièce jointe\u00a0:' : 'Attachment:'} ${attachment}`, { spacing: { after: 120 } }, { italics: true, size: PT(10), color: '404040' }))
  })
  // A page holds about 3,000 characters of comments; the first also has the letterhead and the title.
  const pages = 1 + Math.floor(Math.max(0, comments.reduce((n, c) => n + c.text.length + 300, 0) - 2000) / 3000)
  return pack(meetingMeta(input, title), [
    meetingSection(input, title, children, { runningTitle: lang === 'fr' ? 'Observations écrites' : 'Written comments', pages }),
  ])
}
