/**
 * GET pods/<name>/log: the registry's container checks (pkg/registry/core/pod/strategy.go
 * LogLocation) and the kubelet's answers for containers that have not started.
 */
import { badRequest } from './errors.js';
import type { KubeObject } from './types.js';
import { isObject } from './util.js';

/** containerID (without the runtime prefix) names the instance whose log is wanted. */
export interface LogOptions { container?: string; previous?: boolean; tailLines?: number; containerID?: string }
export type LogProvider = (namespace: string, pod: string, opts: LogOptions) => string;

type Named = { name?: string };
type Terminated = { containerID?: string };
type ContainerStatus = Named & {
  containerID?: string;
  state?: { waiting?: { reason?: string }; running?: { containerID?: string }; terminated?: Terminated };
  lastState?: { terminated?: Terminated };
};

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
  const containerID = logContainerID(cs, container, pod, !!opts.previous);
  return provider ? provider(namespace, pod, { ...opts, container, containerID }) : '';
}

const stripRuntime = (id: string | undefined): string => (id ?? '').replace(/^[a-z0-9]+:\/\//, '');

/**
 * Which container instance's log the kubelet reads (kubelet_pods.go validateContainerLogStatus):
 * the running one, else the terminated one, else the last terminated one (a container in
 * CrashLoopBackOff shows its dead instance's log), else an error naming why there is none.
 */
function logContainerID(cs: ContainerStatus | undefined, container: string, pod: string, previous: boolean): string {
  const last = cs?.lastState?.terminated;
  const state = cs?.state;
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${container}" in pod "${pod}" not found`);
    return stripRuntime(last.containerID);
  }
  if (state?.running) return stripRuntime(state.running.containerID ?? cs?.containerID);
  if (state?.terminated) {
    const id = state.terminated.containerID ?? '';
    if (id) return stripRuntime(id);
    if (last?.containerID) return stripRuntime(last.containerID);
    throw badRequest(`container "${container}" in pod "${pod}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container "${container}" in pod "${pod}" is terminated`);
    return stripRuntime(last.containerID);
  }
  if (state?.waiting || !cs) {
    const reason = cs ? state?.waiting?.reason ?? '' : 'ContainerCreating';
    const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw badRequest(`container "${container}" in pod "${pod}" is waiting to start: ${why}`);
  }
  throw badRequest(`container "${container}" in pod "${pod}" is waiting to start - no logs yet`);
}
