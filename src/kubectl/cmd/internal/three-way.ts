/**
 * Strategic merge patch computation as kubectl does it client side
 * (k8s.io/apimachinery pkg/util/strategicpatch/patch.go: CreateThreeWayMergePatch,
 * CreateTwoWayMergePatch, diffMaps, diffLists, diffListsOfMaps). Used by apply (three-way:
 * last-applied, new manifest, live) and by edit/label/annotate/set (two-way).
 */
import { listMeta, mapRetainKeys, type ListMeta } from './patch-meta.js';

export type JsonMap = Record<string, unknown>;

interface DiffOptions { ignoreDeletions: boolean; ignoreChangesAndAdditions: boolean; setElementOrder: boolean; retainKeys: boolean }

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

function typeOf(v: unknown): string { return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v; }

/** The patch that turns `current` into `modified`, deleting what `original` had and `modified` dropped. */
export function threeWayMergePatch(original: JsonMap, modified: JsonMap, current: JsonMap, kind: string): JsonMap {
  const delta = diffMaps(current, modified, kind, [], { ignoreDeletions: true, ignoreChangesAndAdditions: false, setElementOrder: true, retainKeys: false });
  const deletions = diffMaps(original, modified, kind, [], { ignoreDeletions: false, ignoreChangesAndAdditions: true, setElementOrder: true, retainKeys: false });
  return mergePatches(deletions, delta, kind, []);
}

/** CreateTwoWayMergePatch(original, modified): what kubectl edit/label/set send. */
export function twoWayMergePatch(original: JsonMap, modified: JsonMap, kind: string): JsonMap {
  return diffMaps(original, modified, kind, [], { ignoreDeletions: false, ignoreChangesAndAdditions: false, setElementOrder: true, retainKeys: false });
}

/** RFC 7386 merge patch (jsonpatch.CreateMergePatch), for kinds without SMP metadata. */
export function jsonMergePatch(original: JsonMap, modified: JsonMap): JsonMap {
  const patch: JsonMap = {};
  for (const [k, mv] of Object.entries(modified)) {
    const ov = original[k];
    if (!(k in original)) patch[k] = mv;
    else if (isMap(ov) && isMap(mv)) { const p = jsonMergePatch(ov, mv); if (Object.keys(p).length) patch[k] = p; }
    else if (!deepEqual(ov, mv)) patch[k] = mv;
  }
  for (const k of Object.keys(original)) if (!(k in modified)) patch[k] = null;
  return patch;
}

