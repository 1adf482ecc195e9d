import type { AppErrorData, Input, Method, Reply, Results } from '../../src-main/core/api'

// The renderer's only door to the core. In Electron the preload exposes window.gfc.invoke;
// in a browser (the loopback test host) the same calls go over POST /api/<method>.

declare global {
  interface Window {
    gfc?: { invoke(method: string, input: unknown): Promise<Reply<Method>> }
  }
}

export class ApiError extends Error {
  readonly code: AppErrorData['code'] | 'network'
  readonly field?: string
  readonly key?: string
  readonly params?: Record<string, string>

  constructor(data: { code: AppErrorData['code'] | 'network'; message: string; field?: string; key?: string; params?: Record<string, string> }) {
    super(data.message)
    this.name = 'ApiError'
    this.code = data.code
    this.field = data.field
    this.key = data.key
    this.params = data.params
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

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Results[M]> {
  const reply = await send(method, input)
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new ApiError({ code: 'internal', message: 'The core sent an unreadable reply.' })
  }
  if (reply.ok) return reply.result
  throw new ApiError(reply.error)
}
