import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx'
import type { Language } from '../model/fields'
import { WorkplanFunction } from '../model/workplan'
import { fitColumns, letterhead, mixed, pageFooter, pageProperties, para, PT, runningHeader, runs, spacer, STYLE, textWidth } from './docx-kit'
import { pack } from './press'
import { checkDate, formatDate, formatMonthSpan, NBSP } from '../model/format'
import type { WorkplanActivity, WorkplanDocInput } from './types'
import { chairMission, placeAndDate } from './wording'
import { activityTitle, functionHeading, periodText, STATUS_NAMES, WORKPLAN_LABELS, workplanTitle } from './workplan-wording'

// The Group's work plan as a Word document: A4 landscape, the Chair and the period under the
// title, then one table grouped by the six functions. The columns have fixed widths, the
// header row repeats on every page, and a row is never cut across two pages.

/** Shares of the width: activity, lead, supporting, missions, period, status, latest progress. */
const SHARES = [0.27, 0.13, 0.14, 0.08, 0.11, 0.08, 0.19]
const CELL_POINTS = 9

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const MARGINS = { top: 50, bottom: 50, left: 90, right: 90 }

type Piece = [string, { bold?: boolean; italics?: boolean; color?: string }?]

// Hundreds of rows: each cell is one paragraph (its parts on lines of their own), taking its
// margins from the table and its size from a named style, so that it is quick to build and
// to write.
function cell(pieces: Piece[], width: number, options: { fill?: string; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    shading: options.fill ? { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } : undefined,
    children: [new Paragraph({ style: STYLE.cell, children: pieces.flatMap(([t, s]) => runs(t, s)) })],
  })
}

const text = (t: string): Piece[] => [[t || '—']]

// A row taller than a page cannot be kept whole: Word and LibreOffice would then cut it anyway
// (or clip it). Rows estimated at more lines than a page holds may split; the others may not.
// A landscape page holds about 40 lines of 9 points (9,400 twips at 220 a line), less the
// header row; a character of 9-point serif is about 95 twips wide on average.
const PAGE_LINES = 34
const CHAR_TWIPS = 95

function estimatedLines(cells: Piece[][], columns: number[]): number {
  return Math.max(
    ...cells.map((pieces, i) => {
      const perLine = Math.max(8, Math.floor((columns[i] - MARGINS.left - MARGINS.right) / CHAR_TWIPS))
      return pieces.map(([t]) => t).join('').split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0)
    }),
  )
}

function names(refs: { en: string; fr: string }[], lang: Language): string {
  return refs.map((r) => (lang === 'fr' ? r.fr || r.en : r.en || r.fr)).join('\n')
}

function activityRow(a: WorkplanActivity, lang: Language, columns: number[]): TableRow {
  const L = WORKPLAN_LABELS[lang]
  const first: Piece[] = [[activityTitle(a, lang), { bold: true }]]
  if (a.description.trim()) first.push([`\n${a.description.trim()}`])
  if (a.meeting) first.push([`\n${L.meeting}${lang === 'fr' ? NBSP : ''}: ${a.meeting.title}`, { italics: true, color: '404040' }])
  const note = a.notes[0]
  const cells: Piece[][] = [
    first,
    text(names(a.leads, lang)),
    text(names(a.supporters, lang)),
    text(a.missions.map((m) => m.acronym).join(', ')),
    text(formatMonthSpan(a.start, a.end, lang, true)),
    text(STATUS_NAMES[a.status][lang]),
    note ? [[formatDate(note.date, lang), { bold: true }], [`\n${note.text.trim()}`]] : text(''),
  ]
  const whole = estimatedLines(cells, columns) <= PAGE_LINES
  return new TableRow({ ...(whole ? { cantSplit: true } : {}), children: cells.map((c, i) => cell(c, columns[i])) })
}

function table(input: WorkplanDocInput, width: number): Table {
  const lang = input.language
  const L = WORKPLAN_LABELS[lang]
  const head = [L.activity, L.lead, L.supporting, L.missions, L.dates, L.status, L.latest]
  // The columns of members' names and missions are as wide as their longest word ("MONUSCO,").
  const acts = input.activities
  const columns = fitColumns(
    width,
    SHARES,
    [[head[0]], [head[1], ...acts.map((a) => names(a.leads, lang))], [head[2], ...acts.map((a) => names(a.supporters, lang))], [head[3], ...acts.map((a) => a.missions.map((m) => m.acronym).join(', '))], [head[4]], [head[5]], [head[6]]],
    CELL_POINTS,
    MARGINS.left + MARGINS.right,
  )
  const rows = [new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell([[h, { bold: true }]], columns[i], { fill: 'D9D9D9' })) })]
  for (const f of WorkplanFunction.options) {
    const mine = input.activities.filter((a) => a.function === f)
    if (!mine.length) continue
    // The function's row stays with its first activity.
    rows.push(new TableRow({ cantSplit: true, keepNext: true, children: [cell([[functionHeading(f, lang), { bold: true }]], width, { fill: 'EDEDED', span: columns.length })] }))
    for (const a of mine) rows.push(activityRow(a, lang, columns))
  }
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    margins: MARGINS,
    borders: { top: LINE, bottom: LINE, left: NONE, right: NONE, insideHorizontal: LINE, insideVertical: NONE },
  })
}

function chairText(input: WorkplanDocInput): string {
  const { chair, chairTerm, language: lang } = input
  if (!chair.state) return ''
  const state = lang === 'fr' ? chair.state.fr : chair.state.en
  if (!chairTerm) return state
  const [s, e] = [formatDate(chairTerm.start, lang), formatDate(chairTerm.end, lang)]
  return lang === 'fr' ? `${state} (du ${s} au ${e})` : `${state} (${s} – ${e})`
}

export async function buildWorkplan(input: WorkplanDocInput): Promise<Uint8Array> {
  checkDate(input.date, 'date')
  const lang = input.language
  const L = WORKPLAN_LABELS[lang]
  const title = workplanTitle(lang)
  const period = periodText(input.period, lang)
  const chair = chairText(input)
  const lines: Paragraph[] = [
    para(placeAndDate(input.chair.city, input.date, lang), { alignment: AlignmentType.RIGHT, spacing: { after: 240 } }),
    para(title, { alignment: AlignmentType.CENTER, spacing: { after: 160 }, keepNext: true }, { bold: true, size: PT(14) }),
  ]
  if (chair) lines.push(mixed([[`${L.chair} `, { bold: true }], [chair]], { alignment: AlignmentType.CENTER, keepNext: true }))
  lines.push(mixed([[`${L.period} `, { bold: true }], [period]], { alignment: AlignmentType.CENTER, keepNext: true }), spacer(14))
  const paper = input.chair.paper
  const width = textWidth(paper, true)
  // About 8 activities a page.
  const pages = Math.max(1, Math.ceil(input.activities.length / 8))
  const footer = (page: number) => pageFooter(lang, `${L.title} – ${period}`, { width, page, pages })
  return pack({ title: `${title} – ${period}`, language: lang, creator: chairMission(input.chair, lang) }, [
    {
      properties: pageProperties({ landscape: true, titlePage: true, paper }),
      headers: { first: letterhead(input.chair, lang), default: runningHeader(title, period, width) },
      footers: { first: footer(1), default: footer(2) },
      children: input.activities.length ? [...lines, table(input, width)] : [...lines, para(L.none, {}, { italics: true })],
    },
  ])
}
