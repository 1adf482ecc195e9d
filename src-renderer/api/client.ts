import type { AppErrorData, Input, Method, Reply, Results } from '../../src-main/core/api'
import type { TableName } from '../../src-main/core/model/entities'
import type { StaleField } from '../../src-main/core/model/stamps'

// The renderer's only door to the core. In Electron the preload exposes window.gfc.invoke;
// in a browser (the loopback test host) the same calls go over POST /api/<method>.

declare global {
  interface Window {
    gfc?: { invoke(method: string, input: unknown): Promise<Reply<Method>>; onChanged(callback: (tables: TableName[]) => void): () => void }
  }
}

export class ApiError extends Error {
  readonly code: AppErrorData['code'] | 'network'
  readonly field?: string
  readonly key?: string
  readonly params?: Record<string, string>
  readonly stale?: StaleField[]

  constructor(data: { code: AppErrorData['code'] | 'network'; message: string; field?: string; key?: string; params?: Record<string, string>; stale?: StaleField[] }) {
    super(data.message)
    this.name = 'ApiError'
    this.code = data.code
    this.field = data.field
    this.key = data.key
    this.params = data.params
    this.stale = data.stale
  }
}

async function send<M extends Method>(method: M, input: Input<M>): Promise<Reply<M>> {
  if (window.gfc) return (await window.gfc.invoke(method, input)) as Reply<M>
  let res: Response
  try {
    res = await fetch('/api/' + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
  } catch (e) {
    throw new ApiError({ code: 'network', message: (e as Error).message || String(e) })
  }
  try {
    return (await res.json()) as Reply<M>
  } catch {
    throw new ApiError({ code: 'network', message: `HTTP ${res.status} ${res.statusText}` })
  }
}

/**
 * Hears which tables the core changed, whoever changed them (another window, sync): from
 * Electron's preload, or the loopback host's Server-Sent Events. Returns the way to stop.
 */
export function onChanged(callback: (tables: TableName[]) => void): () => void {
  if (window.gfc) return window.gfc.onChanged(callback)
  const events = new EventSource('/events')
  events.addEventListener('changed', (e) => callback(JSON.parse((e as MessageEvent<string>).data) as TableName[]))
  return () => events.close()
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Results[M]> {
  const reply = await send(method, input)
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new ApiError({ code: 'internal', message: 'The core sent an unreadable reply.' })
  }
  if (reply.ok) return reply.result
  throw new ApiError(reply.error)
}
