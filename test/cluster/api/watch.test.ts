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
