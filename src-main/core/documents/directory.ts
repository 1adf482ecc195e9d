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
import Papa from 'papaparse'
import type { Language } from '../model/fields'
import type { Paper } from '../model/settings'
import type { MissionKind, MissionStatus } from '../model/mission'
import { fitColumns, pageFooter, pageProperties, para, PT, runningHeader, spacer, textWidth } from './docx-kit'
import { pack } from './press'
import { checkDate, formatDate, NBSP } from '../model/format'
import { safeFileNamePart } from './file-names'
import { GROUP_NAME } from './wording'

// The mission directory: for each mission, its posts and who holds each one today, with how
// to reach them and when that was last checked. A4 landscape, so that the seven columns keep
// e-mail addresses on one line; the header row repeats on every page, no row is cut across two
// pages, and rows not checked for six months are shaded and say so. The CSV has one row per
// current holder, for a spreadsheet or a mail merge.

type Bilingual = Record<Language, string>

export interface DirectoryHolder {
  name: string
  /** The seconding Member State's name, or null for UN staff (not seconded). */
  seconding: Bilingual | null
  /** ISO code of the seconding state, "" when not seconded. */
  secondedBy: string
  emails: string[]
  phones: string[]
  language: Language
  start: string
}

export interface DirectoryRow {
  title: string
  titleFr: string
  dutyStation: string
  head: boolean
  /** Who holds the post today; null when it is vacant. */
  holder: DirectoryHolder | null
  /** The last check of the holder (of the post when vacant). */
  verifiedOn: string
  verifiedBy: string
  stale: boolean
}

export interface DirectoryMission {
  acronym: string
  name: Bilingual
  location: Bilingual
  kind: MissionKind
  leadDepartment: string
  status: MissionStatus
  start: string
  end: string
  rows: DirectoryRow[]
}

export interface DirectoryInput {
  language: Language
  /** The day the directory is drawn up. */
  date: string
  missions: DirectoryMission[]
  /** True for the directory of one mission (its title names it). */
  single: boolean
  /** The paper of Settings (A4 unless told), and who the document comes from (the Chair's office). */
  paper?: Paper
  creator?: string
}

const WORDS = {
  en: {
    title: 'Field mission directory',
    subtitle: (date: string) => `Justice and corrections components: who holds each post, as of ${date}`,
    head: ['Post', 'Duty station', 'Name', 'Seconded by', 'E-mail', 'Phone', 'Last verified'],
    kind: { peacekeeping: 'Peacekeeping operation', political: 'Special political mission' } as Record<MissionKind, string>,
    since: (d: string) => `since ${d}`,
    closed: (s: string, e: string) => `closed; from ${s} to ${e}`,
    vacant: 'Vacant',
    unStaff: 'UN staff',
    never: 'Never verified',
    toVerify: 'To verify',
    legend: 'Shaded rows have not been verified for six months or more.',
    noPost: 'No post is recorded for this mission.',
    noMission: 'No mission is recorded.',
    csv: ['Mission', 'Post', 'Duty station', 'Head of component', 'Name', 'Seconded by', 'Seconding state code', 'E-mail', 'Phone', 'Preferred language', 'Since', 'Last verified', 'Verified by', 'To verify'],
    yes: 'yes',
    no: 'no',
    file: 'field mission directory',
  },
  fr: {
    title: 'Répertoire des missions sur le terrain',
    subtitle: (date: string) => `Composantes justice et administration pénitentiaire${NBSP}: titulaires des postes au ${date}`,
    head: ['Poste', 'Lieu d’affectation', 'Nom', 'Détaché par', 'Courriel', 'Téléphone', 'Dernière vérification'],
    kind: { peacekeeping: 'Opération de maintien de la paix', political: 'Mission politique spéciale' } as Record<MissionKind, string>,
    since: (d: string) => `depuis le ${d}`,
    closed: (s: string, e: string) => `fermée${NBSP}; du ${s} au ${e}`,
    vacant: 'Poste vacant',
    unStaff: 'Personnel de l’ONU',
    never: 'Jamais vérifié',
    toVerify: 'À vérifier',
    legend: 'Les lignes ombrées n’ont pas été vérifiées depuis six mois ou plus.',
    noPost: 'Aucun poste n’est enregistré pour cette mission.',
    noMission: 'Aucune mission n’est enregistrée.',
    csv: ['Mission', 'Poste', 'Lieu d’affectation', 'Chef de composante', 'Nom', 'Détaché par', 'Code de l’État', 'Courriel', 'Téléphone', 'Langue préférée', 'Depuis', 'Dernière vérification', 'Vérifié par', 'À vérifier'],
    yes: 'oui',
    no: 'non',
    file: 'répertoire des missions',
  },
} as const

