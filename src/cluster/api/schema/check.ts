/**
 * Strict decoding of a request body against the kind's Go struct, as the apiserver's JSON
 * serializer does (sigs.k8s.io/json, strict mode): the first type mismatch becomes
 * `json: cannot unmarshal <value> into Go struct field <Struct>.<path> of type <type>`, and
 * unknown fields are collected as `spec.containers[0].foo`. Nulls decode to zero values, so
 * they are pruned, and unknown fields are dropped from what is stored.
 */
import type { KubeObject, ResourceInfo } from '../types.js';
import { isObject } from '../util.js';
import { ROOTS, TYPES } from './types.generated.js';

export interface SchemaResult { typeError?: string; unknown: string[]; prune(): void }

/** Fields added in v1.31–v1.33 that kubernetes-types 1.30 lacks. */
const EXTRA_FIELDS: Record<string, Record<string, string>> = {
  'core/v1.PodSpec': { resources: '@core/v1.ResourceRequirements' },
  'core/v1.Volume': { image: 'a' },
  'core/v1.Lifecycle': { stopSignal: 's' },
  'core/v1.ContainerStatus': { allocatedResourcesStatus: 'a', user: 'a', stopSignal: 's' },
  'core/v1.PodStatus': { observedGeneration: 'n' },
  'core/v1.PodCondition': { observedGeneration: 'n' },
  'core/v1.PodSecurityContext': { seLinuxChangePolicy: 's', supplementalGroupsPolicy: 's' },
  'core/v1.NodeStatus': { features: 'a' },
  'core/v1.NodeSystemInfo': { swap: 'a' },
  'discovery/v1.EndpointHints': { forNodes: 'a' },
  'apps/v1.DeploymentStatus': { terminatingReplicas: 'n' },
  'apps/v1.ReplicaSetStatus': { terminatingReplicas: 'n' },
};

/** Numeric fields that are int64 in Go (the rest are int32). */
const INT64_FIELDS = new Set([
  'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'deletionGracePeriodSeconds', 'generation',
  'observedGeneration', 'tolerationSeconds', 'expirationSeconds', 'runAsUser', 'runAsGroup', 'fsGroup',
  'supplementalGroups', 'startingDeadlineSeconds', 'gracePeriodSeconds', 'value',
]);

const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/** Maps of []byte in Go: values must be base64. */
const BYTE_MAPS = new Set(['core/v1.Secret.data', 'core/v1.ConfigMap.binaryData']);

const parsed = new Map<string, ReadonlyMap<string, string> | null>();
/**
 * A struct's fields (field → type code), parsed from the generated table on first use. Null for
 * structs with no declared fields (RawExtension, FieldsV1), which hold arbitrary JSON.
 */
function fieldsOf(id: string): ReadonlyMap<string, string> | null | undefined {
  let m = parsed.get(id);
  if (m !== undefined) return m;
  const at = TYPES.indexOf(`\n${id}|`);
  if (at < 0) return undefined;
  const start = at + id.length + 2;
  const src = TYPES.slice(start, TYPES.indexOf('\n', start));
  if (src === '') m = null;
  else {
    const fields = new Map<string, string>();
    for (const pair of src.split(',')) { const eq = pair.indexOf('='); fields.set(pair.slice(0, eq), pair.slice(eq + 1)); }
    for (const [k, code] of Object.entries(EXTRA_FIELDS[id] ?? {})) fields.set(k, code);
    m = fields;
  }
  parsed.set(id, m);
  return m;
}

function goType(code: string, field: string): string {
  switch (code[0]) {
    case 's': return 'string';
    case 'n': return INT64_FIELDS.has(field) ? 'int64' : 'int32';
    case 'b': return 'bool';
    case 'i': return 'intstr.IntOrString';
    case 'q': return 'resource.Quantity';
    case 'a': return 'interface {}';
    case '[': return '[]' + goType(code.slice(1), field);
    case '{': return 'map[string]' + goType(code.slice(1), field);
    case '@': {
      const id = code.slice(1);
      const dot = id.lastIndexOf('.');
      const mod = id.slice(0, dot), name = id.slice(dot + 1);
      const pkg = mod === 'runtime' ? 'runtime' : mod.split('/').pop() === 'resource' ? 'resource' : mod.split('/').pop()!;
      return `${pkg}.${name}`;
    }
    default: return 'interface {}';
  }
}

function jsonValueKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (isObject(v)) return 'object';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return 'null';
}

class TypeError_ extends Error {}

function base64Error(s: string): string | undefined {
  const bad = s.search(/[^A-Za-z0-9+/=\r\n]/);
  if (bad >= 0) return `illegal base64 data at input byte ${bad}`;
  const clean = s.replace(/[\r\n]/g, '');
  const eq = clean.indexOf('=');
  if (eq >= 0 && !/^=*$/.test(clean.slice(eq))) return `illegal base64 data at input byte ${eq}`;
  if (clean.length % 4 !== 0) return `illegal base64 data at input byte ${clean.length - (clean.length % 4)}`;
  return undefined;
}

