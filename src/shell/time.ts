/**
 * The headless TimeDriver: waiting advances the cluster's virtual clock at once (in steps of
 * at most one second, so watches and controllers see time pass as they would live). Used by
 * tests and the replay CLI; the page has its own wall-clock driver (src/ui/time-driver.ts).
 */
import type { TimeDriver } from './contract.js';

export interface HeadlessTimeOptions {
  /** Moves virtual time forward by ms, running controllers and timers. */
  advance(ms: number): void;
  /** Largest single step; smaller steps let a watch print each change in order. */
  stepMs?: number;
}

export class HeadlessTime implements TimeDriver {
  private readonly advance: (ms: number) => void;
  private readonly stepMs: number;
  /** Virtual ms waited since the last `resetBudget()`; the replay uses it to press Ctrl-C. */
  waited = 0;
  private budget: { limitMs: number; onExceeded: () => void } | undefined;

  constructor(opts: HeadlessTimeOptions) {
    this.advance = opts.advance;
    this.stepMs = opts.stepMs ?? 1000;
  }

  /** After `limitMs` of waiting, call `onExceeded` (once), e.g. to abort a `get -w`. */
  setBudget(limitMs: number | undefined, onExceeded: () => void = () => {}): void {
    this.waited = 0;
    this.budget = limitMs === undefined ? undefined : { limitMs, onExceeded };
  }

  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    let left = Math.max(0, ms);
    while (left > 0 && !signal.aborted) {
      const step = Math.min(left, this.stepMs);
      this.advance(step);
      left -= step;
      this.waited += step;
      if (this.budget && this.waited >= this.budget.limitMs) {
        const b = this.budget;
        this.budget = undefined;
        b.onExceeded();
      }
      await Promise.resolve();
    }
  }
}
