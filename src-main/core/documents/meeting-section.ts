import { AlignmentType, type ISectionOptions, type Paragraph, type Table } from 'docx'
import type { Language } from '../model/fields'
import { checkDate, formatDate } from '../model/format'
import { LANDSCAPE_TEXT_WIDTH, letterhead, pageFooter, pageProperties, para, PT, runningHeader, TEXT_WIDTH } from './docx-kit'
import type { MeetingDocInput, RecipientOrganisation } from './types'
import { GROUP_NAME, memberName, placeAndDate } from './wording'

// The frame of the Group's meeting documents (agenda, list of participants, written
// comments): the Chair's letterhead on the first page, a running header after it, the
// place and date of issue, the title, and "Page X of Y" in the footer.

export function meetingSection(
  input: MeetingDocInput,
  title: string,
  children: (Paragraph | Table)[],
  options: { landscape?: boolean; runningTitle?: string } = {},
): ISectionOptions {
  checkDate(input.date, 'date')
  const { language: lang, meeting } = input
  const day = /^\d{4}-\d{2}-\d{2}/.test(meeting.start) ? formatDate(meeting.start.slice(0, 10), lang) : ''
  const footerLeft = [meeting.title.trim(), day].filter(Boolean).join(' – ')
  const width = options.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH
  const footer = pageFooter(lang, footerLeft, undefined, width)
  return {
    properties: pageProperties({ titlePage: true, landscape: options.landscape }),
    headers: { first: letterhead(input.chair, lang), default: runningHeader(GROUP_NAME[lang], options.runningTitle ?? title, width) },
    footers: { first: footer, default: footer },
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
