/**
 * The seed article end to end through the API: nginx pod + nginx-svc, then the Deployment
 * (2 more pods), then external-svc with hand-written Endpoints, then the ExternalName
 * rtfm-service; on both the kind and the article's EKS profile.
 */
import { describe, expect, it } from 'vitest';
import { R, deployment, list, newCluster, nginxPod, svc, type Any } from './helpers.js';

function runArticle(profile: string) {
  const c = newCluster(profile);
  c.api.create(R.pods, 'default', nginxPod('nginx-pod'));
  c.api.create(R.services, 'default', svc('nginx-svc', { app: 'nginx' }));
  c.advance(30_000);
  c.api.create(R.deployments, 'default', deployment('nginx-deploy', 2));
  c.advance(30_000);
  c.api.create(R.services, 'default', svc('external-svc', undefined, [{ name: 'web', protocol: 'TCP', port: 80, targetPort: 80 }]));
  c.api.create(R.endpoints, 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-svc' }, subsets: [{ addresses: [{ ip: '139.59.205.180' }], ports: [{ port: 80, name: 'web' }] }] });
  c.api.create(R.services, 'default', svc('rtfm-service', undefined, [{ port: 80 }], { type: 'ExternalName', externalName: 'rtfm.co.ua' }));
  c.advance(10_000);
  return c;
}

describe.each(['kind', 'eks-article'])('seed article on %s', (profile) => {
  const c = runArticle(profile);
  const pods = list(c, R.pods).filter((p) => p.metadata.labels?.app === 'nginx');
  const ips = pods.map((p) => p.status.podIP).sort();

  it('runs three nginx pods with distinct IPs', () => {
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.status.phase === 'Running')).toBe(true);
    expect(new Set(ips).size).toBe(3);
    if (profile === 'eks-article') for (const ip of ips) expect(ip).toMatch(/^10\.21\./);
    else expect(ips).toEqual(['10.244.0.5', '10.244.0.6', '10.244.0.7']);
  });

  it('nginx-svc Endpoints hold exactly the three pod IPs on port 80', () => {
    const ep = c.api.get(R.endpoints, 'default', 'nginx-svc') as Any;
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].addresses.map((a: Any) => a.ip)).toEqual([...ips].sort());
    expect(ep.subsets[0].notReadyAddresses).toBeUndefined();
    expect(ep.subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    expect(ep.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('nginx-svc has one slice with the three pods, ready, on port 80', () => {
    const slices = list(c, R.slices).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'nginx-svc');
    expect(slices).toHaveLength(1);
    const s = slices[0];
    expect(s.metadata.name).toMatch(/^nginx-svc-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.metadata.labels['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io');
    expect(s.metadata.ownerReferences[0]).toMatchObject({ kind: 'Service', name: 'nginx-svc', controller: true, blockOwnerDeletion: true });
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(s.endpoints.map((e: Any) => e.addresses[0]).sort()).toEqual(ips);
    for (const e of s.endpoints) expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
    if (profile === 'eks-article') for (const e of s.endpoints) expect(e.zone).toMatch(/^us-east-2[ab]$/);
  });

  it('external-svc keeps its hand-written address, mirrored into a slice', () => {
    const ep = c.api.get(R.endpoints, 'default', 'external-svc') as Any;
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '139.59.205.180' }], ports: [{ name: 'web', port: 80, protocol: 'TCP' }] }]);
    const slices = list(c, R.slices).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'external-svc');
    expect(slices).toHaveLength(1);
    expect(slices[0].metadata.labels['endpointslice.kubernetes.io/managed-by']).toBe('endpointslicemirroring-controller.k8s.io');
    expect(slices[0].metadata.ownerReferences[0]).toMatchObject({ kind: 'Endpoints', name: 'external-svc' });
    expect(slices[0].endpoints).toEqual([{ addresses: ['139.59.205.180'], conditions: { ready: true } }]);
    expect(slices[0].ports).toEqual([{ name: 'web', port: 80, protocol: 'TCP' }]);
  });

  it('rtfm-service (ExternalName) has neither Endpoints nor slices', () => {
    expect(() => c.api.get(R.endpoints, 'default', 'rtfm-service')).toThrow(/not found/);
    expect(list(c, R.slices).filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'rtfm-service')).toEqual([]);
  });

  it('the Deployment reports 2/2 available with the 1.33 conditions and events', () => {
    const d = c.api.get(R.deployments, 'default', 'nginx-deploy') as Any;
    expect(d.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 });
    const types = d.status.conditions.map((x: Any) => `${x.type}/${x.reason}`);
    expect(types).toEqual(['Available/MinimumReplicasAvailable', 'Progressing/NewReplicaSetAvailable']);
    const rs = list(c, R.replicasets)[0];
    expect(rs.metadata.name).toMatch(/^nginx-deploy-[4-9bcdf]{9,10}$/);
    const ev = list(c, R.events).filter((e) => e.involvedObject.kind === 'Deployment');
    expect(ev.map((e) => e.message)).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 2`]);
  });

  it('is deterministic for a seed', () => {
    const again = runArticle(profile);
    expect(list(again, R.pods).map((p) => [p.metadata.name, p.status.podIP])).toEqual(list(c, R.pods).map((p) => [p.metadata.name, p.status.podIP]));
    expect(list(again, R.events).map((e) => e.message)).toEqual(list(c, R.events).map((e) => e.message));
  });
});
