import Docxtemplater from 'docxtemplater'
import InspectModule from 'docxtemplater/js/inspect-module.js'
import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import PizZip from 'pizzip'
import { AppError } from '../model/errors'
import { checkDate, formatDate, formatMeetingDate, formatMeetingTime, formatMeetingWhen, formatWeekdayDate } from '../model/format'
import type { InvitationInput } from './types'
import { agendaLines, chairMission, invitationWording, keepNumbersTogether, localMeeting, memberMission, memberName, rsvpContact, signatoryTitle, venueOrOnline } from './wording'

// A secretary's own Word template (the mission's real letterhead) with {{placeholders}},
// filled by docxtemplater. The values come from the same wording helpers as the generated
// invitations, so that the protocol phrases have one source.

export interface TemplateField {
  /** The placeholder's name, written {{name}} in the template. */
  name: string
  description: string
  /** What it becomes for an English letter to Ghana. */
  example: string
  /** For a loop ({{#agenda}}…{{/agenda}}): the placeholders inside it. */
  fields?: readonly TemplateField[]
}

/**
 * The placeholders a template may use. Besides these, a section {{#name}}…{{/name}} around
 * text keeps that text only when the field has a value (e.g. {{#meeting.link}}Join at
 * {{meeting.link}}{{/meeting.link}}), and {{^name}}…{{/name}} only when it is empty.
 */
export const TEMPLATE_FIELDS: readonly TemplateField[] = [
  { name: 'addressee.name', description: 'Given and family name of the addressee (empty when the invitation goes to the mission)', example: 'Kwame Sampleson' },
  { name: 'addressee.fullName', description: 'The first line of the address: honorific and name, or the office', example: 'His Excellency Mr. Kwame Sampleson' },
  { name: 'addressee.honorific', description: 'The honorific, spelt out in the language', example: 'His Excellency Mr.' },
  { name: 'addressee.position', description: 'The position, with the state or organisation', example: 'Permanent Representative of Ghana to the United Nations' },
  { name: 'addressee.block', description: 'The whole protocol address block, one line each', example: 'His Excellency Mr. Kwame Sampleson\nPermanent Representative of Ghana to the United Nations\nNew York' },
  { name: 'member.name', description: 'The member’s name in the language', example: 'Ghana' },
  { name: 'member.permanentMission', description: 'The member’s Permanent Mission (for an SME, the organisation)', example: 'Permanent Mission of Ghana to the United Nations' },
  { name: 'salutation', description: 'The opening of the letter', example: 'Excellency,' },
  { name: 'closing', description: 'The closing courtesy sentence', example: 'Accept, Excellency, the assurances of my highest consideration.' },
  { name: 'reference', description: 'The reference number', example: 'GFC/2027/014' },
  { name: 'date', description: 'The date of issue', example: '1 February 2027' },
  { name: 'placeDate', description: 'Place and date of issue', example: 'New York, 1 February 2027' },
  { name: 'meeting.title', description: 'The meeting’s title', example: 'Annual meeting 2027' },
  { name: 'meeting.date', description: 'The day of the meeting', example: 'Monday, 15 March 2027' },
  { name: 'meeting.time', description: 'The hours, with the time zone (and New York time when different)', example: 'from 10:00 to 13:00 (New York time, UTC−04:00)' },
  { name: 'meeting.when', description: 'Day and hours together', example: 'Monday, 15 March 2027, from 10:00 to 13:00 (New York time, UTC−04:00)' },
  { name: 'meeting.venue', description: 'Address and city, or “Online”', example: 'United Nations Headquarters, Conference Room 7, New York' },
  { name: 'meeting.link', description: 'The link to join online (may be empty)', example: 'https://meet.example.org/gfc-2027' },
  { name: 'meeting.dialIn', description: 'The telephone dial-in (may be empty)', example: '+1 646 555 0199, code 123 456' },
  { name: 'meeting.rsvpDeadline', description: 'The day to reply by (may be empty)', example: 'Monday, 1 March 2027' },
  { name: 'meeting.rsvpContact', description: 'Whom to reply to (else the Chair’s e-mail)', example: 'Ms. Maja Exempel (maja.exempel@gov.example)' },
  { name: 'chair.missionName', description: 'The Chair’s Permanent Mission', example: 'Permanent Mission of Sweden to the United Nations' },
  { name: 'chair.signatoryName', description: 'Who signs', example: 'Anna Exempel' },
  { name: 'chair.signatoryTitle', description: 'The signatory’s title', example: 'Ambassador and Permanent Representative' },
  { name: 'chair.city', description: 'Place of signature', example: 'New York' },
  {
    name: 'agenda',
    description: 'Loop over the agenda items: {{#agenda}}{{number}}. {{title}} ({{presenter}}, {{minutes}} min){{/agenda}}',
    example: '1. Opening of the meeting (Sweden (Chair), 10 min)',
    fields: [
      { name: 'number', description: 'The item’s number', example: '1' },
      { name: 'title', description: 'The item’s title', example: 'Opening of the meeting' },
      { name: 'presenter', description: 'Who presents it (may be empty)', example: 'Sweden (Chair)' },
      { name: 'minutes', description: 'Its duration in minutes (may be 0)', example: '10' },
      { name: 'detail', description: 'Presenter and duration together, as the generated annex writes them', example: 'Sweden (Chair) · 10 min' },
    ],
  },
]

