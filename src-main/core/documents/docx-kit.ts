import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Footer,
  Header,
  PageOrientation,
  Paragraph,
  SimpleField,
  Tab,
  TabStopType,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionPropertiesOptions,
} from 'docx'
import type { Language } from '../model/fields'
import type { Paper } from '../model/settings'
import { chairLine, chairMission } from './wording'
import type { ChairInfo } from './types'

// The building blocks shared by every generated document: the page, the fonts, the
// letterhead, the footer with its page fields, and runs that put Arabic-script text in a
// right-to-left run with a font that has the glyphs.

/** The serif of UN correspondence; Word and LibreOffice fall back on a metric twin (Liberation Serif, Tinos). */
export const SERIF = 'Times New Roman'
/** For Arabic-script runs, through the complex-script font slot (`w:rFonts w:cs`). */
export const ARABIC_FONT = 'Noto Naskh Arabic'

/** The paper sizes of Settings, portrait, in twips: A4, and US Letter for a mission in New York. */
export const PAPER: Record<Paper, { width: number; height: number }> = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
}
const CM = 567
export const MARGIN = { top: Math.round(2.2 * CM), bottom: Math.round(2.2 * CM), left: Math.round(2.5 * CM), right: Math.round(2.5 * CM), header: Math.round(1.0 * CM), footer: Math.round(1.0 * CM) }

/** The width of the text between the margins, on a page of that paper. */
export function textWidth(paper: Paper = 'a4', landscape = false): number {
  const p = PAPER[paper] ?? PAPER.a4
  return (landscape ? p.height : p.width) - MARGIN.left - MARGIN.right
}
/** The height of the text between the margins. */
export function textHeight(paper: Paper = 'a4', landscape = false): number {
  const p = PAPER[paper] ?? PAPER.a4
  return (landscape ? p.width : p.height) - MARGIN.top - MARGIN.bottom
}
/** A4 portrait's text width, for what does not depend on the paper (indents). */
export const TEXT_WIDTH = textWidth('a4')

/** Half-points, as docx wants them. */
export const PT = (points: number) => points * 2
export const BODY_SIZE = PT(12)
const SMALL = PT(9)
const GREY = '404040'
const SMALL_STYLE = 'GfcSmall'

/** The styles the builders name (defined in `documentStyles`). */
export const STYLE = {
  body: 'GfcBody',
  bodyLeft: 'GfcBodyRagged',
  item: 'GfcAgendaItem',
  centred: 'GfcCentred',
  /** Character style: the grey italic detail line of an agenda item. */
  detail: 'GfcDetail',
  /** Text in the cells of a dense table (the work plan). */
  cell: 'GfcCell',
} as const
const RULE = '7F7F7F'

export interface RunStyle {
  /** A character style (STYLE.detail). */
  style?: string
  bold?: boolean
  italics?: boolean
  size?: number
  smallCaps?: boolean
  color?: string
  characterSpacing?: number
}

// Arabic, Arabic Supplement, Arabic Extended-A/B, Presentation Forms-A/B (and the Syriac/Thaana
// neighbours the same names use). The characters between two Arabic words (spaces, the Arabic
// comma, marks) stay in the right-to-left run.
const ARABIC_CHAR = '\\u0600-\\u06FF\\u0750-\\u077F\\u0870-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF'
const ARABIC_RUN = new RegExp(`[${ARABIC_CHAR}]+(?:[\\s\\u200c-\\u200f]+[${ARABIC_CHAR}]+)*`, 'g')
const HAS_ARABIC = new RegExp(`[${ARABIC_CHAR}]`)

export function hasArabic(text: string): boolean {
  return HAS_ARABIC.test(text)
}

/** Drops what XML 1.0 cannot carry (control characters, lone surrogates) and normalises to NFC. */
export function clean(text: string): string {
  let t = text.normalize('NFC')
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n')
  // eslint-disable-next-line no-control-regex -- removing them is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(t)) t = t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  if (/[\uD800-\uDFFF]/.test(t)) t = t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  return t
}

/** French ordinals are set with a superscript: "1er" → 1 + "er" raised. */
const ORDINAL = /(?<=(?:^|[\s(])1)(er)(?=[\s,.;)]|$)/

/** Word's language tags of the documents' languages (spelling, hyphenation). */
export const LANGUAGE_TAG: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' }