export function directoryTitle(input: Pick<DirectoryInput, 'language' | 'missions' | 'single'>): string {
  const title = WORDS[input.language].title
  return input.single && input.missions[0] ? `${title} – ${input.missions[0].acronym}` : title
}

/** "2026-11-23 field mission directory - MINUSCA - EN.docx" (or "- all missions -"). */
export function directoryFileName(input: Pick<DirectoryInput, 'language' | 'missions' | 'single' | 'date'>, ext: 'docx' | 'csv'): string {
  const which = input.single && input.missions[0] ? input.missions[0].acronym : input.language === 'fr' ? 'toutes les missions' : 'all missions'
  return `${safeFileNamePart(`${input.date} ${WORDS[input.language].file} - ${which} - ${input.language.toUpperCase()}`)}.${ext}`
}

const postTitle = (r: DirectoryRow, lang: Language) => (lang === 'fr' && r.titleFr) || r.title

/** Shares of the width: post, duty station, name, seconded by, e-mail, phone, last verified. */
const SHARES = [0.17, 0.1, 0.16, 0.1, 0.22, 0.12, 0.12]

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const MARGINS = { top: 50, bottom: 50, left: 80, right: 80 }
const HEAD_FILL = 'D9D9D9'
const STALE_FILL = 'FBE3C8'
const CELL_POINTS = 9.5
const CELL = PT(CELL_POINTS)

function cell(text: string, width: number, o: { bold?: boolean; italics?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    shading: o.fill ? { type: ShadingType.CLEAR, fill: o.fill, color: 'auto' } : undefined,
    children: [para(text || '—', { alignment: AlignmentType.LEFT }, { bold: o.bold, italics: o.italics, size: CELL })],
  })
}

function verifiedText(r: DirectoryRow, lang: Language): string {
  const w = WORDS[lang]
  const when = r.verifiedOn ? formatDate(r.verifiedOn, lang) : w.never
  return r.stale ? `${when}\n${w.toVerify}` : when
}

/** The texts of each row's cells, in the order of the columns. */
function rowTexts(r: DirectoryRow, lang: Language): string[] {
  const h = r.holder
  return [postTitle(r, lang), r.dutyStation, h ? h.name : WORDS[lang].vacant, h ? (h.seconding?.[lang] ?? WORDS[lang].unStaff) : '', h?.emails.join('\n') ?? '', h?.phones.join('\n') ?? '', verifiedText(r, lang)]
}

/** One layout for every mission's table, wide enough for the longest e-mail address. */
function columns(input: DirectoryInput, width: number): number[] {
  const rows = input.missions.flatMap((m) => m.rows.map((r) => rowTexts(r, input.language)))
  const head: readonly string[] = WORDS[input.language].head
  return fitColumns(width, SHARES, SHARES.map((_, i) => [head[i], ...rows.map((r) => r[i])]), CELL_POINTS, MARGINS.left + MARGINS.right)
}

function missionTable(m: DirectoryMission, lang: Language, cols: number[]): Table {
  const width = cols.reduce((a, b) => a + b, 0)
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: WORDS[lang].head.map((h, i) => cell(h, cols[i], { bold: true, fill: HEAD_FILL })) })
  const rows = m.rows.map((r) => {
    const fill = r.stale ? STALE_FILL : undefined
    const h = r.holder
    return new TableRow({
      cantSplit: true,
      children: [
        cell(postTitle(r, lang), cols[0], { bold: r.head, fill }),
        cell(r.dutyStation, cols[1], { fill }),
        h ? cell(h.name, cols[2], { fill }) : cell(WORDS[lang].vacant, cols[2], { italics: true, fill }),
        cell(h ? (h.seconding?.[lang] ?? WORDS[lang].unStaff) : '', cols[3], { fill }),
        cell(h?.emails.join('\n') ?? '', cols[4], { fill }),
        cell(h?.phones.join('\n') ?? '', cols[5], { fill }),
        cell(verifiedText(r, lang), cols[6], { italics: r.stale, fill }),
      ],
    })
  })
  return new Table({
    rows: [header, ...rows],
    width: { size: width, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: NONE, right: NONE, insideHorizontal: LINE, insideVertical: NONE },
  })
}

