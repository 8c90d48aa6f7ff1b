/** Endpoints controller: ready vs notReady, named ports, RepackSubsets, ownership rules. */
import { describe, expect, it } from 'vitest';
import { repackSubsets } from '../../../src/cluster/controllers/endpoints-util.js';
import { R, list, newCluster, nginxPod, svc, type Any } from '../helpers.js';

const ep = (c: ReturnType<typeof newCluster>, name: string): Any => c.api.get(R.endpoints, 'default', name);

describe('RepackSubsets', () => {
  it('sorts addresses as text and lets not-ready win', () => {
    const a = (ip: string) => ({ ip, targetRef: { kind: 'Pod', uid: ip } });
    const out = repackSubsets([
      { addresses: [a('10.244.0.9'), a('10.244.0.10')], ports: [{ port: 80, protocol: 'TCP' }] },
      { notReadyAddresses: [a('10.244.0.9')], ports: [{ port: 80, protocol: 'TCP' }] },
    ]);
    expect(out).toEqual([{ addresses: [a('10.244.0.10')], notReadyAddresses: [a('10.244.0.9')], ports: [{ port: 80, protocol: 'TCP' }] }]);
  });
  it('groups addresses serving the same ports', () => {
    const out = repackSubsets([
      { addresses: [{ ip: '1.1.1.1' }], ports: [{ name: 'a', port: 80, protocol: 'TCP' }] },
      { addresses: [{ ip: '1.1.1.1' }], ports: [{ name: 'b', port: 81, protocol: 'TCP' }] },
      { addresses: [{ ip: '2.2.2.2' }], ports: [{ name: 'a', port: 8080, protocol: 'TCP' }] },
    ]);
    expect(out).toHaveLength(2);
    const one = out.find((s) => s.addresses![0]!.ip === '1.1.1.1')!;
    expect(one.ports!.map((p) => p.name).sort()).toEqual(['a', 'b']);
  });
});

describe('endpoints controller', () => {
  it('lists a starting pod in notReadyAddresses, then in addresses once Ready', () => {
    const c = newCluster();
    c.api.create(R.services, 'default', svc('nginx-svc', { app: 'nginx' }));
    c.settle();
    expect(ep(c, 'nginx-svc').subsets).toBeUndefined();
    c.api.create(R.pods, 'default', nginxPod('nginx-pod'));
    c.advance(1500);
    expect(ep(c, 'nginx-svc').subsets[0]).toMatchObject({ notReadyAddresses: [{ ip: '10.244.0.5', nodeName: 'kind-control-plane' }], ports: [{ port: 80, protocol: 'TCP' }] });
    c.advance(30_000);
    const e = ep(c, 'nginx-svc');
    const pod = c.api.get(R.pods, 'default', 'nginx-pod') as Any;
    expect(e.subsets).toEqual([{ addresses: [{ ip: '10.244.0.5', nodeName: 'kind-control-plane', targetRef: { kind: 'Pod', name: 'nginx-pod', namespace: 'default', uid: pod.metadata.uid } }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    const ready = pod.status.conditions.find((x: Any) => x.type === 'Ready').lastTransitionTime;
    expect(e.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toBe(ready);
  });

  it('drops a terminating pod from Endpoints at once, while its slice entry says terminating', () => {
    const c = newCluster();
    c.api.create(R.services, 'default', svc('s', { app: 'nginx' }));
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'slow', labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c', image: 'nginx', command: ['sh', '-c', 'nginx; sleep infinity'] }] } });
    c.api.create(R.pods, 'default', nginxPod('fast'));
    c.advance(30_000);
    c.api.delete(R.pods, 'default', 'slow');
    c.settle();
    expect(ep(c, 's').subsets[0].addresses.map((a: Any) => a.targetRef.name)).toEqual(['fast']);
    const slice = list(c, R.slices).find((x) => x.metadata.labels['kubernetes.io/service-name'] === 's');
    const slow = slice.endpoints.find((e: Any) => e.targetRef.name === 'slow');
    expect(slow.conditions).toEqual({ ready: false, serving: false, terminating: true });
  });

  it('resolves a named targetPort per pod and leaves out pods without it', () => {
    const c = newCluster();
    c.api.create(R.services, 'default', svc('named', { tier: 'web' }, [{ port: 80, targetPort: 'web', protocol: 'TCP' }]));
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { tier: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'web', containerPort: 80 }] }] } });
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', labels: { tier: 'web' } }, spec: { containers: [{ name: 'c', image: 'httpd', ports: [{ name: 'web', containerPort: 8080 }] }] } });
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', labels: { tier: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    c.advance(30_000);
    const subsets = ep(c, 'named').subsets;
    expect(subsets).toHaveLength(2);
    const byPort = Object.fromEntries(subsets.map((s: Any) => [s.ports[0].port, s.addresses.map((a: Any) => a.targetRef.name)]));
    expect(byPort).toEqual({ 80: ['a'], 8080: ['b'] });
    const slices = list(c, R.slices).filter((x) => x.metadata.labels['kubernetes.io/service-name'] === 'named');
    expect(slices.map((s) => s.ports[0].port).sort()).toEqual([80, 8080]);
  });

  it('copies Service labels, marks headless, and overwrites a hand-edit of a selector Service', () => {
    const c = newCluster();
    c.api.create(R.services, 'default', { ...svc('h', { app: 'nginx' }, [{ port: 80 }], { clusterIP: 'None' }), metadata: { name: 'h', labels: { team: 'a' } } });
    c.api.create(R.pods, 'default', nginxPod('p'));
    c.advance(30_000);
    const e = ep(c, 'h');
    expect(e.metadata.labels).toEqual({ team: 'a', 'service.kubernetes.io/headless': '' });
    c.api.update(R.endpoints, 'default', { ...e, subsets: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 80 }] }] });
    c.settle();
    expect(ep(c, 'h').subsets[0].addresses[0].ip).toBe('10.244.0.5');
    c.api.delete(R.endpoints, 'default', 'h');
    c.settle();
    expect(ep(c, 'h').subsets[0].addresses[0].ip).toBe('10.244.0.5');
  });

  it('leaves hand-written Endpoints alone, deletes them with their Service, and makes none for ExternalName', () => {
    const c = newCluster();
    c.api.create(R.services, 'default', svc('ext', undefined, [{ name: 'web', port: 80 }]));
    c.api.create(R.endpoints, 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext' }, subsets: [{ addresses: [{ ip: '139.59.205.180' }], ports: [{ name: 'web', port: 80 }] }] });
    c.api.create(R.endpoints, 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'lonely' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] });
    c.api.create(R.services, 'default', svc('cname', undefined, [{ port: 80 }], { type: 'ExternalName', externalName: 'example.com' }));
    c.advance(5000);
    expect(ep(c, 'ext').subsets[0].addresses[0].ip).toBe('139.59.205.180');
    expect(ep(c, 'lonely').subsets[0].addresses[0].ip).toBe('10.0.0.1');
    expect(() => ep(c, 'cname')).toThrow(/not found/);
    c.api.delete(R.services, 'default', 'ext');
    c.advance(1000);
    expect(() => ep(c, 'ext')).toThrow(/not found/);
    expect(list(c, R.slices).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'ext')).toEqual([]);
  });
});