// A file of several invitations has one default language; the runs of a letter in the other
// language carry their own (so that Word checks a French letter's spelling as French). Set
// while a section is built (synchronously), by `inLanguage`.
let runLanguage: string | undefined

/** Builds with every run marked as being in `language` (undefined: the document's default). */
export function inLanguage<T>(language: Language | undefined, build: () => T): T {
  const before = runLanguage
  runLanguage = language && LANGUAGE_TAG[language]
  try {
    return build()
  } finally {
    runLanguage = before
  }
}

/** Left-to-right mark: after a right-to-left stretch, keeps what follows (numbers, "·") in the line's order. */
const LRM = '\u200e'

function run(text: string, style: RunStyle & { superScript?: boolean }, rtl: boolean, breakBefore: boolean): TextRun {
  // Only the properties that are set, so that the XML stays small (the run inherits the rest).
  const o: Record<string, unknown> = {}
  if (runLanguage) o.language = { value: runLanguage, ...(rtl ? { bidirectional: 'ar-SA' } : {}) }
  // A tab is an element of its own (w:tab), not a character of the text.
  if (text.includes('\t')) o.children = text.split('\t').flatMap((t, i) => (i ? [new Tab(), t] : [t])).filter((c) => c !== '')
  else o.text = text
  if (breakBefore) o.break = 1
  if (style.style) o.style = style.style
  if (style.bold) o.bold = true
  if (style.italics) o.italics = true
  if (style.size) o.size = style.size
  if (style.smallCaps) o.smallCaps = true
  if (style.superScript) o.superScript = true
  if (style.color) o.color = style.color
  if (style.characterSpacing) o.characterSpacing = style.characterSpacing
  if (rtl) {
    // Word sets a right-to-left run in its complex-script font, size, bold and italic.
    o.rightToLeft = true
    o.font = { ascii: SERIF, hAnsi: SERIF, cs: ARABIC_FONT }
    o.language = { ...(runLanguage ? { value: runLanguage } : {}), bidirectional: 'ar-SA' }
    if (style.bold) o.boldComplexScript = true
    if (style.italics) o.italicsComplexScript = true
    if (style.size) o.sizeComplexScript = style.size
  }
  return new TextRun(o as IRunOptions)
}

/** Text that follows a right-to-left stretch (at `from` > 0) starts with a left-to-right mark. */
function afterRtl(text: string, from: number): string {
  return from > 0 && text ? LRM + text : text
}

/**
 * The runs of a text: a line break for each "\n", and Arabic-script stretches in right-to-left
 * runs set in the Arabic font; Latin text keeps the serif.
 */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  const out: TextRun[] = []
  clean(text)
    .split('\n')
    .forEach((line, i) => {
      let breakBefore = i > 0
      let last = 0
      const push = (part: string, rtl: boolean) => {
        if (!part && !breakBefore) return
        if (!rtl && ORDINAL.test(part)) {
          const [before, after] = [part.slice(0, part.search(ORDINAL)), part.slice(part.search(ORDINAL) + 2)]
          push(before, false)
          out.push(run('er', { ...style, superScript: true }, false, breakBefore))
          breakBefore = false
          push(after, false)
          return
        }
        out.push(run(part, style, rtl, breakBefore))
        breakBefore = false
      }
      if (HAS_ARABIC.test(line)) {
        for (const m of line.matchAll(ARABIC_RUN)) {
          push(afterRtl(line.slice(last, m.index), last), false)
          push(m[0], true)
          last = m.index + m[0].length
        }
      }
      // Isolates the right-to-left stretch from what follows it in a left-to-right line:
      // "عبد الله · 10 min" reads in order, the number not pulled into the Arabic.
      push(afterRtl(line.slice(last), last), false)
    })
  return out
}

/** An empty paragraph holding a bookmark, to put at the end of a section (see `pageFooter`). */
export function endMark(id: string): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [new Bookmark({ id, children: [] })] })
}

export type ParaOptions = Omit<IParagraphOptions, 'children' | 'text'> & { style?: string }

/** A paragraph of text (with line breaks and Arabic handled by `runs`). */
export function para(text: string, options: ParaOptions = {}, style: RunStyle = {}): Paragraph {
  return new Paragraph({ ...options, children: runs(text, style) })
}

