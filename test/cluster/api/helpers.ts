/** A fresh ApiServer with the namespaces and accounts a bootstrapped cluster has. */
import { VirtualClock } from '../../../src/cluster/clock.js';
import { SeededRandom } from '../../../src/cluster/rng.js';
import type { ClusterProfile } from '../../../src/cluster/profile.js';
import { ApiServer } from '../../../src/cluster/api/server.js';
import type { ResourceRef } from '../../../src/cluster/api/types.js';
import { ApiError } from '../../../src/cluster/api/types.js';

export const PROFILE: ClusterProfile = {
  id: 'kind', flavour: 'kind', serverVersion: 'v1.33.1', clusterName: 'kind-kind', contextName: 'kind-kind',
  userName: 'kind-kind', serverURL: 'https://127.0.0.1:6443', serviceCIDR: '10.96.0.0/16', clusterDomain: 'cluster.local',
  nodePortRange: [30000, 32767], clusterAgeSeconds: 300,
  nodes: [{
    name: 'kind-control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24',
    capacity: { cpu: '8', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' },
    kubeletVersion: 'v1.33.1', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://2.1.1',
  }],
  addons: [], apiserverEndpoints: [{ ip: '172.18.0.2', port: 6443 }],
};

export const PODS: ResourceRef = { group: '', resource: 'pods' };
export const SERVICES: ResourceRef = { group: '', resource: 'services' };
export const NAMESPACES: ResourceRef = { group: '', resource: 'namespaces' };
export const DEPLOYMENTS: ResourceRef = { group: 'apps', resource: 'deployments' };
export const ENDPOINTS: ResourceRef = { group: '', resource: 'endpoints' };
export const CONFIGMAPS: ResourceRef = { group: '', resource: 'configmaps' };

export function newServer(seed = 1): { api: ApiServer; clock: VirtualClock } {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 0, 0, 0));
  const api = new ApiServer({ clock, rng: new SeededRandom(seed), profile: PROFILE });
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    api.create(NAMESPACES, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    api.create({ group: '', resource: 'serviceaccounts' }, ns, { metadata: { name: 'default' } });
  }
  return { api, clock };
}

/** Runs fn and returns the ApiError it throws (fails the test otherwise). */
export function apiError(fn: () => unknown): ApiError {
  try { fn(); } catch (e) {
    if (e instanceof ApiError) return e;
    throw new Error(`expected ApiError, got ${String(e)}`);
  }
  throw new Error('expected an ApiError, nothing was thrown');
}

export const nginxPod = (name = 'nginx-pod'): Record<string, unknown> => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, labels: { app: 'nginx' } },
  spec: { containers: [{ name: 'nginx-container', image: 'nginx', ports: [{ name: 'web', containerPort: 80 }] }] },
});
