/**
 * JSON patch (RFC 6902) with the error texts of gopkg.in/evanphx/json-patch.v4, which
 * kube-apiserver uses (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
 */
import { clone, deepEqual, getOwn, isObject, setOwn } from '../util.js';

/** A patch that does not apply: the server answers 422 with this text as the cause. */
export class JsonPatchApplyError extends Error {}
/** A patch document that cannot be read: the server answers 400 with this text. */
export class JsonPatchDecodeError extends Error {}

function decodePointer(path: string): string[] {
  if (path === '') return [];
  return path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function findParent(doc: unknown, parts: string[]): Container | undefined {
  let cur: unknown = doc;
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) {
      const i = Number(p);
      if (!/^\d+$/.test(p) || i >= cur.length) return undefined;
      cur = cur[i];
    } else if (isObject(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, p)) return undefined;
      cur = cur[p];
    } else return undefined;
  }
  return Array.isArray(cur) || isObject(cur) ? cur : undefined;
}

function getAt(c: Container, key: string): unknown {
  if (Array.isArray(c)) {
    if (!/^\d+$/.test(key)) throw new JsonPatchApplyError(`Unable to access invalid index: ${key}: invalid index referenced`);
    const i = Number(key);
    if (i >= c.length) throw new JsonPatchApplyError(`Unable to access invalid index: ${i}: invalid index referenced`);
    return c[i];
  }
  return getOwn(c, key);
}

function has(c: Container, key: string): boolean {
  if (Array.isArray(c)) return /^\d+$/.test(key) && Number(key) < c.length;
  return Object.prototype.hasOwnProperty.call(c, key);
}

function addAt(c: Container, key: string, value: unknown): void {
  if (Array.isArray(c)) {
    if (key === '-') { c.push(value); return; }
    if (!/^-?\d+$/.test(key)) throw new JsonPatchApplyError(`Unable to access invalid index: ${key}: invalid index referenced`);
    let i = Number(key);
    if (i < 0) i += c.length + 1;
    if (i < 0 || i > c.length) throw new JsonPatchApplyError(`Unable to access invalid index: ${Number(key)}: invalid index referenced`);
    c.splice(i, 0, value);
    return;
  }
  setOwn(c, key, value);
}

function removeAt(c: Container, key: string): void {
  if (Array.isArray(c)) {
    let i = Number(key);
    if (!/^-?\d+$/.test(key)) throw new JsonPatchApplyError(`Unable to access invalid index: ${key}: invalid index referenced`);
    if (i < 0) i += c.length;
    if (i < 0 || i >= c.length) throw new JsonPatchApplyError(`Unable to access invalid index: ${Number(key)}: invalid index referenced`);
    c.splice(i, 1);
    return;
  }
  delete c[key];
}

export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new JsonPatchDecodeError(`json: cannot unmarshal ${isObject(patch) ? 'object' : typeof patch === 'string' ? 'string' : typeof patch === 'number' ? 'number' : 'bool'} into Go value of type jsonpatch.Patch`);
  let out = clone(doc);
  for (const raw of patch) {
    if (!isObject(raw)) throw new JsonPatchDecodeError('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const op = typeof raw.op === 'string' ? raw.op : '';
    const path = typeof raw.path === 'string' ? raw.path : undefined;
    if (path === undefined) throw new JsonPatchApplyError(`${op || 'Unexpected kind'} operation failed to decode path: missing value`.replace(/^Unexpected kind operation/, 'operation'));
    const parts = decodePointer(path);
    if (parts.length === 0) {
      if (op === 'add' || op === 'replace') { out = clone(raw.value); continue; }
    }
    const key = parts[parts.length - 1] ?? '';
    switch (op) {
      case 'add': {
        const c = findParent(out, parts);
        if (!c) throw new JsonPatchApplyError(`jsonpatch add operation does not apply: doc is missing path: "${path}": missing value`);
        addAt(c, key, clone(raw.value));
        break;
      }
      case 'remove': {
        const c = findParent(out, parts);
        if (!c) throw new JsonPatchApplyError(`jsonpatch remove operation does not apply: doc is missing path: "${path}": missing value`);
        if (!Array.isArray(c) && !has(c, key)) throw new JsonPatchApplyError(`Unable to remove nonexistent key: ${key}: missing value`);
        removeAt(c, key);
        break;
      }
      case 'replace': {
        const c = findParent(out, parts);
        if (!c) throw new JsonPatchApplyError(`jsonpatch replace operation does not apply: doc is missing path: ${path}: missing value`);
        if (!has(c, key)) throw new JsonPatchApplyError(`jsonpatch replace operation does not apply: doc is missing key: ${path}: missing value`);
        if (Array.isArray(c)) c[Number(key)] = clone(raw.value); else setOwn(c, key, clone(raw.value));
        break;
      }
      case 'move': case 'copy': {
        const from = typeof raw.from === 'string' ? raw.from : '';
        const fparts = decodePointer(from);
        const fc = findParent(out, fparts);
        const fkey = fparts[fparts.length - 1] ?? '';
        if (!fc || !has(fc, fkey)) throw new JsonPatchApplyError(`jsonpatch ${op} operation does not apply: doc is missing from path: ${from}: missing value`);
        const v = clone(getAt(fc, fkey));
        if (op === 'move') removeAt(fc, fkey);
        const c = findParent(out, parts);
        if (!c) throw new JsonPatchApplyError(`jsonpatch ${op} operation does not apply: doc is missing destination path: ${path}: missing value`);
        addAt(c, key, v);
        break;
      }
      case 'test': {
        const c = parts.length ? findParent(out, parts) : undefined;
        const cur = parts.length === 0 ? out : c && has(c, key) ? getAt(c, key) : undefined;
        if (!deepEqual(cur, raw.value)) throw new JsonPatchApplyError(`testing value ${path} failed: test failed`);
        break;
      }
      default:
        throw new JsonPatchApplyError(`Unexpected kind: ${op}`);
    }
  }
  return out;
}
