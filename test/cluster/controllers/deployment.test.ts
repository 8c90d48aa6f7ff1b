/** Deployment controller: hash-named ReplicaSets, rolling updates, rollback, pause, conditions, events. */
import { describe, expect, it } from 'vitest';
import { computeHash } from '../../../src/cluster/controllers/pod-template-hash.js';
import { R, deployment, events, list, newCluster, type Any } from '../helpers.js';

const setImage = (c: ReturnType<typeof newCluster>, image: string) => {
  const d = c.api.get(R.deployments, 'default', 'web') as Any;
  d.spec.template.spec.containers[0].image = image;
  c.api.update(R.deployments, 'default', d);
};

describe('pod-template-hash', () => {
  it('uses only the SafeEncodeString digit letters and is stable', () => {
    const t = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
    expect(computeHash(t)).toMatch(/^[4-9bcdf]{9,10}$/);
    expect(computeHash(structuredClone(t))).toBe(computeHash(t));
    expect(computeHash(t, 1)).not.toBe(computeHash(t));
  });
});

describe('deployment controller', () => {
  it('creates <deploy>-<hash> with the revision annotations and reports progress conditions', () => {
    const c = newCluster();
    const seen: string[] = [];
    c.api.watch(R.deployments, 'default', {}, (e) => {
      const s = ((e.object as Any).status?.conditions ?? []).map((x: Any) => `${x.type}/${x.status}/${x.reason}`).join(',');
      if (s && seen[seen.length - 1] !== s) seen.push(s);
    });
    c.api.create(R.deployments, 'default', deployment('web', 3));
    c.settle();
    let d = c.api.get(R.deployments, 'default', 'web') as Any;
    expect(seen[0]).toBe('Progressing/True/NewReplicaSetCreated,Available/False/MinimumReplicasUnavailable');
    const [rs] = list(c, R.replicasets);
    expect(rs.metadata.name).toMatch(/^web-[4-9bcdf]{9,10}$/);
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' });
    expect(rs.spec.selector.matchLabels['pod-template-hash']).toBe(rs.metadata.name.slice(4));
    c.advance(3000);
    d = c.api.get(R.deployments, 'default', 'web') as Any;
    expect(d.status.conditions.find((x: Any) => x.type === 'Progressing')).toMatchObject({ reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rs.metadata.name}" is progressing.` });
    c.advance(30_000);
    d = c.api.get(R.deployments, 'default', 'web') as Any;
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(d.status.conditions.map((x: Any) => `${x.type}/${x.reason}/${x.message}`)).toEqual([
      'Available/MinimumReplicasAvailable/Deployment has minimum availability.',
      `Progressing/NewReplicaSetAvailable/ReplicaSet "${rs.metadata.name}" has successfully progressed.`,
    ]);
    expect(events(c, 'web').map((e) => `${e.reason} ${e.message}`)).toEqual([`ScalingReplicaSet Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
    expect(seen).toEqual([
      'Progressing/True/NewReplicaSetCreated,Available/False/MinimumReplicasUnavailable',
      'Available/False/MinimumReplicasUnavailable,Progressing/True/ReplicaSetUpdated',
      'Available/True/MinimumReplicasAvailable,Progressing/True/NewReplicaSetAvailable',
    ]);
    expect(events(c, 'web')[0].source).toEqual({ component: 'deployment-controller' });
  });

  it('rolls out a new template within maxSurge / maxUnavailable and keeps the old ReplicaSet at 0', () => {
    const c = newCluster();
    c.api.create(R.deployments, 'default', deployment('web', 4));
    c.advance(30_000);
    setImage(c, 'nginx:1.27');
    let maxPods = 0, minReady = 99;
    for (let i = 0; i < 120; i++) {
      c.advance(500);
      const pods = list(c, R.pods).filter((p) => !p.metadata.deletionTimestamp);
      maxPods = Math.max(maxPods, pods.length);
      minReady = Math.min(minReady, pods.filter((p) => p.status.conditions?.some((x: Any) => x.type === 'Ready' && x.status === 'True')).length);
    }
    expect(maxPods).toBeLessThanOrEqual(5); // replicas + maxSurge (25% of 4 → 1)
    expect(minReady).toBeGreaterThanOrEqual(3); // replicas - maxUnavailable
    const rss = list(c, R.replicasets).sort((a, b) => Number(a.metadata.annotations['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations['deployment.kubernetes.io/revision']));
    expect(rss.map((r) => [r.metadata.annotations['deployment.kubernetes.io/revision'], r.spec.replicas])).toEqual([['1', 0], ['2', 4]]);
    const pods = list(c, R.pods);
    expect(pods.every((p) => p.spec.containers[0].image === 'nginx:1.27')).toBe(true);
    const msgs = events(c, 'web').map((e) => e.message);
    expect(msgs[0]).toMatch(/^Scaled up replica set web-\w+ from 0 to 4$/);
    expect(msgs).toContain(`Scaled down replica set ${rss[0].metadata.name} from 1 to 0`);
    expect((c.api.get(R.deployments, 'default', 'web') as Any).metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('rolling back to the old template reuses its ReplicaSet as revision 3', () => {
    const c = newCluster();
    c.api.create(R.deployments, 'default', deployment('web', 2));
    c.advance(30_000);
    const first = list(c, R.replicasets)[0].metadata.name;
    setImage(c, 'nginx:1.27');
    c.advance(60_000);
    setImage(c, 'nginx');
    c.advance(60_000);
    const rs = c.api.get(R.replicasets, 'default', first) as Any;
    expect(rs.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(rs.spec.replicas).toBe(2);
    expect(list(c, R.replicasets)).toHaveLength(2);
  });

  it('scales the current ReplicaSet and pauses rollouts', () => {
    const c = newCluster();
    c.api.create(R.deployments, 'default', deployment('web', 1));
    c.advance(30_000);
    c.api.patch(R.deployments, 'default', 'web', 'merge', { spec: { replicas: 3 } });
    c.advance(30_000);
    expect(list(c, R.pods)).toHaveLength(3);
    expect(events(c, 'web').map((e) => e.message).pop()).toMatch(/^Scaled up replica set web-\w+ from 1 to 3$/);
    c.api.patch(R.deployments, 'default', 'web', 'merge', { spec: { paused: true } });
    setImage(c, 'httpd');
    c.advance(30_000);
    expect(list(c, R.replicasets)).toHaveLength(1);
    const d = c.api.get(R.deployments, 'default', 'web') as Any;
    expect(d.status.conditions.find((x: Any) => x.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    c.api.patch(R.deployments, 'default', 'web', 'merge', { spec: { paused: false } });
    c.advance(90_000);
    expect(list(c, R.replicasets)).toHaveLength(2);
    expect(list(c, R.pods).every((p) => p.spec.containers[0].image === 'httpd')).toBe(true);
  });

  it('reports ProgressDeadlineExceeded for an image that never pulls', () => {
    const c = newCluster();
    c.api.create(R.deployments, 'default', deployment('bad', 1, { app: 'bad' }, 'nginxx', { progressDeadlineSeconds: 60 }));
    c.advance(120_000);
    const d = c.api.get(R.deployments, 'default', 'bad') as Any;
    expect(d.status.conditions.find((x: Any) => x.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
  });
});
