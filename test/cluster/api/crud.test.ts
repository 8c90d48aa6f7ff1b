import { describe, expect, it } from 'vitest';
import { apiError, CONFIGMAPS, DEPLOYMENTS, ENDPOINTS, newServer, nginxPod, PODS, SERVICES } from './helpers.js';
import { ENDPOINTS_DEPRECATION_WARNING } from '../../../src/cluster/api/server.js';
import type { KubeObject } from '../../../src/cluster/api/types.js';

const cm = (name: string, data: Record<string, string> = { a: '1' }): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });

describe('create', () => {
  it('fills uid, resourceVersion, creationTimestamp and namespace', () => {
    const { api } = newServer();
    const o = api.create(CONFIGMAPS, 'default', cm('c1'));
    expect(o.metadata?.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(o.metadata?.resourceVersion).toMatch(/^\d+$/);
    expect(o.metadata?.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(o.metadata?.namespace).toBe('default');
    expect(o.metadata?.generation).toBeUndefined();
  });

  it('sets generation 1 on kinds that track it', () => {
    const { api } = newServer();
    expect(api.create(PODS, 'default', nginxPod()).metadata?.generation).toBe(1);
  });

  it('generates names from generateName with 5 characters of the kube alphabet', () => {
    const { api } = newServer();
    const o = api.create(CONFIGMAPS, 'default', { metadata: { generateName: 'web-' }, data: {} });
    expect(o.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(o.metadata?.generateName).toBe('web-');
  });

  it('rejects a missing namespace with NotFound', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(PODS, 'nope', nginxPod()));
    expect(e.code).toBe(404);
    expect(e.reason).toBe('NotFound');
    expect(e.message).toBe('namespaces "nope" not found');
  });

  it('rejects duplicates with AlreadyExists', () => {
    const { api } = newServer();
    api.create(PODS, 'default', nginxPod());
    const e = apiError(() => api.create(PODS, 'default', nginxPod()));
    expect(e.code).toBe(409);
    expect(e.message).toBe('pods "nginx-pod" already exists');
    expect(e.status.details).toEqual({ name: 'nginx-pod', kind: 'pods' });
  });

  it('names the group in messages for non-core kinds', () => {
    const { api } = newServer();
    expect(apiError(() => api.get(DEPLOYMENTS, 'default', 'nope')).message).toBe('deployments.apps "nope" not found');
  });

  it('requires a name', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(CONFIGMAPS, 'default', { metadata: {} }));
    expect(e.message).toBe('ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required');
    expect(e.causes).toEqual([{ reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }]);
  });

  it('rejects a body namespace that differs from the request', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(CONFIGMAPS, 'default', { metadata: { name: 'x', namespace: 'kube-system' } }));
    expect(e.reason).toBe('BadRequest');
    expect(e.message).toBe('the namespace of the provided object does not match the namespace sent on the request');
  });

  it('stores nothing on dry run', () => {
    const { api } = newServer();
    const out = api.create(SERVICES, 'default', { metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } }, { dryRun: true });
    expect(out.spec).toMatchObject({ clusterIP: expect.stringMatching(/^10\.96\./) });
    expect(apiError(() => api.get(SERVICES, 'default', 's')).reason).toBe('NotFound');
  });

  it('returns copies the caller cannot use to change stored state', () => {
    const { api } = newServer();
    const o = api.create(CONFIGMAPS, 'default', cm('c'));
    (o.data as Record<string, string>).a = 'changed';
    expect(api.get(CONFIGMAPS, 'default', 'c').data).toEqual({ a: '1' });
  });
});

