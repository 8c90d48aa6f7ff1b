/**
 * The seed article's cluster: EKS in us-east-2 with two t3.medium nodes, service CIDR
 * 172.20.0.0/16 and VPC CNI pod IPs from the node subnets (10.21.x.x).
 */
import type { ClusterProfile, NodeProfile } from '../profile.js';

function eksNode(name: string, ip: string, podCIDR: string, zone: string, zoneId: string, instance: string): NodeProfile {
  return {
    name, internalIP: ip, podCIDR,
    labels: {
      'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/instance-type': 't3.medium', 'beta.kubernetes.io/os': 'linux',
      'eks.amazonaws.com/capacityType': 'ON_DEMAND', 'eks.amazonaws.com/nodegroup': 'tutorial-ng-1',
      'eks.amazonaws.com/nodegroup-image': 'ami-0c5b2f1a7e3d94a16', 'failure-domain.beta.kubernetes.io/region': 'us-east-2',
      'failure-domain.beta.kubernetes.io/zone': zone, 'k8s.io/cloud-provider-aws': '8f3c2b9d5e1a47c6b0d2e4f6a8c0b1d3',
      'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux',
      'node.kubernetes.io/instance-type': 't3.medium', 'topology.k8s.aws/zone-id': zoneId,
      'topology.kubernetes.io/region': 'us-east-2', 'topology.kubernetes.io/zone': zone,
    },
    roles: [],
    taints: [],
    capacity: { cpu: '2', memory: '3943372Ki', pods: '17', 'ephemeral-storage': '20959212Ki' },
    allocatable: { cpu: '1930m', memory: '3388364Ki', pods: '17', 'ephemeral-storage': '18242267924' },
    kubeletVersion: 'v1.33.1-eks-b9b9ed5',
    osImage: 'Amazon Linux 2023.7.20250527',
    kernelVersion: '6.1.134-152.225.amzn2023.x86_64',
    containerRuntimeVersion: 'containerd://1.7.27',
    architecture: 'amd64',
    providerID: `aws:///${zone}/${instance}`,
    hostname: name,
    internalDNS: name,
  };
}

export const eksArticleProfile: ClusterProfile = {
  id: 'eks-article',
  flavour: 'eks',
  serverVersion: 'v1.33.1-eks-7308294',
  clusterName: 'arn:aws:eks:us-east-2:534998041526:cluster/bttrm-eks-dev-0',
  contextName: 'arn:aws:eks:us-east-2:534998041526:cluster/bttrm-eks-dev-0',
  userName: 'arn:aws:eks:us-east-2:534998041526:cluster/bttrm-eks-dev-0',
  serverURL: 'https://6B1E4E8D2F0A94C3E57B1D2A6C8F0E41.gr7.us-east-2.eks.amazonaws.com',
  serviceCIDR: '172.20.0.0/16',
  clusterDomain: 'cluster.local',
  nodePortRange: [30000, 32767],
  clusterAgeSeconds: 3 * 86400 + 5 * 3600 + 11 * 60 + 29,
  nodes: [
    eksNode('ip-10-21-49-33.us-east-2.compute.internal', '10.21.49.33', '10.21.48.0/20', 'us-east-2b', 'use2-az2', 'i-0b3f6c1e2a9d84f27'),
    eksNode('ip-10-21-33-101.us-east-2.compute.internal', '10.21.33.101', '10.21.32.0/20', 'us-east-2a', 'use2-az1', 'i-07e9a4d2c5b1f3608'),
  ],
  addons: ['coredns', 'kube-proxy', 'aws-node'],
  apiserverEndpoints: [{ ip: '10.21.39.227', port: 443 }, { ip: '10.21.58.211', port: 443 }],
};
