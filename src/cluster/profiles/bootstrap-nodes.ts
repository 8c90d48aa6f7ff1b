/**
 * The objects a node brings when it registers: the Node (labels, taints, capacity, conditions,
 * addresses, nodeInfo) and its Lease in kube-node-lease. Values follow kind and EKS nodes.
 */
import type { KubeObject } from '../api/types.js';
import type { ClusterProfile, NodeProfile } from '../profile.js';
import type { SeededRandom } from '../rng.js';

const HEX = '0123456789abcdef';
const uuid = (rng: SeededRandom) => `${rng.string(HEX, 8)}-${rng.string(HEX, 4)}-4${rng.string(HEX, 3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.string(HEX, 3)}-${rng.string(HEX, 12)}`;

export function nodeObject(p: ClusterProfile, n: NodeProfile): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': n.architecture ?? 'amd64', 'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': n.architecture ?? 'amd64', 'kubernetes.io/hostname': n.hostname ?? n.name, 'kubernetes.io/os': 'linux',
    ...(n.labels ?? {}),
  };
  for (const r of n.roles ?? []) labels[`node-role.kubernetes.io/${r}`] = '';
  const annotations: Record<string, string> = p.flavour === 'eks'
    ? { 'alpha.kubernetes.io/provided-node-ip': n.internalIP, 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' }
    : { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' };
  const spec: Record<string, unknown> = {};
  if (p.flavour !== 'eks') { spec['podCIDR'] = n.podCIDR; spec['podCIDRs'] = [n.podCIDR]; }
  if (n.providerID) spec['providerID'] = n.providerID;
  if (n.taints?.length) spec['taints'] = n.taints;
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: n.name, labels, annotations }, spec };
}

export function nodeStatus(n: NodeProfile, rng: SeededRandom, registeredAt: string, readyAt: string, heartbeat: string): Record<string, unknown> {
  const addresses = [{ address: n.internalIP, type: 'InternalIP' }];
  if (n.externalIP) addresses.push({ address: n.externalIP, type: 'ExternalIP' });
  if (n.internalDNS) addresses.push({ address: n.internalDNS, type: 'InternalDNS' });
  addresses.push({ address: n.hostname ?? n.name, type: 'Hostname' });
  const extra = { 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' };
  const cond = (type: string, status: string, reason: string, message: string, since: string) => ({ lastHeartbeatTime: heartbeat, lastTransitionTime: since, message, reason, status, type });
  return {
    addresses,
    allocatable: { ...(n.allocatable ?? n.capacity), ...extra },
    capacity: { ...n.capacity, ...extra },
    conditions: [
      cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', registeredAt),
      cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', registeredAt),
      cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', registeredAt),
      cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', readyAt),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      architecture: n.architecture ?? 'amd64', bootID: uuid(rng), containerRuntimeVersion: n.containerRuntimeVersion,
      kernelVersion: n.kernelVersion, kubeProxyVersion: '', kubeletVersion: n.kubeletVersion,
      machineID: rng.string(HEX, 32), operatingSystem: 'linux', osImage: n.osImage, systemUUID: uuid(rng),
    },
  };
}

export function leaseObject(n: NodeProfile, nodeUid: string, renew: string): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
    metadata: { name: n.name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: n.name, uid: nodeUid }] },
    spec: { holderIdentity: n.name, leaseDurationSeconds: 40, renewTime: renew },
  };
}
