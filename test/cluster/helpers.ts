/** Shared helpers for the cluster tests: a fresh cluster, typed refs, short accessors. */
import { Cluster } from '../../src/cluster/cluster.js';
import { getProfile } from '../../src/cluster/profiles/index.js';
import type { KubeObject } from '../../src/cluster/api/types.js';
import { R as CONTROLLER_REFS } from '../../src/cluster/controllers/util.js';

export const START = Date.parse('2025-06-01T10:00:00Z');

/** The controllers' resource refs, plus the short `slices` the tests use. */
export const R = { ...CONTROLLER_REFS, slices: CONTROLLER_REFS.endpointslices };

export function newCluster(profile = 'kind', seed = 42): Cluster {
  return new Cluster({ seed, startTime: START, profile: getProfile(profile) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Any = any;

/** Lists in a namespace ('default' unless given); '*' lists all namespaces. */
export function list(c: Cluster, ref: { group: string; resource: string }, ns: string | undefined = 'default'): Any[] {
  return c.api.list(ref, ns === '*' ? undefined : ns).items as Any[];
}

export function events(c: Cluster, name?: string, ns = 'default'): Any[] {
  return list(c, R.events, ns).filter((e) => !name || e.involvedObject.name === name)
    .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : a.metadata.name < b.metadata.name ? -1 : 1));
}

export function nginxPod(name: string, labels: Record<string, string> = { app: 'nginx' }, extra: Any = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, labels },
    spec: { containers: [{ name: 'nginx-container', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }], ...extra }] },
  };
}

export function svc(name: string, selector: Record<string, string> | undefined, ports: Any[] = [{ port: 80, targetPort: 80, protocol: 'TCP' }], extra: Any = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ...(selector ? { selector } : {}), ports, ...extra } };
}

export function deployment(name: string, replicas: number, labels: Record<string, string> = { app: 'nginx' }, image = 'nginx', extra: Any = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx-container', image, ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }] } }, ...extra },
  };
}
