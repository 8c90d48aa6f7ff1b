/**
 * Copies: in-process controllers read the stored objects themselves (deeply frozen, shared by
 * every watcher, unchanged parts shared between versions); every other client gets its own copy.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject, WatchEvent } from '../../../src/cluster/api/types.js';
import { CONFIGMAPS, PODS, newServer, nginxPod } from './helpers.js';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('controller client', () => {
  it('streams one frozen object to every watcher, and nobody can change it', () => {
    const { api } = newServer();
    const internal = api.controllerClient();
    const seen: WatchEvent[][] = [[], []];
    for (const s of seen) internal.watch(CONFIGMAPS, undefined, {}, (e) => s.push(e));
    api.create(CONFIGMAPS, 'default', { metadata: { name: 'cm' }, data: { k: 'v' } });
    const [a, b] = [seen[0]![0]!.object, seen[1]![0]!.object];
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => { (a as Any).data.k = 'changed'; }).toThrow(TypeError);
    expect(() => { a.metadata!.labels = { x: 'y' }; }).toThrow(TypeError);
    expect((api.get(CONFIGMAPS, 'default', 'cm') as Any).data).toEqual({ k: 'v' });
    expect(internal.get(CONFIGMAPS, 'default', 'cm')).toBe(a);
  });

  it('a status update keeps the unchanged spec shared with the version before', () => {
    const { api } = newServer();
    const internal = api.controllerClient();
    const p = nginxPod();
    (p.spec as Any).nodeName = 'kind-control-plane';
    api.create(PODS, 'default', p);
    const before = internal.get(PODS, 'default', 'nginx-pod');
    internal.update(PODS, 'default', { ...before, status: { phase: 'Running' } }, { subresource: 'status' });
    const after = internal.get(PODS, 'default', 'nginx-pod') as Any;
    expect(after.status.phase).toBe('Running');
    expect(after.spec).toBe(before.spec);
    expect(after.metadata.resourceVersion).not.toBe(before.metadata!.resourceVersion);
    expect(Object.isFrozen(after.status)).toBe(true);
  });
});

describe('copying client (kubectl, the network layer)', () => {
  it('gets copies from get, list, watch and writes: changing them changes nothing stored', () => {
    const { api } = newServer();
    const events: KubeObject[] = [];
    api.watch(CONFIGMAPS, 'default', {}, (e) => events.push(e.object));
    const created = api.create(CONFIGMAPS, 'default', { metadata: { name: 'cm' }, data: { k: 'v' } }) as Any;
    const got = api.get(CONFIGMAPS, 'default', 'cm') as Any;
    const listed = api.list(CONFIGMAPS, 'default').items[0] as Any;
    for (const o of [created, got, listed, events[0] as Any]) {
      expect(Object.isFrozen(o)).toBe(false);
      o.data.k = 'mine';
    }
    expect((api.controllerClient().get(CONFIGMAPS, 'default', 'cm') as Any).data).toEqual({ k: 'v' });
    const updated = api.update(CONFIGMAPS, 'default', { ...got, data: { k: 'w' } }) as Any;
    updated.data.k = 'again';
    expect((api.get(CONFIGMAPS, 'default', 'cm') as Any).data).toEqual({ k: 'w' });
  });

  it('a DELETED event carries the final state without touching the object watchers saw before', () => {
    const { api } = newServer();
    const internal = api.controllerClient();
    const seen: WatchEvent[] = [];
    internal.watch(CONFIGMAPS, undefined, {}, (e) => seen.push(e));
    api.create(CONFIGMAPS, 'default', { metadata: { name: 'cm' } });
    api.delete(CONFIGMAPS, 'default', 'cm');
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
    expect(Number(seen[1]!.object.metadata!.resourceVersion)).toBeGreaterThan(Number(seen[0]!.object.metadata!.resourceVersion));
  });
});
