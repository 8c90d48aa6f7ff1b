import { describe, expect, it } from 'vitest';
import { apiError, newServer, nginxPod, PODS } from './helpers.js';

describe('pod defaulting and admission', () => {
  it('defaults like a v1.33 apiserver', () => {
    const { api } = newServer();
    const p = api.create(PODS, 'default', nginxPod());
    const spec = p.spec as Record<string, unknown>;
    expect(spec).toMatchObject({
      dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {},
      terminationGracePeriodSeconds: 30, enableServiceLinks: true, serviceAccountName: 'default', serviceAccount: 'default',
      priority: 0, preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    const c = (spec.containers as Record<string, unknown>[])[0]!;
    expect(c).toMatchObject({ imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {} });
    expect(c.ports).toEqual([{ name: 'web', containerPort: 80, protocol: 'TCP' }]);
    const vol = (spec.volumes as { name: string }[])[0]!;
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(c.volumeMounts).toEqual([{ name: vol.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('chooses imagePullPolicy from the tag', () => {
    const { api } = newServer();
    const pull = (image: string): unknown => {
      const p = nginxPod(`p${Math.abs(image.length)}x${image.replace(/[^a-z0-9]/g, '')}`);
      (p.spec as { containers: { image: string }[] }).containers[0]!.image = image;
      return (api.create(PODS, 'default', p).spec as { containers: { imagePullPolicy: string }[] }).containers[0]!.imagePullPolicy;
    };
    expect(pull('nginx')).toBe('Always');
    expect(pull('nginx:latest')).toBe('Always');
    expect(pull('nginx:1.27')).toBe('IfNotPresent');
    expect(pull('localhost:5000/app')).toBe('Always');
  });

  it('validates names with the RFC 1123 subdomain message', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(PODS, 'default', nginxPod('Bad_Name')));
    expect(e.message).toBe(`Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`);
    expect(e.status.details).toMatchObject({ name: 'Bad_Name', kind: 'Pod' });
  });

  it('aggregates several container errors as [a, b]', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(PODS, 'default', {
      metadata: { name: 'p' },
      spec: { restartPolicy: 'Sometimes', containers: [{ name: 'c', ports: [{ containerPort: 70000 }] }] },
    }));
    expect(e.message).toBe('Pod "p" is invalid: [spec.containers[0].image: Required value, spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]');
    expect(e.causes.map((c) => c.field)).toEqual(['spec.containers[0].image', 'spec.containers[0].ports[0].containerPort', 'spec.restartPolicy']);
  });

  it('requires containers and mounts of declared volumes', () => {
    const { api } = newServer();
    expect(apiError(() => api.create(PODS, 'default', { metadata: { name: 'p' }, spec: {} })).message)
      .toBe('Pod "p" is invalid: spec.containers: Required value');
    const e = apiError(() => api.create(PODS, 'default', {
      metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/d' }] }] },
    }));
    expect(e.message).toBe('Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"');
  });

  it('rejects unknown fields with the strict decoding error kubectl prints', () => {
    const { api } = newServer();
    const p = nginxPod();
    (p.spec as { containers: Record<string, unknown>[] }).containers[0]!.imagePullPolcy = 'Always';
    const e = apiError(() => api.create(PODS, 'default', p, { fieldValidation: 'Strict' }));
    expect(e.code).toBe(400);
    expect(e.message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolcy"');
    const warnings: string[] = [];
    const ok = api.create(PODS, 'default', p, { fieldValidation: 'Warn', warnings });
    expect(warnings).toEqual(['unknown field "spec.containers[0].imagePullPolcy"']);
    expect((ok.spec as { containers: Record<string, unknown>[] }).containers[0]!.imagePullPolcy).toBeUndefined();
  });

  it('reports wrong types as the Go JSON decoder does', () => {
    const { api } = newServer();
    const p = nginxPod();
    (p.metadata as { labels: unknown }).labels = { version: 1 };
    expect(apiError(() => api.create(PODS, 'default', p)).message)
      .toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    const q = nginxPod();
    (q.spec as { containers: unknown }).containers = 'nginx';
    expect(apiError(() => api.create(PODS, 'default', q)).message)
      .toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container');
  });

  it('fails on a missing non-default service account', () => {
    const { api } = newServer();
    const p = nginxPod();
    (p.spec as Record<string, unknown>).serviceAccountName = 'robot';
    const e = apiError(() => api.create(PODS, 'default', p));
    expect(e.code).toBe(403);
    expect(e.message).toBe('pods "nginx-pod" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
  });
});
