import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { checkTemplate, listPlaceholders, safeFileNamePart } from '../documents'
import type { TemplateInfo } from '../model/documents'
import { AppError } from '../model/errors'
import { writeFileDurableSync } from '../store/durable-file'

// A secretary's own Word templates (the mission's real letterhead with {{placeholders}}),
// kept in the profile's templates/ folder once checked.

const MAX_BYTES = 10 * 1024 * 1024

function dir(profileDir: string): string {
  return join(profileDir, 'templates')
}

function fileName(name: string): string {
  const clean = safeFileNamePart(name.replace(/\.docx$/i, ''))
  if (!clean) throw new AppError('validation', 'name: the template needs a name.', 'name', 'validation.required')
  return `${clean}.docx`
}

export function listTemplates(profileDir: string): TemplateInfo[] {
  if (!existsSync(dir(profileDir))) return []
  return readdirSync(dir(profileDir))
    .filter((f) => f.endsWith('.docx'))
    .sort()
    .map((f) => ({ name: f.replace(/\.docx$/, ''), placeholders: listPlaceholders(readFileSync(join(dir(profileDir), f))) }))
}

/** Checks the template (refusing unknown placeholders by name) before keeping it. */
export function addTemplate(profileDir: string, name: string, contentBase64: string): TemplateInfo {
  const bytes = Buffer.from(contentBase64, 'base64')
  if (bytes.length > MAX_BYTES) throw new AppError('validation', 'The file is larger than 10 MB, more than a letter template can be.', 'template', 'validation.templateTooLarge')
  // Refuses an empty, damaged or oversized file, or unknown placeholders, each with its own message.
  checkTemplate(bytes)
  mkdirSync(dir(profileDir), { recursive: true })
  const file = fileName(name)
  writeFileDurableSync(join(dir(profileDir), file), bytes)
  return { name: file.replace(/\.docx$/, ''), placeholders: listPlaceholders(bytes) }
}

export function readTemplate(profileDir: string, name: string): Uint8Array {
  const path = join(dir(profileDir), fileName(name))
  if (!existsSync(path)) throw new AppError('not_found', `There is no template named ${name}.`, 'template')
  return readFileSync(path)
}

export function deleteTemplate(profileDir: string, name: string): TemplateInfo[] {
  const path = join(dir(profileDir), fileName(name))
  if (!existsSync(path)) throw new AppError('not_found', `There is no template named ${name}.`, 'name')
  unlinkSync(path)
  return listTemplates(profileDir)
}
