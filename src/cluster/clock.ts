/**
 * The one virtual clock. Everything in the cluster reads time from here, never from Date.now(),
 * so the same seed and inputs replay byte for byte. Timers fire in (time, insertion) order.
 */
export type TimerId = number;

interface Timer { at: number; seq: number; id: TimerId; fn: () => void }

export class VirtualClock {
  private nowMs: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(startMs: number) { this.nowMs = startMs; }

  /** Milliseconds since the Unix epoch, virtual. */
  now(): number { return this.nowMs; }

  /** RFC3339 with second precision, as metadata timestamps are written. */
  nowRFC3339(): string { return new Date(Math.floor(this.nowMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'); }

  /** Run fn at now()+delayMs (during a later advance). */
  schedule(delayMs: number, fn: () => void): TimerId {
    const t: Timer = { at: this.nowMs + Math.max(0, delayMs), seq: this.seq++, id: this.seq, fn };
    // Insert keeping (at, seq) order; timers are few, a linear scan from the end is enough.
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.at > t.at) i--;
    this.timers.splice(i, 0, t);
    return t.id;
  }

  cancel(id: TimerId): void {
    const i = this.timers.findIndex((t) => t.id === id);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** Time of the next pending timer, if any. */
  nextTimerAt(): number | undefined { return this.timers[0]?.at; }

  /**
   * Move time forward to `target`, firing due timers in order; `afterEach` runs after each
   * timer (the cluster uses it to let controllers settle at that instant).
   */
  advanceTo(target: number, afterEach?: () => void): void {
    for (;;) {
      const t = this.timers[0];
      if (!t || t.at > target) break;
      this.timers.shift();
      if (t.at > this.nowMs) this.nowMs = t.at;
      t.fn();
      afterEach?.();
    }
    if (target > this.nowMs) this.nowMs = target;
  }

  advance(ms: number, afterEach?: () => void): void { this.advanceTo(this.nowMs + ms, afterEach); }

  /** For saving a session: pending timers are re-created by controllers on restore. */
  pendingCount(): number { return this.timers.length; }
}
