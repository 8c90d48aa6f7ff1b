/**
 * Evaluates a step's check. Checks read the cluster only through the API (as a learner's
 * kubectl would) and the session only through its command records, so a correct solution
 * typed any way the learner likes passes: the state decides, not the keystrokes.
 */
import type { ApiClient, KubeObject, ResourceRef } from '../cluster/api/types.js';
import { ApiError } from '../cluster/api/types.js';
import type { Check, CommandMatch, CommandRecord, ObjectRef } from './types.js';

export interface CheckWorld {
  api: ApiClient;
  /** Commands completed since the step started, oldest first. */
  commands: readonly CommandRecord[];
  /** The container the session is in now, if any. */
  container?: { image: string } | undefined;
}

export function evaluate(check: Check, w: CheckWorld): boolean {
  if ('all' in check) return check.all.every((c) => evaluate(c, w));
  if ('any' in check) return check.any.some((c) => evaluate(c, w));
  if ('not' in check) return !evaluate(check.not, w);
  if ('exists' in check) return getObject(w.api, check.exists) !== undefined;
  if ('missing' in check) return getObject(w.api, check.missing) === undefined;
  if ('field' in check) return fieldMatches(w.api, check.field);
  if ('readyEndpoints' in check) return endpointsMatch(w.api, check.readyEndpoints);
  if ('pods' in check) return podsMatch(w.api, check.pods);
  if ('ran' in check) return w.commands.some((r) => commandMatches(check.ran, r));
  if ('inContainer' in check) {
    const c = w.container;
    return !!c && (!check.inContainer.image || imageName(c.image) === imageName(check.inContainer.image));
  }
  return false;
}

/** `ubuntu`, `ubuntu:latest`, `docker.io/library/ubuntu` are the same image to a learner. */
function imageName(image: string): string {
  return image.replace(/^docker\.io\/(library\/)?/, '').replace(/:latest$/, '');
}

export function resourceFor(api: ApiClient, kind: string): ResourceRef | undefined {
  const k = kind.toLowerCase();
  const info = api.discovery().find((r) => r.kind.toLowerCase() === k || r.plural === k || r.singular === k || r.shortNames.includes(k));
  return info && { group: info.group, resource: info.plural };
}

function getObject(api: ApiClient, ref: ObjectRef): KubeObject | undefined {
  const res = resourceFor(api, ref.kind);
  if (!res) return undefined;
  try {
    return api.get(res, ref.namespace ?? 'default', ref.name);
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}

/** Reads a dotted path; `spec.ports[0].port` and `metadata.labels.app` both work. */
export function readPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function fieldMatches(api: ApiClient, f: ObjectRef & { path: string; equals?: unknown; matches?: string }): boolean {
  const obj = getObject(api, f);
  if (!obj) return false;
  const v = readPath(obj, f.path);
  if (f.equals !== undefined) return v === f.equals || String(v) === String(f.equals);
  if (f.matches !== undefined) return v !== undefined && new RegExp(f.matches).test(typeof v === 'string' ? v : JSON.stringify(v));
  return v !== undefined;
}

/** Ready addresses as kube-proxy sees them: from the Service's EndpointSlices. */
export function readyAddresses(api: ApiClient, service: string, namespace = 'default'): string[] {
  let slices: KubeObject[];
  try {
    slices = api.list({ group: 'discovery.k8s.io', resource: 'endpointslices' }, namespace,
      { labelSelector: `kubernetes.io/service-name=${service}` }).items;
  } catch (e) {
    if (e instanceof ApiError) return [];
    throw e;
  }
  const out = new Set<string>();
  for (const s of slices) {
    const eps = (s as { endpoints?: { addresses: string[]; conditions?: { ready?: boolean } }[] }).endpoints ?? [];
    for (const ep of eps) if (ep.conditions?.ready !== false) for (const a of ep.addresses) out.add(a);
  }
  return [...out].sort();
}

function endpointsMatch(api: ApiClient, e: { service: string; namespace?: string; count?: number; atLeast?: number; includes?: string }): boolean {
  const addrs = readyAddresses(api, e.service, e.namespace);
  if (e.count !== undefined && addrs.length !== e.count) return false;
  if (e.atLeast !== undefined && addrs.length < e.atLeast) return false;
  if (e.includes !== undefined && !addrs.includes(e.includes)) return false;
  return true;
}

interface PodLike { metadata?: { deletionTimestamp?: string }; spec?: { containers?: { image?: string }[] }; status?: { phase?: string; conditions?: { type: string; status: string }[] } }

function podsMatch(api: ApiClient, p: { selector?: string; namespace?: string; phase?: string; ready?: boolean; count?: number; atLeast?: number; image?: string }): boolean {
  let pods: PodLike[];
  try {
    pods = api.list({ group: '', resource: 'pods' }, p.namespace ?? 'default', p.selector ? { labelSelector: p.selector } : {}).items as PodLike[];
  } catch (e) {
    if (e instanceof ApiError) return false;
    throw e;
  }
  const matching = pods.filter((pod) => {
    if (pod.metadata?.deletionTimestamp) return false;
    if (p.phase && pod.status?.phase !== p.phase) return false;
    if (p.image && !(pod.spec?.containers ?? []).some((c) => c.image && imageName(c.image) === imageName(p.image!))) return false;
    if (p.ready !== undefined) {
      const ready = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      if (ready !== p.ready) return false;
    }
    return true;
  });
  if (p.count !== undefined) return matching.length === p.count;
  return matching.length >= (p.atLeast ?? 1);
}

export function commandMatches(m: CommandMatch, r: CommandRecord): boolean {
  if (!new RegExp(m.command).test(r.input.trim())) return false;
  if (m.exitCode !== undefined && r.exitCode !== m.exitCode) return false;
  if (m.host === 'workstation' && r.host !== 'workstation') return false;
  if (m.host === 'container' && r.host === 'workstation') return false;
  if (m.output !== undefined && !new RegExp(m.output, 'm').test(r.output)) return false;
  if (m.count) {
    const n = (r.output.match(new RegExp(m.count.pattern, 'g')) ?? []).length;
    if (m.count.equals !== undefined && n !== m.count.equals) return false;
    if (m.count.atLeast !== undefined && n < m.count.atLeast) return false;
  }
  return true;
}