/** "Central African Republic · Peacekeeping operation (DPO) · since 10 April 2014". */
function missionLine(m: DirectoryMission, lang: Language): string {
  const w = WORDS[lang]
  const kind = m.leadDepartment ? `${w.kind[m.kind]} (${m.leadDepartment})` : w.kind[m.kind]
  const dates =
    m.status === 'closed' && m.start && m.end ? w.closed(formatDate(m.start, lang), formatDate(m.end, lang)) : m.start ? w.since(formatDate(m.start, lang)) : ''
  return [m.location[lang], kind, dates].filter(Boolean).join(' · ')
}

function missionBlock(m: DirectoryMission, lang: Language, widths: number[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    para(`${m.acronym} – ${m.name[lang] || m.name.en}`, { spacing: { before: 360, after: 60 }, keepNext: true, keepLines: true }, { bold: true, size: PT(13) }),
    para(missionLine(m, lang), { spacing: { after: 140 }, keepNext: true }, { italics: true, size: PT(10.5) }),
  ]
  if (!m.rows.length) out.push(para(WORDS[lang].noPost, {}, { italics: true, size: PT(10.5) }))
  else out.push(missionTable(m, lang, widths))
  return out
}

export async function buildDirectory(input: DirectoryInput): Promise<Uint8Array> {
  checkDate(input.date, 'date')
  const lang = input.language
  const w = WORDS[lang]
  const title = directoryTitle(input)
  const date = formatDate(input.date, lang)
  const children: (Paragraph | Table)[] = [
    para(title, { alignment: AlignmentType.CENTER, spacing: { after: 80 } }, { bold: true, size: PT(15) }),
    para(w.subtitle(date), { alignment: AlignmentType.CENTER, spacing: { after: 120 } }, { italics: true, size: PT(11) }),
  ]
  const width = textWidth(input.paper, true)
  const widths = columns(input, width)
  for (const m of input.missions) children.push(...missionBlock(m, lang, widths))
  if (!input.missions.length) children.push(spacer(12), para(w.noMission, { alignment: AlignmentType.CENTER }, { italics: true }))
  if (input.missions.some((m) => m.rows.some((r) => r.stale))) {
    children.push(para(w.legend, { spacing: { before: 240 } }, { italics: true, size: PT(9.5) }))
  }
  // About 15 rows a page.
  const pages = Math.max(1, Math.ceil(input.missions.reduce((n, m) => n + m.rows.length + 3, 0) / 15))
  const footer = pageFooter(lang, `${title} – ${date}`, { width, pages })
  return pack({ title, language: lang, creator: input.creator }, [
    {
      properties: pageProperties({ landscape: true, paper: input.paper }),
      headers: { default: runningHeader(GROUP_NAME[lang], title, width) },
      footers: { default: footer },
      children,
    },
  ])
}

/** A cell a spreadsheet would run as a formula (phone numbers such as "+236 70 00 00 01" aside). */
const FORMULA = /^[=@\t\r]|^[+-](?![\d\s()./;+-]*(?:(?:ext\.?|x)\s*\d+)?$)/i

/** One row per current holder, with a byte-order mark so that Excel reads the UTF-8. */
export function buildDirectoryCsv(input: DirectoryInput): string {
  const w = WORDS[input.language]
  const rows = input.missions.flatMap((m) =>
    m.rows.flatMap((r) => {
      const h = r.holder
      if (!h) return []
      return [
        [
          m.acronym,
          postTitle(r, input.language),
          r.dutyStation,
          r.head ? w.yes : w.no,
          h.name,
          h.seconding?.[input.language] ?? '',
          h.secondedBy,
          h.emails.join('; '),
          h.phones.join('; '),
          h.language,
          h.start,
          r.verifiedOn,
          r.verifiedBy,
          r.stale ? w.yes : w.no,
        ],
      ]
    }),
  )
  return '\uFEFF' + Papa.unparse({ fields: [...w.csv], data: rows }, { newline: '\r\n', escapeFormulae: FORMULA })
}