const SCALARS = new Set(TEMPLATE_FIELDS.filter((f) => !f.fields).map((f) => f.name))
const LOOPS = new Map(TEMPLATE_FIELDS.filter((f) => f.fields).map((f) => [f.name, new Set(f.fields!.map((g) => g.name))]))

/** "{{addressee.name}}, …, {{#agenda}}…{{/agenda}} with {{number}}, …", for messages. */
function knownList(): string {
  const scalars = [...SCALARS].map((n) => `{{${n}}}`).join(', ')
  const loops = [...LOOPS].map(([n, inner]) => `{{#${n}}}…{{/${n}}} with ${[...inner].map((i) => `{{${i}}}`).join(', ')}`).join('; ')
  return `${scalars}; ${loops}`
}

const DELIMITERS = { start: '{{', end: '}}' }

/** Dotted names read into nested values; a name not found in a loop's item is looked up outside it. */
function parser(tag: string) {
  const path = tag.trim()
  return {
    get(scope: unknown): unknown {
      if (path === '.' || path === 'this') return scope
      let value: unknown = scope
      for (const key of path.split('.')) {
        if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined
        value = (value as Record<string, unknown>)[key]
      }
      return value
    },
  }
}

interface Part {
  type: string
  value: string
  module?: string
  inverted?: boolean
  subparsed?: Part[]
}

interface Inspector {
  getAllStructuredTags(): Part[]
}

// A template is checked before anything is filled, with memory bounded whatever the file holds:
// a small file can unpack to gigabytes (a "zip bomb"), hold thousands of parts, or one text of
// many megabytes that the template engine would copy for every letter.
export const TEMPLATE_LIMITS = { unpacked: 50 * 1024 * 1024, parts: 1000, text: 4 * 1024 * 1024 }

const SAVE_AS_DOCX = 'Open it in Word, save it as a Word document (.docx) and add it again.'

