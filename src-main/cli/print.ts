// Everything `gfc` writes to the terminal goes through here (a lint rule keeps console and
// process.stdout out of the other CLI files). Data comes from files that travel by e-mail and
// from other devices: shown raw, an escape sequence in a name could retitle the window, move
// the cursor, hide lines or, on some terminals, type into the shell; a bidi override could make
// a line read otherwise than it is. So such characters are shown as visible escapes instead.

/** C0 and C1 controls, DEL, bidi overrides and isolates, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g
/** The same, but newlines (and tabs) pass: for messages of several lines. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_MESSAGE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g

const visible = (c: string) => {
  const code = c.charCodeAt(0)
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** `text` with every control character shown as \xHH or \uHHHH, newlines and tabs included. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible)
}

/** One line of tab-separated cells: each cell is one line, whatever it holds. */
export function printRow(...cells: (string | number | null | undefined)[]): void {
  process.stdout.write(cells.map((c) => terminalSafe(String(c ?? ''))).join('\t') + '\n')
}

/** A message on stdout; its own newlines are kept. */
export function printLine(text: string): void {
  process.stdout.write(text.replace(UNSAFE_IN_MESSAGE, visible) + '\n')
}

/** A message on stderr (notes, problems, refusals); its own newlines are kept. */
export function printError(text: string): void {
  process.stderr.write(text.replace(UNSAFE_IN_MESSAGE, visible) + '\n')
}

/** Where a file was saved. */
export function printSaved(saved: { path: string } | null): void {
  if (saved) printLine(saved.path)
}

/**
 * JSON on stdout. JSON.stringify leaves DEL, C1 and bidi characters raw inside strings; written
 * as \uHHHH escapes they mean the same to any JSON reader and nothing to a terminal.
 */
export function printJson(json: string): void {
  process.stdout.write(json.replace(UNSAFE_IN_MESSAGE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
}

/** `gfc export json | head` closes the pipe early: that is not an error. */
export function toleratePipeClose(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
  })
}

/** Asks for a secret on the terminal without echoing it; null when there is no terminal to ask. */
export function askSecret(question: string): Promise<string | null> {
  const input = process.stdin
  if (!input.isTTY) return Promise.resolve(null)
  process.stderr.write(question)
  input.setRawMode(true)
  input.resume()
  return new Promise((ok, fail) => {
    let answer = ''
    const done = (value: string | null) => {
      input.setRawMode(false)
      input.pause()
      input.off('data', onData)
      process.stderr.write('\n')
      if (value === null) fail(new Error('Cancelled.'))
      else ok(value)
    }
    const onData = (chunk: Buffer) => {
      for (const c of chunk.toString('utf8')) {
        if (c === '\r' || c === '\n') return done(answer)
        if (c === '\u0003' || c === '\u0004') return done(null)
        if (c === '\u007f' || c === '\b') answer = answer.slice(0, -1)
        else if (c >= ' ') answer += c
      }
    }
    input.on('data', onData)
  })
}
