// Hybrid logical clock. A change's time is "<wall ms, 13 digits>-<counter, 4 digits>"; the stamp of
// a field is that time, the device and the change's number in the device's log:
// "<ms>-<counter>-<device>-<seq>". Comparing stamps as strings orders them by time, then counter,
// then device, so every device shows the same value first; the device and number say which
// change wrote it, so a later change can tell whether its author had seen it.

export type Stamp = string
export type Hlc = string

/** Per device, the number of the last change known from it: a version vector. */
export type VersionVector = Record<string, number>

export function encodeHlc(ms: number, counter: number): Hlc {
  return `${String(ms).padStart(13, '0')}-${String(counter).padStart(4, '0')}`
}

export function stampOf(hlc: Hlc, device: string, seq: number): Stamp {
  return `${hlc}-${device}-${seq}`
}

export function decodeStamp(stamp: Stamp): { ms: number; counter: number; device: string; seq: number } {
  const [ms, counter, device, seq] = stamp.split('-')
  return { ms: Number(ms), counter: Number(counter), device, seq: Number(seq ?? 0) }
}

/** The device and change number of a stamp, without decoding the rest. */
export function stampSource(stamp: Stamp): [device: string, seq: number] {
  // "<13 digits>-<4 digits>-" is 19 characters; a stamp from before sync has no number.
  const dash = stamp.indexOf('-', 19)
  return dash === -1 ? [stamp.slice(19), 0] : [stamp.slice(19, dash), Number(stamp.slice(dash + 1))]
}

export function stampTime(stamp: Stamp): string {
  return new Date(decodeStamp(stamp).ms).toISOString()
}

/** True when the change that wrote `stamp` is among those the version vector has seen. */
export function covered(stamp: Stamp, vv: VersionVector): boolean {
  const [device, seq] = stampSource(stamp)
  return seq <= (vv[device] ?? 0)
}

export class HybridClock {
  private ms = 0
  private counter = 0

  constructor(last?: Hlc) {
    if (last) this.observe(last)
  }

  /** A new time, later than every time this clock has issued or observed. */
  tick(now = Date.now()): Hlc {
    if (now > this.ms) {
      this.ms = now
      this.counter = 0
    } else {
      this.counter++
    }
    return encodeHlc(this.ms, this.counter)
  }

  /** Moves the clock past a time seen from another device or an earlier session. */
  observe(hlc: Hlc): void {
    const ms = Number(hlc.slice(0, 13))
    const counter = Number(hlc.slice(14, 18))
    if (ms > this.ms || (ms === this.ms && counter > this.counter)) {
      this.ms = ms
      this.counter = counter
    }
  }

  get last(): Hlc {
    return encodeHlc(this.ms, this.counter)
  }
}