function refuse(message: string, key = 'validation.templateNotDocx'): never {
  throw new AppError('validation', message, 'template', key)
}

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`

/**
 * Refuses, before the template engine sees it, a file that is empty, an old .doc, not a zip, or
 * that unpacks to more than the limits: from the sizes its directory declares first, then
 * inflating it piece by piece (a declared size can lie) and counting, without keeping what is
 * inflated. The longest run of text between two tags is measured on the way.
 */
export function checkTemplateFile(bytes: Uint8Array): void {
  if (bytes.length === 0) refuse('The file is empty: choose the Word document (.docx) of the template again.', 'validation.templateEmpty')
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    refuse(`This is an older Word document (.doc), not a .docx. ${SAVE_AS_DOCX}`)
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse(`The file is not a Word document (.docx), or it is damaged. ${SAVE_AS_DOCX}`)
  let parts = 0
  let declared = 0
  let hasDocument = false
  try {
    unzipSync(bytes, {
      filter: (f) => {
        parts++
        declared += f.originalSize
        if (f.name === 'word/document.xml') hasDocument = true
        return false
      },
    })
  } catch {
    refuse(`The file is damaged: it cannot be opened as a Word document (.docx). ${SAVE_AS_DOCX}`)
  }
  if (parts > TEMPLATE_LIMITS.parts) refuse(`The template holds ${parts} parts, more than the ${TEMPLATE_LIMITS.parts} a letter template can have.`, 'validation.templateTooLarge')
  if (declared > TEMPLATE_LIMITS.unpacked) refuse(`The template unpacks to ${MB(declared)}, more than the ${MB(TEMPLATE_LIMITS.unpacked)} a letter template can have.`, 'validation.templateTooLarge')
  if (!hasDocument) refuse(`The file is not a Word document (.docx): it has no document text. ${SAVE_AS_DOCX}`)

  let total = 0
  // fflate hands what a handler throws back to it as an error: the first failure is kept, and
  // the pushing stops at the next slice (small, so that no inflated piece is large).
  let failure: unknown
  const unzip = new Unzip((file) => {
    let run = 0
    const xml = /\.(xml|rels)$/.test(file.name)
    file.ondata = (err, chunk) => {
      if (failure) return
      try {
        if (err) refuse(`The file is damaged: a part of it cannot be read (${file.name}). ${SAVE_AS_DOCX}`)
        total += chunk.length
        if (total > TEMPLATE_LIMITS.unpacked) refuse(`The template unpacks to more than ${MB(TEMPLATE_LIMITS.unpacked)}, more than a letter template can have.`, 'validation.templateTooLarge')
        if (!xml) return
        for (let i = 0; i < chunk.length; i++) {
          if (chunk[i] === 0x3c) run = 0
          else if (++run > TEMPLATE_LIMITS.text) refuse(`The template has a text of more than ${MB(TEMPLATE_LIMITS.text)} in one piece (${file.name}), more than a letter template can have.`, 'validation.templateTooLarge')
        }
      } catch (e) {
        failure = e
      }
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  const SLICE = 4096
  for (let at = 0; at < bytes.length && !failure; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
  if (failure) throw failure
}

/** `checked`: the file already passed `checkTemplateFile` (a prepared template, filled letter after letter). */
function openZip(bytes: Uint8Array, checked: boolean): PizZip {
  if (!checked) checkTemplateFile(bytes)
  try {
    return new PizZip(bytes)
  } catch {
    refuse(`The file is damaged: it cannot be opened as a Word document (.docx). ${SAVE_AS_DOCX}`)
  }
}

/** The text of each paragraph of a part, with where it starts in the part's text (the engine's offsets). */
function paragraphsOf(xml: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = []
  let at = 0
  for (const p of xml.split('</w:p>')) {
    const text = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    out.push({ at, text })
    at += text.length
  }
  return out
}

/** "in the paragraph “Dear {{addressee.name, welcome”": where a broken tag is, for a person to find it. */
function where(zip: PizZip, file: string | undefined, offset: number | undefined): string {
  if (!file || offset === undefined) return ''
  const xml = zip.file(file)?.asText()
  if (!xml) return ''
  const paragraph = paragraphsOf(xml).findLast((p) => p.at <= offset)
  if (!paragraph?.text.trim()) return ''
  const text = paragraph.text.trim()
  const part = /header/.test(file) ? ' of the header' : /footer/.test(file) ? ' of the footer' : ''
  return `in the paragraph${part} “${text.length > 90 ? `${text.slice(0, 87)}…` : text}”: `
}

interface TemplateErrorLike {
  properties?: { id?: string; explanation?: string; errors?: TemplateErrorLike[]; xtag?: string; file?: string; offset?: number }
  message?: string
}

/** Compiles the template (throwing an AppError that lists every broken tag). */
function compile(bytes: Uint8Array, checked = false): { doc: Docxtemplater; inspector: Inspector } {
  const zip = openZip(bytes, checked)
  const inspector = new InspectModule() as unknown as Inspector
  try {
    const doc = new Docxtemplater(zip, {
      delimiters: DELIMITERS,
      paragraphLoop: true,
      linebreaks: true,
      parser,
      nullGetter: () => '',
      errorLogging: false,
      modules: [inspector as unknown as InstanceType<typeof InspectModule>],
    })
    return { doc, inspector }
  } catch (e) {
    const err = e as TemplateErrorLike
    const all = err.properties?.errors?.length ? err.properties.errors : [err]
    const explanations = [...new Set(all.map((x) => where(zip, x.properties?.file, x.properties?.offset) + (x.properties?.explanation ?? x.message ?? 'unreadable').trim().replace(/\.+$/, '')))]
    throw new AppError('validation', `The template has broken placeholders: ${explanations.join('; ')}.`, 'template', 'validation.templateTags')
  }
}

/** The placeholders the tags use: "reference", "agenda" (a loop), "agenda[].number" (inside it). */
function walk(parts: Part[], inLoop: string | null, out: { used: string[]; unknown: string[] }): void {
  for (const p of parts) {
    if (p.type !== 'placeholder') continue
    const name = p.value.trim()
    if (p.module && p.module !== 'loop') {
      // {{@raw}} and the like: not something a secretary's letter needs.
      out.used.push(name)
      out.unknown.push(`{{${p.module === 'rawxml' ? '@' : ''}${name}}}`)
      continue
    }
    if (p.module === 'loop') {
      const loop = LOOPS.get(name)
      const label = inLoop && LOOPS.get(inLoop)?.has(name) ? `${inLoop}[].${name}` : name
      out.used.push(label)
      if (!loop && !SCALARS.has(name) && !(inLoop && LOOPS.get(inLoop)?.has(name))) out.unknown.push(`{{#${name}}}`)
      walk(p.subparsed ?? [], loop ? name : inLoop, out)
      continue
    }
    const inner = inLoop ? LOOPS.get(inLoop) : undefined
    if (inner?.has(name)) {
      out.used.push(`${inLoop}[].${name}`)
    } else {
      out.used.push(name)
      if (!SCALARS.has(name)) out.unknown.push(`{{${name}}}`)
    }
  }
}

