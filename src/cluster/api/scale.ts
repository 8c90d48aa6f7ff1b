/** The scale subresource: autoscaling/v1 Scale views of Deployments, ReplicaSets, StatefulSets, RCs. */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject, ResourceInfo } from './types.js';
import { clone, isObject } from './util.js';
import { labelSelectorAsRequirements, requirementString } from './selectors.js';

export function hasScale(info: ResourceInfo): boolean { return info.subresources.includes('scale'); }

function selectorString(sel: unknown, isRC: boolean): string {
  if (!isObject(sel)) return '';
  if (isRC) return Object.keys(sel).sort().map((k) => `${k}=${String(sel[k])}`).join(',');
  try { return labelSelectorAsRequirements(sel as LabelSelector).map(requirementString).join(','); } catch { return ''; }
}

export function toScale(obj: KubeObject): KubeObject {
  const m = obj.metadata ?? {};
  const spec = isObject(obj.spec) ? obj.spec : {};
  const status = isObject(obj.status) ? obj.status : {};
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}), uid: m.uid,
      resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp,
    },
    spec: replicas ? { replicas } : {},
    status: { replicas: typeof status.replicas === 'number' ? status.replicas : 0, selector: selectorString(spec.selector, obj.kind === 'ReplicationController') },
  };
}

export function fromScale(obj: KubeObject, replicas: number): KubeObject {
  const next = clone(obj);
  next.spec = { ...(isObject(next.spec) ? next.spec : {}), replicas };
  return next;
}
