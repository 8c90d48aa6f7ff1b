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
    this.ctx.wakeAt(this.name, k, last + EVENT_TTL_MS);
  }

  resync(): void { for (const e of this.events.values()) this.track(keyOf(e), e); }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(key: string): void {
    const at = this.written.get(key);
    if (at === undefined || this.ctx.clock.now() < at + EVENT_TTL_MS) return;
    const [ns, name] = splitKey(key);
    try { this.ctx.api.delete(R.events, ns, name); } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }
}

