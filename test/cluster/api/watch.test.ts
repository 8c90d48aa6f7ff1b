import { describe, expect, it } from 'vitest';
import { CONFIGMAPS, newServer } from './helpers.js';
import type { WatchEvent } from '../../../src/cluster/api/types.js';

const summary = (events: WatchEvent[]) => events.map((e) => `${e.type} ${e.object.metadata?.namespace}/${e.object.metadata?.name}`);

describe('watch', () => {
  it('streams ADDED, MODIFIED, DELETED for a namespace', () => {
    const { api } = newServer();
    const events: WatchEvent[] = [];
    const stop = api.watch(CONFIGMAPS, 'default', {}, (e) => events.push(e));
    const c = api.create(CONFIGMAPS, 'default', { metadata: { name: 'a' } });
    api.create(CONFIGMAPS, 'kube-system', { metadata: { name: 'other' } });
    api.update(CONFIGMAPS, 'default', { ...c, data: { x: '1' } });
    api.delete(CONFIGMAPS, 'default', 'a');
    stop();
    api.create(CONFIGMAPS, 'default', { metadata: { name: 'late' } });
    expect(summary(events)).toEqual(['ADDED default/a', 'MODIFIED default/a', 'DELETED default/a']);
    const rvs = events.map((e) => Number(e.object.metadata?.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
  });

  it('sends initial objects and follows label selector membership', () => {
    const { api } = newServer();
    api.create(CONFIGMAPS, 'default', { metadata: { name: 'a', labels: { app: 'x' } } });
    const events: WatchEvent[] = [];
    api.watch(CONFIGMAPS, undefined, { labelSelector: 'app=x', sendInitial: true }, (e) => events.push(e));
    const b = api.create(CONFIGMAPS, 'default', { metadata: { name: 'b', labels: { app: 'y' } } });
    api.update(CONFIGMAPS, 'default', { ...b, metadata: { ...b.metadata, labels: { app: 'x' } } });
    const b2 = api.get(CONFIGMAPS, 'default', 'b');
    api.update(CONFIGMAPS, 'default', { ...b2, metadata: { ...b2.metadata, labels: { app: 'z' } } });
    expect(summary(events)).toEqual(['ADDED default/a', 'ADDED default/b', 'DELETED default/b']);
  });

  it('survives a throwing handler', () => {
    const { api } = newServer();
    api.watch(CONFIGMAPS, 'default', {}, () => { throw new Error('boom'); });
    expect(() => api.create(CONFIGMAPS, 'default', { metadata: { name: 'a' } })).not.toThrow();
  });
});

describe('events.k8s.io/v1 view of core events', () => {
  it('shows the same objects with the new field names', () => {
    const { api } = newServer();
    const CORE = { group: '', resource: 'events' };
    const NEW = { group: 'events.k8s.io', resource: 'events' };
    const seen: WatchEvent[] = [];
    api.watch(NEW, 'default', {}, (e) => seen.push(e));
    api.create(CORE, 'default', {
      metadata: { name: 'p.1' }, involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, reason: 'Scheduled',
      message: 'Successfully assigned default/p to node', source: { component: 'default-scheduler' }, count: 1, type: 'Normal',
      firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:00Z',
    });
    const e = api.get(NEW, 'default', 'p.1');
    expect(e).toMatchObject({
      apiVersion: 'events.k8s.io/v1', kind: 'Event', regarding: { kind: 'Pod', name: 'p' }, note: 'Successfully assigned default/p to node',
      deprecatedSource: { component: 'default-scheduler' }, deprecatedCount: 1, eventTime: null, reason: 'Scheduled', type: 'Normal',
    });
    expect(api.list(NEW, 'default', { fieldSelector: 'regarding.name=p' }).items).toHaveLength(1);
    expect(seen.map((x) => x.object.apiVersion)).toEqual(['events.k8s.io/v1']);
    api.patch(NEW, 'default', 'p.1', 'merge', { note: 'changed' });
    expect(api.get(CORE, 'default', 'p.1').message).toBe('changed');
    api.delete(NEW, 'default', 'p.1');
    expect(api.list(CORE, 'default').items).toHaveLength(0);
  });
});
