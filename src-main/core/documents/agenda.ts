import { agendaItems, meetingBlock } from './annex'
import { pack, para, spacer } from './docx-kit'
import { meetingSection } from './meeting-section'
import type { MeetingDocInput } from './types'

// The provisional agenda of a meeting, as a document of its own: the items with their slots
// from the meeting's start, presenters and durations.

export function agendaTitle(language: MeetingDocInput['language']): string {
  return language === 'fr' ? 'Ordre du jour provisoire' : 'Provisional agenda'
}

export async function buildAgenda(input: MeetingDocInput): Promise<Uint8Array> {
  const { language: lang, meeting } = input
  const title = agendaTitle(lang)
  const items = meeting.agenda.length
    ? agendaItems(meeting, lang, true)
    : [para(lang === 'fr' ? 'L’ordre du jour sera arrêté en temps utile.' : 'The agenda will be settled in due course.', {}, { italics: true })]
  return pack({ title: `${title} – ${meeting.title}`, language: lang }, [
    meetingSection(input, title, [...meetingBlock(meeting, lang), spacer(18), ...items]),
  ])
}
