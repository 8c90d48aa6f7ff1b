/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch/patch.go) for the built-in
 * types: lists with a patchMergeKey merge by that key; lists tagged patchStrategy=merge without
 * a key (finalizers) union; other lists are replaced. Directives: `$patch: replace|delete|merge`,
 * `$retainKeys`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`.
 */
import { clone, deepEqual, getOwn, isObject, setOwn, type JsonObject } from '../util.js';
import { goV } from '../admission/gofmt.js';

export class StrategicPatchError extends Error {}
/** mergepatch.ErrNoMergeKey: the apiserver passes it through as a 500 (interpretStrategicMergePatchError's default). */
export class NoMergeKeyError extends Error {}

type ListStrategy = { mergeKey: string } | 'primitive-merge' | 'replace';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/**
 * The patch strategy of a list field, from its Go struct tags. `path` holds the field names
 * from the object root to the list (no indices), `kind` the object's kind.
 */
export function listStrategy(kind: string, path: readonly string[]): ListStrategy {
  const field = path[path.length - 1] ?? '';
  const parent = path[path.length - 2] ?? '';
  const inContainer = path.some((p) => CONTAINER_LISTS.has(p));
  switch (field) {
    case 'containers': case 'initContainers': case 'ephemeralContainers':
    case 'volumes': case 'imagePullSecrets': case 'resourceClaims': case 'schedulingGates':
      return { mergeKey: 'name' };
    case 'env':
      return inContainer ? { mergeKey: 'name' } : 'replace';
    case 'volumeMounts': return { mergeKey: 'mountPath' };
    case 'volumeDevices': return { mergeKey: 'devicePath' };
    case 'ports':
      if (inContainer) return { mergeKey: 'containerPort' };
      if (kind === 'Service' && parent === 'spec' && path.length === 2) return { mergeKey: 'port' };
      return 'replace';
    case 'hostAliases': return { mergeKey: 'ip' };
    case 'conditions': return parent === 'status' ? { mergeKey: 'type' } : 'replace';
    case 'addresses': return kind === 'Node' && parent === 'status' ? { mergeKey: 'type' } : 'replace';
    case 'secrets': return kind === 'ServiceAccount' && path.length === 1 ? { mergeKey: 'name' } : 'replace';
    case 'ownerReferences': return { mergeKey: 'uid' };
    case 'finalizers': return parent === 'metadata' ? 'primitive-merge' : 'replace';
    case 'topologySpreadConstraints': return { mergeKey: 'topologyKey' };
    case 'taints': return kind === 'Node' ? 'replace' : 'replace';
    default: return 'replace';
  }
}

/** Maps whose absence of `$patch` still merges recursively; every JSON object does. */
export function strategicMergePatch(original: unknown, patch: unknown, kind: string): unknown {
  if (!isObject(patch)) throw new StrategicPatchError('invalid JSON document');
  const base = isObject(original) ? clone(original) : {};
  return mergeMap(base, patch, kind, []);
}

function mergeMap(original: JsonObject, patch: JsonObject, kind: string, path: string[]): JsonObject {
  const directive = patch['$patch'];
  if (directive === 'replace') {
    const out = clone(patch); delete out['$patch'];
    return stripDirectives(out);
  }
  if (directive === 'delete') return {};
  if (directive !== undefined && directive !== 'merge') {
    throw new StrategicPatchError(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
  }
  let out = original;
  const retain = patch['$retainKeys'];
  if (Array.isArray(retain)) {
    const keep = new Set(retain.map(String));
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)));
  }
  const orders: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    if (k.startsWith('$setElementOrder/')) { if (Array.isArray(v)) orders[k.slice('$setElementOrder/'.length)] = v; continue; }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const cur = getOwn(out, field);
      if (Array.isArray(cur) && Array.isArray(v)) setOwn(out, field, cur.filter((x) => !v.some((d) => deepEqual(d, x))));
      continue;
    }
    if (v === null) { delete out[k]; continue; }
    const cur = getOwn(out, k);
    if (isObject(v)) {
      if (v['$patch'] === 'delete') { delete out[k]; continue; }
      setOwn(out, k, mergeMap(isObject(cur) ? cur : {}, v, kind, [...path, k]));
    } else if (Array.isArray(v)) {
      setOwn(out, k, mergeList(Array.isArray(cur) ? cur : [], v, kind, [...path, k]));
    } else {
      setOwn(out, k, v);
    }
  }
  for (const [field, order] of Object.entries(orders)) {
    const cur = getOwn(out, field);
    if (Array.isArray(cur)) setOwn(out, field, applyOrder(cur, order, listStrategy(kind, [...path, field])));
  }
  return out;
}

function mergeList(original: unknown[], patch: unknown[], kind: string, path: string[]): unknown[] {
  const strategy = listStrategy(kind, path);
  // `[{$patch: replace}, ...]` replaces the whole list.
  if (patch.some((p) => isObject(p) && p['$patch'] === 'replace')) {
    return patch.filter((p) => !(isObject(p) && p['$patch'] === 'replace')).map((p) => (isObject(p) ? stripDirectives(clone(p)) : p));
  }
  if (strategy === 'replace') return patch.map((p) => (isObject(p) ? stripDirectives(clone(p)) : clone(p)));
  if (strategy === 'primitive-merge') {
    const out = [...original];
    for (const p of patch) if (!out.some((x) => deepEqual(x, p))) out.push(p);
    return out;
  }
  const key = strategy.mergeKey;
  const out = original.map((x) => clone(x));
  for (const p of patch) {
    if (!isObject(p)) { out.push(clone(p)); continue; }
    if (!Object.prototype.hasOwnProperty.call(p, key)) {
      if (p['$patch'] === undefined) throw new NoMergeKeyError(`map: ${goV(p)} does not contain declared merge key: ${key}`);
      continue;
    }
    const kv = p[key];
    const idx = out.findIndex((x) => isObject(x) && deepEqual(x[key], kv));
    if (p['$patch'] === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = mergeMap(out[idx] as JsonObject, p, kind, path);
    else out.push(stripDirectives(mergeMap({}, p, kind, path)));
  }
  return out;
}

function applyOrder(list: unknown[], order: unknown[], strategy: ListStrategy): unknown[] {
  const keyOf = (x: unknown): unknown => (typeof strategy === 'object' && isObject(x) ? x[strategy.mergeKey] : x);
  const orderKeys = order.map((o) => (typeof strategy === 'object' && isObject(o) ? o[strategy.mergeKey] : o));
  const ranked = list.map((x, i) => {
    const r = orderKeys.findIndex((k) => deepEqual(k, keyOf(x)));
    return { x, r: r < 0 ? Number.MAX_SAFE_INTEGER : r, i };
  });
  ranked.sort((a, b) => a.r - b.r || a.i - b.i);
  return ranked.map((e) => e.x);
}

function stripDirectives(o: JsonObject): JsonObject {
  for (const k of Object.keys(o)) {
    if (k.startsWith('$')) { delete o[k]; continue; }
    const v = o[k];
    if (isObject(v)) stripDirectives(v);
    else if (Array.isArray(v)) v.forEach((x) => { if (isObject(x)) stripDirectives(x); });
  }
  return o;
}
