/** Small helpers over JSON-shaped objects (everything the API stores is plain JSON). */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { KubeObject } from './types.js';

/** ObjectMeta with the server-set fields writable (kubernetes-types marks them readonly). */
export type MutableMeta = { -readonly [K in keyof ObjectMeta]: ObjectMeta[K] };

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A deep copy with JSON semantics (undefined and functions dropped, non-finite numbers become
 * null, Dates become strings); the store never shares structure with its callers. A hand-written
 * walk: about ten times faster than a JSON round trip, and every read and write clones.
 */
export function clone<T>(v: T): T {
  return copy(v) as T;
}

function copy(v: unknown): unknown {
  if (v === null) return null;
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'number': return Number.isFinite(v) ? v : null;
    case 'object': break;
    default: return undefined;
  }
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) { const x = copy(v[i]); out[i] = x === undefined ? null : x; }
    return out;
  }
  if (v instanceof Date) return v.toISOString();
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src)) {
    const x = copy(src[k]);
    if (x === undefined) continue;
    if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}

/**
 * clone() for bodies from in-process controllers: frozen parts (taken from stored objects,
 * which are immutable) are shared rather than copied. The root is always a new object.
 */
export function cloneSharingFrozen<T>(v: T): T {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) return clone(v);
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src)) {
    const x = src[k];
    const c = typeof x === 'object' && x !== null && Object.isFrozen(x) ? x : copy(x);
    if (c === undefined) continue;
    if (k === '__proto__') Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out as T;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Reads a dotted path (`spec.nodeName`) from an object. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

export function meta(obj: KubeObject): NonNullable<KubeObject['metadata']> {
  if (!isObject(obj.metadata)) obj.metadata = {};
  return obj.metadata!;
}

/** Returns obj[key] as an object, creating it when absent. */
export function child(obj: JsonObject, key: string): JsonObject {
  const v = obj[key];
  if (isObject(v)) return v;
  const n: JsonObject = {};
  obj[key] = n;
  return n;
}

/** Sorts an object's keys recursively (Go marshals struct fields in declaration order; maps sorted). */
export function sortedKeys(o: JsonObject): string[] { return Object.keys(o).sort(); }

/** o[k] only when k is o's own property (user keys such as `__proto__` must never reach prototypes). */
export function getOwn(o: JsonObject, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/** o[k] = v as an own data property, whatever k is. */
export function setOwn(o: JsonObject, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}
