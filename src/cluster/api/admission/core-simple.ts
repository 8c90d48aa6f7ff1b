/**
 * Core kinds with little admission: Namespace, ConfigMap, Secret, ServiceAccount, Endpoints,
 * Node, Event (defaults from pkg/apis/core/v1/defaults.go, checks from core/validation).
 */
import { fe, type FieldError } from '../errors.js';
import type { KubeObject } from '../types.js';
import { isObject, setOwn, type JsonObject } from '../util.js';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum, regexError } from '../validation.js';
import { parseIPv4 } from './service.js';
import type { Admission } from './types.js';

export const namespaceAdmission: Admission = {
  mutate(o, ctx) {
    const m = o.metadata!;
    // SetDefaults_Namespace: the name label always mirrors the name.
    m.labels = { ...(m.labels ?? {}), 'kubernetes.io/metadata.name': m.name ?? '' };
    if (ctx.op === 'create') {
      o.spec = { finalizers: ['kubernetes'] };
      o.status = { phase: 'Active' };
    } else if (ctx.old) {
      // Spec (finalizers) changes only through the finalize subresource.
      if (ctx.old.spec === undefined) delete o.spec; else o.spec = ctx.old.spec;
    }
  },
};

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
function validateConfigKeys(data: unknown, path: string, seen: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (!isObject(data)) return errs;
  for (const k of Object.keys(data).sort()) {
    const p = `${path}[${k}]`;
    if (k.length > 253) errs.push(fe.invalid(p, k, 'must be no more than 253 characters'));
    if (!new RegExp(`^${CONFIG_KEY_FMT}$`).test(k)) {
      errs.push(fe.invalid(p, k, regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name')));
    } else if (k === '.' || k === '..') errs.push(fe.invalid(p, k, `must not be '${k}'`));
    else if (k.startsWith('..')) errs.push(fe.invalid(p, k, "must not start with '..'"));
    if (seen.has(k)) errs.push(fe.invalid(p, k, 'duplicate of key present in binaryData'));
    seen.add(k);
  }
  return errs;
}

function immutableData(o: KubeObject, old: KubeObject | undefined, fields: string[]): FieldError[] {
  if (!old || old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (o.immutable !== true) errs.push(fe.forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) if (JSON.stringify(o[f] ?? {}) !== JSON.stringify(old[f] ?? {})) errs.push(fe.forbidden(f, 'field is immutable when `immutable` is set'));
  return errs;
}

export const configMapAdmission: Admission = {
  validate(o, ctx) {
    const seen = new Set<string>();
    return [
      ...validateConfigKeys(o.data, 'data', seen),
      ...validateConfigKeys(o.binaryData, 'binaryData', seen),
      ...(ctx.op === 'update' ? immutableData(o, ctx.old, ['data', 'binaryData']) : []),
    ];
  },
};

export const secretAdmission: Admission = {
  mutate(o) {
    if (!o.type) o.type = 'Opaque';
    // stringData is write-only: merged into data (base64) and dropped.
    if (isObject(o.stringData)) {
      const data = isObject(o.data) ? o.data : (o.data = {});
      for (const [k, v] of Object.entries(o.stringData)) setOwn(data, k, base64(String(v)));
      delete o.stringData;
    }
  },
  validate(o, ctx) {
    const errs = validateConfigKeys(o.data, 'data', new Set());
    if (ctx.op === 'update' && ctx.old && o.type !== ctx.old.type) errs.push(fe.invalid('type', o.type, 'field is immutable'));
    if (ctx.op === 'update') errs.push(...immutableData(o, ctx.old, ['data']));
    const data = isObject(o.data) ? o.data : {};
    if (o.type === 'kubernetes.io/tls') {
      if (data['tls.crt'] === undefined) errs.push(fe.required('data[tls.crt]'));
      if (data['tls.key'] === undefined) errs.push(fe.required('data[tls.key]'));
    }
    if (o.type === 'kubernetes.io/dockerconfigjson' && data['.dockerconfigjson'] === undefined) errs.push(fe.required('data[.dockerconfigjson]'));
    return errs;
  },
};

/** UTF-8 bytes of a string (no TextEncoder: the cluster compiles without DOM or Node types). */
function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** UTF-8 aware base64 without Buffer/btoa dependence on the platform's Latin-1 rules. */
export function base64(s: string): string {
  const bytes = utf8(s);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1], c = bytes[i + 2];
    out += abc[a >> 2]! + abc[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : abc[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : abc[c & 63]!;
  }
  return out;
}

export const endpointsAdmission: Admission = {
  validate(o) {
    const errs: FieldError[] = [];
    const subsets = Array.isArray(o.subsets) ? o.subsets : [];
    subsets.forEach((s, i) => {
      if (!isObject(s)) return;
      const p = `subsets[${i}]`;
      const addrs = [...(Array.isArray(s.addresses) ? s.addresses.map((a) => ['addresses', a] as const) : []),
        ...(Array.isArray(s.notReadyAddresses) ? s.notReadyAddresses.map((a) => ['notReadyAddresses', a] as const) : [])];
      const counters: Record<string, number> = { addresses: 0, notReadyAddresses: 0 };
      for (const [list, a] of addrs) {
        const j = counters[list]!++;
        if (!isObject(a)) continue;
        const ip = typeof a.ip === 'string' ? a.ip : '';
        const n = parseIPv4(ip);
        if (n === undefined && !ip.includes(':')) errs.push(fe.invalid(`${p}.${list}[${j}].ip`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
        else if (n !== undefined) {
          const special = specialIPv4(n);
          if (special) errs.push(fe.invalid(`${p}.${list}[${j}].ip`, ip, special));
        }
        if (typeof a.nodeName === 'string') for (const m of isDNS1123Subdomain(a.nodeName)) errs.push(fe.invalid(`${p}.${list}[${j}].nodeName`, a.nodeName, m));
      }
      const ports = Array.isArray(s.ports) ? s.ports : [];
      ports.forEach((port, j) => {
        if (!isObject(port)) return;
        const q = `${p}.ports[${j}]`;
        if (ports.length > 1 && !port.name) errs.push(fe.required(`${q}.name`));
        else if (typeof port.name === 'string' && port.name) for (const m of isValidPortName(port.name)) errs.push(fe.invalid(`${q}.name`, port.name, m));
        for (const m of isValidPortNum(Number(port.port ?? 0))) errs.push(fe.invalid(`${q}.port`, port.port ?? 0, m));
        if (port.protocol === undefined) errs.push(fe.required(`${q}.protocol`));
        else if (!['SCTP', 'TCP', 'UDP'].includes(String(port.protocol))) errs.push(fe.notSupported(`${q}.protocol`, port.protocol, ['SCTP', 'TCP', 'UDP']));
      });
    });
    return errs;
  },
  mutate(o) {
    for (const s of Array.isArray(o.subsets) ? o.subsets : []) {
      if (!isObject(s)) continue;
      for (const p of Array.isArray(s.ports) ? s.ports : []) if (isObject(p) && !p.protocol) p.protocol = 'TCP';
    }
  },
};

/** validateNonSpecialIP: endpoints may not point at these ranges. */
function specialIPv4(n: number): string | undefined {
  if (n === 0) return 'may not be unspecified (0.0.0.0)';
  if (n >>> 24 === 127) return 'may not be in the loopback range (127.0.0.0/8, ::1/128)';
  if (n >>> 16 === (169 << 8 | 254)) return 'may not be in the link-local range (169.254.0.0/16, fe80::/10)';
  if (n >>> 8 === (224 << 16)) return 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)';
  return undefined;
}

export const endpointSliceAdmission: Admission = {
  mutate(o) {
    for (const p of Array.isArray(o.ports) ? o.ports : []) if (isObject(p) && !p.protocol) p.protocol = 'TCP';
    // Neither list has omitempty, and an empty one comes back from etcd's protobuf as nil:
    // a real server shows both as null (a placeholder slice reads `endpoints: null`).
    for (const k of ['endpoints', 'ports'] as const) if (!Array.isArray(o[k]) || o[k].length === 0) o[k] = null;
  },
  validate(o) {
    const errs: FieldError[] = [];
    const types = ['FQDN', 'IPv4', 'IPv6'];
    if (o.addressType === undefined || o.addressType === '') errs.push(fe.required('addressType'));
    else if (!types.includes(String(o.addressType))) errs.push(fe.notSupported('addressType', o.addressType, types));
    (Array.isArray(o.endpoints) ? o.endpoints : []).forEach((e, i) => {
      if (!isObject(e)) return;
      const addrs = Array.isArray(e.addresses) ? e.addresses : [];
      if (addrs.length === 0) errs.push(fe.required(`endpoints[${i}].addresses`, 'must contain at least 1 address'));
      if (o.addressType === 'IPv4') addrs.forEach((a, j) => {
        if (parseIPv4(String(a)) === undefined) errs.push(fe.invalid(`endpoints[${i}].addresses[${j}]`, a, 'must be a valid IPv4 address'));
      });
    });
    return errs;
  },
};


export const eventAdmission: Admission = {
  validate(o) {
    const errs: FieldError[] = [];
    const io = isObject(o.involvedObject) ? (o.involvedObject as JsonObject) : {};
    const ns = o.metadata?.namespace;
    if (io.namespace && ns && io.namespace !== ns) errs.push(fe.invalid('involvedObject.namespace', io.namespace, 'does not match event.namespace'));
    return errs;
  },
};
