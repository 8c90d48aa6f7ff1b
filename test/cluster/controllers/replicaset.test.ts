/** ReplicaSet controller: replicas, naming, ownership, adoption/release, status, events. */
import { describe, expect, it } from 'vitest';
import { R, events, list, newCluster, nginxPod, type Any } from '../helpers.js';

const rs = (replicas: number) => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
});

describe('replicaset controller', () => {
  it('creates replicas named <rs>-xxxxx owned by the ReplicaSet and reports status', () => {
    const c = newCluster();
    c.api.create(R.replicasets, 'default', rs(3));
    c.advance(30_000);
    const pods = list(c, R.pods);
    expect(pods).toHaveLength(3);
    const owner = c.api.get(R.replicasets, 'default', 'web') as Any;
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(owner.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(events(c, 'web').map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
  });

  it('replaces a deleted pod and scales down by deleting', () => {
    const c = newCluster();
    c.api.create(R.replicasets, 'default', rs(2));
    c.advance(30_000);
    const [first] = list(c, R.pods);
    c.api.delete(R.pods, 'default', first.metadata.name);
    c.settle();
    const now = list(c, R.pods);
    expect(now).toHaveLength(3); // the old one is Terminating meanwhile
    c.advance(30_000);
    expect(list(c, R.pods)).toHaveLength(2);
    const cur = c.api.get(R.replicasets, 'default', 'web') as Any;
    c.api.update(R.replicasets, 'default', { ...cur, spec: { ...cur.spec, replicas: 1 } });
    c.advance(5000);
    expect(list(c, R.pods)).toHaveLength(1);
    expect(events(c, 'web').filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(1);
  });

  it('releases a relabelled pod and adopts a matching orphan', () => {
    const c = newCluster();
    c.api.create(R.replicasets, 'default', rs(1));
    c.advance(30_000);
    const [p] = list(c, R.pods);
    c.api.patch(R.pods, 'default', p.metadata.name, 'merge', { metadata: { labels: { app: 'other' } } });
    c.advance(30_000);
    const released = c.api.get(R.pods, 'default', p.metadata.name) as Any;
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(list(c, R.pods)).toHaveLength(2);
    c.api.create(R.pods, 'default', nginxPod('orphan', { app: 'web' }));
    c.advance(5000);
    const owned = list(c, R.pods).filter((x) => x.metadata.ownerReferences?.[0]?.name === 'web' && !x.metadata.deletionTimestamp);
    expect(owned).toHaveLength(1);
  });
});
