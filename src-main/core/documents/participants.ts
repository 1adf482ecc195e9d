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
import type { Response } from '../model/meeting'
import { meetingBlock } from './annex'
import { pack, para, PT, spacer, TEXT_WIDTH } from './docx-kit'
import { byMember, GROUP_LABEL, meetingSection, memberLabel } from './meeting-section'
import type { MeetingDocInput, ParticipantRow } from './types'

// The list of participants: one row per invited member (who attends, the answer, whether
// it attended), Member States first, then the SMEs; the header row repeats on every page and
// no row is cut across two pages.

const RESPONSE: Record<Response, Record<Language, string>> = {
  invited: { en: 'Invited', fr: 'Invitation envoyée' },
  accepted: { en: 'Accepted', fr: 'Acceptation' },
  declined: { en: 'Declined', fr: 'Refus' },
  tentative: { en: 'Tentative', fr: 'Réponse provisoire' },
  'no-answer': { en: 'No answer', fr: 'Sans réponse' },
}

const HEAD: Record<Language, [string, string, string, string]> = {
  en: ['Member', 'Participants', 'Response', 'Attended'],
  fr: ['Membre', 'Participants', 'Réponse', 'Présent'],
}

export function participantsTitle(language: Language): string {
  return language === 'fr' ? 'Liste des participants' : 'List of participants'
}

/** Column widths in twips: member, names, response, attended. */
const COLUMNS = (() => {
  const w = [0.3, 0.42, 0.16, 0.12].map((f) => Math.floor(TEXT_WIDTH * f))
  w[1] += TEXT_WIDTH - w.reduce((a, b) => a + b, 0)
  return w
})()

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const MARGINS = { top: 60, bottom: 60, left: 100, right: 100 }

function cell(text: string, width: number, options: { bold?: boolean; fill?: string; span?: number; center?: boolean; italics?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    margins: MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    shading: options.fill ? { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } : undefined,
    children: [para(text || '—', { alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT }, { bold: options.bold, italics: options.italics, size: PT(10.5) })],
  })
}

export async function buildParticipants(input: MeetingDocInput & { rows: ParticipantRow[] }): Promise<Uint8Array> {
  const { language: lang, meeting } = input
  const title = participantsTitle(lang)
  const yes = lang === 'fr' ? 'Oui' : 'Yes'
  const no = lang === 'fr' ? 'Non' : 'No'
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: HEAD[lang].map((h, i) => cell(h, COLUMNS[i], { bold: true, fill: 'D9D9D9', center: i > 1 })),
    }),
  ]
  const sorted = byMember(input.rows, lang)
  for (const kind of ['state', 'sme'] as const) {
    const group = sorted.filter((r) => r.organisation.kind === kind)
    if (!group.length) continue
    rows.push(
      new TableRow({
        cantSplit: true,
        keepNext: true,
        children: [cell(`${GROUP_LABEL[kind][lang]} (${group.length})`, TEXT_WIDTH, { bold: true, italics: true, fill: 'F2F2F2', span: 4 })],
      }),
    )
    for (const r of group) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(memberLabel(r.organisation, lang), COLUMNS[0]),
            cell(r.names.trim(), COLUMNS[1]),
            cell(RESPONSE[r.response]?.[lang] ?? '', COLUMNS[2], { center: true }),
            cell(r.attended ? yes : no, COLUMNS[3], { center: true }),
          ],
        }),
      )
    }
  }
  const table = new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: NONE, right: NONE, insideHorizontal: LINE, insideVertical: NONE },
  })
  const counts = (['state', 'sme'] as const).map((k) => `${GROUP_LABEL[k][lang]}${lang === 'fr' ? '\u00a0:' : ':'} ${input.rows.filter((r) => r.organisation.kind === k).length}`)
  const attended = input.rows.filter((r) => r.attended).length
  const summary = [...counts, `${lang === 'fr' ? 'Présents\u00a0:' : 'Attended:'} ${attended}`].join(' · ')
  const children: (Paragraph | Table)[] = [...meetingBlock(meeting, lang), spacer(18)]
  if (input.rows.length) children.push(table, para(summary, { spacing: { before: 160 } }, { size: PT(10), italics: true }))
  else children.push(para(lang === 'fr' ? 'Aucun membre n’a encore été invité.' : 'No member has been invited yet.', {}, { italics: true }))
  return pack({ title: `${title} – ${meeting.title}`, language: lang }, [meetingSection(input, title, children)])
}