/** A paragraph of several differently styled pieces. */
export function mixed(pieces: [string, RunStyle?][], options: ParaOptions = {}): Paragraph {
  return new Paragraph({ ...options, children: pieces.flatMap(([t, s]) => runs(t, s ?? {})) })
}

export function spacer(points: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: points * 20, lineRule: 'exact' }, children: [] })
}

/** The styles of all the documents: serif body, single spacing, the document's language. */
export function documentStyles(language: Language) {
  return {
    default: {
      document: {
        run: {
          font: { ascii: SERIF, hAnsi: SERIF, cs: SERIF, eastAsia: SERIF },
          size: BODY_SIZE,
          sizeComplexScript: BODY_SIZE,
          language: { value: language === 'fr' ? 'fr-FR' : 'en-GB', bidirectional: 'ar-SA' },
        },
        paragraph: { spacing: { before: 0, after: 0, line: 240 } },
      },
    },
    // Named styles rather than formatting on every paragraph and run: the XML stays small, and a
    // secretary can restyle the document in Word. Small grey lines (letterhead contacts, running
    // header, footer) take their look from GfcSmall, so that a field result written without run
    // properties (the PAGEREF total) looks like the rest of the line.
    paragraphStyles: [
      { id: SMALL_STYLE, name: 'GFC small', basedOn: 'Normal', run: { size: SMALL, sizeComplexScript: SMALL, color: GREY } },
      { id: STYLE.body, name: 'GFC body', basedOn: 'Normal', paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 200 } } },
      { id: STYLE.bodyLeft, name: 'GFC body (ragged)', basedOn: STYLE.body, paragraph: { alignment: AlignmentType.LEFT } },
      {
        id: STYLE.item,
        name: 'GFC agenda item',
        basedOn: 'Normal',
        paragraph: { leftTabStop: 567, indent: { left: 567, hanging: 567 }, spacing: { after: 160 }, keepLines: true },
      },
      { id: STYLE.centred, name: 'GFC centred', basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER } },
      { id: STYLE.cell, name: 'GFC table cell', basedOn: 'Normal', run: { size: PT(9), sizeComplexScript: PT(9) } },
    ],
    characterStyles: [{ id: STYLE.detail, name: 'GFC detail', basedOn: 'DefaultParagraphFont', run: { italics: true, size: PT(10.5), color: GREY } }],
  }
}

/** The Chair's letterhead: mission in small capitals, its address and contacts, the Chair line, a thin rule. */
export function letterhead(chair: ChairInfo, language: Language): Header {
  const contacts = [
    chair.phone.trim() && `${language === 'fr' ? 'Tél.' : 'Tel.'}${language === 'fr' ? '\u00a0:' : ''} ${chair.phone.trim()}`,
    chair.email.trim() && `${language === 'fr' ? 'Courriel\u00a0:' : 'E-mail:'} ${chair.email.trim()}`,
  ].filter(Boolean)
  const address = chair.address.trim().replace(/\s*\n\s*/g, ', ')
  const children = [
    para(chairMission(chair, language), { alignment: AlignmentType.CENTER, spacing: { after: 40 } }, { smallCaps: true, bold: true, size: PT(13), characterSpacing: 6 }),
  ]
  const small = { style: SMALL_STYLE, alignment: AlignmentType.CENTER } as const
  if (address) children.push(para(address, small))
  if (contacts.length) children.push(para(contacts.join('  ·  '), small))
  children.push(
    para(chairLine(language), {
      ...small,
      spacing: { before: 60 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 6 } },
    }, { italics: true }),
    // The text of the first page starts below the letterhead: Word and LibreOffice both push it
    // down when a header is taller than the top margin, and this keeps a gap under the rule.
    spacer(22),
  )
  return new Header({ children })
}

/** A quieter running header for the pages after the first, and for the Group's meeting documents. */
export function runningHeader(left: string, right: string, width = TEXT_WIDTH): Header {
  return new Header({
    children: [
      new Paragraph({
        style: SMALL_STYLE,
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
        children: runs(`${left}\t${right}`),
      }),
    ],
  })
}