describe('update', () => {
  it('fails with Conflict on a stale resourceVersion', () => {
    const { api } = newServer();
    const o = api.create(CONFIGMAPS, 'default', cm('c'));
    api.update(CONFIGMAPS, 'default', { ...o, data: { a: '2' } });
    const e = apiError(() => api.update(CONFIGMAPS, 'default', { ...o, data: { a: '3' } }));
    expect(e.code).toBe(409);
    expect(e.reason).toBe('Conflict');
    expect(e.message).toBe('Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('does not write when nothing changes', () => {
    const { api } = newServer();
    const o = api.create(CONFIGMAPS, 'default', cm('c'));
    expect(api.update(CONFIGMAPS, 'default', o).metadata?.resourceVersion).toBe(o.metadata?.resourceVersion);
  });

  it('bumps generation on spec changes only and ignores status on the main resource', () => {
    const { api } = newServer();
    const d = api.create(DEPLOYMENTS, 'default', {
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const u = api.update(DEPLOYMENTS, 'default', { ...d, spec: { ...(d.spec as object), replicas: 3 }, status: { replicas: 9 } });
    expect(u.metadata?.generation).toBe(2);
    expect(u.status).toBeUndefined();
    const s = api.update(DEPLOYMENTS, 'default', { ...u, status: { replicas: 3 }, spec: { replicas: 7 } }, { subresource: 'status' });
    expect(s.status).toEqual({ replicas: 3 });
    expect((s.spec as { replicas: number }).replicas).toBe(3);
    expect(s.metadata?.generation).toBe(2);
  });

  it('answers NotFound for a missing object', () => {
    const { api } = newServer();
    expect(apiError(() => api.update(CONFIGMAPS, 'default', cm('nope'))).message).toBe('configmaps "nope" not found');
  });
});

describe('list', () => {
  it('lists in namespace/name order with the current resourceVersion', () => {
    const { api } = newServer();
    api.create(CONFIGMAPS, 'kube-system', cm('b'));
    api.create(CONFIGMAPS, 'default', cm('z'));
    api.create(CONFIGMAPS, 'default', cm('a'));
    const all = api.list(CONFIGMAPS, undefined);
    expect(all.kind).toBe('ConfigMapList');
    expect(all.items.map((i) => `${i.metadata?.namespace}/${i.metadata?.name}`)).toEqual(['default/a', 'default/z', 'kube-system/b']);
    expect(api.list(CONFIGMAPS, 'default').items).toHaveLength(2);
  });
});

describe('warnings', () => {
  it('warns once on every v1 Endpoints request', () => {
    const { api } = newServer();
    const warnings: string[] = [];
    api.create(ENDPOINTS, 'default', { metadata: { name: 'e' }, subsets: [] }, { warnings });
    api.list(ENDPOINTS, 'default', { warnings });
    expect(warnings).toEqual([ENDPOINTS_DEPRECATION_WARNING]);
    expect(ENDPOINTS_DEPRECATION_WARNING).toBe('v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    const w2: string[] = [];
    api.get(ENDPOINTS, 'default', 'e', { warnings: w2 });
    expect(w2).toHaveLength(1);
  });
});

describe('unknown resources', () => {
  it('answers the generic 404', () => {
    const { api } = newServer();
    const e = apiError(() => api.list({ group: '', resource: 'foos' }, 'default'));
    expect(e.message).toBe('the server could not find the requested resource');
  });
});

describe('dry run on every write', () => {
  it('returns the would-be result of update, patch, scale and delete and stores nothing', () => {
    const { api } = newServer();
    const d = api.create(DEPLOYMENTS, 'default', {
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const rv = d.metadata?.resourceVersion;
    const u = api.update(DEPLOYMENTS, 'default', { ...d, spec: { ...(d.spec as object), replicas: 4 } }, { dryRun: true });
    expect((u.spec as { replicas: number }).replicas).toBe(4);
    const p = api.patch(DEPLOYMENTS, 'default', 'd', 'merge', { metadata: { labels: { x: 'y' } } }, { dryRun: true });
    expect(p.metadata?.labels).toEqual({ x: 'y' });
    const s = api.update(DEPLOYMENTS, 'default', { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'd' }, spec: { replicas: 3 } }, { subresource: 'scale', dryRun: true });
    expect(s.spec).toEqual({ replicas: 3 });
    api.delete(DEPLOYMENTS, 'default', 'd', { dryRun: true, propagationPolicy: 'Foreground' });
    const now = api.get(DEPLOYMENTS, 'default', 'd');
    expect(now.metadata?.resourceVersion).toBe(rv);
    expect((now.spec as { replicas: number }).replicas).toBe(1);
    expect(now.metadata?.labels).toBeUndefined();
    expect(now.metadata?.finalizers).toBeUndefined();
  });
});

describe('uid preconditions', () => {
  it('refuse an update carrying another object\'s uid', () => {
    const { api } = newServer();
    const o = api.create(CONFIGMAPS, 'default', cm('c'));
    const e = apiError(() => api.update(CONFIGMAPS, 'default', { ...o, metadata: { ...o.metadata, uid: '00000000-0000-4000-8000-000000000000' } }));
    expect(e.message).toBe(`Operation cannot be fulfilled on configmaps "c": Precondition failed: UID in precondition: ${o.metadata?.uid}, UID in object meta: 00000000-0000-4000-8000-000000000000`);
  });
});
