// Independent readers for the generated documents: python-docx (Debian's python3-docx),
// LibreOffice (soffice --headless --convert-to pdf), poppler (pdfinfo, pdftotext, pdffonts,
// pdftoppm), Python's icalendar, and the OOXML schema validator.
//
// Debian packages: python3-docx python3-icalendar libreoffice-writer-nogui poppler-utils fonts-noto-core.
import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { ChairInfo, InvitationInput, MeetingInfo, RecipientOrganisation } from '../../src-main/core/documents/types'

const run = promisify(execFile)
const HERE = fileURLToPath(new URL('.', import.meta.url))

/** Debian's Python, which has python-docx and icalendar (the `python3` on PATH may be another one). */
export const PYTHON = '/usr/bin/python3'

const TOOLS: [string, string][] = [
  [PYTHON, 'python3 (Debian)'],
  ['/usr/bin/soffice', 'libreoffice-writer-nogui'],
  ['/usr/bin/pdfinfo', 'poppler-utils'],
]

let checked = false

/** Fails with the packages to install, rather than skipping in silence. */
export function requireTools(): void {
  if (checked) return
  const missing = TOOLS.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg)
  if (!missing.length) {
    const py = spawnSync(PYTHON, ['-c', 'import docx, icalendar'], { encoding: 'utf8' })
    if (py.status !== 0) missing.push('python3-docx python3-icalendar')
  }
  if (missing.length) throw new Error(`The document tests need: ${missing.join(', ')} (apt-get install python3-docx python3-icalendar libreoffice-writer-nogui poppler-utils fonts-noto-core)`)
  checked = true
}

/** A temp folder, or the folder named by GFC_KEEP_DOCS (kept, to look at the files afterwards). */
export function docsDir(prefix: string): { dir: string; cleanup: () => void } {
  const keep = process.env.GFC_KEEP_DOCS
  if (keep) {
    const dir = join(keep, prefix)
    mkdirSync(dir, { recursive: true })
    return { dir, cleanup: () => {} }
  }
  const dir = mkdtempSync(join(tmpdir(), `gfc-${prefix}-`))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function writeFiles(dir: string, files: Record<string, Uint8Array | string>): Record<string, string> {
  const paths: Record<string, string> = {}
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    paths[name] = path
  }
  return paths
}

// ---------------------------------------------------------------------------------------
// python-docx

export interface HeaderFooter {
  text: string
  fields: string[]
  /** The values written in the fields, in their order. */
  field_results: string[]
}

export interface DocxSection {
  width_mm: number
  height_mm: number
  orientation: 'portrait' | 'landscape'
  margins_mm: number[]
  first_page_different: boolean
  page_number_start: number | null
  header: HeaderFooter | null
  first_header: HeaderFooter | null
  footer: HeaderFooter | null
  first_footer: HeaderFooter | null
}

export interface DocxRun {
  text: string
  rtl: boolean
  cs: string | null
  ascii: string | null
}

export interface DocxDump {
  error?: string
  paragraphs: { text: string; alignment: string | null }[]
  text: string
  header_footer_text: string
  sections: DocxSection[]
  tables: { cells: string[]; header: boolean; cant_split: boolean }[][]
  /** Per table: its layout type ('fixed' or null for autofit) and its grid's column widths. */
  table_props: { layout: string | null; grid_twips: number[] }[]
  /** Per section, the page size as written in w:pgSz (twips) and its w:orient. */
  page_twips: { w: number; h: number; orient: string | null }[]
  arabic_runs: DocxRun[]
  latin_runs_rtl: DocxRun[]
  page_breaks_before: number
  default_fonts: { ascii: string; hAnsi: string; cs: string } | null
  core: { title: string; author: string; last_modified_by: string }
  default_language: string | null
  /** Per body paragraph, the languages its runs are marked with ('' for none). */
  paragraph_languages: string[][]
  /** Paragraphs with Arabic and Latin or digits: their runs in order. */
  mixed_lines: { text: string; rtl: boolean }[][]
}

/** Reads several .docx files in one Python process. */
export async function readDocx(paths: string[]): Promise<Record<string, DocxDump>> {
  const { stdout } = await run(PYTHON, [join(HERE, 'read_docx.py'), ...paths], { maxBuffer: 64 * 1024 * 1024 })
  const all = JSON.parse(stdout) as Record<string, DocxDump>
  for (const [path, dump] of Object.entries(all)) if (dump.error) throw new Error(`python-docx could not read ${basename(path)}: ${dump.error}`)
  return all
}

