/**
 * Shared by workload controllers (pkg/controller/controller_utils.go): creating pods from a
 * template, ranking pods for deletion, readiness/availability tests, adoption and release.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { ControllerContext } from './controller.js';
import { R, clone, parseTime } from './util.js';

export type PodObj = Pod & KubeObject;

export function isPodActive(p: Pod): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata?.deletionTimestamp;
}

export function isPodReady(p: Pod): boolean {
  return !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(p)) return false;
  if (!minReadySeconds) return true;
  const c = p.status!.conditions!.find((x) => x.type === 'Ready')!;
  const t = parseTime(c.lastTransitionTime);
  return t !== undefined && t + minReadySeconds * 1000 <= now;
}

/** Creates a pod from a template (GetPodFromTemplate), named by the server from generateName. */
export function createPodFromTemplate(ctx: ControllerContext, ns: string, template: PodTemplateSpec, owner: OwnerReference, generateName: string, extra?: { name?: string; labels?: Record<string, string>; hostname?: string; subdomain?: string }, onError?: (message: string) => void): PodObj | undefined {
  const t = clone(template);
  const metadata: Record<string, unknown> = {
    labels: { ...(t.metadata?.labels ?? {}), ...(extra?.labels ?? {}) },
    namespace: ns,
    ownerReferences: [owner],
  };
  if (extra?.name) metadata['name'] = extra.name; else metadata['generateName'] = generateName;
  if (t.metadata?.annotations) metadata['annotations'] = t.metadata.annotations;
  if (t.metadata?.finalizers) metadata['finalizers'] = t.metadata.finalizers;
  const spec = { ...(t.spec ?? { containers: [] }) };
  if (extra?.hostname) spec.hostname = extra.hostname;
  if (extra?.subdomain) spec.subdomain = extra.subdomain;
  try {
    return ctx.api.create(R.pods, ns, { apiVersion: 'v1', kind: 'Pod', metadata, spec }, { fieldManager: 'kube-controller-manager' }) as PodObj;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    onError?.(e.message);
    return undefined;
  }
}

/**
 * Deletion preference (controller.ActivePods Less): unassigned < assigned; Pending < Unknown <
 * Running; not ready < ready; more restarts first; newer first.
 */
export function rankForDeletion(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec?.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phase = (p: Pod) => ({ Pending: 0, Unknown: 1, Running: 2 }[p.status?.phase ?? 'Pending'] ?? 0);
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((s, c) => s + c.restartCount, 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const ta = parseTime(a.metadata?.creationTimestamp) ?? 0, tb = parseTime(b.metadata?.creationTimestamp) ?? 0;
  if (ta !== tb) return tb - ta;
  const na = a.metadata?.name ?? '', nb = b.metadata?.name ?? '';
  return na < nb ? 1 : na > nb ? -1 : 0;
}

export function deletePod(ctx: ControllerContext, p: Pod): boolean {
  try { ctx.api.delete(R.pods, p.metadata!.namespace, p.metadata!.name!, { fieldManager: 'kube-controller-manager' }); return true; } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return false;
  }
}

/** Sets or removes this owner's controller reference on an object (adopt / release). */
export function patchOwner(ctx: ControllerContext, ref: { group: string; resource: string }, o: KubeObject, owner: OwnerReference | undefined, ownerUid: string): void {
  const refs = (o.metadata?.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (owner) refs.push(owner);
  const upd = clone(o);
  upd.metadata = { ...upd.metadata, ownerReferences: refs.length ? refs : undefined };
  if (!refs.length) delete upd.metadata.ownerReferences;
  try { ctx.api.update(ref, o.metadata?.namespace, upd, { fieldManager: 'kube-controller-manager' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
}
