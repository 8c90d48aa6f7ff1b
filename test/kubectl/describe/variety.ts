/**
 * A cluster state with every describe variant we know of (each Service type, pod states, probes,
 * env sources, volumes, QoS classes, terminating pods, repeated events, quotas, ...), created
 * through the API server (admission defaults apply) with statuses written as the controllers
 * and kubelet would. Used by the oracle tests.
 */
import { ApiServer, storeKey } from '../../../src/cluster/api/server.js';
import { objectKey } from '../../../src/cluster/api/store.js';
import type { KubeObject } from '../../../src/cluster/api/types.js';
import { VirtualClock } from '../../../src/cluster/clock.js';
import { SeededRandom } from '../../../src/cluster/rng.js';
import type { ClusterProfile } from '../../../src/cluster/profile.js';

export const VARIETY_START = Date.parse('2026-03-13T08:00:00Z');

const PROFILE = { id: 'variety', serverVersion: 'v1.33.1', serviceCIDR: '10.96.0.0/12', nodePortRange: [30000, 32767] } as unknown as ClusterProfile;
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export function buildVariety(): { api: ApiServer; now: number } {
  const clock = new VirtualClock(VARIETY_START);
  const api = new ApiServer({ clock, rng: new SeededRandom(7), profile: PROFILE });
  const t = (min: number): string => iso(VARIETY_START + min * 60000);
  const create = (group: string, resource: string, obj: KubeObject): KubeObject =>
    api.create({ group, resource }, obj.metadata?.namespace ?? (['nodes', 'namespaces', 'priorityclasses'].includes(resource) ? undefined : 'default'), obj);
  /** Writes a field set (status, deletion) as a controller would, bypassing admission. */
  const setRaw = (group: string, resource: string, ns: string | undefined, name: string, change: (o: KubeObject) => void): void => {
    const info = api.discovery().find((r) => r.group === group && r.plural === resource)!;
    const key = objectKey(info.namespaced ? ns : undefined, name);
    const o = structuredClone(api.store.get(storeKey(info), key)!);
    change(o);
    api.store.put(storeKey(info), key, o);
  };
  const advance = (min: number): void => { clock.advance(min * 60000); };

  for (const n of ['default', 'kube-system', 'kube-node-lease', 'team-a']) {
    try { create('', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: n } }); } catch { /* exists */ }
  }
  setRaw('', 'namespaces', undefined, 'team-a', (o) => {
    o.status = { phase: 'Active', conditions: [{ type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: t(1), reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' }] };
  });
  create('', 'resourcequotas', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'team-a' }, spec: { scopes: ['NotTerminating', 'BestEffort'], hard: { 'requests.cpu': '2', 'requests.memory': '2Gi', pods: '10' } } });
  setRaw('', 'resourcequotas', 'team-a', 'compute', (o) => { o.status = { hard: { 'requests.cpu': '2', 'requests.memory': '2Gi', pods: '10' }, used: { 'requests.cpu': '500m', 'requests.memory': '134217728', pods: '1' } }; });
  create('', 'limitranges', { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: 'team-a' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' }, max: { cpu: '2' } }] } }); // one resource: Go prints a map

  // Nodes: one control-plane node with a taint and a lease, one worker without a lease.
  for (const [name, ip, role] of [['node-1', '172.18.0.2', 'control-plane'], ['node-2', '172.18.0.3', '']] as const) {
    create('', 'nodes', {
      apiVersion: 'v1', kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(role ? { [`node-role.kubernetes.io/${role}`]: '' } : {}) },
        annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
      spec: { podCIDR: name === 'node-1' ? '10.244.0.0/24' : '10.244.1.0/24', podCIDRs: [name === 'node-1' ? '10.244.0.0/24' : '10.244.1.0/24'], providerID: `kind://docker/kind/${name}`,
        ...(role ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }, { key: 'dedicated', value: 'infra', effect: 'PreferNoSchedule' }] } : {}) },
    });
    setRaw('', 'nodes', undefined, name, (o) => {
      o.status = {
        capacity: { cpu: '4', 'ephemeral-storage': '102624184Ki', 'hugepages-2Mi': '0', memory: '8141924Ki', pods: '110' },
        allocatable: { cpu: '4', 'ephemeral-storage': '102624184Ki', 'hugepages-2Mi': '0', memory: '8141924Ki', pods: '110' },
        conditions: [
          { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: t(58), lastTransitionTime: t(0), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
          { type: 'Ready', status: 'True', lastHeartbeatTime: t(58), lastTransitionTime: t(1), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
        ],
        addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
        nodeInfo: { machineID: 'abc', systemUUID: 'def', bootID: 'ghi', kernelVersion: '6.8.0', osImage: 'Debian GNU/Linux 12 (bookworm)', containerRuntimeVersion: 'containerd://2.1.1', kubeletVersion: 'v1.33.1', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64' },
      };
    });
  }
  create('coordination.k8s.io', 'leases', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2026-03-13T08:59:50.123456Z' } });
  advance(5);

  // ConfigMaps, Secrets, ServiceAccounts.
  create('', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', labels: { app: 'web' } }, data: { 'nginx.conf': 'server {\n\tlisten 80;\n}\n' }, binaryData: { 'logo.png': 'iVBORw0KGgo=' } });
  create('', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'empty-config' } });
  create('', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'escapes', annotations: { note: 'ünïcödé ✓ wide' } }, data: { 'term.txt': 'a\rb\x1b[31mred\ttab\u00e9' } });
  create('', 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-pass' }, type: 'Opaque', data: { password: 'czNjcjN0IQ==' } });
  create('', 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder' }, secrets: [{ name: 'db-pass' }, { name: 'gone' }], imagePullSecrets: [{ name: 'regcred' }] });
  const sa = api.get({ group: '', resource: 'serviceaccounts' }, 'default', 'builder');
  create('', 'secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'builder-token', annotations: { 'kubernetes.io/service-account.name': 'builder', 'kubernetes.io/service-account.uid': sa.metadata!.uid! } },
    type: 'kubernetes.io/service-account-token', data: { token: 'ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZmFrZQ==' } });
  advance(5);

  // Services of each type.
  const svc = (name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject =>
    create('', 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name, ...meta }, spec });
  svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 9090 }] },
    { labels: { app: 'web', tier: 'frontend' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n', note: 'x'.repeat(150), multi: 'line one\nline two\n' } });
  svc('web-np', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
  svc('web-lb', { type: 'LoadBalancer', selector: { app: 'web' }, externalTrafficPolicy: 'Local', externalIPs: ['203.0.113.10'], loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'],
    ports: [{ name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' }], sessionAffinity: 'ClientIP' });
  setRaw('', 'services', 'default', 'web-lb', (o) => { o.status = { loadBalancer: { ingress: [{ ip: '198.51.100.7', ipMode: 'VIP' }, { hostname: 'lb.example.com' }] } }; });
  svc('docs', { type: 'ExternalName', externalName: 'docs.example.com' });
  svc('db-headless', { clusterIP: 'None', selector: { app: 'db' } });
  svc('no-slices', { selector: { app: 'nothing' }, ports: [{ port: 5432 }] });
  advance(5);

  const slice = (name: string, svcName: string, ports: unknown[] | undefined, endpoints: unknown[], annotations?: Record<string, string>): void => {
    create('discovery.k8s.io', 'endpointslices', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name, labels: { 'kubernetes.io/service-name': svcName, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' }, ...(annotations ? { annotations } : {}) },
      addressType: 'IPv4', ...(ports ? { ports } : {}), endpoints });
  };
  const ep = (ip: string, ready: boolean | undefined, pod?: string, node = 'node-2'): unknown => ({
    addresses: [ip], conditions: ready === undefined ? {} : { ready, serving: ready, terminating: false },
    ...(pod ? { targetRef: { kind: 'Pod', name: pod, namespace: 'default', uid: `uid-${pod}` } } : {}), nodeName: node });
  slice('web-abcde', 'web', [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }],
    [ep('10.244.1.5', true, 'web-1'), ep('10.244.1.6', false, 'crash-1'), ep('10.244.1.7', undefined), ep('10.244.1.8', true, 'web-2'), ep('10.244.1.9', true, 'web-3')],
    { 'endpoints.kubernetes.io/last-change-trigger-time': t(14) });
  slice('web-fghij', 'web', [{ name: 'http', port: 8080, protocol: 'TCP' }], [ep('10.244.0.4', true, 'web-4', 'node-1')]);
  slice('web-np-klmno', 'web-np', [{ name: '', port: 8080, protocol: 'TCP' }], [ep('10.244.1.5', false, 'web-1')]);
  slice('db-headless-pqrst', 'db-headless', undefined, [{ addresses: ['10.244.1.20'], conditions: { ready: true }, hostname: 'db-0', zone: 'zone-a' }]);
  slice('empty-uvwxy', 'web-lb', [], []);
  create('', 'endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', labels: { app: 'web' } }, subsets: [
    { addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.1.8' }], notReadyAddresses: [{ ip: '10.244.1.6' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }] },
    { addresses: [{ ip: '10.244.0.4' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
  ] });
  create('', 'endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'no-slices' } });
  advance(5);

  // Workloads.
  const template = (app: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    metadata: { labels: { app } }, spec: { containers: [{ name: app, image: `${app}:1.0`, ports: [{ containerPort: 8080, name: 'http' }], ...extra }] } });
  create('apps', 'deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template('web', { resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } } }) } });
  create('apps', 'deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'batchy' },
    spec: { replicas: 0, strategy: { type: 'Recreate' }, selector: { matchLabels: { app: 'batchy' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, template: { ...template('batchy'), metadata: { labels: { app: 'batchy', tier: 'a' }, annotations: { 'kubectl.kubernetes.io/restartedAt': t(3) } } } } });
  const dep = api.get({ group: 'apps', resource: 'deployments' }, 'default', 'web');
  setRaw('apps', 'deployments', 'default', 'web', (o) => { o.status = { observedGeneration: 2, replicas: 3, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1,
    conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'ok', lastUpdateTime: t(10), lastTransitionTime: t(10) },
      { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'progressing', lastUpdateTime: t(20), lastTransitionTime: t(10) }] }; });
  const depSpec = dep.spec as { template: { metadata: { labels: Record<string, string> } } };
  const rs = (name: string, hash: string, replicas: number, tpl: unknown, minutes: number): void => {
    advance(minutes);
    create('apps', 'replicasets', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: dep.metadata!.uid!, controller: true, blockOwnerDeletion: true }] },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } }, template: tpl } });
    setRaw('apps', 'replicasets', 'default', name, (o) => { o.status = { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1,
      ...(replicas === 1 ? { conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota', lastTransitionTime: t(12) }] } : {}) }; });
  };
  rs('web-old1234', 'old1234', 0, { metadata: { labels: { app: 'web', 'pod-template-hash': 'old1234' } }, spec: { containers: [{ name: 'web', image: 'web:0.9' }] } }, 1);
  rs('web-5d8f9c', '5d8f9c', 1, { ...structuredClone(dep.spec as Record<string, unknown>).template as object, metadata: { labels: { ...depSpec.template.metadata.labels, 'pod-template-hash': '5d8f9c' } } }, 1);
  create('apps', 'statefulsets', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' },
    spec: { serviceName: 'db-headless', replicas: 2, selector: { matchLabels: { app: 'db' } }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } }, template: template('db'),
      volumeClaimTemplates: [{ metadata: { name: 'data', labels: { app: 'db' } }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } } }] } });
  setRaw('apps', 'statefulsets', 'default', 'db', (o) => { o.status = { replicas: 1, readyReplicas: 1, currentReplicas: 1, updatedReplicas: 1 }; });
  create('apps', 'daemonsets', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'kube-system' },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { ...template('agent'), spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: [{ operator: 'Exists' }], containers: [{ name: 'agent', image: 'agent:2' }] } } } });
  create('batch', 'jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' },
    spec: { completions: 5, parallelism: 2, completionMode: 'Indexed', backoffLimit: 4, ttlSecondsAfterFinished: 600, activeDeadlineSeconds: 3600,
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'migrate:1', command: ['sh', '-c'], args: ['echo one\necho two'] }] } } } });
  setRaw('batch', 'jobs', 'default', 'migrate', (o) => { o.status = { startTime: t(15), completionTime: t(21), active: 0, ready: 0, succeeded: 5, failed: 1, completedIndexes: '0-4', terminating: 0 }; });
  create('batch', 'cronjobs', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly' },
    spec: { schedule: '0 2 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'backup:1' }] } } } } } });
  setRaw('batch', 'cronjobs', 'default', 'nightly', (o) => { o.status = { lastScheduleTime: t(14), active: [{ kind: 'Job', name: 'nightly-1', namespace: 'default' }, { kind: 'Job', name: 'nightly-2', namespace: 'default' }] }; });
  create('batch', 'cronjobs', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'paused' },
    spec: { schedule: '*/5 * * * *', suspend: true, startingDeadlineSeconds: 60, successfulJobsHistoryLimit: 1, jobTemplate: { spec: { completions: 2, parallelism: 1, activeDeadlineSeconds: 30,
      selector: { matchLabels: { x: 'y' } }, template: { metadata: { labels: { x: 'y' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'c:1' }] } } } } } });
  create('', 'replicationcontrollers', { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'legacy' },
    spec: { replicas: 2, selector: { app: 'legacy' }, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'legacy', image: 'legacy:1' }] } } } });
  setRaw('', 'replicationcontrollers', 'default', 'legacy', (o) => { o.status = { replicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }] }; });
  create('networking.k8s.io', 'ingressclasses', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } } });
  create('networking.k8s.io', 'ingresses', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'site', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
    spec: { ingressClassName: 'nginx', defaultBackend: { service: { name: 'web', port: { name: 'http' } } }, tls: [{ hosts: ['a.example.com', 'b.example.com'], secretName: 'tls-cert' }, { hosts: ['c.example.com'] }],
      rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
        { path: '/api', pathType: 'Prefix', backend: { service: { name: 'missing', port: { number: 8080 } } } }] } },
      { http: { paths: [{ path: '/static', pathType: 'Exact', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } } }] } }] } });
  setRaw('networking.k8s.io', 'ingresses', 'default', 'site', (o) => { o.status = { loadBalancer: { ingress: [{ ip: '203.0.113.5' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.4' }] } }; });
  create('networking.k8s.io', 'ingresses', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'bare' }, spec: { defaultBackend: { service: { name: 'web-np', port: { number: 80 } } } } });
  create('', 'persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-db-0', labels: { app: 'db' } },
    spec: { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], storageClassName: 'standard', volumeName: 'pv-1', resources: { requests: { storage: '1Gi' } } } });
  setRaw('', 'persistentvolumeclaims', 'default', 'data-db-0', (o) => { o.metadata = { ...o.metadata, finalizers: ['kubernetes.io/pvc-protection'] }; o.status = { phase: 'Bound', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], capacity: { storage: '1Gi' },
    conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: t(13) }] }; });
  create('', 'persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'pending-claim' },
    spec: { accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '5Gi' } }, dataSource: { kind: 'PersistentVolumeClaim', name: 'data-db-0' } } });
  setRaw('', 'persistentvolumeclaims', 'default', 'pending-claim', (o) => { o.status = { phase: 'Pending' }; });
  create('autoscaling', 'horizontalpodautoscalers', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 10, metrics: [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'packets-per-second' }, target: { type: 'AverageValue', averageValue: '1k' } } },
      { type: 'Object', object: { metric: { name: 'requests-per-second' }, describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'site' }, target: { type: 'Value', value: '10k' } } },
      { type: 'External', external: { metric: { name: 'queue_messages' }, target: { type: 'AverageValue', averageValue: '30' } } },
      { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'web', target: { type: 'Utilization', averageUtilization: 60 } } }],
    behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] }, scaleUp: { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] } } } });
  setRaw('autoscaling', 'horizontalpodautoscalers', 'default', 'web', (o) => { o.status = { currentReplicas: 3, desiredReplicas: 4,
    currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 72, averageValue: '180m' } } }, { type: 'Resource', resource: { name: 'memory', current: { averageValue: '64Mi' } } }],
    conditions: [{ type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size', lastTransitionTime: t(20) },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count', lastTransitionTime: t(20) }] }; });
  create('autoscaling', 'horizontalpodautoscalers', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'plain' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'batchy' }, maxReplicas: 3 } });
  create('networking.k8s.io', 'networkpolicies', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'db-access' },
    spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }, { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] } },
        { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.0.0/16'] } }], ports: [{ port: 5432 }, { protocol: 'UDP', port: 5000, endPort: 5010 }] }, {}],
      egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 'dns', protocol: 'UDP' }] }] } });
  create('networking.k8s.io', 'networkpolicies', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-all', namespace: 'team-a' },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } });
  create('networking.k8s.io', 'networkpolicies', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'ingress-only', namespace: 'team-a' },
    spec: { podSelector: { matchLabels: { a: 'b' } }, ingress: [{}] } });
  create('policy', 'poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } } });
  setRaw('policy', 'poddisruptionbudgets', 'default', 'web', (o) => { o.status = { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, observedGeneration: 1 }; });
  create('policy', 'poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'db' }, spec: { maxUnavailable: 1 } });
  create('', 'persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1', labels: { type: 'local' } },
    spec: { storageClassName: 'standard', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Delete', hostPath: { path: '/mnt/data' },
      claimRef: { namespace: 'default', name: 'data-db-0' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1', 'node-2'] }, { key: 'disk', operator: 'Exists' }] }, { matchExpressions: [] }] } } } });
  setRaw('', 'persistentvolumes', undefined, 'pv-1', (o) => { o.metadata = { ...o.metadata, finalizers: ['kubernetes.io/pv-protection'] }; o.status = { phase: 'Bound' }; });
  create('', 'persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-nfs' },
    spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', persistentVolumeReclaimPolicy: 'Retain', nfs: { server: 'nfs.example.com', path: '/exports' } } });
  setRaw('', 'persistentvolumes', undefined, 'pv-nfs', (o) => { o.status = { phase: 'Available', message: 'ok' }; });
  create('', 'persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-csi' },
    spec: { capacity: { storage: '500Mi' }, accessModes: ['ReadWriteOncePod'], persistentVolumeReclaimPolicy: 'Delete', csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-123', fsType: 'ext4', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': 'x'.repeat(150), zone: 'a' } } } });
  create('', 'persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-local' },
    spec: { capacity: { storage: '1G' }, accessModes: ['ReadWriteOnce'], local: { path: '/mnt/disks/ssd1' }, nodeAffinity: { required: { nodeSelectorTerms: [] } } } });
  advance(5);

  // Pods.
  create('scheduling.k8s.io', 'priorityclasses', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
  const rsUid = api.get({ group: 'apps', resource: 'replicasets' }, 'default', 'web-5d8f9c').metadata!.uid!;
  create('', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', labels: { app: 'web', 'pod-template-hash': '5d8f9c' }, annotations: { 'kubectl.kubernetes.io/restartedAt': t(2) },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f9c', uid: rsUid, controller: true, blockOwnerDeletion: true }] },
  spec: {
    priorityClassName: 'high', nodeSelector: { disk: 'ssd', zone: 'a' }, readinessGates: [{ conditionType: 'example.com/feature' }, { conditionType: 'example.com/missing' }],
    tolerations: [{ operator: 'Exists' }, { key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' }, { key: 'flaky', operator: 'Exists' }],
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }, { maxSkew: 2, topologyKey: 'host', whenUnsatisfiable: 'ScheduleAnyway' }],
    initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'sleep 1'] }],
    containers: [{
      name: 'web', image: 'web:1.0', ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9090, protocol: 'UDP', hostPort: 9090 }],
      resources: { requests: { cpu: '0.25', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi', 'ephemeral-storage': '1Gi' } },
      livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 5 },
      readinessProbe: { tcpSocket: { port: 'http' } }, startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, failureThreshold: 30 },
      envFrom: [{ configMapRef: { name: 'app-config' } }, { prefix: 'DB_', secretRef: { name: 'db-pass', optional: true } }],
      env: [{ name: 'PLAIN', value: 'hello' }, { name: 'MULTI', value: 'a\nb' }, { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }, { name: 'MEM_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.memory' } } },
        { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db-pass', key: 'password' } } }, { name: 'CONF', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'nginx.conf', optional: true } } }],
      volumeMounts: [{ name: 'cache', mountPath: '/cache' }, { name: 'conf', mountPath: '/etc/nginx/nginx.conf', subPath: 'nginx.conf', readOnly: true }, { name: 'data', mountPath: '/data' }],
    }],
    volumes: [{ name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }, { name: 'conf', configMap: { name: 'app-config' } }, { name: 'sec', secret: { secretName: 'db-pass', optional: true } },
      { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } }, { name: 'share', nfs: { server: '10.0.0.9', path: '/share', readOnly: true } }, { name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'cpu', resourceFieldRef: { containerName: 'web', resource: 'limits.cpu' } }] } }],
  } });
  setRaw('', 'pods', 'default', 'web-1', (o) => {
    (o.spec as Record<string, unknown>).nodeName = 'node-2';
    o.status = { phase: 'Running', hostIP: '172.18.0.3', hostIPs: [{ ip: '172.18.0.3' }], podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }, { ip: 'fd00::5' }], startTime: t(25), qosClass: 'Burstable',
      conditions: [{ type: 'example.com/feature', status: 'True' }, { type: 'Ready', status: 'True', lastTransitionTime: t(26) }, { type: 'PodScheduled', status: 'True', lastTransitionTime: t(25) }],
      initContainerStatuses: [{ name: 'init', image: 'busybox', imageID: 'docker.io/library/busybox@sha256:1', containerID: 'containerd://i1', ready: true, restartCount: 0,
        state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: t(25), finishedAt: t(25) } } }],
      containerStatuses: [{ name: 'web', image: 'web:1.0', imageID: 'docker.io/library/web@sha256:2', containerID: 'containerd://c1', ready: true, started: true, restartCount: 1,
        state: { running: { startedAt: t(26) } }, lastState: { terminated: { exitCode: 137, signal: 9, reason: 'OOMKilled', message: 'out of memory', startedAt: t(25), finishedAt: t(26) } } }] };
  });
  create('', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash-1', labels: { app: 'crash' } }, spec: { containers: [{ name: 'app', image: 'crash:1', args: ['--fail'] }] } });
  setRaw('', 'pods', 'default', 'crash-1', (o) => {
    (o.spec as Record<string, unknown>).nodeName = 'node-2';
    o.status = { phase: 'Running', hostIP: '172.18.0.3', podIP: '10.244.1.6', podIPs: [{ ip: '10.244.1.6' }], startTime: t(25), qosClass: 'BestEffort',
      conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
      containerStatuses: [{ name: 'app', image: 'crash:1', imageID: 'docker.io/library/crash@sha256:3', containerID: 'containerd://c2', ready: false, restartCount: 5,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: t(28), finishedAt: t(28) } } }] };
  });
  create('', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pending-1' }, spec: { containers: [{ name: 'big', image: 'big:1', resources: { requests: { cpu: '64' } } }] } });
  setRaw('', 'pods', 'default', 'pending-1', (o) => { o.status = { phase: 'Pending', qosClass: 'Burstable', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/2 nodes are available' }] }; });
  create('', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'guaranteed' }, spec: { containers: [{ name: 'g', image: 'g:1', resources: { limits: { cpu: '1', memory: '1Gi' } } }], nodeName: 'node-1' } });
  setRaw('', 'pods', 'default', 'guaranteed', (o) => {
    delete (o.status as Record<string, unknown> | undefined)?.qosClass;
    o.status = { phase: 'Pending', hostIP: '172.18.0.2', startTime: t(30), containerStatuses: [{ name: 'g', image: 'g:1', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] };
  });
  create('', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'term-1' }, spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'c:1' }] } });
  setRaw('', 'pods', 'default', 'term-1', (o) => {
    o.metadata = { ...o.metadata, deletionTimestamp: t(31), deletionGracePeriodSeconds: 30 };
    o.status = { phase: 'Running', hostIP: '172.18.0.2', podIP: '10.244.0.9', podIPs: [{ ip: '10.244.0.9' }], startTime: t(20), qosClass: 'BestEffort',
      containerStatuses: [{ name: 'c', image: 'c:1', imageID: 'x', containerID: 'containerd://c3', ready: true, restartCount: 0, state: { running: { startedAt: t(20) } } }] };
  });
  create('', 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'done-1', namespace: 'team-a' }, spec: { restartPolicy: 'Never', nodeName: 'node-1', containers: [{ name: 'job', image: 'job:1' }] } });
  setRaw('', 'pods', 'team-a', 'done-1', (o) => {
    o.status = { phase: 'Succeeded', reason: 'Done', message: 'all good', hostIP: '172.18.0.2', podIP: '10.244.0.10', podIPs: [{ ip: '10.244.0.10' }], startTime: t(10), qosClass: 'BestEffort',
      containerStatuses: [{ name: 'job', image: 'job:1', imageID: 'y', containerID: 'containerd://c4', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: t(10), finishedAt: t(11) } } }] };
  });
  advance(5);

  // Events: repeated, series, events.k8s.io-style (eventTime, no lastTimestamp), many on one object.
  let n = 0;
  const event = (obj: { kind: string; name: string; namespace?: string; uid?: string }, e: Record<string, unknown>): void => {
    n++;
    create('', 'events', { apiVersion: 'v1', kind: 'Event', metadata: { name: `${obj.name}.${(0x1800000 + n).toString(16)}`, namespace: obj.namespace ?? 'default' },
      involvedObject: { apiVersion: 'v1', ...obj }, type: 'Normal', source: { component: 'kubelet', host: 'node-2' }, ...e });
  };
  const uid = (group: string, resource: string, ns: string | undefined, name: string): string => api.get({ group, resource }, ns, name).metadata!.uid!;
  const crash = { kind: 'Pod', name: 'crash-1', namespace: 'default', uid: uid('', 'pods', 'default', 'crash-1') };
  event(crash, { reason: 'Scheduled', message: 'Successfully assigned default/crash-1 to node-2', source: {}, reportingComponent: 'default-scheduler', eventTime: '2026-03-13T08:25:20.123456Z', firstTimestamp: null, lastTimestamp: null, count: 0 });
  event(crash, { reason: 'Pulled', message: 'Container image "crash:1" already present on machine  ', firstTimestamp: t(25), lastTimestamp: t(29), count: 6 });
  event(crash, { type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container app in pod crash-1_default(x)', firstTimestamp: t(26), lastTimestamp: t(30), count: 25 });
  event(crash, { type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed', eventTime: '2026-03-13T08:26:00.000000Z', series: { count: 4, lastObservedTime: '2026-03-13T08:29:30.500000Z' }, reportingComponent: 'kubelet', source: {} });
  const web1 = { kind: 'Pod', name: 'web-1', namespace: 'default', uid: uid('', 'pods', 'default', 'web-1') };
  for (let i = 0; i < 14; i++) event(web1, { reason: `Step${i}`, message: `step ${i}`, firstTimestamp: t(10 + ((i * 5) % 14)), lastTimestamp: t(10 + ((i * 5) % 14)), count: 1 });
  // More than 12 events with equal timestamps: Go's pdqsort order, not a stable sort.
  const pending = { kind: 'Pod', name: 'pending-1', namespace: 'default', uid: uid('', 'pods', 'default', 'pending-1') };
  for (let i = 0; i < 17; i++) event(pending, { type: 'Warning', reason: 'FailedScheduling', message: `attempt ${i}`, source: { component: 'default-scheduler' }, firstTimestamp: t(10 + (i % 3)), lastTimestamp: t(10 + (i % 3)), count: 1 });
  event({ kind: 'Node', name: 'node-2', uid: 'node-2' }, { reason: 'NodeReady', message: 'Node node-2 status is now: NodeReady', firstTimestamp: t(1), lastTimestamp: t(1), count: 1 });
  event({ kind: 'Node', name: 'node-2', uid: uid('', 'nodes', undefined, 'node-2') }, { reason: 'RegisteredNode', message: 'Node node-2 event: Registered Node node-2 in Controller', source: { component: 'node-controller' }, firstTimestamp: t(0), lastTimestamp: t(0), count: 1 });
  event({ kind: 'Service', name: 'web-lb', namespace: 'default', uid: uid('', 'services', 'default', 'web-lb') }, { reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', source: { component: 'service-controller' }, firstTimestamp: t(12), lastTimestamp: t(12), count: 1 });
  event({ kind: 'Deployment', name: 'web', namespace: 'default', uid: dep.metadata!.uid! }, { reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-5d8f9c from 0 to 1', source: { component: 'deployment-controller' }, firstTimestamp: t(12), lastTimestamp: t(12), count: 1 });
  event({ kind: 'Job', name: 'migrate', namespace: 'default', uid: uid('batch', 'jobs', 'default', 'migrate') }, { reason: 'Completed', message: 'Job completed', source: { component: 'job-controller' }, firstTimestamp: t(21), lastTimestamp: t(21), count: 1 });
  event({ kind: 'ConfigMap', name: 'app-config', namespace: 'default', uid: uid('', 'configmaps', 'default', 'app-config') }, { type: 'Warning', reason: 'Odd', message: 'configmap event', source: { component: 'tester' }, firstTimestamp: t(6), lastTimestamp: t(6), count: 1 });
  advance(30);
  return { api, now: clock.now() };
}
