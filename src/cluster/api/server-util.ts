/** Pure helpers of the API server: naming, identity, time, serialization order. */
import { K8S_RAND_ALPHABET, type SeededRandom } from '../rng.js';
import { eventToView } from './events-view.js';
import { internalError } from './errors.js';
import { ApiError, type KubeObject, type ResourceInfo } from './types.js';
import { clone, deepEqual } from './util.js';

export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw internalError(e instanceof Error ? e.message : String(e));
  }
}

export function storeKey(info: { group: string; plural: string }): string {
  if (isEventsView(info)) return 'events'; // one storage, two API views
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

export function isEventsView(info: { group: string; plural: string }): boolean {
  return info.group === 'events.k8s.io' && info.plural === 'events';
}

/** What a client of `info` sees of a stored object (a copy). */
export function present(info: ResourceInfo, stored: KubeObject): KubeObject {
  return isEventsView(info) ? clone(eventToView(stored)) : clone(stored);
}

export function qr(info: ResourceInfo): { group: string; resource: string } {
  return { group: info.group, resource: info.plural };
}

export function gk(info: ResourceInfo): string { return `${info.group}/${info.kind}`; }

/** names.SimpleNameGenerator: prefix cut to 58 characters + 5 random characters. */
export function generateName(prefix: string, rng: SeededRandom): string {
  return prefix.slice(0, 58) + rng.string(K8S_RAND_ALPHABET, 5);
}

/** A version-4 UUID drawn from the seeded RNG. */
export function uuid(rng: SeededRandom): string {
  const hex = (n: number): string => { let s = ''; for (let i = 0; i < n; i++) s += rng.int(16).toString(16); return s; };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`;
}

export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function specChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): KubeObject => { const c = { ...o }; delete c.metadata; delete c.status; return c; };
  return !deepEqual(strip(a), strip(b));
}

/** apiVersion, kind, metadata first, as the server serializes. */
export function orderTopLevel(o: KubeObject): KubeObject {
  const out: KubeObject = { apiVersion: o.apiVersion, kind: o.kind, metadata: o.metadata };
  for (const [k, v] of Object.entries(o)) if (!(k in out) && v !== undefined) out[k] = v;
  return out;
}
