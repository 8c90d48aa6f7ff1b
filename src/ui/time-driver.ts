/**
 * The page's TimeDriver: the virtual clock follows wall time. A tick advances the cluster by
 * the wall time elapsed since the last tick; a sleep ends when the *virtual* clock reaches
 * its deadline, so the "+30 s" button wakes sleepers too. Only src/ui may use timers.
 */
import type { TimeDriver } from '../shell/index.js';

export interface Advanceable {
  now(): number;
  advance(ms: number): void;
}

interface Sleeper { deadline: number; resolve(): void }

export class WallTimeDriver implements TimeDriver {
  private lastWall: number;
  private sleepers: Sleeper[] = [];
  private interval: ReturnType<typeof setInterval> | undefined;
  private listeners: (() => void)[] = [];

  constructor(
    private target: Advanceable,
    private readonly wallNow: () => number = () => performance.now(),
    /** A tab in the background gets few timer ticks; never jump more than this at once. */
    private readonly maxStepMs = 60_000,
  ) {
    this.lastWall = wallNow();
  }

  /** Points the driver at a new cluster (after reset or restore). */
  retarget(target: Advanceable): void {
    this.target = target;
    this.lastWall = this.wallNow();
  }

  now(): number { return this.target.now(); }

  start(periodMs = 250): void {
    this.stop();
    this.lastWall = this.wallNow();
    this.interval = setInterval(() => this.tick(), periodMs);
  }

  stop(): void {
    if (this.interval !== undefined) clearInterval(this.interval);
    this.interval = undefined;
  }

  /** Called on every tick (the header clock redraws). */
  onTick(fn: () => void): void { this.listeners.push(fn); }

  /** Brings virtual time up to wall time; wakes due sleepers. */
  tick(): void {
    const wall = this.wallNow();
    // Whole milliseconds only: the cluster's timestamps (event nanoseconds) are integers.
    const elapsed = Math.floor(Math.min(this.maxStepMs, Math.max(0, wall - this.lastWall)));
    this.lastWall += elapsed;
    if (wall - this.lastWall > this.maxStepMs) this.lastWall = wall;
    if (elapsed > 0) this.target.advance(elapsed);
    this.wake();
    for (const l of this.listeners) l();
  }

  /** The "+30 s" button: virtual time jumps ahead of wall time. */
  fastForward(ms: number): void {
    this.tick();
    this.target.advance(Math.round(ms));
    this.wake();
    for (const l of this.listeners) l();
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.tick();
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const s: Sleeper = { deadline: this.target.now() + Math.max(0, ms), resolve: () => { cleanup(); resolve(); } };
      const timer = setTimeout(() => this.tick(), Math.max(0, ms) + 1);
      const onAbort = (): void => s.resolve();
      const cleanup = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.sleepers = this.sleepers.filter((x) => x !== s);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.sleepers.push(s);
      if (ms <= 0) s.resolve();
    });
  }

  private wake(): void {
    const now = this.target.now();
    for (const s of this.sleepers.filter((x) => x.deadline <= now)) s.resolve();
  }
}
