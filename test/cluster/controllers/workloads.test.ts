/** StatefulSet and Job (basic), and event de-duplication. */
import { describe, expect, it } from 'vitest';
import { R, events, list, newCluster, type Any } from '../helpers.js';

describe('statefulset controller', () => {
  it('creates web-0, then web-1 once web-0 is Ready, with stable hostnames', () => {
    const c = newCluster();
    c.api.create(R.statefulsets, 'default', {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' },
      spec: { serviceName: 'web', replicas: 2, selector: { matchLabels: { app: 'sts' } }, template: { metadata: { labels: { app: 'sts' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    c.settle();
    expect(list(c, R.pods).map((p) => p.metadata.name)).toEqual(['web-0']);
    c.advance(60_000);
    const pods = list(c, R.pods);
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1']);
    expect(pods[1].spec).toMatchObject({ hostname: 'web-1', subdomain: 'web' });
    expect(pods[1].metadata.labels['statefulset.kubernetes.io/pod-name']).toBe('web-1');
    expect(events(c, 'web').map((e) => e.message)).toEqual(['create Pod web-0 in StatefulSet web successful', 'create Pod web-1 in StatefulSet web successful']);
    expect((c.api.get(R.statefulsets, 'default', 'web') as Any).status.readyReplicas).toBe(2);
  });
});

describe('job controller', () => {
  it('runs a pod to completion and marks the Job Complete', () => {
    const c = newCluster();
    c.api.create(R.jobs, 'default', {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo 3.14'] }] } } },
    });
    c.advance(20_000);
    const j = c.api.get(R.jobs, 'default', 'pi') as Any;
    expect(j.status.succeeded).toBe(1);
    expect(j.status.conditions.map((x: Any) => x.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    const [p] = list(c, R.pods);
    expect(p.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(c.api.logs!('default', p.metadata.name, {})).toBe('3.14\n');
    expect(events(c, 'pi').map((e) => e.reason)).toEqual(['SuccessfulCreate', 'Completed']);
  });
});

describe('event recorder', () => {
  it('counts repeats on one Event named <object>.<hex> with first/last timestamps', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'c', image: 'nginxx' }] } });
    c.advance(120_000);
    const pulling = events(c, 'bad').filter((e) => e.reason === 'Pulling');
    expect(pulling).toHaveLength(1);
    expect(pulling[0].metadata.name).toMatch(/^bad\.[0-9a-f]{16}$/);
    expect(pulling[0].count).toBeGreaterThanOrEqual(3);
    expect(Date.parse(pulling[0].lastTimestamp) - Date.parse(pulling[0].firstTimestamp)).toBeGreaterThan(60_000);
  });
});

describe('events over time', () => {
  it('expire an hour after their last update', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    c.advance(30_000);
    expect(events(c, 'p').length).toBe(5);
    c.advance(3_550_000);
    expect(events(c, 'p').length).toBe(5);
    c.advance(60_000);
    expect(events(c, 'p')).toEqual([]);
  });

  it('combine similar events after ten distinct messages', () => {
    const c = newCluster();
    c.api.create(R.pods, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] } });
    c.advance(30 * 60_000);
    const pulled = events(c, 'crash').filter((e) => e.reason === 'Pulled');
    expect(pulled.length).toBeLessThanOrEqual(10);
    expect(pulled.some((e) => e.message.startsWith('(combined from similar events): Successfully pulled image "busybox"'))).toBe(true);
  });
});
