/**
 * Strategic-merge-patch metadata kubectl compiles in from the Go types (`patchStrategy`,
 * `patchMergeKey` struct tags in k8s.io/api), for the kinds kubelab serves. Paths are field
 * names from the object root; list items add no segment. Anything not listed is atomic
 * (replaced whole), as fields without tags are in the Go types.
 */
export interface ListMeta { mergeKey: string; retainKeys?: boolean; primitive?: boolean }

const POD_SPEC_LISTS: Record<string, ListMeta> = {
  containers: { mergeKey: 'name' },
  initContainers: { mergeKey: 'name' },
  ephemeralContainers: { mergeKey: 'name' },
  volumes: { mergeKey: 'name', retainKeys: true },
  imagePullSecrets: { mergeKey: 'name' },
  hostAliases: { mergeKey: 'ip' },
  topologySpreadConstraints: { mergeKey: 'topologyKey' },
  schedulingGates: { mergeKey: 'name' },
  resourceClaims: { mergeKey: 'name', retainKeys: true },
};

const CONTAINER_LISTS: Record<string, ListMeta> = {
  ports: { mergeKey: 'containerPort' },
  env: { mergeKey: 'name' },
  volumeMounts: { mergeKey: 'mountPath' },
  volumeDevices: { mergeKey: 'devicePath' },
};

const CONTAINER_FIELDS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Where the PodSpec sits in each workload kind. */
function podSpecDepth(kind: string, path: readonly string[]): number {
  const p = path.join('.');
  if (kind === 'Pod' && p.startsWith('spec')) return 1;
  if (kind === 'PodTemplate' && p.startsWith('template.spec')) return 2;
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'].includes(kind) && p.startsWith('spec.template.spec')) return 3;
  if (kind === 'CronJob' && p.startsWith('spec.jobTemplate.spec.template.spec')) return 5;
  return -1;
}

/** Merge metadata of the list at `path` (its own field name last), or undefined when atomic. */
export function listMeta(kind: string, path: readonly string[]): ListMeta | undefined {
  const field = path[path.length - 1]!;
  if (path.length === 2 && path[0] === 'metadata') {
    if (field === 'finalizers') return { mergeKey: '', primitive: true };
    if (field === 'ownerReferences') return { mergeKey: 'uid' };
    return undefined;
  }
  if (kind === 'Service' && path.length === 2 && path[0] === 'spec' && field === 'ports') return { mergeKey: 'port' };
  if (path[0] === 'status' && field === 'conditions') return { mergeKey: 'type' };
  const depth = podSpecDepth(kind, path);
  if (depth < 0) return undefined;
  const rel = path.slice(depth);
  if (rel.length === 1) return POD_SPEC_LISTS[field];
  if (rel.length === 2 && CONTAINER_FIELDS.has(rel[0]!)) return CONTAINER_LISTS[field];
  return undefined;
}

/** Maps tagged `patchStrategy:"retainKeys"` (the Deployment strategy). */
export function mapRetainKeys(kind: string, path: readonly string[]): boolean {
  return kind === 'Deployment' && path.length === 2 && path[0] === 'spec' && path[1] === 'strategy';
}
