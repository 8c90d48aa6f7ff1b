/**
 * The event recorder (client-go tools/record): turns EventSpecs into core/v1 Events.
 * An identical event (same source, object, type, reason, message) within the dedup window
 * bumps `count` and `lastTimestamp` on the existing Event instead of creating a new one,
 * as client-go's EventLogger does. Names are `<object>.<hex of UnixNano>` like record.makeEvent.
 */
import type { ApiClient, KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { VirtualClock } from '../clock.js';
import type { EventSpec } from './controller.js';
import { R, rfc3339 } from './util.js';

interface Seen { namespace: string; name: string; count: number; first: string }
/** EventAggregator: distinct messages per (source, object, type, reason) within 10 minutes. */
interface Similar { messages: string[]; /** last similar event */ since: number }
const AGGREGATE_MAX = 10;
const AGGREGATE_WINDOW_MS = 600_000;

export class EventRecorder {
  private seen = new Map<string, Seen>();
  private similar = new Map<string, Similar>();
  private lastNano = 0n;

  constructor(private readonly api: ApiClient, private readonly clock: VirtualClock) {}

  record(ev: EventSpec): void {
    const ns = ev.involved.namespace || 'default';
    const io = ev.involved;
    const aggKey = [ev.source.component, ev.source.host ?? '', io.kind, ns, io.name, io.uid ?? '', io.apiVersion ?? '', io.fieldPath ?? '', ev.type, ev.reason].join('\u0000');
    // Many similar events with different messages collapse into one (client-go EventAggregator).
    const nowMs = this.clock.now();
    let sim = this.similar.get(aggKey);
    // The window slides: it is measured from the last similar event.
    if (!sim || nowMs - sim.since > AGGREGATE_WINDOW_MS) { sim = { messages: [], since: nowMs }; this.similar.set(aggKey, sim); }
    sim.since = nowMs;
    if (!sim.messages.includes(ev.message)) sim.messages.push(ev.message);
    const combined = sim.messages.length >= AGGREGATE_MAX;
    if (combined) ev = { ...ev, message: `(combined from similar events): ${ev.message}` };
    const key = combined ? `${aggKey}\u0000*` : `${aggKey}\u0000${ev.message}`;
    const now = rfc3339(this.clock.now());
    const prev = this.seen.get(key);
    if (prev) {
      prev.count++;
      try {
        const patch: Record<string, unknown> = { count: prev.count, lastTimestamp: now };
        if (combined) patch['message'] = ev.message;
        this.api.patch(R.events, prev.namespace, prev.name, 'merge', patch, { fieldManager: ev.source.component });
        return;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        this.seen.delete(key); // expired or deleted: fall through and create a fresh one
      }
    }
    // Unique, increasing nanosecond stamps even for several events in the same virtual ms.
    let nano = BigInt(this.clock.now()) * 1000000n;
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    const name = `${io.name}.${nano.toString(16)}`;
    const involvedObject: Record<string, string> = { kind: io.kind, name: io.name };
    if (io.apiVersion) involvedObject['apiVersion'] = io.apiVersion;
    if (io.namespace) involvedObject['namespace'] = io.namespace;
    if (io.uid) involvedObject['uid'] = io.uid;
    if (io.resourceVersion) involvedObject['resourceVersion'] = io.resourceVersion;
    if (io.fieldPath) involvedObject['fieldPath'] = io.fieldPath;
    const source: Record<string, string> = { component: ev.source.component };
    if (ev.source.host) source['host'] = ev.source.host;
    const obj: KubeObject = {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject, reason: ev.reason, message: ev.message, source,
      firstTimestamp: now, lastTimestamp: now, count: 1, type: ev.type,
      eventTime: null,
      reportingComponent: ev.reportingController ?? ev.source.component,
      reportingInstance: ev.source.host ?? '',
    };
    try {
      this.api.create(R.events, ns, obj, { fieldManager: ev.source.component });
      this.seen.set(key, { namespace: ns, name, count: 1, first: now });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e; // e.g. namespace terminating: events are best effort
    }
  }

  /** For snapshots: the dedup cache is part of the state (counts must continue). */
  save(): unknown { return { seen: [...this.seen.entries()], similar: [...this.similar.entries()], lastNano: this.lastNano.toString() }; }
  load(data: unknown): void {
    const d = data as { seen: [string, Seen][]; similar?: [string, Similar][]; lastNano: string };
    this.seen = new Map(d.seen);
    this.similar = new Map(d.similar ?? []);
    this.lastNano = BigInt(d.lastNano);
  }
}
