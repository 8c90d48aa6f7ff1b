import { describe, expect, it } from 'vitest';
import { applyJsonPatch, mergePatch, strategicMergePatch } from '../../../src/cluster/api/patch/index.js';
import { apiError, DEPLOYMENTS, newServer, nginxPod, PODS, SERVICES } from './helpers.js';

describe('JSON merge patch (RFC 7386)', () => {
  it('merges maps, replaces lists, deletes with null', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({ a: { c: 2, d: 3 }, l: [3] });
  });
});

describe('JSON patch (RFC 6902)', () => {
  it('applies add, replace, remove, test, move, copy', () => {
    const doc = { spec: { replicas: 1, list: ['a'] } };
    expect(applyJsonPatch(doc, [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/list/-', value: 'b' },
      { op: 'test', path: '/spec/replicas', value: 3 },
      { op: 'copy', from: '/spec/replicas', path: '/spec/copy' },
      { op: 'move', from: '/spec/copy', path: '/spec/moved' },
      { op: 'remove', path: '/spec/list/0' },
    ])).toEqual({ spec: { replicas: 3, list: ['b'], moved: 3 } });
  });

  it('fails with the server\'s 422 and the json-patch text as the cause', () => {
    const { api } = newServer();
    api.create(PODS, 'default', nginxPod());
    const e = apiError(() => api.patch(PODS, 'default', 'nginx-pod', 'json', [{ op: 'replace', path: '/spec/foo', value: 1 }]));
    expect(e.code).toBe(422);
    expect(e.message).toBe('the server rejected our request due to an error in our request');
    expect(e.causes).toEqual([{ message: 'jsonpatch replace operation does not apply: doc is missing key: /spec/foo: missing value' }]);
    expect(apiError(() => api.patch(PODS, 'default', 'nginx-pod', 'json', [{ op: 'remove', path: '/metadata/nope' }])).causes[0]!.message)
      .toBe('Unable to remove nonexistent key: nope: missing value');
    expect(apiError(() => api.patch(PODS, 'default', 'nginx-pod', 'json', { op: 'add' })).message)
      .toBe('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  });
});

describe('strategic merge patch', () => {
  const pod = {
    spec: {
      containers: [
        { name: 'a', image: 'nginx', ports: [{ containerPort: 80, name: 'web' }], env: [{ name: 'X', value: '1' }] },
        { name: 'b', image: 'busybox' },
      ],
      volumes: [{ name: 'v1', emptyDir: {} }],
    },
    metadata: { finalizers: ['x/a'], labels: { a: '1' } },
  };

  it('merges containers by name, ports by containerPort, env by name', () => {
    const out = strategicMergePatch(pod, {
      spec: { containers: [{ name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 8080 }], env: [{ name: 'Y', value: '2' }] }] },
    }, 'Pod') as typeof pod;
    expect(out.spec.containers).toEqual([
      { name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'web' }, { containerPort: 8080 }], env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] },
      { name: 'b', image: 'busybox' },
    ]);
  });

  it('honours $patch delete and replace, $retainKeys, $setElementOrder and primitive merges', () => {
    const out = strategicMergePatch(pod, {
      metadata: { finalizers: ['x/b'], labels: { $patch: 'replace', z: '9' } },
      spec: {
        containers: [{ name: 'b', $patch: 'delete' }],
        volumes: [{ name: 'v1', $retainKeys: ['name', 'configMap'], configMap: { name: 'cm' } }],
      },
    }, 'Pod') as typeof pod;
    expect(out.metadata).toEqual({ finalizers: ['x/a', 'x/b'], labels: { z: '9' } });
    expect(out.spec.containers.map((c) => c.name)).toEqual(['a']);
    expect(out.spec.volumes).toEqual([{ name: 'v1', configMap: { name: 'cm' } }]);
    const ordered = strategicMergePatch(pod, { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] } }, 'Pod') as typeof pod;
    expect(ordered.spec.containers.map((c) => c.name)).toEqual(['b', 'a']);
  });

  it('merges Service ports by port', () => {
    const { api } = newServer();
    api.create(SERVICES, 'default', { metadata: { name: 's' }, spec: { selector: { app: 'x' }, ports: [{ name: 'http', port: 80 }] } });
    const out = api.patch(SERVICES, 'default', 's', 'strategic', { spec: { ports: [{ name: 'https', port: 443 }, { port: 80, targetPort: 8080 }] } });
    expect((out.spec as { ports: unknown[] }).ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 443 },
    ]);
  });
});

