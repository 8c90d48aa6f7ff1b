/**
 * kube-system add-ons of a fresh cluster (k8s-semantics §9): CoreDNS (Deployment with the
 * ReplicaSet name real clusters show, kube-dns Service at .10, Corefile), kube-proxy and the
 * CNI DaemonSet (kindnet on kind, aws-node on EKS), kind's static control-plane pods and
 * local-path-provisioner.
 */
import type { KubeObject } from '../api/types.js';
import type { ClusterProfile } from '../profile.js';

export interface AddonObjects {
  /** Objects created in order; a ReplicaSet entry names its Deployment to take the owner uid from. */
  items: { resource: string; group: string; namespace?: string; obj: KubeObject; ownerDeployment?: string }[];
}

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

function nthIP(cidr: string, n: number): string {
  const [ip] = cidr.split('/');
  const v = ip!.split('.').reduce((a, o) => ((a << 8) | Number(o)) >>> 0, 0) + n;
  return [24, 16, 8, 0].map((s) => (v >>> s) & 255).join('.');
}

function corednsTemplate(p: ClusterProfile, hash: string): Record<string, unknown> {
  const eks = p.flavour === 'eks';
  const image = eks ? '602401143452.dkr.ecr.us-east-2.amazonaws.com/eks/coredns:v1.11.4-eksbuild.10' : 'registry.k8s.io/coredns/coredns:v1.12.0';
  const labels: Record<string, string> = eks ? { 'eks.amazonaws.com/component': 'coredns', 'k8s-app': 'kube-dns' } : { 'k8s-app': 'kube-dns' };
  if (hash) labels['pod-template-hash'] = hash;
  return {
    metadata: { labels },
    spec: {
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' }, weight: 100 }] } },
      containers: [{
        args: ['-conf', '/etc/coredns/Corefile'], image, imagePullPolicy: 'IfNotPresent',
        livenessProbe: { failureThreshold: 5, httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 5 },
        name: 'coredns',
        ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' }, { containerPort: 9153, name: 'metrics', protocol: 'TCP' }, { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' }, { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' }],
        readinessProbe: { failureThreshold: 3, httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
        volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
      }],
      dnsPolicy: 'Default', nodeSelector: { 'kubernetes.io/os': 'linux' }, priorityClassName: 'system-cluster-critical',
      restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, serviceAccount: 'coredns', serviceAccountName: 'coredns',
      terminationGracePeriodSeconds: 30,
      tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }],
      volumes: [{ configMap: { defaultMode: 420, items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
    },
  };
}

function daemonSet(name: string, labels: Record<string, string>, containers: unknown[], extraSpec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system', labels },
    spec: {
      selector: { matchLabels: { 'k8s-app': labels['k8s-app'] ?? name } },
      template: { metadata: { labels: { 'k8s-app': labels['k8s-app'] ?? name, ...(labels['app'] ? { app: labels['app'] } : {}) } }, spec: {
        containers, hostNetwork: true, priorityClassName: 'system-node-critical', serviceAccountName: name,
        tolerations: [{ operator: 'Exists' }], nodeSelector: { 'kubernetes.io/os': 'linux' }, ...extraSpec,
      } },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
  };
}

export function addonObjects(p: ClusterProfile): AddonObjects {
  const items: AddonObjects['items'] = [];
  const eks = p.flavour === 'eks';
  const add = (group: string, resource: string, obj: KubeObject, ownerDeployment?: string) => items.push({ group, resource, namespace: obj.metadata?.namespace, obj, ownerDeployment });
  const dnsLabels: Record<string, string> = { ...(eks ? { 'eks.amazonaws.com/component': 'kube-dns' } : {}), 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' };
  for (const sa of ['coredns', 'kube-proxy', eks ? 'aws-node' : 'kindnet']) add('', 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: 'kube-system' } });
  add('', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system', ...(eks ? { labels: { 'eks.amazonaws.com/component': 'coredns', 'k8s-app': 'kube-dns' } } : {}) }, data: { Corefile: COREFILE } });
  add('', 'services', {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: dnsLabels, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
    spec: { clusterIP: nthIP(p.serviceCIDR, 10), ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 }], selector: { 'k8s-app': 'kube-dns' } },
  });
  const dnsHash = eks ? '6b9575c64c' : '674b8bbfcf';
  const deployLabels: Record<string, string> = eks ? { 'eks.amazonaws.com/component': 'coredns', 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' } : { 'k8s-app': 'kube-dns' };
  const selector = { matchLabels: eks ? { 'eks.amazonaws.com/component': 'coredns', 'k8s-app': 'kube-dns' } : { 'k8s-app': 'kube-dns' } };
  add('apps', 'deployments', {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coredns', namespace: 'kube-system', labels: deployLabels },
    spec: { progressDeadlineSeconds: 600, replicas: 2, revisionHistoryLimit: 10, selector, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' }, template: corednsTemplate(p, '') },
  });
  // The ReplicaSet real clusters show (its hash is Go's; ours would differ): the Deployment
  // controller adopts it because the template matches.
  add('apps', 'replicasets', {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: `coredns-${dnsHash}`, namespace: 'kube-system', labels: { ...(corednsTemplate(p, dnsHash).metadata as { labels: Record<string, string> }).labels },
      annotations: { 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '1' } },
    spec: { replicas: 2, selector: { matchLabels: { ...selector.matchLabels, 'pod-template-hash': dnsHash } }, template: corednsTemplate(p, dnsHash) },
  }, 'coredns');
  const proxyImage = eks ? '602401143452.dkr.ecr.us-east-2.amazonaws.com/eks/kube-proxy:v1.33.0-minimal-eksbuild.2' : `registry.k8s.io/kube-proxy:${p.serverVersion.replace(/-.*$/, '')}`;
  add('apps', 'daemonsets', daemonSet('kube-proxy', { 'k8s-app': 'kube-proxy' }, [{
    command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
    image: proxyImage, imagePullPolicy: 'IfNotPresent', name: 'kube-proxy', securityContext: { privileged: true },
  }]));
  if (eks) {
    add('apps', 'daemonsets', daemonSet('aws-node', { 'app.kubernetes.io/instance': 'aws-vpc-cni', 'app.kubernetes.io/name': 'aws-node', 'k8s-app': 'aws-node' }, [
      { image: '602401143452.dkr.ecr.us-east-2.amazonaws.com/amazon-k8s-cni:v1.19.5-eksbuild.1', imagePullPolicy: 'IfNotPresent', name: 'aws-node', ports: [{ containerPort: 61678, name: 'metrics', protocol: 'TCP' }], resources: { requests: { cpu: '25m' } } },
      { image: '602401143452.dkr.ecr.us-east-2.amazonaws.com/amazon/aws-network-policy-agent:v1.2.1-eksbuild.1', imagePullPolicy: 'IfNotPresent', name: 'aws-eks-nodeagent', resources: { requests: { cpu: '25m' } } },
    ], { initContainers: [{ image: '602401143452.dkr.ecr.us-east-2.amazonaws.com/amazon-k8s-cni-init:v1.19.5-eksbuild.1', imagePullPolicy: 'IfNotPresent', name: 'aws-vpc-cni-init', resources: { requests: { cpu: '25m' } }, securityContext: { privileged: true } }] }));
  } else {
    add('apps', 'daemonsets', daemonSet('kindnet', { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }, [{
      image: 'docker.io/kindest/kindnetd:v20250512-df8de77b', imagePullPolicy: 'IfNotPresent', name: 'kindnet-cni',
      resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
    }]));
    for (const n of p.nodes.filter((x) => (x.roles ?? []).includes('control-plane'))) {
      for (const [comp, image, tier] of [
        ['etcd', 'registry.k8s.io/etcd:3.5.21-0', 'control-plane'],
        ['kube-apiserver', `registry.k8s.io/kube-apiserver:${p.serverVersion}`, 'control-plane'],
        ['kube-controller-manager', `registry.k8s.io/kube-controller-manager:${p.serverVersion}`, 'control-plane'],
        ['kube-scheduler', `registry.k8s.io/kube-scheduler:${p.serverVersion}`, 'control-plane'],
      ] as const) {
        add('', 'pods', {
          apiVersion: 'v1', kind: 'Pod',
          metadata: { name: `${comp}-${n.name}`, namespace: 'kube-system', labels: { component: comp, tier },
            annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': '0000000000000000000000000000000' },
            ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: n.name, uid: '' }] },
          spec: { containers: [{ command: [comp], image, imagePullPolicy: 'IfNotPresent', name: comp, resources: { requests: { cpu: comp === 'etcd' ? '100m' : comp === 'kube-apiserver' ? '250m' : comp === 'kube-controller-manager' ? '200m' : '100m' } } }],
            hostNetwork: true, nodeName: n.name, priority: 2000001000, priorityClassName: 'system-node-critical', tolerations: [{ effect: 'NoExecute', operator: 'Exists' }] },
        });
      }
    }
    add('', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'local-path-storage' } });
    add('', 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'local-path-provisioner-service-account', namespace: 'local-path-storage' } });
    const lpHash = '7dbf974f64';
    const lpTemplate = (hash: string) => ({
      metadata: { labels: { app: 'local-path-provisioner', ...(hash ? { 'pod-template-hash': hash } : {}) } },
      spec: { containers: [{ command: ['local-path-provisioner', '--debug', 'start', '--helper-image', 'docker.io/kindest/local-path-helper:v20241212-8ac705d0', '--config', '/etc/config/config.json'],
        image: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a', imagePullPolicy: 'IfNotPresent', name: 'local-path-provisioner' }],
      nodeSelector: { 'kubernetes.io/os': 'linux' }, serviceAccountName: 'local-path-provisioner-service-account',
      tolerations: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' }] },
    });
    add('apps', 'deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'local-path-provisioner', namespace: 'local-path-storage' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'local-path-provisioner' } }, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' }, template: lpTemplate('') } });
    add('apps', 'replicasets', { apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: `local-path-provisioner-${lpHash}`, namespace: 'local-path-storage', labels: { app: 'local-path-provisioner', 'pod-template-hash': lpHash },
        annotations: { 'deployment.kubernetes.io/desired-replicas': '1', 'deployment.kubernetes.io/max-replicas': '2', 'deployment.kubernetes.io/revision': '1' } },
      spec: { replicas: 1, selector: { matchLabels: { app: 'local-path-provisioner', 'pod-template-hash': lpHash } }, template: lpTemplate(lpHash) } }, 'local-path-provisioner');
  }
  return { items };
}

export { nthIP };