function inspect(bytes: Uint8Array) {
  const { doc, inspector } = compile(bytes)
  const out = { used: [] as string[], unknown: [] as string[] }
  walk(inspector.getAllStructuredTags(), null, out)
  return { doc, used: [...new Set(out.used)], unknown: [...new Set(out.unknown)] }
}

/** The placeholders a template uses, in the order they first appear: "reference", "agenda", "agenda[].title"… */
export function listPlaceholders(bytes: Uint8Array): string[] {
  return inspect(bytes).used
}

/**
 * Checks that a file is a .docx whose placeholders are all known and well formed; throws
 * AppError('validation') naming every unknown placeholder, and listing the known ones.
 */
export function checkTemplate(bytes: Uint8Array): void {
  const { unknown } = inspect(bytes)
  if (unknown.length) {
    throw new AppError(
      'validation',
      `The template uses ${unknown.length === 1 ? 'a placeholder' : 'placeholders'} GFC Desk does not know: ${unknown.join(', ')}. Known placeholders: ${knownList()}.`,
      'template',
      'validation.templateUnknownPlaceholder',
    )
  }
}

/** The values of the placeholders for one invitation. */
export function templateValues(input: InvitationInput): Record<string, unknown> {
  checkDate(input.date, 'date')
  const { language: lang, chair, organisation: org } = input
  const meeting = localMeeting(input.meeting, lang)
  const clock12 = chair.clock12
  const w = invitationWording(input)
  const a = w.addressee
  return {
    addressee: { name: a.name, fullName: a.fullName, honorific: a.honorific, position: a.position, block: a.lines.join('\n') },
    member: { name: memberName(org, lang), permanentMission: memberMission(org, lang) },
    salutation: a.salutation,
    closing: a.closing,
    reference: input.reference.trim(),
    date: formatDate(input.date, lang),
    placeDate: w.placeDate,
    meeting: {
      title: meeting.title.trim(),
      date: formatMeetingDate(meeting, lang),
      time: formatMeetingTime(meeting, lang, clock12),
      when: formatMeetingWhen(meeting, lang, clock12),
      venue: venueOrOnline(meeting, lang),
      link: meeting.onlineLink.trim(),
      dialIn: keepNumbersTogether(meeting.dialIn.trim()),
      rsvpDeadline: meeting.rsvpDeadline ? formatWeekdayDate(meeting.rsvpDeadline, lang) : '',
      rsvpContact: rsvpContact(meeting, chair),
    },
    chair: {
      missionName: chairMission(chair, lang),
      signatoryName: chair.signatoryName.trim(),
      signatoryTitle: signatoryTitle(chair, lang),
      city: chair.city.trim() || 'New York',
    },
    agenda: agendaLines(meeting.agenda).map((item) => ({ ...item, number: String(item.number), minutes: String(item.minutes) })),
  }
}

