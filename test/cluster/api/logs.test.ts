import { describe, expect, it } from 'vitest';
import { apiError, newServer, nginxPod, PODS } from './helpers.js';

function scheduledPod(api: ReturnType<typeof newServer>['api'], state: Record<string, unknown>) {
  const p = nginxPod();
  (p.spec as Record<string, unknown>).nodeName = 'kind-control-plane';
  const created = api.create(PODS, 'default', p);
  api.update(PODS, 'default', { ...created, status: { phase: 'Pending', containerStatuses: [{ name: 'nginx-container', state }] } }, { subresource: 'status' });
}

describe('logs', () => {
  it('serves logs from the provider once the container runs', () => {
    const { api } = newServer();
    api.setLogProvider((ns, pod, o) => `${ns}/${pod}/${o.container}\n`);
    scheduledPod(api, { running: { startedAt: '2026-01-01T00:00:00Z' } });
    expect(api.logs('default', 'nginx-pod', {})).toBe('default/nginx-pod/nginx-container\n');
  });

  it('answers the real errors', () => {
    const { api } = newServer();
    scheduledPod(api, { waiting: { reason: 'ContainerCreating' } });
    const w = apiError(() => api.logs('default', 'nginx-pod', {}));
    expect(w.code).toBe(400);
    expect(w.message).toBe('container "nginx-container" in pod "nginx-pod" is waiting to start: ContainerCreating');
    expect(apiError(() => api.logs('default', 'nginx-pod', { container: 'x' })).message).toBe('container x is not valid for pod nginx-pod');
    expect(apiError(() => api.logs('default', 'nope', {})).message).toBe('pods "nope" not found');
    expect(apiError(() => api.logs('default', 'nginx-pod', { previous: true })).message)
      .toBe('previous terminated container "nginx-container" in pod "nginx-pod" not found');
  });

  it('asks for a container name when there are several', () => {
    const { api } = newServer();
    api.create(PODS, 'default', { metadata: { name: 'two' }, spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } });
    expect(apiError(() => api.logs('default', 'two', {})).message).toBe('a container name must be specified for pod two, choose one of: [a b]');
  });
});
