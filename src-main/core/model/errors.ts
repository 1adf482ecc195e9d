/** What crosses every door (IPC, HTTP, CLI) when a call fails. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'locked'
  | 'corrupt'
  | 'unavailable'
  | 'internal'

export interface AppErrorData {
  code: ErrorCode
  message: string
  /** Dotted path of the offending input field, when one field is to blame. */
  field?: string
  /** i18n key of the message, so a UI can show it in its own language. */
  key?: string
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly key?: string,
  ) {
    super(message)
    this.name = 'AppError'
  }

  toData(): AppErrorData {
    const d: AppErrorData = { code: this.code, message: this.message }
    if (this.field) d.field = this.field
    if (this.key) d.key = this.key
    return d
  }
}
