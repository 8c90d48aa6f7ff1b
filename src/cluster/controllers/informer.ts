/**
 * A shared informer: one watch per resource, a local cache keyed `namespace/name`, and
 * secondary indexes (namespace, label pair, node, owner uid) so controllers never list the
 * whole world per event. Handlers receive (type, current, old) and must only enqueue keys.
 * Cached objects are shared and read-only: clone before modifying.
 */
import type { ApiClient, KubeObject, ResourceRef, WatchEventType } from '../api/types.js';
import { controllerOf, keyOf } from './util.js';

export type Handler<T> = (type: WatchEventType, obj: T, old: T | undefined) => void;
type IndexFn<T> = (obj: T) => string[];

export class Informer<T extends KubeObject = KubeObject> {
  private items = new Map<string, T>();
  private indexFns = new Map<string, IndexFn<T>>();
  private indexes = new Map<string, Map<string, Map<string, T>>>();
  private handlers: Handler<T>[] = [];
  private started = false;

  constructor(private readonly api: ApiClient, readonly ref: ResourceRef) {
    this.addIndex('namespace', (o) => [o.metadata?.namespace ?? '']);
  }

  /** Index values must be derived from the object only. Add indexes before start(). */
  addIndex(name: string, fn: IndexFn<T>): this {
    if (this.indexFns.has(name)) return this;
    this.indexFns.set(name, fn);
    const idx = new Map<string, Map<string, T>>();
    this.indexes.set(name, idx);
    for (const [k, o] of this.items) for (const v of fn(o)) bucket(idx, v).set(k, o);
    return this;
  }

  onChange(h: Handler<T>): void { this.handlers.push(h); }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.api.watch(this.ref, undefined, { sendInitial: true }, (e) => {
      const obj = e.object as T;
      const key = keyOf(obj);
      const old = this.items.get(key);
      if (old) this.unindex(key, old);
      if (e.type === 'DELETED') this.items.delete(key);
      else { this.items.set(key, obj); this.index(key, obj); }
      for (const h of this.handlers) h(e.type, obj, old);
    });
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.items.get(namespace ? `${namespace}/${name}` : name);
  }
  getByKey(key: string): T | undefined { return this.items.get(key); }

  /** Objects in key order (sorted: Go would iterate a map here, we must not). */
  list(namespace?: string): T[] {
    const src = namespace === undefined ? this.items : this.indexes.get('namespace')!.get(namespace);
    if (!src) return [];
    return [...src.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  }

  /** Unsorted: callers that only count or filter may use it. */
  values(): IterableIterator<T> { return this.items.values(); }
  get size(): number { return this.items.size; }

  byIndex(name: string, value: string): T[] {
    const m = this.indexes.get(name)?.get(value);
    if (!m) return [];
    return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  }
  /** Unsorted view of an index bucket (for counting and filtering only). */
  indexValues(name: string, value: string): Iterable<T> {
    return this.indexes.get(name)?.get(value)?.values() ?? [];
  }
  indexCount(name: string, value: string): number { return this.indexes.get(name)?.get(value)?.size ?? 0; }

  private index(key: string, o: T): void {
    for (const [name, fn] of this.indexFns) for (const v of fn(o)) bucket(this.indexes.get(name)!, v).set(key, o);
  }
  private unindex(key: string, o: T): void {
    for (const [name, fn] of this.indexFns) {
      const idx = this.indexes.get(name)!;
      for (const v of fn(o)) {
        const b = idx.get(v);
        if (b) { b.delete(key); if (b.size === 0) idx.delete(v); }
      }
    }
  }
}

function bucket<T>(idx: Map<string, Map<string, T>>, v: string): Map<string, T> {
  let b = idx.get(v);
  if (!b) { b = new Map(); idx.set(v, b); }
  return b;
}

/** One informer per resource, shared by every controller (as client-go's SharedInformerFactory). */
export class InformerFactory {
  private informers = new Map<string, Informer>();
  constructor(private readonly api: ApiClient) {}
  for<T extends KubeObject = KubeObject>(ref: ResourceRef): Informer<T> {
    const k = `${ref.group}/${ref.resource}`;
    let inf = this.informers.get(k);
    if (!inf) { inf = new Informer(this.api, ref); this.informers.set(k, inf); }
    return inf as unknown as Informer<T>;
  }
  startAll(): void { for (const i of this.informers.values()) i.start(); }
}

/** Index helpers shared by controllers. */
export const labelPairs = (o: KubeObject): string[] => {
  const ns = o.metadata?.namespace ?? '';
  const l = o.metadata?.labels ?? {};
  return Object.keys(l).map((k) => `${ns}\u0000${k}=${l[k]}`);
};
export const labelPairKey = (ns: string, k: string, v: string): string => `${ns}\u0000${k}=${v}`;
export const ownerUids = (o: KubeObject): string[] => (o.metadata?.ownerReferences ?? []).map((r) => r.uid);

/** The objects in `owned` (which carries the 'owner' index) whose controller is `uid`. */
export function controlledBy<T extends KubeObject>(owned: Informer<T>, uid: string): T[] {
  return owned.byIndex('owner', uid).filter((o) => controllerOf(o)?.uid === uid);
}

/**
 * client-go's handleObject: when an owned object changes (old and new), queue the owner of
 * `kind` that controls it. `owners` must carry a 'uid' index.
 */
export function enqueueControllerOf<T extends KubeObject, O extends KubeObject>(owned: Informer<T>, kind: string, owners: Informer<O>, add: (key: string) => void): void {
  owned.onChange((_t, obj, old) => {
    for (const o of [obj, old]) {
      const c = o && controllerOf(o);
      if (c?.kind === kind) for (const owner of owners.byIndex('uid', c.uid)) add(keyOf(owner));
    }
  });
}
