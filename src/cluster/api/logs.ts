/**
 * GET pods/<name>/log: the registry's container checks (pkg/registry/core/pod/strategy.go
 * LogLocation) and the kubelet's answers for containers that have not started.
 */
import { badRequest } from './errors.js';
import type { KubeObject } from './types.js';
import { isObject } from './util.js';

export interface LogOptions { container?: string; previous?: boolean; tailLines?: number }
export type LogProvider = (namespace: string, pod: string, opts: LogOptions) => string;

type Named = { name?: string };
type ContainerStatus = Named & { state?: { waiting?: { reason?: string }; running?: unknown; terminated?: unknown }; lastState?: { terminated?: unknown } };

export function readLogs(podObj: KubeObject, opts: LogOptions, provider: LogProvider | undefined): string {
  const pod = podObj.metadata?.name ?? '';
  const namespace = podObj.metadata?.namespace ?? '';
  const spec = isObject(podObj.spec) ? podObj.spec : {};
  const containers = (Array.isArray(spec.containers) ? spec.containers : []) as Named[];
  const inits = (Array.isArray(spec.initContainers) ? spec.initContainers : []) as Named[];
  const all = [...inits, ...containers].map((c) => c.name ?? '');
  let container = opts.container;
  if (!container) {
    if (containers.length !== 1) {
      const names = containers.map((c) => c.name ?? '').join(' ');
      const initNames = inits.map((c) => c.name ?? '').join(' ');
      throw badRequest(`a container name must be specified for pod ${pod}, choose one of: [${names}]${inits.length ? ` or one of the init containers: [${initNames}]` : ''}`);
    }
    container = containers[0]!.name ?? '';
  }
  if (!all.includes(container)) throw badRequest(`container ${container} is not valid for pod ${pod}`);
  // Not yet on a node: there is no kubelet to ask, and the server answers with an empty log.
  if (!spec.nodeName) return '';
  const status = isObject(podObj.status) ? podObj.status : {};
  const statuses = [
    ...(Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : []),
    ...(Array.isArray(status.containerStatuses) ? status.containerStatuses : []),
  ] as ContainerStatus[];
  const cs = statuses.find((s) => s.name === container);
  if (opts.previous) {
    if (!cs?.lastState?.terminated) throw badRequest(`previous terminated container "${container}" in pod "${pod}" not found`);
  } else if (!cs || (!cs.state?.running && !cs.state?.terminated)) {
    const reason = cs?.state?.waiting?.reason ?? 'ContainerCreating';
    throw badRequest(`container "${container}" in pod "${pod}" is waiting to start: ${reason}`);
  }
  return provider ? provider(namespace, pod, { ...opts, container }) : '';
}
