import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageReference,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
  type ISectionPropertiesOptions,
} from 'docx'
import type { Language } from '../model/fields'
import { chairLine, chairMission } from './wording'
import type { ChairInfo } from './types'

// The building blocks shared by every generated document: the page, the fonts, the
// letterhead, the footer with its page fields, and runs that put Arabic-script text in a
// right-to-left run with a font that has the glyphs.

/** The serif of UN correspondence; Word and LibreOffice fall back on a metric twin (Liberation Serif, Tinos). */
export const SERIF = 'Times New Roman'
/** For Arabic-script runs, through the complex-script font slot (`w:rFonts w:cs`). */
export const ARABIC_FONT = 'Noto Naskh Arabic'

/** A4 portrait, in twips. */
export const A4 = { width: 11906, height: 16838 }
const CM = 567
export const MARGIN = { top: Math.round(2.2 * CM), bottom: Math.round(2.2 * CM), left: Math.round(2.5 * CM), right: Math.round(2.5 * CM), header: Math.round(1.0 * CM), footer: Math.round(1.0 * CM) }
/** The width of the text between the margins. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right
/** The same on a landscape page. */
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right

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

function run(text: string, style: RunStyle & { superScript?: boolean }, rtl: boolean, breakBefore: boolean): TextRun {
  // Only the properties that are set, so that the XML stays small (the run inherits the rest).
  const o: Record<string, unknown> = {}
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
    o.language = { bidirectional: 'ar-SA' }
    if (style.bold) o.boldComplexScript = true
    if (style.italics) o.italicsComplexScript = true
    if (style.size) o.sizeComplexScript = style.size
  }
  return new TextRun(o as IRunOptions)
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
          push(line.slice(last, m.index), false)
          push(m[0], true)
          last = m.index + m[0].length
        }
      }
      push(line.slice(last), false)
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

/**
 * "GFC/2027/014 ……… Page 1 of 2" with real PAGE and NUMPAGES fields. With `endBookmark`, the total
 * is the page number of that bookmark (a PAGEREF field), for a file of several invitations each
 * numbered from 1: Word's SECTIONPAGES would do, but LibreOffice leaves it blank. `width`: the
 * text width of the page (LANDSCAPE_TEXT_WIDTH on a landscape page), where the page number ends.
 */
export function pageFooter(language: Language, reference: string, endBookmark?: string, width = TEXT_WIDTH): Footer {
  const label = language === 'fr' ? { page: 'Page ', of: ' sur ' } : { page: 'Page ', of: ' of ' }
  return new Footer({
    children: [
      new Paragraph({
        style: SMALL_STYLE,
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        children: [
          ...runs(`${reference}\t`),
          new TextRun({ children: [label.page, PageNumber.CURRENT, label.of, ...(endBookmark ? [] : [PageNumber.TOTAL_PAGES])] }),
          ...(endBookmark ? [new PageReference(endBookmark)] : []),
        ],
      }),
    ],
  })
}

/** Section properties: A4 (portrait unless told), the margins, page numbers from 1. */
export function pageProperties(options: { landscape?: boolean; titlePage?: boolean } = {}): ISectionPropertiesOptions {
  return {
    titlePage: options.titlePage,
    page: {
      // Given portrait: docx swaps width and height itself for a landscape page.
      size: { width: A4.width, height: A4.height, orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: { ...MARGIN, gutter: 0 },
      pageNumbers: { start: 1 },
    },
  }
}

export interface DocMeta {
  title: string
  language: Language
  creator?: string
}

/** Packs sections into .docx bytes. */
export async function pack(meta: DocMeta, sections: ISectionOptions[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: meta.creator || 'GFC Desk',
    title: clean(meta.title),
    styles: documentStyles(meta.language),
    sections,
  })
  return Packer.pack(doc, 'uint8array')
}
