import { describe, expect, it } from 'vitest';
import { apiError, CONFIGMAPS, DEPLOYMENTS, NAMESPACES, newServer, nginxPod, PODS } from './helpers.js';

const scheduled = () => {
  const p = nginxPod();
  (p.spec as Record<string, unknown>).nodeName = 'kind-control-plane';
  return p;
};

describe('graceful deletion', () => {
  it('marks a scheduled pod with deletionTimestamp and grace, until a 0-second delete', () => {
    const { api, clock } = newServer();
    api.create(PODS, 'default', scheduled());
    const d = api.delete(PODS, 'default', 'nginx-pod');
    expect(d.metadata?.deletionGracePeriodSeconds).toBe(30);
    expect(d.metadata?.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(api.get(PODS, 'default', 'nginx-pod').metadata?.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    clock.advance(5000);
    // A second delete keeps the earlier deadline unless it is shorter.
    expect(api.delete(PODS, 'default', 'nginx-pod').metadata?.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    api.delete(PODS, 'default', 'nginx-pod', { gracePeriodSeconds: 0 });
    expect(apiError(() => api.get(PODS, 'default', 'nginx-pod')).reason).toBe('NotFound');
  });

  it('deletes unscheduled pods at once', () => {
    const { api } = newServer();
    api.create(PODS, 'default', nginxPod());
    api.delete(PODS, 'default', 'nginx-pod');
    expect(api.list(PODS, 'default').items).toHaveLength(0);
  });

  it('does nothing on dry run', () => {
    const { api } = newServer();
    api.create(PODS, 'default', scheduled());
    const d = api.delete(PODS, 'default', 'nginx-pod', { dryRun: true });
    expect(d.metadata?.deletionTimestamp).toBeDefined();
    expect(api.get(PODS, 'default', 'nginx-pod').metadata?.deletionTimestamp).toBeUndefined();
  });

  it('answers NotFound for missing objects', () => {
    const { api } = newServer();
    expect(apiError(() => api.delete(PODS, 'default', 'nope')).message).toBe('pods "nope" not found');
  });
});

describe('finalizers', () => {
  it('hold an object until the last one is removed', () => {
    const { api } = newServer();
    api.create(CONFIGMAPS, 'default', { metadata: { name: 'c', finalizers: ['example.com/hold'] } });
    const d = api.delete(CONFIGMAPS, 'default', 'c');
    expect(d.metadata?.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(d.metadata?.deletionGracePeriodSeconds).toBe(0);
    const cur = api.get(CONFIGMAPS, 'default', 'c');
    api.update(CONFIGMAPS, 'default', { ...cur, metadata: { ...cur.metadata, finalizers: [] } });
    expect(apiError(() => api.get(CONFIGMAPS, 'default', 'c')).reason).toBe('NotFound');
  });

  it('record Foreground and Orphan propagation for the garbage collector', () => {
    const { api } = newServer();
    const spec = { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } };
    api.create(DEPLOYMENTS, 'default', { metadata: { name: 'f' }, spec });
    api.create(DEPLOYMENTS, 'default', { metadata: { name: 'o' }, spec });
    expect(api.delete(DEPLOYMENTS, 'default', 'f', { propagationPolicy: 'Foreground' }).metadata?.finalizers).toEqual(['foregroundDeletion']);
    expect(api.delete(DEPLOYMENTS, 'default', 'o', { propagationPolicy: 'Orphan' }).metadata?.finalizers).toEqual(['orphan']);
    expect(api.list(DEPLOYMENTS, 'default').items).toHaveLength(2);
  });
});

describe('namespaces', () => {
  it('go Terminating, refuse new content, and vanish once finalized', () => {
    const { api } = newServer();
    api.create(NAMESPACES, undefined, { metadata: { name: 'team' } });
    const d = api.delete(NAMESPACES, undefined, 'team');
    expect(d.status).toEqual({ phase: 'Terminating' });
    const e = apiError(() => api.create(CONFIGMAPS, 'team', { metadata: { name: 'c' } }));
    expect(e.code).toBe(403);
    expect(e.message).toBe('configmaps "c" is forbidden: unable to create new content in namespace team because it is being terminated');
    api.update(NAMESPACES, undefined, { metadata: { name: 'team' }, spec: { finalizers: [] } }, { subresource: 'finalize' });
    expect(apiError(() => api.get(NAMESPACES, undefined, 'team')).reason).toBe('NotFound');
  });

  it('protect default, kube-system and kube-public', () => {
    const { api } = newServer();
    const e = apiError(() => api.delete(NAMESPACES, undefined, 'default'));
    expect(e.code).toBe(403);
    expect(e.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});

describe('the apiserver\'s own objects', () => {
  it('come back on the next reconcile after being deleted', () => {
    const { api, clock } = newServer();
    const SVC = { group: '', resource: 'services' };
    api.create(SVC, 'default', { metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] } });
    api.delete(SVC, 'default', 'kubernetes');
    expect(apiError(() => api.get(SVC, 'default', 'kubernetes')).reason).toBe('NotFound');
    clock.advance(10_000);
    const back = api.get(SVC, 'default', 'kubernetes');
    expect(back.spec).toMatchObject({ clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
    expect(back.metadata?.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
  });
});
