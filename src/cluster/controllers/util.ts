/**
 * Small helpers shared by the controllers: resource refs, keys, label selectors, owner
 * references, time formatting and semantic equality. Pure functions only.
 */
import type { KubeObject, ResourceRef } from '../api/types.js';
import type { LabelSelector, OwnerReference } from 'kubernetes-types/meta/v1';

export const R = {
  pods: { group: '', resource: 'pods' },
  services: { group: '', resource: 'services' },
  endpoints: { group: '', resource: 'endpoints' },
  events: { group: '', resource: 'events' },
  nodes: { group: '', resource: 'nodes' },
  namespaces: { group: '', resource: 'namespaces' },
  configmaps: { group: '', resource: 'configmaps' },
  serviceaccounts: { group: '', resource: 'serviceaccounts' },
  endpointslices: { group: 'discovery.k8s.io', resource: 'endpointslices' },
  replicasets: { group: 'apps', resource: 'replicasets' },
  deployments: { group: 'apps', resource: 'deployments' },
  statefulsets: { group: 'apps', resource: 'statefulsets' },
  daemonsets: { group: 'apps', resource: 'daemonsets' },
  controllerrevisions: { group: 'apps', resource: 'controllerrevisions' },
  jobs: { group: 'batch', resource: 'jobs' },
  leases: { group: 'coordination.k8s.io', resource: 'leases' },
} satisfies Record<string, ResourceRef>;

export function keyOf(o: KubeObject): string {
  const ns = o.metadata?.namespace;
  return ns ? `${ns}/${o.metadata?.name ?? ''}` : (o.metadata?.name ?? '');
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

/** Deep copy for objects we are about to modify (informer objects are shared, read-only). */
export function clone<T>(v: T): T { return structuredClone(v); }

/** Structural equality of JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>, bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

/** Equality-based selector (Service.spec.selector): every key must match. */
export function matchesMap(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const k in selector) if (l[k] !== selector[k]) return false;
  return true;
}

/** metav1.LabelSelector semantics; an empty selector matches everything, a missing one nothing. */
export function matchesSelector(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const k in sel.matchLabels ?? {}) if (l[k] !== sel.matchLabels![k]) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const v = l[e.key];
    switch (e.operator) {
      case 'In': if (!has || !(e.values ?? []).includes(v!)) return false; break;
      case 'NotIn': if (has && (e.values ?? []).includes(v!)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** `a=b,c=d` as kubectl and events print selectors (keys sorted). */
export function selectorString(sel: Record<string, string>): string {
  return Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',');
}

export function controllerOf(o: KubeObject): OwnerReference | undefined {
  return o.metadata?.ownerReferences?.find((r) => r.controller);
}

export function ownerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata!.name!, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true };
}

const rfcCache = new Map<number, string>();

/** RFC 3339 with second precision, like metav1.Time (a small cache: status writes repeat times). */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  let s = rfcCache.get(sec);
  if (s === undefined) {
    s = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
    if (rfcCache.size > 4096) rfcCache.clear();
    rfcCache.set(sec, s);
  }
  return s;
}

/** RFC 3339 with nanoseconds, like the last-change-trigger-time annotation (we have ms). */
export function rfc3339Nano(ms: number): string {
  const frac = ms % 1000;
  if (frac === 0) return rfc3339(ms);
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_m, d: string) => `.${d}Z`.replace(/0+Z$/, 'Z'));
}

export function parseTime(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

export function compareStrings(a: string, b: string): number { return a < b ? -1 : a > b ? 1 : 0; }

export function isBeingDeleted(o: KubeObject): boolean { return !!o.metadata?.deletionTimestamp; }

/** intstr percent or int against a total; roundUp as Kubernetes' GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean, dflt: number | string): number {
  const x = v ?? dflt;
  if (typeof x === 'number') return x;
  const m = /^(\d+)%$/.exec(x);
  if (!m) { const n = Number(x); return Number.isFinite(n) ? n : 0; }
  const raw = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** Go's duration String() truncated to milliseconds, as the Pulled event prints it. */
export function goDurationMs(ms: number): string {
  ms = Math.round(ms);
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3600000), m = Math.floor((ms % 3600000) / 60000);
  const s = (ms % 60000) / 1000;
  let sec = s.toFixed(3).replace(/\.?0+$/, '');
  if (sec === '') sec = '0';
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${sec}s`;
}
