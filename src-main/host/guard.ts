import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

// Who may use the loopback door. Any web page the user visits can send requests to
// 127.0.0.1; through DNS rebinding (evil.example resolving to 127.0.0.1) it can even read the
// answers. So a request is served only when it names this door as its Host, and an API call
// only when it also carries this run's secret, which only a browser that opened the one-time
// address printed by `npm run host` holds (in an HttpOnly, SameSite=Strict cookie), and, when
// it says where it comes from (Origin), comes from this door's own page.

/** The largest request body the door reads: a whole dataset or a Word template fits well below. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024

/** Compared as bytes: a string of the same length in other characters is simply not equal. */
const equal = (a: string, b: string) => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)]
  return x.length === y.length && timingSafeEqual(x, y)
}

export class DoorGuard {
  /** Sent once, in the address `npm run host` prints; exchanged for the cookie on first use. */
  readonly token = randomBytes(32).toString('base64url')
  /** This run's secret, in the cookie; never printed, never in a URL. */
  private readonly secret = randomBytes(32).toString('base64url')
  private tokenUsed = false

  constructor(readonly port: number) {}

  /** Cookies are shared by every port of a host name: the port in the name keeps two doors apart. */
  get cookieName(): string {
    return `gfc-host-${this.port}`
  }

  /** "127.0.0.1:PORT" or "localhost:PORT", exactly: any other name is a page that rebinds its own name to us. */
  hostAllowed(headers: IncomingHttpHeaders): boolean {
    const host = headers.host?.toLowerCase()
    return host === `127.0.0.1:${this.port}` || host === `localhost:${this.port}`
  }

  /** No Origin (a navigation, a same-origin GET) or this door's own: never another page's. */
  originAllowed(headers: IncomingHttpHeaders): boolean {
    const origin = headers.origin
    return origin === undefined || origin.toLowerCase() === `http://${headers.host?.toLowerCase()}`
  }

  /** True when the request carries this run's secret. */
  hasSecret(headers: IncomingHttpHeaders): boolean {
    const prefix = `${this.cookieName}=`
    const value = headers.cookie
      ?.split(';')
      .map((c) => c.trim())
      .find((c) => c.startsWith(prefix))
      ?.slice(prefix.length)
    return value !== undefined && equal(value, this.secret)
  }

  /** The Set-Cookie header for a browser that brings the one-time token, or null (wrong or already used). */
  redeem(token: string): string | null {
    if (this.tokenUsed || !equal(token, this.token)) return null
    this.tokenUsed = true
    return `${this.cookieName}=${this.secret}; Path=/; HttpOnly; SameSite=Strict`
  }
}