function diffMaps(original: JsonMap, modified: JsonMap, kind: string, path: string[], o: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  const retain: string[] = [];
  for (const [key, mv] of Object.entries(modified)) {
    if (o.retainKeys && mv !== null) retain.push(key);
    if (!(key in original)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (key === '$patch') { if (ov !== mv) patch[key] = mv; continue; }
    if (typeOf(ov) !== typeOf(mv)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const sub = [...path, key];
    if (isMap(ov) && isMap(mv)) {
      const pv = diffMaps(ov, mv, kind, sub, { ...o, retainKeys: mapRetainKeys(kind, sub) });
      if (Object.keys(pv).length > 0) patch[key] = pv;
    } else if (Array.isArray(ov) && Array.isArray(mv)) {
      const meta = listMeta(kind, sub);
      if (meta) diffSlice(key, ov, mv, meta, patch, kind, sub, o);
      else if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
    } else if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
  }
  if (!o.ignoreDeletions) for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  if (retain.length > 0 && (Object.keys(patch).length > 0 || Object.entries(original).some(([k, v]) => v !== null && !(k in modified)))) {
    patch['$retainKeys'] = retain.sort();
  }
  return patch;
}

function diffSlice(key: string, ov: unknown[], mv: unknown[], meta: ListMeta, patch: JsonMap, kind: string, path: string[], o: DiffOptions): void {
  const itemOpts = { ...o, retainKeys: !!meta.retainKeys };
  if (ov.length === 0) {
    if (mv.length > 0 && !o.ignoreChangesAndAdditions) patch[key] = mv;
    return;
  }
  if (meta.primitive || !ov.every(isMap) || !mv.every(isMap)) {
    const os = ov.map(String), ms = mv.map(String);
    const add = o.ignoreChangesAndAdditions ? [] : mv.filter((x) => !os.includes(String(x)));
    const del = o.ignoreDeletions ? [] : [...new Set(ov.filter((x) => !ms.includes(String(x))))];
    if (add.length) patch[key] = add;
    if (del.length) patch[`$deleteFromPrimitiveList/${key}`] = del;
    if (o.setElementOrder && ((!o.ignoreDeletions && del.length > 0) || (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)))) {
      patch[`$setElementOrder/${key}`] = mv;
    }
    return;
  }
  const mk = meta.mergeKey;
  const keyOf = (m: unknown): string => String((m as JsonMap)[mk]);
  const sortByKey = (l: unknown[]): JsonMap[] => [...l as JsonMap[]].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const os = sortByKey(ov), ms = sortByKey(mv);
  const changes: JsonMap[] = [], deletes: JsonMap[] = [];
  let i = 0, j = 0;
  while (i < os.length || j < ms.length) {
    const a = os[i], b = ms[j];
    if (a && b && keyOf(a) === keyOf(b)) {
      const pv = diffMaps(a, b, kind, path, itemOpts);
      if (Object.keys(pv).length > 0) { pv[mk] = b[mk]; changes.push(pv); }
      i++; j++;
    } else if (!a || (b && keyOf(a) > keyOf(b))) {
      if (!o.ignoreChangesAndAdditions) changes.push(b!);
      j++;
    } else {
      if (!o.ignoreDeletions) deletes.push({ $patch: 'delete', [mk]: a[mk] });
      i++;
    }
  }
  // normalizeSliceOrder: changes follow the order of the modified list.
  const order = mv.map(keyOf);
  changes.sort((x, y) => order.indexOf(keyOf(x)) - order.indexOf(keyOf(y)));
  const list = [...changes, ...deletes];
  const orderSame = ov.length === mv.length && ov.every((x, k) => keyOf(x) === keyOf(mv[k]));
  if (list.length > 0) patch[key] = list;
  if (o.setElementOrder && ((!o.ignoreChangesAndAdditions && (list.length > 0 || !orderSame)) || (!o.ignoreDeletions && list.length > 0))) {
    patch[`$setElementOrder/${key}`] = mv.map((x) => ({ [mk]: (x as JsonMap)[mk] }));
  }
}

/** mergeMap(deletions, delta): folds the additive delta into the deletions patch. */
function mergePatches(base: JsonMap, over: JsonMap, kind: string, path: string[]): JsonMap {
  const out: JsonMap = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    const sub = [...path, k];
    if (isMap(b) && isMap(v)) out[k] = mergePatches(b, v, kind, sub);
    else if (Array.isArray(b) && Array.isArray(v) && !k.startsWith('$')) {
      const meta = listMeta(kind, sub);
      if (meta && !meta.primitive) {
        // As mergeMap leaves it: merged entries and additions first, delete directives last.
        const merged = (b as JsonMap[]).filter((m) => !(isMap(m) && m.$patch !== undefined));
        const directives = (b as JsonMap[]).filter((m) => isMap(m) && m.$patch !== undefined);
        for (const item of v as JsonMap[]) {
          const idx = merged.findIndex((m) => isMap(m) && m[meta.mergeKey] === item[meta.mergeKey]);
          if (idx >= 0) merged[idx] = mergePatches(merged[idx]!, item, kind, sub); else merged.push(item);
        }
        out[k] = [...merged, ...directives];
      } else out[k] = v;
    } else out[k] = v;
  }
  return out;
}
