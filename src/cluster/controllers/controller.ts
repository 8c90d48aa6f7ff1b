/**
 * A controller in the Kubernetes shape: watch handlers only enqueue `namespace/name` keys;
 * `sync(key)` reads current state through the API and converges it. Level-triggered and
 * idempotent: syncing a converged key makes no API writes.
 */
import type { ApiClient } from '../api/types.js';
import type { VirtualClock } from '../clock.js';
import type { SeededRandom } from '../rng.js';
import type { InformerFactory } from './informer.js';
import type { ContainerRuntime } from '../runtime/runtime.js';

export interface ControllerContext {
  api: ApiClient;
  clock: VirtualClock;
  rng: SeededRandom;
  /** Records an Event (core/v1) the way client-go's EventRecorder does (dedup + count). */
  recordEvent(ev: EventSpec): void;
  /** Shared caches fed by watches (added by engineer B). */
  informers: InformerFactory;
  /** Requeue `key` on the named controller at virtual time `atMs`; survives snapshot/restore. */
  wakeAt(controller: string, key: string, atMs: number): void;
  /** The container runtime model the kubelet drives and the network layer reads. */
  runtime: ContainerRuntime;
  /**
   * While a new cluster fast-forwards through its past, periodic chores with no lasting effect
   * (heartbeats) may sleep until shortly before this time.
   */
  fastForwardUntil?: number;
}

export interface EventSpec {
  involved: { kind: string; apiVersion?: string; namespace?: string; name: string; uid?: string; fieldPath?: string; resourceVersion?: string };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** e.g. { component: 'kubelet', host: 'node-1' } or { component: 'default-scheduler' } */
  source: { component: string; host?: string };
  /** events.k8s.io reportingController, e.g. 'default-scheduler' (optional). */
  reportingController?: string;
}

export interface Controller {
  readonly name: string;
  /** Subscribe to the watches it needs; called once when the cluster starts. */
  start(ctx: ControllerContext): void;
  /** Process queued keys. Returns true if it did any work (the cluster loops until quiet). */
  drain(): boolean;
  /** Adds a key to the work queue (used by timed wake-ups). */
  enqueue?(key: string): void;
  /** Re-queues every object the controller owns (periodic informer resync). */
  resync?(): void;
}

/** A de-duplicating FIFO of keys, like client-go's workqueue without rate limiting. */
export class WorkQueue {
  private keys: string[] = [];
  private set = new Set<string>();
  add(key: string): void { if (!this.set.has(key)) { this.set.add(key); this.keys.push(key); } }
  /** Drains a snapshot of the queue; keys added during processing wait for the next round. */
  drain(fn: (key: string) => void): boolean {
    if (this.keys.length === 0) return false;
    const batch = this.keys; this.keys = []; this.set.clear();
    for (const k of batch) fn(k);
    return true;
  }
  get length(): number { return this.keys.length; }
}
