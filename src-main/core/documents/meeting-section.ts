import { AlignmentType, type ISectionOptions, type Paragraph, type Table } from 'docx'
import type { Language } from '../model/fields'
import { checkDate, formatDate } from '../model/format'
import { letterhead, pageFooter, pageProperties, para, PT, runningHeader, textWidth, type DocMeta } from './docx-kit'
import type { MeetingDocInput, RecipientOrganisation } from './types'
import { chairMission, GROUP_NAME, localMeeting, memberName, placeAndDate } from './wording'

/** The properties of a meeting document: its title with the meeting's, from the Chair's office. */
export function meetingMeta(input: MeetingDocInput, title: string): DocMeta {
  return { title: `${title} – ${localMeeting(input.meeting, input.language).title}`, language: input.language, creator: chairMission(input.chair, input.language) }
}

// The frame of the Group's meeting documents (agenda, list of participants, written
// comments): the Chair's letterhead on the first page, a running header after it, the
// place and date of issue, the title, and "Page X of Y" in the footer.

export function meetingSection(
  input: MeetingDocInput,
  title: string,
  children: (Paragraph | Table)[],
  options: { landscape?: boolean; runningTitle?: string; pages?: number } = {},
): ISectionOptions {
  checkDate(input.date, 'date')
  const lang = input.language
  const meeting = localMeeting(input.meeting, lang)
  const day = /^\d{4}-\d{2}-\d{2}/.test(meeting.start) ? formatDate(meeting.start.slice(0, 10), lang) : ''
  const footerLeft = [meeting.title.trim(), day].filter(Boolean).join(' – ')
  const paper = input.chair.paper
  const width = textWidth(paper, options.landscape)
  const footer = (page: number) => pageFooter(lang, footerLeft, { width, page, pages: options.pages ?? 1 })
  return {
    properties: pageProperties({ titlePage: true, landscape: options.landscape, paper }),
    headers: { first: letterhead(input.chair, lang), default: runningHeader(GROUP_NAME[lang], options.runningTitle ?? title, width) },
    footers: { first: footer(1), default: footer(2) },
    children: [
      para(placeAndDate(input.chair.city, input.date, lang), { alignment: AlignmentType.RIGHT, spacing: { after: 360 } }),
      para(title, { alignment: AlignmentType.CENTER, spacing: { after: 240 }, keepNext: true }, { bold: true, size: PT(14) }),
      ...children,
    ],
  }
}

/** "Ghana", "International Committee of the Red Cross (ICRC)". */
export function memberLabel(org: RecipientOrganisation, language: Language): string {
  const name = memberName(org, language)
  const acronym = org.acronym.trim()
  return org.kind === 'sme' && acronym && acronym !== name ? `${name} (${acronym})` : name
}

/** Member States first, then the SMEs, each in the alphabetical order of the language. */
export function byMember<T extends { organisation: RecipientOrganisation }>(rows: T[], language: Language): T[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', ignorePunctuation: true })
  return [...rows].sort(
    (a, b) =>
      (a.organisation.kind === b.organisation.kind ? 0 : a.organisation.kind === 'state' ? -1 : 1) ||
      collator.compare(memberName(a.organisation, language), memberName(b.organisation, language)),
  )
}

export const GROUP_LABEL: Record<'state' | 'sme', Record<Language, string>> = {
  state: { en: 'Member States', fr: 'États Membres' },
  sme: { en: 'Correctional subject matter experts', fr: 'Experts en questions pénitentiaires' },
}