describe('patch through the server', () => {
  it('patches labels and keeps everything else', () => {
    const { api } = newServer();
    const p = api.create(PODS, 'default', nginxPod());
    const out = api.patch(PODS, 'default', 'nginx-pod', 'merge', { metadata: { labels: { tier: 'web' } } });
    expect(out.metadata?.labels).toEqual({ app: 'nginx', tier: 'web' });
    expect(out.spec).toEqual(p.spec);
    expect(Number(out.metadata?.resourceVersion)).toBeGreaterThan(Number(p.metadata?.resourceVersion));
  });

  it('rejects unknown fields in a strict patch naming the patch', () => {
    const { api } = newServer();
    api.create(PODS, 'default', nginxPod());
    const e = apiError(() => api.patch(PODS, 'default', 'nginx-pod', 'strategic', { spec: { foo: 1 } }, { fieldValidation: 'Strict' }));
    expect(e.code).toBe(422);
    expect(e.message).toBe(' "" is invalid: patch: Invalid value: "map[spec:map[foo:1]]": strict decoding error: unknown field "spec.foo"');
  });

  it('rejects forbidden pod spec changes and leaves the pod as it was', () => {
    const { api } = newServer();
    const p = api.create(PODS, 'default', nginxPod());
    const e = apiError(() => api.patch(PODS, 'default', 'nginx-pod', 'strategic', { spec: { containers: [{ name: 'nginx-container', ports: [{ containerPort: 81 }] }] } }));
    expect(e.message.startsWith('Pod "nginx-pod" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`')).toBe(true);
    expect(api.get(PODS, 'default', 'nginx-pod')).toEqual(p);
    const img = api.patch(PODS, 'default', 'nginx-pod', 'strategic', { spec: { containers: [{ name: 'nginx-container', image: 'nginx:1.27' }] } });
    expect((img.spec as { containers: { image: string }[] }).containers[0]!.image).toBe('nginx:1.27');
  });
});

describe('scale subresource', () => {
  it('reads and writes an autoscaling/v1 Scale', () => {
    const { api } = newServer();
    api.create(DEPLOYMENTS, 'default', {
      metadata: { name: 'd' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const s = api.get(DEPLOYMENTS, 'default', 'd', { subresource: 'scale' });
    expect(s).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale', spec: { replicas: 2 }, status: { replicas: 0, selector: 'app=x' } });
    const u = api.update(DEPLOYMENTS, 'default', { ...s, spec: { replicas: 5 } }, { subresource: 'scale' });
    expect(u.spec).toEqual({ replicas: 5 });
    expect((api.get(DEPLOYMENTS, 'default', 'd').spec as { replicas: number }).replicas).toBe(5);
    api.patch(DEPLOYMENTS, 'default', 'd', 'merge', { spec: { replicas: 1 } }, { subresource: 'scale' });
    expect((api.get(DEPLOYMENTS, 'default', 'd').spec as { replicas: number }).replicas).toBe(1);
    const e = apiError(() => api.update(DEPLOYMENTS, 'default', { ...s, metadata: { name: 'd' }, spec: { replicas: -1 } }, { subresource: 'scale' }));
    expect(e.message).toBe('Scale.autoscaling "d" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });
});

describe('hostile keys', () => {
  it('never reach Object.prototype through any patch type', () => {
    const { api } = newServer();
    api.create(PODS, 'default', nginxPod());
    const evil = JSON.parse('{"metadata":{"__proto__":{"polluted":"yes"},"labels":{"__proto__":{"polluted":"yes"}}}}');
    for (const type of ['merge', 'strategic'] as const) {
      try { api.patch(PODS, 'default', 'nginx-pod', type, evil); } catch { /* rejected is fine */ }
    }
    try { api.patch(PODS, 'default', 'nginx-pod', 'json', [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }]); } catch { /* rejected is fine */ }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('strategic patch errors', () => {
  it('pass a missing merge key through as the server does (500)', () => {
    const { api } = newServer();
    api.create(PODS, 'default', nginxPod());
    const e = apiError(() => api.patch(PODS, 'default', 'nginx-pod', 'strategic', { spec: { containers: [{ image: 'nginx:1.27' }] } }));
    expect(e.code).toBe(500);
    expect(e.message).toBe('Internal error occurred: map: map[image:nginx:1.27] does not contain declared merge key: name');
  });
});

describe('scale bodies', () => {
  it('are decoded like any other', () => {
    const { api } = newServer();
    api.create(DEPLOYMENTS, 'default', {
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    expect(apiError(() => api.patch(DEPLOYMENTS, 'default', 'd', 'merge', { spec: { replicas: '3' } }, { subresource: 'scale' })).message)
      .toBe('Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32');
  });
});
