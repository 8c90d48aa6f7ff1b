/** A fresh single-node kind cluster (kindest/node v1.33.1), as `kind create cluster` makes it. */
import type { ClusterProfile } from '../profile.js';

export const kindProfile: ClusterProfile = {
  id: 'kind',
  flavour: 'kind',
  serverVersion: 'v1.33.1',
  clusterName: 'kind-kind',
  contextName: 'kind-kind',
  userName: 'kind-kind',
  serverURL: 'https://127.0.0.1:41235',
  serviceCIDR: '10.96.0.0/12',
  clusterDomain: 'cluster.local',
  nodePortRange: [30000, 32767],
  clusterAgeSeconds: 7 * 60 + 12,
  nodes: [{
    name: 'kind-control-plane',
    internalIP: '172.18.0.2',
    podCIDR: '10.244.0.0/24',
    roles: ['control-plane'],
    labels: {
      'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'kind-control-plane', 'kubernetes.io/os': 'linux',
      'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '',
    },
    taints: [],
    capacity: { cpu: '8', memory: '16310888Ki', pods: '110', 'ephemeral-storage': '1055762868Ki' },
    allocatable: { cpu: '8', memory: '16310888Ki', pods: '110', 'ephemeral-storage': '1055762868Ki' },
    kubeletVersion: 'v1.33.1',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    kernelVersion: '6.8.0-60-generic',
    containerRuntimeVersion: 'containerd://2.1.1',
    architecture: 'amd64',
    providerID: 'kind://docker/kind/kind-control-plane',
    hostname: 'kind-control-plane',
  }],
  addons: ['coredns', 'kube-proxy', 'kindnet', 'local-path-provisioner', 'static-control-plane'],
  apiserverEndpoints: [{ ip: '172.18.0.2', port: 6443 }],
};
