/**
 * Makes a fresh cluster look as kubeadm/kind (or EKS) leave it (k8s-semantics §9). Runs with
 * the clock set back by profile.clusterAgeSeconds; the caller then advances to "now" with the
 * controllers running, so every object gets a plausible past creationTimestamp and status.
 */
import type { ApiClient, KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { VirtualClock } from '../clock.js';
import type { ClusterProfile } from '../profile.js';
import type { SeededRandom } from '../rng.js';
import type { ContainerRuntime } from '../runtime/runtime.js';
import { resolveImage } from '../images.js';
import { addonObjects, nthIP } from './bootstrap-addons.js';
import { leaseObject, nodeObject, nodeStatus } from './bootstrap-nodes.js';
import { leasePhaseMs, microTime } from '../controllers/kubelet-heartbeat.js';
import type { EventSpec } from '../controllers/controller.js';

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export interface BootstrapSteps {
  /** Runs controllers for `ms` of virtual time. */
  advance(ms: number): void;
  /** Records an Event as its component would. */
  recordEvent(ev: EventSpec): void;
}

function mustCreate(api: ApiClient, group: string, resource: string, ns: string | undefined, obj: KubeObject): KubeObject {
  try {
    return api.create({ group, resource }, ns, obj, { fieldManager: 'kubeadm' });
  } catch (e) {
    if (e instanceof ApiError && e.code === 409) return api.get({ group, resource }, ns, obj.metadata!.name!);
    throw e;
  }
}

const rfc = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function bootstrapCluster(p: ClusterProfile, api: ApiClient, clock: VirtualClock, rng: SeededRandom, runtime: ContainerRuntime, steps: BootstrapSteps): void {
  for (const ns of SYSTEM_NAMESPACES) mustCreate(api, '', 'namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  // The apiserver's own Service and endpoints (pkg/controlplane/reconcilers).
  mustCreate(api, '', 'services', 'default', {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: nthIP(p.serviceCIDR, 1), ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: p.apiserverEndpoints[0]?.port ?? 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
  });
  const epPort = p.apiserverEndpoints[0]?.port ?? 6443;
  mustCreate(api, '', 'endpoints', 'default', {
    apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: p.apiserverEndpoints.map((e) => ({ ip: e.ip })), ports: [{ name: 'https', port: epPort, protocol: 'TCP' }] }],
  });
  mustCreate(api, 'discovery.k8s.io', 'endpointslices', 'default', {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4', endpoints: p.apiserverEndpoints.map((e) => ({ addresses: [e.ip], conditions: { ready: true } })),
    ports: [{ name: 'https', port: epPort, protocol: 'TCP' }],
  });
  // The built-in priority classes the apiserver creates at start (pkg/apis/scheduling SystemPriorityClasses).
  for (const [name, value, description] of [
    ['system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.'],
    ['system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'],
  ] as const) {
    mustCreate(api, 'scheduling.k8s.io', 'priorityclasses', undefined, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description, preemptionPolicy: 'PreemptLowerPriority' });
  }
  mustCreate(api, '', 'configmaps', 'kube-public', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cluster-info', namespace: 'kube-public' },
    data: { kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==\n    server: ${p.serverURL}\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n` } });
  steps.advance(2000);

  // Nodes register (their kubelets), then report Ready a few seconds later.
  const nodeUids = new Map<string, string>();
  for (const n of p.nodes) {
    const node = mustCreate(api, '', 'nodes', undefined, nodeObject(p, n));
    nodeUids.set(n.name, node.metadata!.uid!);
    const registered = rfc(clock.now());
    const status = nodeStatus(n, rng, registered, rfc(clock.now() + 5000), rfc(clock.now() + 5000));
    try { api.update({ group: '', resource: 'nodes' }, undefined, { ...node, status }, { subresource: 'status', fieldManager: 'kubelet' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
    mustCreate(api, 'coordination.k8s.io', 'leases', 'kube-node-lease', leaseObject(n, node.metadata!.uid!, microTime(clock.now() + leasePhaseMs(n.name), n.name)));
    // System images come with the node image (kind) or the AMI (EKS).
    for (const img of systemImages(p)) runtime.addImage(n.name, resolveImage(img).normalized);
  }
  // What a registering kubelet and the node controller say (kubelet events use the node name as uid).
  for (const n of p.nodes) {
    const involved = { kind: 'Node', name: n.name, uid: n.name };
    const kubelet = (reason: string, message: string) => steps.recordEvent({ involved, type: 'Normal', reason, message, source: { component: 'kubelet', host: n.name } });
    kubelet('Starting', 'Starting kubelet.');
    kubelet('NodeHasSufficientMemory', `Node ${n.name} status is now: NodeHasSufficientMemory`);
    kubelet('NodeHasNoDiskPressure', `Node ${n.name} status is now: NodeHasNoDiskPressure`);
    kubelet('NodeHasSufficientPID', `Node ${n.name} status is now: NodeHasSufficientPID`);
    kubelet('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    steps.recordEvent({ involved: { kind: 'Node', name: n.name, uid: nodeUids.get(n.name), apiVersion: 'v1' }, type: 'Normal', reason: 'RegisteredNode',
      message: `Node ${n.name} event: Registered Node ${n.name} in Controller`, source: { component: 'node-controller' } });
  }
  steps.advance(5000);
  for (const n of p.nodes) {
    steps.recordEvent({ involved: { kind: 'Node', name: n.name, uid: n.name }, type: 'Normal', reason: 'NodeReady', message: `Node ${n.name} status is now: NodeReady`, source: { component: 'kubelet', host: n.name } });
  }

  const owners = new Map<string, string>();
  for (const it of addonObjects(p).items) {
    const obj = structuredClone(it.obj);
    if (it.ownerDeployment) {
      const uid = owners.get(`${it.namespace}/${it.ownerDeployment}`);
      obj.metadata!.ownerReferences = [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: it.ownerDeployment, uid: uid ?? '' }];
    }
    for (const r of obj.metadata?.ownerReferences ?? []) if (r.kind === 'Node') r.uid = nodeUids.get(r.name) ?? '';
    const created = mustCreate(api, it.group, it.resource, it.namespace, obj);
    if (it.resource === 'deployments') owners.set(`${it.namespace}/${created.metadata!.name}`, created.metadata!.uid!);
    if (it.resource === 'namespaces') steps.advance(10);
  }
}

/** Images present on a fresh node. */
export function systemImages(p: ClusterProfile): string[] {
  const v = p.serverVersion.replace(/-.*$/, '');
  if (p.flavour === 'eks') {
    return ['602401143452.dkr.ecr.us-east-2.amazonaws.com/eks/coredns:v1.11.4-eksbuild.10', '602401143452.dkr.ecr.us-east-2.amazonaws.com/eks/kube-proxy:v1.33.0-minimal-eksbuild.2',
      '602401143452.dkr.ecr.us-east-2.amazonaws.com/amazon-k8s-cni:v1.19.5-eksbuild.1', '602401143452.dkr.ecr.us-east-2.amazonaws.com/amazon-k8s-cni-init:v1.19.5-eksbuild.1', '602401143452.dkr.ecr.us-east-2.amazonaws.com/amazon/aws-network-policy-agent:v1.2.1-eksbuild.1',
      'registry.k8s.io/pause:3.10'];
  }
  return ['registry.k8s.io/coredns/coredns:v1.12.0', `registry.k8s.io/kube-proxy:${v}`, `registry.k8s.io/kube-apiserver:${p.serverVersion}`,
    `registry.k8s.io/kube-controller-manager:${p.serverVersion}`, `registry.k8s.io/kube-scheduler:${p.serverVersion}`, 'registry.k8s.io/etcd:3.5.21-0',
    'docker.io/kindest/kindnetd:v20250512-df8de77b', 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a', 'registry.k8s.io/pause:3.10'];
}
