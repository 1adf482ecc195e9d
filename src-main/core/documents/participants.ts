import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import type { Language } from '../model/fields'
import { formatDate } from '../model/format'
import { meetingBlock } from './annex'
import { fitColumns, para, PT, spacer, textHeight, textWidth } from './docx-kit'
import { pack } from './press'
import { byMember, GROUP_LABEL, meetingMeta, meetingSection, memberLabel } from './meeting-section'
import type { MeetingDocInput, ParticipantRow, ParticipantsMode } from './types'
import { localMeeting } from './wording'

// The list of participants: one row per participating member and its people, Member States
// first, then the SMEs; the header row repeats on every page and no row is cut across two pages.

const HEAD: Record<ParticipantsMode, Record<Language, [string, string]>> = {
  accepted: { en: ['Member', 'Delegation'], fr: ['Membre', 'Délégation'] },
  attended: { en: ['Member', 'Participants'], fr: ['Membre', 'Participants'] },
}

const INTRO: Record<ParticipantsMode, Record<Language, (date: string) => string>> = {
  accepted: {
    en: (date) => `Members that have accepted the invitation, with their delegations, as of ${date}.`,
    fr: (date) => `Membres ayant accepté l’invitation, avec leur délégation, au ${date}.`,
  },
  attended: {
    en: () => 'Members that attended the meeting, with their participants.',
    fr: () => 'Membres ayant participé à la réunion, avec leurs représentants.',
  },
}

const NONE: Record<ParticipantsMode, Record<Language, string>> = {
  accepted: { en: 'No member has accepted the invitation yet.', fr: 'Aucun membre n’a encore accepté l’invitation.' },
  attended: { en: 'No attendance has been recorded.', fr: 'Aucune participation n’a été enregistrée.' },
}

export function participantsTitle(language: Language): string {
  return language === 'fr' ? 'Liste des participants' : 'List of participants'
}

/** Who the list names: those who accepted (before the meeting) or those who attended (after it). */
export function listedParticipants(rows: ParticipantRow[], mode: ParticipantsMode): ParticipantRow[] {
  return rows.filter((r) => (mode === 'attended' ? r.attended : r.response === 'accepted'))
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
const NONE_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const MARGINS = { top: 60, bottom: 60, left: 100, right: 100 }
const SIZE = 10.5

function cell(text: string, width: number, options: { bold?: boolean; fill?: string; span?: number; italics?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    margins: MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    shading: options.fill ? { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } : undefined,
    children: [para(text || '—', { alignment: AlignmentType.LEFT }, { bold: options.bold, italics: options.italics, size: PT(SIZE) })],
  })
}

/**
 * The list of participants in one of two modes: before the meeting, the members that accepted
 * with their delegations; after it, those that attended. Members that declined or did not
 * answer are not participants and are not listed.
 */
export async function buildParticipants(input: MeetingDocInput & { rows: ParticipantRow[]; mode?: ParticipantsMode }): Promise<Uint8Array> {
  const lang = input.language
  const mode = input.mode ?? 'accepted'
  const meeting = localMeeting(input.meeting, lang)
  const title = participantsTitle(lang)
  const listed = byMember(listedParticipants(input.rows, mode), lang)
  const width = textWidth(input.chair.paper)
  const head = HEAD[mode][lang]
  const columns = fitColumns(width, [0.38, 0.62], [[head[0], ...listed.map((r) => memberLabel(r.organisation, lang))], [head[1], ...listed.map((r) => r.names)]], SIZE, MARGINS.left + MARGINS.right)
  const rows: TableRow[] = [new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, columns[i], { bold: true, fill: 'D9D9D9' })) })]
  for (const kind of ['state', 'sme'] as const) {
    const group = listed.filter((r) => r.organisation.kind === kind)
    if (!group.length) continue
    rows.push(new TableRow({ cantSplit: true, keepNext: true, children: [cell(`${GROUP_LABEL[kind][lang]} (${group.length})`, width, { bold: true, italics: true, fill: 'F2F2F2', span: 2 })] }))
    for (const r of group) rows.push(new TableRow({ cantSplit: true, children: [cell(memberLabel(r.organisation, lang), columns[0]), cell(r.names.trim(), columns[1])] }))
  }
  const table = new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: NONE_BORDER, right: NONE_BORDER, insideHorizontal: LINE, insideVertical: NONE_BORDER },
  })
  const children: (Paragraph | Table)[] = [
    ...meetingBlock(meeting, lang, input.chair.clock12),
    spacer(12),
    para(INTRO[mode][lang](formatDate(input.date, lang)), { alignment: AlignmentType.CENTER, spacing: { after: 200 } }, { italics: true, size: PT(10.5) }),
  ]
  if (listed.length) {
    const counts = (['state', 'sme'] as const).map((k) => `${GROUP_LABEL[k][lang]}${lang === 'fr' ? '\u00a0:' : ':'} ${listed.filter((r) => r.organisation.kind === k).length}`)
    children.push(table, para(counts.join(' · '), { spacing: { before: 160 } }, { size: PT(10), italics: true }))
  } else children.push(para(NONE[mode][lang], {}, { italics: true }))
  // About 3 rows of a name or two each per 1,000 twips; the first page also has the letterhead and the title.
  const pages = 1 + Math.floor(Math.max(0, listed.reduce((n, r) => n + Math.max(1, r.names.split('\n').length), 0) * 330 - 7000) / textHeight(input.chair.paper))
  return pack(meetingMeta(input, title), [meetingSection(input, title, children, { pages })])
}
