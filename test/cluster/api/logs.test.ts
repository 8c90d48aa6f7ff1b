import { describe, expect, it } from 'vitest';
import { apiError, newServer, nginxPod, PODS } from './helpers.js';

function scheduledPod(api: ReturnType<typeof newServer>['api'], state: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const p = nginxPod();
  (p.spec as Record<string, unknown>).nodeName = 'kind-control-plane';
  const created = api.create(PODS, 'default', p);
  api.update(PODS, 'default', { ...created, status: { phase: 'Pending', containerStatuses: [{ name: 'nginx-container', state, ...extra }] } }, { subresource: 'status' });
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

  it('reads the instance the kubelet would: the last terminated one while in CrashLoopBackOff', () => {
    const { api } = newServer();
    api.setLogProvider((_ns, _pod, o) => `${o.containerID}\n`);
    const last = { terminated: { containerID: 'containerd://dead1', exitCode: 1, reason: 'Error' } };
    scheduledPod(api, { waiting: { reason: 'CrashLoopBackOff' } }, { containerID: 'containerd://dead1', lastState: last });
    expect(api.logs('default', 'nginx-pod', {})).toBe('dead1\n');
    expect(api.logs('default', 'nginx-pod', { previous: true })).toBe('dead1\n');
  });

  it('reads the running instance, and the one before with --previous', () => {
    const { api } = newServer();
    api.setLogProvider((_ns, _pod, o) => `${o.containerID}\n`);
    scheduledPod(api, { running: { startedAt: '2026-01-01T00:00:00Z' } }, { containerID: 'containerd://live2', lastState: { terminated: { containerID: 'containerd://dead1' } } });
    expect(api.logs('default', 'nginx-pod', {})).toBe('live2\n');
    expect(api.logs('default', 'nginx-pod', { previous: true })).toBe('dead1\n');
  });

  it("says why an image that cannot be pulled has no log (the kubelet's words)", () => {
    for (const [reason, why] of [['ErrImagePull', "image can't be pulled"], ['ImagePullBackOff', 'trying and failing to pull image']]) {
      const { api } = newServer();
      scheduledPod(api, { waiting: { reason } });
      expect(apiError(() => api.logs('default', 'nginx-pod', {})).message).toBe(`container "nginx-container" in pod "nginx-pod" is waiting to start: ${why}`);
    }
  });
});
