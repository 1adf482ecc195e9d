import { writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startHost } from '../../src-main/host/server'
import { openProfile, tempDir } from '../support/profile'

// The loopback door's guard, in-process over a real profile (tests/e2e/host.test.ts has the rest,
// against the built host).

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      res.resume()
      res.on('end', () => ok(res.statusCode!))
    })
    req.on('error', fail)
    req.end()
  })
}

describe('the loopback door', () => {
  it('refuses a key or a cookie of the right length in other characters (403, not a failure of the door)', async () => {
    const p = await openProfile()
    const renderer = tempDir()
    writeFileSync(join(renderer, 'index.html'), '<!doctype html>')
    const door = await startHost(p.app, renderer, 0)
    try {
      const wrong = 'é'.repeat(43)
      expect(await get(door.port, `/?token=${encodeURIComponent(wrong)}`)).toBe(403)
      expect(await get(door.port, '/', { cookie: `gfc-host-${door.port}=${wrong}` })).toBe(403)
    } finally {
      door.server.close()
    }
  })
})