// ---------------------------------------------------------------------------------------
// LibreOffice and poppler

/**
 * Converts .docx files to PDF in one LibreOffice run (it starts slowly: one call for many
 * files), with a profile of its own so that parallel runs do not collide.
 */
export async function convertToPdf(files: string[], outDir: string): Promise<Record<string, string>> {
  const profile = mkdtempSync(join(tmpdir(), 'lo-'))
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    })
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  const out: Record<string, string> = {}
  for (const f of files) {
    const pdf = join(outDir, basename(f).replace(/\.docx$/, '.pdf'))
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${basename(f)}`)
    out[f] = pdf
  }
  return out
}

export async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf])
  const m = /^Pages:\s+(\d+)/m.exec(stdout)
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`)
  return Number(m[1])
}

/** The text of a PDF (or of pages `first`..`last`), in reading order. */
export async function pdfText(pdf: string, first?: number, last?: number): Promise<string> {
  const args = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), pdf, '-']
  const { stdout } = await run('pdftotext', args, { maxBuffer: 16 * 1024 * 1024 })
  return stdout
}

/** The words of a PDF page with where LibreOffice set them (pdftotext -bbox), in points. */
export async function pdfWords(pdf: string, page = 1): Promise<{ text: string; x: number; y: number; right: number }[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { maxBuffer: 16 * 1024 * 1024 })
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[4], x: Number(m[1]), y: Number(m[2]), right: Number(m[3]) }))
}

/** The names of the fonts embedded in a PDF. */
export async function pdfFonts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdffonts', [pdf])
  return stdout
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0])
    .filter(Boolean)
}

/** Width and height in points of every page of a PDF. */
export async function pdfPageSizes(pdf: string): Promise<{ w: number; h: number }[]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '100000', pdf])
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }))
}

/** Renders the pages to PNG (to look at them). */
export async function renderPng(pdf: string, prefix: string, dpi = 70): Promise<void> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix])
}

// ---------------------------------------------------------------------------------------
// OOXML schema validation (slow to start: a few samples only)

export interface ReadBack {
  /** What python-docx read, by name. */
  docs: Record<string, DocxDump>
  /** The LibreOffice rendering, by name: the PDF, its page count and its text. */
  pdf: Record<string, { path: string; pages: number; text: string }>
}

/**
 * Each named .docx file read by the independent readers: python-docx, and LibreOffice to PDF
 * (with GFC_KEEP_DOCS set, PNG pages beside the PDFs to look at).
 */
export async function readBack(files: Record<string, string>, outDir: string): Promise<ReadBack> {
  const read = await readDocx(Object.values(files))
  const pdfs = await convertToPdf(Object.values(files), outDir)
  const out: ReadBack = { docs: {}, pdf: {} }
  for (const [name, file] of Object.entries(files)) {
    const path = pdfs[file]
    out.docs[name] = read[file]
    out.pdf[name] = { path, pages: await pdfPages(path), text: await pdfText(path) }
    if (process.env.GFC_KEEP_DOCS) await renderPng(path, `${outDir}/${name}`)
  }
  return out
}

/** Writes each named document as NAME.docx into `dir`: the files for readBack. */
export function writeDocx(dir: string, bytes: Record<string, Uint8Array>): Record<string, string> {
  const paths = writeFiles(dir, Object.fromEntries(Object.entries(bytes).map(([k, v]) => [`${k}.docx`, v])))
  return Object.fromEntries(Object.entries(paths).map(([file, path]) => [file.replace(/\.docx$/, ''), path]))
}

export async function validateOoxml(bytes: Uint8Array): Promise<{ description: string; path: { xpath: string; partUri: string } }[]> {
  const { default: validate } = await import('@ooxml-tools/validate')
  return validate(bytes, 'docx', 'Microsoft365')
}

// ---------------------------------------------------------------------------------------
// iCalendar

export interface IcsDump {
  version: string
  method: string | null
  prodid: string
  vtimezones: string[]
  events: {
    uid: string
    summary: string
    location: string | null
    description: string | null
    url: string | null
    tzid: string | null
    start_utc: string
    end_utc: string
    organizer: { email: string; cn: string | null } | null
    attendees: { email: string; cn: string | null; role: string | null; rsvp: string | null; partstat: string | null }[]
    sequence: number | null
    dtstamp: string
  }[]
}

