// Hybrid logical clock. A stamp is "<wall ms, 13 digits>-<counter, 4 digits>-<device id>":
// comparing two stamps as strings orders them by time, then counter, then device, so every
// device picks the same winner when merging.

export type Stamp = string

export function encodeStamp(ms: number, counter: number, device: string): Stamp {
  return `${String(ms).padStart(13, '0')}-${String(counter).padStart(4, '0')}-${device}`
}

export function decodeStamp(stamp: Stamp): { ms: number; counter: number; device: string } {
  const [ms, counter, ...device] = stamp.split('-')
  return { ms: Number(ms), counter: Number(counter), device: device.join('-') }
}

export function stampTime(stamp: Stamp): string {
  return new Date(decodeStamp(stamp).ms).toISOString()
}

export class HybridClock {
  private ms = 0
  private counter = 0

  constructor(
    readonly device: string,
    last?: Stamp,
  ) {
    if (last) this.observe(last)
  }

  /** A new stamp, later than every stamp this clock has issued or observed. */
  tick(now = Date.now()): Stamp {
    if (now > this.ms) {
      this.ms = now
      this.counter = 0
    } else {
      this.counter++
    }
    return encodeStamp(this.ms, this.counter, this.device)
  }

  /** Moves the clock past a stamp seen from another device or an earlier session. */
  observe(stamp: Stamp): void {
    const s = decodeStamp(stamp)
    if (s.ms > this.ms || (s.ms === this.ms && s.counter > this.counter)) {
      this.ms = s.ms
      this.counter = s.counter
    }
  }
}