/** A template checked once (its file, its size, its placeholders), ready to fill letter after letter. */
export interface PreparedTemplate {
  readonly bytes: Uint8Array
  readonly prepared: true
}

/** Checks a template once, before any letter of an issue is filled. */
export function prepareTemplate(bytes: Uint8Array): PreparedTemplate {
  checkTemplate(bytes)
  return { bytes, prepared: true }
}

function render(template: PreparedTemplate, input: InvitationInput): Docxtemplater {
  const { doc } = compile(template.bytes, true)
  try {
    doc.render(templateValues(input))
  } catch (e) {
    if (e instanceof AppError) throw e
    const err = e as TemplateErrorLike
    throw new AppError('validation', `The template could not be filled: ${err.properties?.explanation ?? err.message ?? 'unknown error'}.`, 'template')
  }
  return doc
}

/** Fills a template for one invitation; the result is a .docx. */
export function fillTemplate(template: Uint8Array | PreparedTemplate, input: InvitationInput): Uint8Array {
  const t = 'prepared' in template ? template : prepareTemplate(template)
  return render(t, input).toUint8Array({ compression: 'DEFLATE' })
}

// The section properties that end a letter, numbering the next one's pages from 1 (pgNumType
// goes before these, in the order the schema sets).
const AFTER_PAGE_NUMBERS = /<w:(cols|formProt|vAlign|noEndnote|titlePg|textDirection|bidi|rtlGutter|docGrid|printerSettings|sectPrChange)\b|<\/w:sectPr>/

function numberedFromOne(sectPr: string): string {
  if (/<w:pgNumType\b/.test(sectPr)) {
    return sectPr.replace(/<w:pgNumType\b([^>]*?)\/?>/, (_, attrs: string) => `<w:pgNumType${attrs.replace(/\s*w:start="[^"]*"/, '').replace(/\/$/, '')} w:start="1"/>`)
  }
  const at = sectPr.search(AFTER_PAGE_NUMBERS)
  return `${sectPr.slice(0, at)}<w:pgNumType w:start="1"/>${sectPr.slice(at)}`
}

/**
 * Several invitations filled into one template, in one file: each letter's body in a section of
 * its own (the template's page, header and footer), its pages numbered from 1.
 */
export function fillTemplates(template: PreparedTemplate, inputs: InvitationInput[]): Uint8Array {
  if (!inputs.length) throw new AppError('validation', 'No invitation to put in the file', 'inputs')
  const docs = inputs.map((input) => render(template, input))
  const parts = docs.map((doc) => {
    const xml = doc.getZip().file('word/document.xml')!.asText()
    const open = xml.indexOf('>', xml.indexOf('<w:body')) + 1
    const last = xml.lastIndexOf('<w:sectPr')
    return { head: xml.slice(0, open), body: xml.slice(open, last), sectPr: xml.slice(last, xml.lastIndexOf('</w:body>')), tail: xml.slice(xml.lastIndexOf('</w:body>')) }
  })
  const sectPr = numberedFromOne(parts[0].sectPr)
  // Drawing ids must stay unique in the file.
  let drawing = 0
  const body = parts
    .map((p, i) => p.body.replace(/(<wp:docPr\b[^>]*?\bid=")\d+"/g, (_: string, start: string) => `${start}${++drawing}"`) + (i < parts.length - 1 ? `<w:p><w:pPr>${sectPr}</w:pPr></w:p>` : ''))
    .join('')
  const zip = docs[0].getZip()
  zip.file('word/document.xml', parts[0].head + body + sectPr + parts[0].tail)
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' })
}
