import { crc32, deflateRawSync } from 'node:zlib'
import { Document, Packer, type FileChild, type ISectionOptions } from 'docx'
import { unzipSync, Zip, type ZipInputFile } from 'fflate'
import type { DocMeta } from './docx-kit'
import { documentOptions } from './docx-kit'

// Many documents on one frame, fast. The parts that do not change from one document to the
// next (styles, fonts, numbering, settings, theme, letterhead) are built once by docx, packed,
// and kept compressed; each document then only writes its body (docx's own paragraphs and
// tables, turned into XML) and the few small parts that carry its own words (the reference in
// the footer, the title in the properties), and zips them beside the kept ones.

/** A part of the package, compressed once: the zip takes its bytes as they are. */
interface Part {
  name: string
  deflated: Uint8Array<ArrayBuffer>
  crc: number
  size: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function compress(name: string, data: Uint8Array): Part {
  return { name, deflated: new Uint8Array(deflateRawSync(data, { level: 6 })), crc: crc32(data), size: data.length }
}

/** Zips parts already compressed (fflate's Zip takes a file of our own making, with its CRC and size). */
function zip(parts: Part[]): Uint8Array {
  const chunks: Uint8Array[] = []
  let length = 0
  const z = new Zip((err, chunk: Uint8Array) => {
    if (err) throw err
    chunks.push(chunk)
    length += chunk.length
  })
  for (const p of parts) {
    const file: ZipInputFile = { filename: p.name, size: p.size, crc: p.crc, compression: 8 }
    z.add(file)
    file.ondata!(null, p.deflated, true)
  }
  z.end()
  const out = new Uint8Array(length)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

// docx turns its components into objects ({ 'w:p': [{ _attr }, child…] }) and writes them with a
// serializer it does not export; this writes the same objects the same way (without indenting).
const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPE[c])

function attributes(attr: Record<string, unknown>): string {
  let out = ''
  for (const [k, v] of Object.entries(attr)) if (v !== undefined) out += ` ${k}="${escape(String(v))}"`
  return out
}

function xmlOf(node: unknown): string {
  if (node === null || typeof node !== 'object') return escape(String(node))
  const name = Object.keys(node)[0]
  const value = (node as Record<string, unknown>)[name]
  let attrs = ''
  let content = ''
  if (Array.isArray(value)) {
    for (const child of value) {
      if (child !== null && typeof child === 'object') {
        if (Object.keys(child)[0] === '_attr') attrs += attributes((child as { _attr: Record<string, unknown> })._attr)
        else content += xmlOf(child)
      } else content += escape(String(child))
    }
  } else if (value !== null && typeof value === 'object') {
    const a = (value as { _attr?: Record<string, unknown> })._attr
    if (a) attrs += attributes(a)
  } else if (value !== undefined) content = escape(String(value))
  return content ? `<${name}${attrs}>${content}</${name}>` : `<${name}${attrs}/>`
}

/** The XML of body content (paragraphs, tables) as docx writes it in document.xml. */
export function bodyXml(children: readonly FileChild[]): string {
  let out = ''
  for (const child of children) {
    const obj = child.prepForXml({ stack: [] } as unknown as Parameters<FileChild['prepForXml']>[0])
    if (obj) out += xmlOf(obj)
  }
  return out
}

/** A text marker for a value a frame's part takes per document ("the reference in the footer"). */
export function slot(name: string): string {
  return `\uE000${name}\uE001`
}
const SLOT = /\uE000([\w.-]+)\uE001/g

/** A frame's part that holds slots: kept as text, filled and compressed per document. */
interface SlottedPart {
  name: string
  text: string
}

/**
 * The unchanging parts of a document, built once: its styles, its section (page, headers,
 * footers) and its properties. `slot(name)` in any text of the frame (a footer's reference,
 * the title) is replaced by each document's value.
 */
export class Frame {
  private constructor(
    private readonly parts: (Part | SlottedPart)[],
    private readonly head: string,
    private readonly tail: string,
  ) {}

  static async create(meta: DocMeta, section: Omit<ISectionOptions, 'children'>): Promise<Frame> {
    const doc = new Document({ ...documentOptions(meta), sections: [{ ...section, children: [] }] })
    const files = unzipSync(await Packer.pack(doc, 'uint8array'))
    let head = ''
    let tail = ''
    const parts: (Part | SlottedPart)[] = []
    for (const [name, data] of Object.entries(files)) {
      if (name === 'word/document.xml') {
        // The body is written before the section's properties, the last element of <w:body>.
        const text = decoder.decode(data)
        const at = text.lastIndexOf('<w:sectPr')
        head = text.slice(0, at)
        tail = text.slice(at)
        parts.push({ name, text: '' })
        continue
      }
      if (/\.(xml|rels)$/.test(name)) {
        const text = decoder.decode(data)
        if (text.includes('\uE000')) {
          parts.push({ name, text })
          continue
        }
      }
      parts.push(compress(name, data))
    }
    return new Frame(parts, head, tail)
  }

  /** One document: the frame's parts, the body, and each slot filled with its value. */
  document(children: readonly FileChild[], values: Record<string, string> = {}): Uint8Array {
    const fill = (text: string) => text.replace(SLOT, (_, key: string) => escape(values[key] ?? ''))
    const body = bodyXml(children)
    return zip(
      this.parts.map((p) => {
        if ('crc' in p) return p
        const text = p.name === 'word/document.xml' ? this.head + body + fill(this.tail) : fill(p.text)
        return compress(p.name, encoder.encode(text))
      }),
    )
  }
}

/**
 * Packs sections into .docx bytes. A document of one section is written as a frame and a body,
 * so that its body (hundreds of table rows in a work plan) is compressed by Node's zlib.
 */
export async function pack(meta: DocMeta, sections: ISectionOptions[]): Promise<Uint8Array> {
  if (sections.length === 1) {
    const { children, ...section } = sections[0]
    return (await Frame.create(meta, section)).document(children)
  }
  return Packer.pack(new Document({ ...documentOptions(meta), sections }), 'uint8array')
}
