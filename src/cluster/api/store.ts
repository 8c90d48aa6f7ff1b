/**
 * The storage layer under the API server: objects by resource and key, one global
 * resourceVersion counter (as etcd's revision), and watchers. No admission here.
 * Lists come back in etcd key order: namespace, then name.
 */
import type { KubeObject, WatchEvent } from './types.js';

export type Watcher = (e: WatchEvent) => void;

interface Bucket { objects: Map<string, KubeObject>; watchers: Set<Watcher> }

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export class Store {
  private buckets = new Map<string, Bucket>();
  private rv = 0;

  private bucket(resource: string): Bucket {
    let b = this.buckets.get(resource);
    if (!b) { b = { objects: new Map(), watchers: new Set() }; this.buckets.set(resource, b); }
    return b;
  }

  /** The next resourceVersion (a decimal string, as kube-apiserver's). */
  nextResourceVersion(): string { return String(++this.rv); }
  currentResourceVersion(): string { return String(this.rv); }

  get(resource: string, key: string): KubeObject | undefined {
    return this.bucket(resource).objects.get(key);
  }

  /** Live references in key order; callers must not mutate them. */
  list(resource: string, namespace?: string): KubeObject[] {
    const b = this.bucket(resource);
    const out: KubeObject[] = [];
    for (const [key, obj] of b.objects) {
      if (namespace === undefined || obj.metadata?.namespace === namespace) out.push(obj);
      void key;
    }
    return out.sort(compareByKey);
  }

  /**
   * Writes (creating or replacing) and notifies watchers. The object is stored as given, deeply
   * frozen: stored objects are shared with watchers (and may share parts with each other), so
   * nobody may change one in place.
   */
  put(resource: string, key: string, obj: KubeObject): void {
    const b = this.bucket(resource);
    const existed = b.objects.has(key);
    freezeDeep(obj);
    b.objects.set(key, obj);
    this.notify(b, { type: existed ? 'MODIFIED' : 'ADDED', object: obj });
  }

  /** Removes; watchers' DELETED event carries finalState when given (the object as last written). */
  remove(resource: string, key: string, finalState?: KubeObject): KubeObject | undefined {
    const b = this.bucket(resource);
    const obj = b.objects.get(key);
    if (!obj) return undefined;
    b.objects.delete(key);
    const last = finalState ? freezeDeep(finalState) : obj;
    this.notify(b, { type: 'DELETED', object: last });
    return last;
  }

  watch(resource: string, w: Watcher): () => void {
    const b = this.bucket(resource);
    b.watchers.add(w);
    return () => { b.watchers.delete(w); };
  }

  resources(): string[] { return [...this.buckets.keys()]; }

  private notify(b: Bucket, e: WatchEvent): void {
    for (const w of [...b.watchers]) w(e);
  }
}

function compareByKey(a: KubeObject, b: KubeObject): number {
  const an = a.metadata?.namespace ?? '', bn = b.metadata?.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const x = a.metadata?.name ?? '', y = b.metadata?.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Object.freeze all the way down; parts already frozen (shared with an earlier version) are skipped. */
export function freezeDeep<T>(v: T): T {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  Object.freeze(v);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) freezeDeep(v[i]);
  else for (const k in v) freezeDeep((v as Record<string, unknown>)[k]); // plain JSON objects: no inherited keys
  return v;
}
