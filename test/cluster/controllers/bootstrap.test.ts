/** A fresh cluster as kind / EKS leave it, idle without writes, and snapshot/restore. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import { R, START, list, newCluster, nginxPod, type Any } from '../helpers.js';

/** API writes while fn runs, apart from the kubelets' heartbeats (Leases every 10 s, Nodes every 5 min). */
function writesDuring(c: Cluster, fn: () => void): string[] {
  const seen: string[] = [];
  const offs = c.api.discovery().filter((r) => r.verbs.includes('watch') && r.plural !== 'leases' && r.plural !== 'nodes').map((r) => c.api.watch({ group: r.group, resource: r.plural }, undefined, {}, (e) => seen.push(`${e.type} ${r.plural} ${e.object.metadata?.name}`)));
  fn();
  for (const off of offs) off();
  return seen;
}

describe('fresh kind cluster', () => {
  const c = newCluster('kind');

  it('has the system namespaces, labelled and Active', () => {
    const ns = list(c, R.namespaces, undefined);
    expect(ns.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']);
    for (const n of ns) expect(n.status.phase).toBe('Active');
  });

  it('has a Ready control-plane node with capacity, addresses and nodeInfo', () => {
    const n = c.api.get(R.nodes, undefined, 'kind-control-plane') as Any;
    expect(n.metadata.labels['kubernetes.io/hostname']).toBe('kind-control-plane');
    expect(n.metadata.labels['node-role.kubernetes.io/control-plane']).toBe('');
    expect(n.status.conditions.map((x: Any) => `${x.type}=${x.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
    expect(n.status.addresses).toEqual([{ address: '172.18.0.2', type: 'InternalIP' }, { address: 'kind-control-plane', type: 'Hostname' }]);
    expect(n.status.nodeInfo.kubeletVersion).toBe('v1.33.1');
    expect(n.status.capacity.pods).toBe('110');
    expect(Date.parse(n.metadata.creationTimestamp)).toBeLessThan(START - 7 * 60_000 + 10_000);
  });

  it('runs the kube-system pods like kind does', () => {
    const pods = list(c, R.pods, '*');
    const names = pods.map((p) => p.metadata.name.replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}$/, '-xxxxx'));
    expect(names).toEqual(['coredns-674b8bbfcf-xxxxx', 'coredns-674b8bbfcf-xxxxx', 'etcd-kind-control-plane', 'kindnet-xxxxx', 'kube-apiserver-kind-control-plane',
      'kube-controller-manager-kind-control-plane', 'kube-proxy-xxxxx', 'kube-scheduler-kind-control-plane', 'local-path-provisioner-7dbf974f64-xxxxx']);
    for (const p of pods) expect(p.status.phase).toBe('Running');
    const dnsIPs = pods.filter((p) => p.metadata.name.startsWith('coredns')).map((p) => p.status.podIP).sort();
    expect(dnsIPs.every((ip: string) => /^10\.244\.0\.[234]$/.test(ip))).toBe(true);
  });

  it('has kubernetes (.1) and kube-dns (.10) with endpoints', () => {
    const k = c.api.get(R.services, 'default', 'kubernetes') as Any;
    expect(k.spec.clusterIP).toBe('10.96.0.1');
    expect((c.api.get(R.endpoints, 'default', 'kubernetes') as Any).subsets[0]).toEqual({ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] });
    expect(list(c, R.slices, 'default').map((s) => s.metadata.name)).toEqual(['kubernetes']);
    const dns = c.api.get(R.services, 'kube-system', 'kube-dns') as Any;
    expect(dns.spec.clusterIP).toBe('10.96.0.10');
    const ep = c.api.get(R.endpoints, 'kube-system', 'kube-dns') as Any;
    expect(ep.subsets[0].addresses).toHaveLength(2);
    expect(ep.subsets[0].ports).toHaveLength(3);
  });

  it('gives every namespace its default ServiceAccount and kube-root-ca.crt', () => {
    c.api.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'test' } });
    c.settle();
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'test']) {
      expect((c.api.get(R.serviceaccounts, ns, 'default') as Any).metadata.name).toBe('default');
      expect((c.api.get(R.configmaps, ns, 'kube-root-ca.crt') as Any).data['ca.crt']).toMatch(/BEGIN CERTIFICATE/);
    }
  });

  it('makes no API writes while idle', () => {
    expect(writesDuring(c, () => c.advance(15 * 60_000))).toEqual([]);
  });
});

describe('fresh eks-article cluster', () => {
  const c = newCluster('eks-article');
  it('has the two article nodes, aws-node and kube-proxy per node, CoreDNS in 10.21.x.x', () => {
    expect(list(c, R.nodes, undefined).map((n) => n.metadata.name)).toEqual(['ip-10-21-33-101.us-east-2.compute.internal', 'ip-10-21-49-33.us-east-2.compute.internal']);
    const pods = list(c, R.pods, 'kube-system');
    const aws = pods.filter((p) => p.metadata.name.startsWith('aws-node-'));
    expect(aws).toHaveLength(2);
    for (const p of aws) {
      expect(p.status.phase).toBe('Running');
      expect(p.status.initContainerStatuses[0]).toMatchObject({ name: 'aws-vpc-cni-init', ready: true, state: { terminated: { reason: 'Completed', exitCode: 0 } } });
      expect(p.status.containerStatuses.map((x: Any) => x.ready)).toEqual([true, true]);
    }
    expect(pods.filter((p) => p.metadata.name.startsWith('kube-proxy-'))).toHaveLength(2);
    const dns = pods.filter((p) => p.metadata.name.startsWith('coredns-6b9575c64c-'));
    expect(dns).toHaveLength(2);
    for (const p of dns) expect(p.status.podIP).toMatch(/^10\.21\./);
    expect((c.api.get(R.services, 'default', 'kubernetes') as Any).spec.clusterIP).toBe('172.20.0.1');
    expect((c.api.get(R.services, 'kube-system', 'kube-dns') as Any).spec.clusterIP).toBe('172.20.0.10');
    const node = c.api.get(R.nodes, undefined, 'ip-10-21-49-33.us-east-2.compute.internal') as Any;
    expect(node.status.nodeInfo.kubeletVersion).toMatch(/^v1\.33\.\d+-eks-[0-9a-f]+$/);
    expect(node.metadata.labels['topology.kubernetes.io/zone']).toBe('us-east-2b');
  });
  it('makes no API writes while idle', () => {
    expect(writesDuring(c, () => c.advance(15 * 60_000))).toEqual([]);
  });
});

describe('snapshot and restore', () => {
  it('restores objects, clock, runtime and pending work, then carries on identically', () => {
    const a = newCluster('kind', 7);
    a.api.create(R.pods, 'default', nginxPod('web'));
    a.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    a.advance(2500);
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    const b = Cluster.restore(snap);
    expect(b.clock.now()).toBe(a.clock.now());
    expect(list(b, R.pods)).toEqual(list(a, R.pods));
    a.advance(60_000);
    b.advance(60_000);
    expect(list(b, R.pods)).toEqual(list(a, R.pods));
    expect(list(b, R.events)).toEqual(list(a, R.events));
    expect(b.api.logs!('default', 'web', {})).toBe(a.api.logs!('default', 'web', {}));
  });

  it('a restored converged cluster makes no writes', () => {
    const a = newCluster('kind', 8);
    a.api.create(R.pods, 'default', nginxPod('web'));
    a.advance(60_000);
    const b = Cluster.restore(JSON.parse(JSON.stringify(a.snapshot())));
    expect(writesDuring(b, () => b.advance(60_000))).toEqual([]);
  });
});

describe('level-triggered controllers', () => {
  it('a full resync of a busy but converged cluster makes no writes', () => {
    const c = newCluster('eks-article', 9);
    c.api.create(R.deployments, 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ name: 'web', containerPort: 80 }] }] } } } });
    c.api.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'web' }] } });
    c.api.create(R.services, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { ports: [{ port: 80 }] } });
    c.api.create(R.endpoints, 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext' }, subsets: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 80 }] }] });
    c.api.create(R.statefulsets, 'default', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'redis', image: 'redis' }] } } } });
    c.api.create(R.jobs, 'default', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['true'] }] } } } });
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crashing' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    c.advance(60_000);
    expect(writesDuring(c, () => c.resyncAll())).toEqual([]);
  });
});

describe('node events of a fresh cluster', () => {
  it('shows what the kubelet and node controller said when the node registered (kind, 7 minutes old)', () => {
    const c = newCluster('kind');
    const ev = (c.api.list(R.events, 'default').items as Any[]).filter((e) => e.involvedObject.kind === 'Node');
    expect(ev.map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Starting: Starting kubelet.',
      'NodeHasSufficientMemory: Node kind-control-plane status is now: NodeHasSufficientMemory',
      'NodeHasNoDiskPressure: Node kind-control-plane status is now: NodeHasNoDiskPressure',
      'NodeHasSufficientPID: Node kind-control-plane status is now: NodeHasSufficientPID',
      'NodeAllocatableEnforced: Updated Node Allocatable limit across pods',
      'RegisteredNode: Node kind-control-plane event: Registered Node kind-control-plane in Controller',
      'NodeReady: Node kind-control-plane status is now: NodeReady',
    ]);
    expect(Date.parse(ev[0].lastTimestamp)).toBeLessThan(START - 6 * 60_000);
  });
  it('has none left on the 3-day-old EKS cluster (events live one hour)', () => {
    const c = newCluster('eks-article');
    expect(c.api.list(R.events, undefined).items).toEqual([]);
  });
});

describe('heartbeats', () => {
  it('renew the node Lease every 10 s and node condition heartbeats every 5 minutes', () => {
    const c = newCluster('kind');
    const lease = () => Date.parse((c.api.get({ group: 'coordination.k8s.io', resource: 'leases' }, 'kube-node-lease', 'kind-control-plane') as Any).spec.renewTime);
    const beat = () => Date.parse((c.api.get(R.nodes, undefined, 'kind-control-plane') as Any).status.conditions[3].lastHeartbeatTime);
    expect(c.clock.now() - lease()).toBeLessThan(10_000);
    expect(c.clock.now() - beat()).toBeLessThan(300_000);
    c.advance(17 * 60_000);
    expect(c.clock.now() - lease()).toBeLessThan(10_000);
    expect(c.clock.now() - beat()).toBeLessThan(300_000);
    expect((c.api.get({ group: 'coordination.k8s.io', resource: 'leases' }, 'kube-node-lease', 'kind-control-plane') as Any).spec.renewTime).toMatch(/\.\d{6}Z$/);
  });

  it('write MicroTimes with a sub-second phase of their own, 10 s apart, with no acquireTime', () => {
    const c = newCluster('kind');
    const spec = () => (c.api.get({ group: 'coordination.k8s.io', resource: 'leases' }, 'kube-node-lease', 'kind-control-plane') as Any).spec;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) { seen.push(spec().renewTime); c.advance(10_000); }
    for (const t of seen) expect(t).toMatch(/^2025-06-01T\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(seen.filter((t) => t.endsWith('.000000Z'))).toEqual([]);
    const ms = seen.map((t) => Date.parse(t));
    expect(ms.slice(1).map((t, i) => t - ms[i]!)).toEqual([10_000, 10_000, 10_000]);
    expect(new Set(seen).size).toBe(4);
    expect(spec().acquireTime).toBeUndefined();
    expect(spec().holderIdentity).toBe('kind-control-plane');
  });
});

describe('snapshot and restore of the apiserver timers', () => {
  it('default/kubernetes deleted just before a snapshot comes back after the restore', () => {
    const a = newCluster('kind', 11);
    a.api.delete(R.services, 'default', 'kubernetes');
    a.advance(3000);
    const b = Cluster.restore(JSON.parse(JSON.stringify(a.snapshot())));
    expect(list(b, R.services).map((s) => s.metadata.name)).toEqual([]);
    b.advance(10_000);
    expect(list(b, R.services).map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });
});