describe('endpointslice controller', () => {
  it('keeps a placeholder slice with no endpoints and no ports for a Service matching nothing', () => {
    const c = newCluster();
    c.api.create(R.services, 'default', svc('empty', { app: 'none' }));
    c.settle();
    const slices = list(c, R.slices).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'empty');
    expect(slices).toHaveLength(1);
    // As a real server reads it back (`kubectl get endpointslice -o yaml` shows `endpoints: null`).
    expect(slices[0]).toHaveProperty('endpoints', null);
    expect(slices[0]).toHaveProperty('ports', null);
    expect(c.api.get(R.slices, 'default', slices[0].metadata.name)).toMatchObject({ endpoints: null, ports: null });
    c.api.create(R.pods, 'default', nginxPod('p', { app: 'none' }));
    c.advance(30_000);
    const after = list(c, R.slices).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'empty');
    expect(after.map((s) => s.metadata.name)).toEqual([slices[0].metadata.name]);
    expect(after[0].endpoints).toHaveLength(1);
  });

  it('splits more than 100 endpoints across slices', () => {
    const c = newCluster('eks-article');
    const nodes = list(c, R.nodes, '*');
    for (const n of nodes) c.api.patch(R.nodes, undefined, n.metadata.name, 'merge', { status: { allocatable: { pods: '200' } } }, { subresource: 'status' });
    c.api.create(R.services, 'default', svc('many', { app: 'many' }));
    for (let i = 0; i < 130; i++) c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: `m${i}`, labels: { app: 'many' } }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] } });
    c.advance(60_000);
    const slices = list(c, R.slices).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'many');
    expect(slices.map((s) => s.endpoints.length).sort((a, b) => a - b)).toEqual([30, 100]);
  });
});

describe('endpointslice mirroring', () => {
  it('mirrors after the Service appears and stops when the Service gains a selector or skip-mirror is set', () => {
    const c = newCluster();
    c.api.create(R.endpoints, 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext', labels: { owner: 'me' } }, subsets: [{ addresses: [{ ip: '139.59.205.180' }], notReadyAddresses: [{ ip: '139.59.205.181' }], ports: [{ name: 'web', port: 80 }] }] });
    c.settle();
    const mirrored = () => list(c, R.slices).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'ext');
    expect(mirrored()).toEqual([]);
    c.api.create(R.services, 'default', svc('ext', undefined, [{ name: 'web', port: 80 }]));
    c.settle();
    const [s] = mirrored();
    expect(s.metadata.labels).toEqual({ owner: 'me', 'kubernetes.io/service-name': 'ext', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(s.endpoints).toEqual([{ addresses: ['139.59.205.180'], conditions: { ready: true } }, { addresses: ['139.59.205.181'], conditions: { ready: false } }]);
    c.api.patch(R.endpoints, 'default', 'ext', 'merge', { metadata: { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } } });
    c.settle();
    expect(mirrored()).toEqual([]);
  });
});
