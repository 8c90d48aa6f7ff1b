/**
 * A cluster profile is data: what the cluster looks like (nodes, CIDRs, versions, flavour),
 * so a lesson can make it look like the article's EKS cluster or a kind cluster.
 */
export interface NodeProfile {
  name: string;                 // 'ip-10-21-49-33.us-east-2.compute.internal' or 'kind-control-plane'
  internalIP: string;           // '10.21.49.33'
  podCIDR: string;              // pods on this node get IPs from here, e.g. '10.21.48.0/20'
  labels?: Record<string, string>;
  roles?: string[];             // ['control-plane'] → node-role.kubernetes.io/control-plane
  taints?: { key: string; effect: string; value?: string }[];
  capacity: { cpu: string; memory: string; pods: string; 'ephemeral-storage': string };
  allocatable?: { cpu: string; memory: string; pods: string; 'ephemeral-storage': string };
  kubeletVersion: string;       // 'v1.33.1' or 'v1.33.0-eks-...'
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
  architecture?: string;
  providerID?: string;
  hostname?: string;
  externalIP?: string;
  internalDNS?: string;
}

export interface ClusterProfile {
  id: string;                   // 'kind', 'eks-article'
  flavour: 'kind' | 'eks' | 'kubeadm';
  serverVersion: string;        // 'v1.33.1'
  clusterName: string;          // kubeconfig cluster/context name
  contextName: string;
  userName: string;
  serverURL: string;            // 'https://127.0.0.1:6443'
  serviceCIDR: string;          // '10.96.0.0/12' or '172.20.0.0/16'
  clusterDomain: string;        // 'cluster.local'
  nodePortRange: [number, number];
  /** How long a node has existed when the session starts (ages of system objects). */
  clusterAgeSeconds: number;
  nodes: NodeProfile[];
  /** Add-ons present in a fresh cluster ('coredns', 'kube-proxy', 'aws-node', 'kindnet', ...). */
  addons: string[];
  /** Control-plane endpoint(s) for default/kubernetes Endpoints, e.g. ['172.18.0.2:6443']. */
  apiserverEndpoints: { ip: string; port: number }[];
}