export async function readIcs(path: string): Promise<IcsDump> {
  const { stdout } = await run(PYTHON, [join(HERE, 'read_ics.py'), path])
  return JSON.parse(stdout) as IcsDump
}

// ---------------------------------------------------------------------------------------
// Sample data

export const FIXTURE_TEMPLATE = fileURLToPath(new URL('../fixtures/templates/letterhead.docx', import.meta.url))
export function fixtureTemplate(): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURE_TEMPLATE))
}

export const CHAIR: ChairInfo = {
  missionName: 'Permanent Mission of Sweden to the United Nations',
  state: { en: 'Sweden', fr: 'Suède', frOf: 'de la Suède' },
  address: '885 Second Avenue, 46th Floor\nNew York, NY 10017',
  phone: '+1 212 555 0100',
  email: 'gfc.chair@gov.example',
  city: 'New York',
  signatoryName: 'Anna Exempel',
  signatoryTitle: 'Ambassador and Permanent Representative',
  signatoryTitleFr: 'Ambassadrice et Représentante permanente',
}

export const AGENDA = [
  { title: 'Opening of the meeting and adoption of the agenda', presenter: 'Sweden (Chair)', minutes: 10 },
  { title: 'Briefing by the Justice and Corrections Service', presenter: 'Justice and Corrections Service, OROLSI', minutes: 40 },
  { title: 'Work plan 2027–2028: consolidation of the activities', presenter: 'Chair', minutes: 60 },
  { title: 'Written comments from members unable to attend', presenter: 'Chair', minutes: 20 },
  { title: 'Selection of the next Chair', presenter: 'Members of the Group', minutes: 30 },
]

export const MEETING: MeetingInfo = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'annual',
  title: 'Annual meeting 2027',
  start: '2027-03-15T10:00',
  end: '2027-03-15T13:00',
  timeZone: 'America/New_York',
  city: 'New York',
  address: 'United Nations Headquarters, Conference Room 7',
  onlineLink: 'https://meet.example.org/gfc-2027',
  dialIn: '+1 646 555 0199, code 123 456',
  agenda: AGENDA,
  rsvpDeadline: '2027-03-01',
  rsvpContact: 'Ms. Maja Exempel (maja.exempel@gov.example)',
}

export const GHANA: RecipientOrganisation = { kind: 'state', en: 'Ghana', fr: 'Ghana', frOf: 'du Ghana', acronym: '' }
export const EGYPT: RecipientOrganisation = { kind: 'state', en: 'Egypt', fr: 'Égypte', frOf: "de l'Égypte", acronym: '' }
export const NETHERLANDS: RecipientOrganisation = { kind: 'state', en: 'Netherlands (Kingdom of the)', fr: 'Pays-Bas (Royaume des)', frOf: 'des Pays-Bas (Royaume des)', acronym: '' }
export const ICRC: RecipientOrganisation = {
  kind: 'sme',
  en: 'International Committee of the Red Cross',
  fr: 'Comité international de la Croix-Rouge',
  frOf: 'du Comité international de la Croix-Rouge',
  acronym: 'ICRC',
}
export const PRI: RecipientOrganisation = { kind: 'sme', en: 'Penal Reform International', fr: 'Penal Reform International', frOf: 'de Penal Reform International', acronym: 'PRI' }

export function invitation(over: Partial<InvitationInput> = {}): InvitationInput {
  return {
    form: 'letter',
    language: 'en',
    date: '2027-02-01',
    reference: 'GFC/2027/014',
    chair: CHAIR,
    meeting: MEETING,
    organisation: GHANA,
    addressee: { honorific: 'H.E. Mr.', givenName: 'Kwame', familyName: 'Sampleson', position: 'Permanent Representative' },
    ...over,
  }
}

/** Text that must never reach a document: template braces, brackets, JavaScript's empty values. */
export const LEFTOVER = /\{\{|\}\}|\[|\]|\bundefined\b|\bnull\b|\bNaN\b|\[object/

/** Collapses no-break and other spaces, so that phrases compare as read. */
export function plain(text: string): string {
  return text.replace(/[\u00a0\u202f\t ]+/g, ' ')
}
