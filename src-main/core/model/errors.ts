import type { StaleField } from './stamps'

/** What crosses every door (IPC, HTTP, CLI) when a call fails. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  /** A form's values changed meanwhile: `stale` lists them; nothing was written. */
  | 'stale'
  | 'unknown_method'
  | 'locked'
  | 'corrupt'
  | 'copied'
  | 'log_gap'
  | 'encrypted'
  | 'passphrase'
  | 'unavailable'
  | 'internal'

export interface AppErrorData {
  code: ErrorCode
  message: string
  /** Dotted path of the offending input field, when one field is to blame. */
  field?: string
  /** i18n key of the message, so a UI can show it in its own language. */
  key?: string
  /** Values for the key's placeholders ({{name}}), so the UI's text names what the core's does. */
  params?: Record<string, string>
  /** With code 'stale': the fields changed since the form was loaded. */
  stale?: StaleField[]
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly key?: string,
    readonly params?: Record<string, string>,
    readonly stale?: StaleField[],
  ) {
    super(message)
    this.name = 'AppError'
  }

  toData(): AppErrorData {
    const d: AppErrorData = { code: this.code, message: this.message }
    if (this.field) d.field = this.field
    if (this.key) d.key = this.key
    if (this.params) d.params = this.params
    if (this.stale) d.stale = this.stale
    return d
  }
}
