import type { Paragraph } from 'docx'
import type { Language } from '../model/fields'
import { formatMeetingWhen, formatSlot } from '../model/format'
import { mixed, para, PT, STYLE, type RunStyle } from './docx-kit'
import type { MeetingInfo } from './types'
import { agendaLines, GROUP_NAME, venueOrOnline } from './wording'

// The provisional agenda, as the annex of an invitation and as the body of the agenda document.

const GREY = '404040'

/** The meeting's title, when and where, centred under a heading. */
export function meetingBlock(meeting: MeetingInfo, language: Language, clock12 = false): Paragraph[] {
  const where = venueOrOnline(meeting, language)
  const link = meeting.onlineLink.trim()
  const lines = [
    para(meeting.title.trim() || GROUP_NAME[language], { style: STYLE.centred, spacing: { after: 60 } }, { bold: true }),
    para(GROUP_NAME[language], { style: STYLE.centred, spacing: { after: 60 } }, { italics: true }),
    para(formatMeetingWhen(meeting, language, clock12), { style: STYLE.centred, spacing: { after: 20 } }, { size: PT(11) }),
    para(where, { style: STYLE.centred }, { size: PT(11) }),
  ]
  if (link && where !== link) lines.push(para(link, { style: STYLE.centred }, { size: PT(10), color: GREY }))
  const dial = meeting.dialIn.trim()
  if (dial) lines.push(para(`${language === 'fr' ? 'Par téléphone\u00a0:' : 'By telephone:'} ${dial}`, { style: STYLE.centred }, { size: PT(10), color: GREY }))
  return lines
}

/** The numbered items: "1.  Opening of the meeting" and, under it, the slot, the presenter and the duration. */
export function agendaItems(meeting: MeetingInfo, language: Language, withSlots = false, clock12 = false): Paragraph[] {
  let offset = 0
  return agendaLines(meeting.agenda).map((item) => {
    const slot = withSlots && item.minutes > 0 ? formatSlot(meeting.start, offset, item.minutes, language, clock12) : ''
    offset += item.minutes
    const detail = [slot, item.detail].filter(Boolean).join(' · ')
    const pieces: [string, RunStyle?][] = [[`${item.number}.\t${item.title}`]]
    if (detail) pieces.push([`\n${detail}`, { style: STYLE.detail }])
    return mixed(pieces, { style: STYLE.item })
  })
}
