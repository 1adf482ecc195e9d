import { agendaItems, meetingBlock } from './annex'
import { para, spacer } from './docx-kit'
import { pack } from './press'
import { meetingMeta, meetingSection } from './meeting-section'
import { localMeeting } from './wording'
import type { MeetingDocInput } from './types'

// The provisional agenda of a meeting, as a document of its own: the items with their slots
// from the meeting's start, presenters and durations.

export function agendaTitle(language: MeetingDocInput['language']): string {
  return language === 'fr' ? 'Ordre du jour provisoire' : 'Provisional agenda'
}

export async function buildAgenda(input: MeetingDocInput): Promise<Uint8Array> {
  const lang = input.language
  const meeting = localMeeting(input.meeting, lang)
  const clock12 = input.chair.clock12
  const title = agendaTitle(lang)
  const items = meeting.agenda.length
    ? agendaItems(meeting, lang, true, clock12)
    : [para(lang === 'fr' ? 'L’ordre du jour sera arrêté en temps utile.' : 'The agenda will be settled in due course.', {}, { italics: true })]
  return pack(meetingMeta(input, title), [meetingSection(input, title, [...meetingBlock(meeting, lang, clock12), spacer(18), ...items])])
}
