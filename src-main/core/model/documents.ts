// Results of document work, shared by the core and the UI.

/** One invitation as it would be issued, shown to the secretary before generating. */
export interface PreviewRow {
  inviteeId: string
  organisation: { id: string; kind: 'state' | 'sme'; en: string; fr: string }
  addressee: string
  language: 'en' | 'fr'
  reference: string
  fileName: string
  issuedBefore: { reference: string; issuedOn: string; form: 'letter' | 'note-verbale'; language: 'en' | 'fr' }[]
}

/** Members with no contact to address get an invitation to their Permanent Mission; members
 *  already sent one for this meeting get another (the issue log keeps both). */
export interface Preview {
  rows: PreviewRow[]
  withoutAddressee: string[]
  alreadyIssued: string[]
}

/** A batch of documents written in the background: poll it for progress. */
export interface JobStatus {
  id: string
  state: 'running' | 'done' | 'failed'
  done: number
  total: number
  folder: string
  files: string[]
  message: string
}

/** A secretary's own Word template and the placeholders it uses. */
export interface TemplateInfo {
  name: string
  placeholders: string[]
}
