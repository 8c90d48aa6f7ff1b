/** default-scheduler: binding, the Scheduled event, FailedScheduling with the real message. */
import { describe, expect, it } from 'vitest';
import { R, events, newCluster, nginxPod, type Any } from '../helpers.js';

describe('scheduler', () => {
  it('binds a pod and sets PodScheduled', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', nginxPod('a'));
    c.settle();
    const p = c.api.get(R.pods, 'default', 'a') as Any;
    expect(p.spec.nodeName).toBe('kind-control-plane');
    expect(p.status.conditions.find((x: Any) => x.type === 'PodScheduled').status).toBe('True');
    expect(events(c, 'a')[0]).toMatchObject({ reason: 'Scheduled', type: 'Normal', message: 'Successfully assigned default/a to kind-control-plane' });
  });

  it('reports a nodeSelector nothing matches', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { ...nginxPod('b'), spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'nginx' }] } });
    c.advance(1000);
    const p = c.api.get(R.pods, 'default', 'b') as Any;
    const msg = "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";
    expect(p.status.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg })]);
    expect(p.status.phase).toBe('Pending');
    const ev = events(c, 'b');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', message: msg, source: { component: 'default-scheduler' } });
  });

  it('reports insufficient cpu and schedules once room appears', () => {
    const c = newCluster('eks-article');
    const big = (n: string) => ({ ...nginxPod(n, { app: n }), spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1500m' } } }] } });
    c.api.create(R.pods, 'default', big('x'));
    c.api.create(R.pods, 'default', big('y'));
    c.api.create(R.pods, 'default', big('z'));
    c.advance(1000);
    const z = c.api.get(R.pods, 'default', 'z') as Any;
    expect(z.spec.nodeName).toBeUndefined();
    expect(z.status.conditions[0].message).toBe('0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.');
    c.api.delete(R.pods, 'default', 'x', { gracePeriodSeconds: 0 });
    c.advance(1000);
    expect((c.api.get(R.pods, 'default', 'z') as Any).spec.nodeName).toMatch(/^ip-10-21-/);
  });

  it('respects untolerated taints', () => {
    const c = newCluster();
    const node = c.api.get(R.nodes, undefined, 'kind-control-plane') as Any;
    c.api.update(R.nodes, undefined, { ...node, spec: { ...node.spec, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } });
    c.api.create(R.pods, 'default', nginxPod('t'));
    c.advance(500);
    const p = c.api.get(R.pods, 'default', 't') as Any;
    expect(p.status.conditions[0].message).toBe('0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
  });
});
