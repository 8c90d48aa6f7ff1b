/** Garbage collector: background, foreground and orphan propagation; dangling references. */
import { describe, expect, it } from 'vitest';
import { R, deployment, list, newCluster, nginxPod, svc, type Any } from '../helpers.js';

describe('garbage collector', () => {
  it('background: deleting a Deployment removes its ReplicaSet and pods', () => {
    const c = newCluster();
    c.api.create(R.deployments, 'default', deployment('web', 2));
    c.advance(30_000);
    c.api.delete(R.deployments, 'default', 'web', { propagationPolicy: 'Background' });
    c.settle();
    expect(list(c, R.replicasets)).toEqual([]);
    expect(list(c, R.pods).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.advance(5000);
    expect(list(c, R.pods)).toEqual([]);
  });

  it('foreground: the owner waits for its dependents', () => {
    const c = newCluster();
    c.api.create(R.deployments, 'default', deployment('web', 1));
    c.advance(30_000);
    c.api.delete(R.deployments, 'default', 'web', { propagationPolicy: 'Foreground' });
    c.settle();
    const d = c.api.get(R.deployments, 'default', 'web') as Any;
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    c.advance(10_000);
    expect(() => c.api.get(R.deployments, 'default', 'web')).toThrow(/not found/);
    expect(list(c, R.replicasets)).toEqual([]);
    expect(list(c, R.pods)).toEqual([]);
  });

  it('orphan: dependents stay, without the owner reference', () => {
    const c = newCluster();
    c.api.create(R.deployments, 'default', deployment('web', 1));
    c.advance(30_000);
    c.api.delete(R.deployments, 'default', 'web', { propagationPolicy: 'Orphan' });
    c.advance(1000);
    expect(() => c.api.get(R.deployments, 'default', 'web')).toThrow(/not found/);
    const [rs] = list(c, R.replicasets);
    expect(rs.metadata.ownerReferences).toBeUndefined();
    expect(list(c, R.pods)).toHaveLength(1);
  });

  it('deletes a Service\'s slices, and objects whose owner never existed', () => {
    const c = newCluster();
    c.api.create(R.services, 'default', svc('s', { app: 'nginx' }));
    c.api.create(R.pods, 'default', nginxPod('p'));
    c.advance(30_000);
    expect(list(c, R.slices).some((x) => x.metadata.labels['kubernetes.io/service-name'] === 's')).toBe(true);
    c.api.delete(R.services, 'default', 's');
    c.settle();
    expect(list(c, R.slices).some((x) => x.metadata.labels['kubernetes.io/service-name'] === 's')).toBe(false);
    c.api.create(R.pods, 'default', { ...nginxPod('stray'), metadata: { name: 'stray', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: '00000000-0000-4000-8000-000000000000' }] } });
    c.advance(5000);
    expect(() => c.api.get(R.pods, 'default', 'stray')).toThrow(/not found/);
  });
});