// Table columns wide enough for their longest word: Word and LibreOffice cut a word that does not
// fit its column anywhere, so an e-mail address or "MONUSCO," would break mid-token.
const WIDE = /[MW@%]/
const CAPITAL = /[A-Z0-9&#]/
const NARROW = /[ilj.,;:'!|()[\] -]/

/** The width of a word in twips at `points`, from rough serif character widths (em fractions). */
export function wordTwips(word: string, points: number): number {
  let em = 0
  for (const ch of word) em += WIDE.test(ch) ? 0.92 : CAPITAL.test(ch) ? 0.7 : NARROW.test(ch) ? 0.3 : 0.5
  return Math.ceil(em * points * 20)
}

/**
 * Column widths in twips summing to `total`: each column its share, but never narrower than its
 * longest word (plus the cell's side margins), the room taken from the columns that have some
 * to spare. `cells[i]` are the texts of column i; `points` their size.
 */
export function fitColumns(total: number, shares: number[], cells: string[][], points: number, sideMargins: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0)
  const widths = shares.map((f) => Math.floor((total * f) / sum))
  const need = cells.map((texts) => sideMargins + Math.max(0, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => wordTwips(w, points))))
  const missing = widths.reduce((n, w, i) => n + Math.max(0, need[i] - w), 0)
  const spare = widths.map((w, i) => Math.max(0, w - need[i]))
  const room = spare.reduce((a, b) => a + b, 0)
  // When the longest words cannot all fit, the shares stand (the words will wrap where they must).
  if (missing > 0 && room >= missing) {
    for (let i = 0; i < widths.length; i++) {
      if (need[i] > widths[i]) widths[i] = need[i]
      else widths[i] -= Math.floor((spare[i] * missing) / room)
    }
  }
  widths[0] += total - widths.reduce((a, b) => a + b, 0)
  return widths
}

export interface FooterOptions {
  /** The text width of the page (a landscape page's is wider), where the page number ends. */
  width?: number
  /** The number this footer's page fields show until a reader works them out: "Page 1 of 2". */
  page?: number
  /** The pages the document (or the invitation) is expected to have, likewise. */
  pages?: number | string
  /**
   * In a file of several invitations each numbered from 1, the total is the page number of this
   * bookmark at the end of the invitation (a PAGEREF field): Word's SECTIONPAGES would do, but
   * LibreOffice leaves it blank.
   */
  endBookmark?: string
}

/**
 * "GFC/2027/014 ……… Page 1 of 2" with real PAGE and NUMPAGES (or PAGEREF) fields, each with a
 * value already written in it, so that a previewer that does not work out fields (a mail
 * client's, a file manager's) still shows "Page 1 of 2".
 */
export function pageFooter(language: Language, reference: string, o: FooterOptions = {}): Footer {
  const label = language === 'fr' ? { page: 'Page ', of: ' sur ' } : { page: 'Page ', of: ' of ' }
  const total = o.endBookmark ? `PAGEREF ${o.endBookmark} \\h` : 'NUMPAGES'
  return new Footer({
    children: [
      new Paragraph({
        style: SMALL_STYLE,
        tabStops: [{ type: TabStopType.RIGHT, position: o.width ?? TEXT_WIDTH }],
        children: [
          ...runs(`${reference}\t${label.page}`),
          new SimpleField('PAGE', String(o.page ?? 1)),
          ...runs(label.of),
          new SimpleField(total, String(o.pages ?? 1)),
        ],
      }),
    ],
  })
}

/** Section properties: the paper of Settings (portrait unless told), the margins, page numbers from 1. */
export function pageProperties(options: { landscape?: boolean; titlePage?: boolean; paper?: Paper } = {}): ISectionPropertiesOptions {
  const paper = PAPER[options.paper ?? 'a4'] ?? PAPER.a4
  return {
    titlePage: options.titlePage,
    page: {
      // Given portrait: docx swaps width and height itself for a landscape page.
      size: { width: paper.width, height: paper.height, orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { ...MARGIN, gutter: 0 },
      pageNumbers: { start: 1 },
    },
  }
}

export interface DocMeta {
  title: string
  language: Language
  /** Who the document comes from: the Chair's office ("Permanent Mission of Sweden to the United Nations"). */
  creator?: string
}

/** The document's properties and styles (for `pack`, and for a press's frame). */
export function documentOptions(meta: DocMeta) {
  const creator = clean(meta.creator?.trim() || 'GFC Desk')
  return {
    creator,
    lastModifiedBy: creator,
    title: clean(meta.title),
    styles: documentStyles(meta.language),
  }
}
