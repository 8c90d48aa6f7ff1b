/**
 * Event expiry: kube-apiserver stores Events with an etcd lease of --event-ttl (1h), renewed
 * on every write; an Event not updated for an hour disappears.
 */
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import type { Informer } from './informer.js';
import { R, keyOf, parseTime, splitKey } from './util.js';

export const EVENT_TTL_MS = 3_600_000;
const SWEEP = 'sweep';

export class EventTTLController implements Controller {
  readonly name = 'event-ttl';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private events!: Informer;
  /** When each event was last written (virtual time of the write). */
  private written = new Map<string, number>();

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.events = ctx.informers.for(R.events);
    this.events.onChange((t, e) => {
      const k = keyOf(e);
      if (t === 'DELETED') { this.written.delete(k); return; }
      this.track(k, e);
    });
  }

  /** The lease is renewed by every write; lastTimestamp is when the recorder last wrote it. */
  private track(k: string, e: KubeObject): void {
    const last = parseTime((e['lastTimestamp'] as string | undefined) ?? (e['eventTime'] as string | undefined) ?? e.metadata?.creationTimestamp) ?? this.ctx.clock.now();
    this.written.set(k, last);
    // One sweep per distinct expiry second (timestamps have second precision), not one timer per event.
    this.ctx.wakeAt(this.name, SWEEP, last + EVENT_TTL_MS);
  }

  resync(): void { for (const e of this.events.values()) this.track(keyOf(e), e); }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(key: string): void {
    if (key !== SWEEP) return;
    const now = this.ctx.clock.now();
    const expired = [...this.written].filter(([, at]) => now >= at + EVENT_TTL_MS).map(([k]) => k).sort();
    for (const k of expired) {
      const [ns, name] = splitKey(k);
      try { this.ctx.api.delete(R.events, ns, name); } catch (e) { if (!(e instanceof ApiError)) throw e; }
    }
  }
}

