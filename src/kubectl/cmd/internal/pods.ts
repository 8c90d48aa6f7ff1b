/**
 * Finding the pod and container a command talks to (polymorphichelpers AttachablePodForObject,
 * podcmd.FindOrDefaultContainerByName with its `Defaulted container` note).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../cluster/api/types.js';
import { KubectlError } from '../../errors.js';
import type { Invocation } from '../../registry.js';
import { refOf, resolveType } from './kit.js';

const PODS = { group: '', resource: 'pods' };

/** Names as podcmd.AllContainerNames lists them. */
export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

export function findContainer(pod: Pod, name: string): Container | undefined {
  return pod.spec?.containers?.find((c) => c.name === name) ?? pod.spec?.initContainers?.find((c) => c.name === name)
    ?? (pod.spec?.ephemeralContainers?.find((c) => c.name === name) as Container | undefined);
}

/** FindOrDefaultContainerByName; the note goes to stderr unless quiet. */
export function containerFor(inv: Invocation, pod: Pod, name: string, quiet: boolean): Container {
  if (name) {
    const c = findContainer(pod, name);
    if (!c) throw new KubectlError(`container ${name} not found in pod ${pod.metadata?.name ?? ''}`);
    return c;
  }
  const containers = pod.spec?.containers ?? [];
  if (containers.length === 0) throw new KubectlError(`pod ${pod.metadata?.namespace}/${pod.metadata?.name} does not have any containers`);
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated) { const c = findContainer(pod, annotated); if (c) return c; }
  const first = containers[0]!;
  if (!quiet && (containers.length > 1 || (pod.spec?.initContainers?.length ?? 0) > 0 || (pod.spec?.ephemeralContainers?.length ?? 0) > 0)) {
    inv.ctx.stderr(`Defaulted container "${first.name}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}

/** `POD`, `pod/NAME`, `deploy/NAME`, `svc/NAME`...: the pod to use (the first by name for a selector). */
export function podForArg(inv: Invocation, arg: string, opts: { note?: boolean } = {}): Pod {
  const api = inv.ctx.api;
  const slash = arg.indexOf('/');
  if (slash < 0) return api.get(PODS, inv.namespace, arg) as Pod;
  const info = resolveType(api, arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  const obj = api.get(refOf(info), info.namespaced ? inv.namespace : undefined, name);
  if (info.kind === 'Pod') return obj as Pod;
  const selector = selectorString(obj);
  if (!selector) throw new KubectlError(`cannot attach to ${info.kind}: selector for ${info.kind} not implemented`);
  const pods = (api.list(PODS, inv.namespace, { labelSelector: selector }).items as Pod[])
    .filter((p) => !p.metadata?.deletionTimestamp)
    .sort(byActive);
  if (pods.length === 0) throw new KubectlError(`no pods found in namespace ${inv.namespace} for ${info.kind.toLowerCase()}/${name}`);
  if (opts.note && pods.length > 1) inv.ctx.stderr(`Found ${pods.length} pods, using pod/${pods[0]!.metadata?.name}\n`);
  return pods[0]!;
}

function selectorString(obj: KubeObject): string | undefined {
  const spec = (obj.spec ?? {}) as { selector?: Record<string, unknown> };
  const sel = spec.selector;
  if (!sel) return undefined;
  const labels = (obj.kind === 'Service' || obj.kind === 'ReplicationController') ? sel as Record<string, string> : (sel.matchLabels as Record<string, string> | undefined) ?? {};
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
}

/** controller.ActivePods ordering, simplified: running and ready first, then older. */
function byActive(a: Pod, b: Pod): number {
  const rank = (p: Pod): number => (p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Pending' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const ta = a.metadata?.creationTimestamp ?? '', tb = b.metadata?.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}
