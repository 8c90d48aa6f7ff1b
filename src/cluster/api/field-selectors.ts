/**
 * Field selectors: k8s.io/apimachinery/pkg/fields/selector.go (ParseSelector) for the syntax,
 * and each kind's field-label conversion func (pkg/apis/core/v1/conversion.go, apps, batch)
 * plus its registry GetAttrs for what the fields hold.
 */
import type { KubeObject } from './types.js';
import { getPath, isObject } from './util.js';
import { SelectorParseError } from './selectors.js';

export interface FieldTerm { field: string; op: '=' | '!='; value: string }

function splitTerms(s: string): string[] {
  if (s === '') return [];
  const terms: string[] = [];
  let start = 0, escaped = false;
  for (let i = 0; i < s.length; i++) {
    if (escaped) { escaped = false; continue; }
    if (s[i] === '\\') escaped = true;
    else if (s[i] === ',') { terms.push(s.slice(start, i)); start = i + 1; }
  }
  terms.push(s.slice(start));
  return terms;
}

function splitTerm(term: string): [string, string, string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '=']) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '', inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else throw new SelectorParseError(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') throw new SelectorParseError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new SelectorParseError('invalid field selector: invalid escape sequence: \\');
  return out;
}

export function parseFieldSelector(selector: string): FieldTerm[] {
  const parts = splitTerms(selector).sort();
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw new SelectorParseError(`invalid selector: '${selector}'; can't understand '${part}'`);
    terms.push({ field: t[0], op: t[1] === '!=' ? '!=' : '=', value: unescapeValue(t[2]) });
  }
  return terms;
}

type Attrs = (o: KubeObject) => Record<string, string>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const metaAttrs = (o: KubeObject): Record<string, string> => ({
  'metadata.name': str(o.metadata?.name), 'metadata.namespace': str(o.metadata?.namespace),
});

/** Per kind ("group/Kind"): the extra fields it supports and how to read them. Renames map old labels. */
const KIND_FIELDS: Record<string, { attrs?: Attrs; renames?: Record<string, string>; noNamespace?: boolean }> = {
  '/Service': { attrs: (o) => ({ 'spec.clusterIP': str(getPath(o, 'spec.clusterIP')), 'spec.type': str(getPath(o, 'spec.type')) }) },
  '/Pod': {
    attrs: (o) => {
      const ips = getPath(o, 'status.podIPs');
      const ipList = Array.isArray(ips) ? ips.map((x) => (isObject(x) ? str(x.ip) : '')) : [];
      return {
        'spec.nodeName': str(getPath(o, 'spec.nodeName')),
        'spec.restartPolicy': str(getPath(o, 'spec.restartPolicy')),
        'spec.schedulerName': str(getPath(o, 'spec.schedulerName')),
        'spec.serviceAccountName': str(getPath(o, 'spec.serviceAccountName')),
        'spec.hostNetwork': String(getPath(o, 'spec.hostNetwork') === true),
        'status.phase': str(getPath(o, 'status.phase')),
        'status.podIP': ipList[0] ?? str(getPath(o, 'status.podIP')),
        'status.podIPs': ipList.join(','),
        'status.nominatedNodeName': str(getPath(o, 'status.nominatedNodeName')),
      };
    },
    renames: { 'spec.host': 'spec.nodeName' },
  },
  '/Event': {
    attrs: (o) => {
      const f: Record<string, string> = {};
      for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) {
        f[`involvedObject.${k}`] = str(getPath(o, `involvedObject.${k}`));
      }
      f['reason'] = str(o.reason);
      f['reportingComponent'] = str(o.reportingComponent);
      f['source'] = str(getPath(o, 'source.component'));
      f['type'] = str(o.type);
      return f;
    },
  },
  '/Secret': { attrs: (o) => ({ type: str(o.type) }) },
  '/Node': { attrs: (o) => ({ 'spec.unschedulable': String(getPath(o, 'spec.unschedulable') === true) }), noNamespace: true },
  '/Namespace': { attrs: (o) => ({ 'status.phase': str(getPath(o, 'status.phase')) }), noNamespace: true },
  '/ReplicationController': { attrs: (o) => ({ 'status.replicas': str(getPath(o, 'status.replicas') ?? 0) }) },
  'apps/ReplicaSet': { attrs: (o) => ({ 'status.replicas': str(getPath(o, 'status.replicas') ?? 0) }) },
  'batch/Job': { attrs: (o) => ({ 'status.successful': str(getPath(o, 'status.succeeded') ?? 0) }) },
  'events.k8s.io/Event': {
    attrs: (o) => {
      const f: Record<string, string> = {};
      for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) {
        f[`regarding.${k}`] = str(getPath(o, `regarding.${k}`));
      }
      f['reason'] = str(o.reason);
      f['reportingController'] = str(o.reportingController);
      f['type'] = str(o.type);
      return f;
    },
  },
};

/** Fields an object of group/kind can be selected on, with their values. */
export function selectableFields(group: string, kind: string, o: KubeObject): Record<string, string> {
  const k = KIND_FIELDS[`${group}/${kind}`];
  return { ...metaAttrs(o), ...(k?.attrs?.(o) ?? {}) };
}

/**
 * Checks every term names a field the kind supports (first failure in sorted order, as the
 * conversion func runs) and returns terms with renames applied.
 */
export function convertFieldSelector(group: string, kind: string, terms: FieldTerm[]): FieldTerm[] {
  const k = KIND_FIELDS[`${group}/${kind}`];
  const supported = new Set(['metadata.name', ...(k?.noNamespace ? [] : ['metadata.namespace']), ...Object.keys(k?.attrs?.({}) ?? {})]);
  return terms.map((t) => {
    const field = k?.renames?.[t.field] ?? t.field;
    if (!supported.has(field)) throw new SelectorParseError(`field label not supported: ${t.field}`);
    return { ...t, field };
  });
}

export function matchesFields(terms: FieldTerm[], fields: Record<string, string>): boolean {
  return terms.every((t) => (t.op === '=' ? fields[t.field] === t.value : fields[t.field] !== t.value));
}
