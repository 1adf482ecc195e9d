import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import type { Input, Method, Results } from '../../src-main/core/api'
import { App } from '../../src-main/core/app'
import { dispatch } from '../../src-main/core/dispatch'
import type { AppErrorData } from '../../src-main/core/model/errors'
import type { Shell } from '../../src-main/core/shell'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const cleanups: (() => Promise<void> | void)[] = []

/** Closes the profiles and removes the folders made so far (done after every test anyway). */
export async function cleanUpNow(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!()
}
afterEach(cleanUpNow)

export function tempDir(prefix = 'gfc-test-'): string {
  const dir = mkdtempSync(join(process.env.GFC_TEST_TMP ?? tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A real profile in a temp folder, driven through the same dispatch as every door. */
export async function openProfile(dir = tempDir(), shell?: Shell) {
  const app = await App.open(dir, shell)
  let closed = false
  const close = async () => {
    if (!closed) await app.close()
    closed = true
  }
  cleanups.push(close)
  async function call<M extends Method>(method: M, input: Input<M>): Promise<Results[M]> {
    const reply = await dispatch(app, method, input)
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { data: reply.error })
    return reply.result as Results[M]
  }
  async function fail(method: string, input: unknown): Promise<AppErrorData> {
    const reply = await dispatch(app, method, input)
    if (reply.ok) throw new Error(`${method} was expected to fail but succeeded`)
    return reply.error
  }
  return { app, dir, call, fail, close }
}

/** Runs the gfc CLI in a child process, as a user would. */
export function gfc(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/gfc.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A second process working on a profile (tests/fixtures/profile-child.ts), started. */
export function spawnChild(dir: string, mode: 'hold' | 'crash-after-commit' | 'write' | 'race' | 'encrypt' | 'erase', args: string[] = [], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/fixtures/profile-child.ts'), dir, mode, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  })
  cleanups.push(() => {
    proc.kill('SIGKILL')
  })
  return proc
}

/** A second process working on a profile, once it has said its first line. */
export function child(dir: string, mode: 'hold' | 'crash-after-commit' | 'write'): Promise<{ proc: ChildProcess; line: string }> {
  const proc = spawnChild(dir, mode)
  return new Promise((ok, fail) => {
    let out = ''
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('\n')) ok({ proc, line: out.trim() })
    })
    proc.on('exit', (code) => {
      if (!out.includes('\n')) fail(new Error(`child exited with ${code} before answering`))
    })
  })
}

export function waitExit(proc: ChildProcess): Promise<void> {
  return new Promise((ok) => (proc.exitCode !== null || proc.signalCode !== null ? ok() : proc.on('exit', () => ok())))
}