export function checkSchema(info: ResourceInfo, obj: KubeObject): SchemaResult {
  const root = ROOTS[`${info.group}/${info.kind}`];
  const unknown: string[] = [];
  const removals: (() => void)[] = [];
  if (!root) return { unknown, prune: () => {} };

  // Paths are linked lists turned into text only when an error or unknown field needs them.
  interface P { parent: P | undefined; key: string | number; mapKey?: boolean }
  const pathText = (p: P | undefined): string => {
    const parts: string[] = [];
    for (let c = p; c; c = c.parent) parts.push(typeof c.key === 'number' ? `[${c.key}]` : c.key);
    let out = '';
    for (let i = parts.length - 1; i >= 0; i--) {
      const part = parts[i]!;
      out += part.startsWith('[') || out === '' ? part : `.${part}`;
    }
    return out;
  };
  const dottedText = (p: P | undefined): string => {
    const parts: string[] = [];
    for (let c = p; c; c = c.parent) if (typeof c.key === 'string' && !c.mapKey) parts.push(c.key);
    return parts.reverse().join('.');
  };

  const fail = (v: unknown, struct: string, p: P, type: string): never => {
    let value = jsonValueKind(v);
    // Go names the literal only when a number does not fit an integer field.
    if (typeof v === 'number' && type.startsWith('int') && !Number.isInteger(v)) value = `number ${formatNumber(v)}`;
    throw new TypeError_(`json: cannot unmarshal ${value} into Go struct field ${struct}.${dottedText(p)} of type ${type}`);
  };

  const value = (v: unknown, code: string, p: P, struct: string, field: string, owner: string): void => {
    if (v === null) return;
    // A frozen part comes from a stored object (a controller passing it on): already decoded.
    if (typeof v === 'object' && Object.isFrozen(v)) return;
    switch (code.charCodeAt(0)) {
      case 115 /* s */: if (typeof v !== 'string') fail(v, struct, p, goType(code, field)); return;
      case 98 /* b */: if (typeof v !== 'boolean') fail(v, struct, p, 'bool'); return;
      case 110 /* n */:
        if (typeof v !== 'number' || !Number.isInteger(v)) fail(v, struct, p, goType(code, field));
        return;
      case 105 /* io */:
        if (typeof v === 'number' && Number.isInteger(v)) return;
        if (typeof v === 'string') return;
        throw new TypeError_(`json: cannot unmarshal ${typeof v === 'number' ? `number ${formatNumber(v)}` : jsonValueKind(v)} into Go value of type int32`);
      case 113 /* q */:
        if (typeof v === 'number') return;
        if (typeof v !== 'string') throw new TypeError_(`json: cannot unmarshal ${jsonValueKind(v)} into Go value of type string`);
        checkQuantity(v);
        return;
      case 97 /* a */: return;
      case 91 /* [ */: {
        if (!Array.isArray(v)) fail(v, struct, p, goType(code, field));
        const elem = code.slice(1);
        const arr = v as unknown[];
        for (let i = 0; i < arr.length; i++) value(arr[i], elem, { parent: p, key: i }, struct, field, owner);
        return;
      }
      case 123 /* { */: {
        if (!isObject(v)) fail(v, struct, p, goType(code, field));
        const byteMap = BYTE_MAPS.has(`${owner}.${field}`);
        const elem = code.slice(1);
        if (elem === 's' && !byteMap) {
          for (const k of Object.keys(v as Record<string, unknown>)) {
            const item = (v as Record<string, unknown>)[k];
            if (item !== null && typeof item !== 'string') fail(item, struct, p, 'string');
          }
          return;
        }
        for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
          if (byteMap && typeof item === 'string') {
            const err = base64Error(item);
            if (err) throw new TypeError_(err);
          }
          value(item, elem, { parent: p, key: k, mapKey: true }, struct, field, owner);
        }
        return;
      }
      case 64 /* @ */: {
        if (!isObject(v)) fail(v, struct, p, goType(code, field));
        structFields(v as Record<string, unknown>, code.slice(1), p);
        return;
      }
    }
  };

  const structFields = (o: Record<string, unknown>, id: string, path: P | undefined): void => {
    const fields = fieldsOf(id);
    if (!fields) return; // RawExtension, FieldsV1: anything goes
    for (const k of Object.keys(o)) {
      const code = fields.get(k);
      if (code === undefined) {
        unknown.push(pathText({ parent: path, key: k }));
        removals.push(() => { delete o[k]; });
        continue;
      }
      const v = o[k];
      if (v === null) { removals.push(() => { delete o[k]; }); continue; }
      // Fast path for well-typed scalars (most fields): no path object needed.
      const c0 = code.charCodeAt(0);
      if ((c0 === 115 /* s */ && typeof v === 'string') || (c0 === 98 /* b */ && typeof v === 'boolean')
        || (c0 === 110 /* n */ && typeof v === 'number' && Number.isInteger(v))) continue;
      value(v, code, { parent: path, key: k }, id.slice(id.lastIndexOf('.') + 1), k, id);
    }
  };

  try {
    structFields(obj as Record<string, unknown>, root, undefined);
  } catch (e) {
    if (e instanceof TypeError_) return { typeError: e.message, unknown, prune: () => {} };
    throw e;
  }
  return { unknown, prune: () => { for (const r of removals) r(); } };
}

const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** resource.ParseQuantity's errors (ErrFormatWrong, ErrSuffix, ErrNumeric). */
function checkQuantity(v: string): void {
  const m = QUANTITY_RE.exec(v.trim());
  if (!m || v.trim() === '') throw new TypeError_(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  const num = m[1]!, suffix = m[2]!;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) throw new TypeError_('unable to parse quantity\'s suffix');
  if (!SUFFIXES.has(suffix) && !/^[eE][-+]?\d+$/.test(suffix)) throw new TypeError_('unable to parse quantity\'s suffix');
}

function formatNumber(n: number): string {
  // Go prints the JSON literal as written; JS has lost it, so print the shortest form.
  return String(n);
}
