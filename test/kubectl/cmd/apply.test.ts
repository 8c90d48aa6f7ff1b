import { describe, expect, it } from 'vitest';
import { Env, loadGolden, manifest } from './harness.js';

async function articleCluster(): Promise<Env> {
  const env = new Env();
  for (const f of ['svc-example.yaml', 'deploy-example.yaml', 'new-svc.yaml', 'no-last-applied.yaml', 'external-endpoint.yaml']) manifest(env, f);
  return env;
}

describe('kubectl apply', () => {
  it('creates, then reports unchanged on a second apply (goldens)', async () => {
    const env = await articleCluster();
    expect(await env.run('apply -f svc-example.yaml --dry-run=client')).toEqual({ ...loadGolden('kubectl_apply_-f_svc-example.yaml_--dry-run=client__stage-empty.txt'), code: 0 });
    const srv = loadGolden('kubectl_apply_-f_svc-example.yaml_--dry-run=server__stage-empty.txt');
    expect(await env.run('apply -f svc-example.yaml --dry-run=server')).toEqual({ ...srv, code: 0 });
    const before = env.snapshot();
    expect(await env.run('apply -f svc-example.yaml')).toEqual({ out: srv.out.replaceAll(' (server dry run)', ''), err: '', code: 0 });
    expect(env.snapshot()).not.toBe(before);
    env.advance(30_000);
    expect(await env.run('apply -f svc-example.yaml --dry-run=server')).toEqual({ ...loadGolden('kubectl_apply_-f_svc-example.yaml_--dry-run=server.txt'), code: 0 });
    expect(await env.run('apply -f svc-example.yaml --dry-run=client')).toEqual({ ...loadGolden('kubectl_apply_-f_svc-example.yaml_--dry-run=client.txt'), code: 0 });
    expect(await env.run('apply -f svc-example.yaml')).toEqual({ out: 'pod/nginx-pod unchanged\nservice/nginx-svc unchanged\n', err: '', code: 0 });
    expect(await env.run('apply -f deploy-example.yaml --dry-run=server')).toEqual({ ...loadGolden('kubectl_apply_-f_deploy-example.yaml_--dry-run=server__stage-pod-svc.txt'), code: 0 });
  });

  it('stores the manifest as compact sorted JSON in the last-applied annotation', async () => {
    const env = await articleCluster();
    await env.run('apply -f new-svc.yaml');
    const svc = env.get('services', 'new-svc');
    expect(svc.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"new-svc","namespace":"default"},"spec":{"ports":[{"port":8080,"targetPort":80}],"selector":{"app":"nginx"}}}\n');
  });

  it('warns about a missing annotation and configures (golden no-last-applied)', async () => {
    const env = await articleCluster();
    expect(await env.run('apply -f no-last-applied.yaml --dry-run=server')).toEqual({ ...loadGolden('kubectl_apply_-f_no-last-applied.yaml_--dry-run=server.txt'), code: 0 });
  });

  it('prints the Endpoints deprecation warning from the server (golden external-endpoint)', async () => {
    const env = await articleCluster();
    expect(await env.run('apply -f external-endpoint.yaml --dry-run=server')).toEqual({ ...loadGolden('kubectl_apply_-f_external-endpoint.yaml_--dry-run=server__stage-pod-svc.txt'), code: 0 });
  });

  it('configures a changed field and removes fields dropped from the manifest', async () => {
    const env = await articleCluster();
    await env.run('apply -f deploy-example.yaml');
    env.write('d2.yaml', env.files.get('deploy-example.yaml')!.replace('replicas: 2', 'replicas: 3').replace(/ +ports:\n +- name: web\n +containerPort: 80\n +protocol: TCP\n---/, '---'));
    expect(await env.run('apply -f d2.yaml')).toEqual({ out: 'deployment.apps/nginx-deploy configured\nservice/nginx-svc unchanged\n', err: '', code: 0 });
    const d = env.get('deployments', 'nginx-deploy', 'apps') as { spec: { replicas: number; template: { spec: { containers: { ports?: unknown }[] } } } };
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers[0]!.ports).toBeUndefined();
  });

  it('round-trips `get -o yaml` output: configured, then a Conflict on the stale resourceVersion', async () => {
    const env = await articleCluster();
    await env.run('apply -f svc-example.yaml');
    env.advance(10_000);
    const y = await env.run('get svc nginx-svc -o yaml');
    env.write('f.yaml', y.out);
    expect(await env.run('apply -f f.yaml')).toEqual({ out: 'service/nginx-svc configured\n', err: '', code: 0 });
    const second = await env.run('apply -f f.yaml');
    expect(second.code).toBe(1);
    expect(second.out).toBe('');
    const rv = /resourceVersion: "(\d+)"/.exec(y.out)![1];
    expect(second.err).toBe(`Error from server (Conflict): error when applying patch:
{"metadata":{"resourceVersion":"${rv}"}}
to:
Resource: "/v1, Resource=services", GroupVersionKind: "/v1, Kind=Service"
Name: "nginx-svc", Namespace: "default"
for: "f.yaml": error when patching "f.yaml": Operation cannot be fulfilled on services "nginx-svc": the object has been modified; please apply your changes to the latest version and try again
`);
  });

  it('round-trips a pod never applied before: the warning, then configured', async () => {
    const env = await articleCluster();
    await env.run('run web --image=nginx');
    env.advance(20_000);
    env.write('p.yaml', (await env.run('get pod web -o yaml')).out);
    const r = await env.run('apply -f p.yaml');
    expect(r).toEqual({
      out: 'pod/web configured\n',
      err: 'Warning: resource pods/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      code: 0,
    });
  });

  it('errors leave the cluster unchanged', async () => {
    const env = await articleCluster();
    await env.run('apply -f svc-example.yaml');
    const before = env.snapshot();
    expect(await env.run('apply')).toEqual({ ...loadGolden('kubectl_apply.txt'), code: 1 });
    expect(await env.run('apply -f missing.yaml')).toEqual({ ...loadGolden('kubectl_apply_-f_missing.yaml.txt'), code: 1 });
    env.write('bad.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: Nginx_Svc\nspec:\n  ports:\n  - port: 80\n');
    const bad = await env.run('apply -f bad.yaml');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('The Service "Nginx_Svc" is invalid: metadata.name: Invalid value: "Nginx_Svc"');
    expect(env.snapshot()).toBe(before);
  });

  it('reads stdin with -f -', async () => {
    const env = await articleCluster();
    const r = await env.run('apply -f -', { stdin: env.files.get('new-svc.yaml') });
    expect(r).toEqual({ out: 'service/new-svc created\n', err: '', code: 0 });
  });
});

describe('kubectl apply, more inputs', () => {
  it('a directory, -R, repeated -f, and --server-side', async () => {
    const env = new Env();
    manifest(env, 'new-svc.yaml');
    env.write('dir/a.yaml', env.files.get('new-svc.yaml')!);
    env.write('dir/sub/b.yaml', env.files.get('new-svc.yaml')!.replace('new-svc', 'other-svc'));
    env.write('dir/notes.txt', 'not a manifest');
    expect(await env.run('apply -f dir')).toEqual({ out: 'service/new-svc created\n', err: '', code: 0 });
    expect(await env.run('apply -R -f dir')).toEqual({ out: 'service/new-svc unchanged\nservice/other-svc created\n', err: '', code: 0 });
    expect(await env.run('apply -f dir/a.yaml -f dir/sub/b.yaml --dry-run=client')).toEqual({ out: 'service/new-svc configured (dry run)\nservice/other-svc configured (dry run)\n', err: '', code: 0 });
    env.write('ss.yaml', env.files.get('new-svc.yaml')!.replace('new-svc', 'ss-svc'));
    expect(await env.run('apply --server-side -f ss.yaml')).toEqual({ out: 'service/ss-svc serverside-applied\n', err: '', code: 0 });
    expect(await env.run('apply -f ss.yaml -o name')).toEqual({ out: 'service/ss-svc\n', err: expect.stringContaining('Warning: resource services/ss-svc is missing') as unknown as string, code: 0 });
  });
});

describe('kubectl apply view-last-applied', () => {
  it('prints the annotation as YAML or JSON; nothing for objects without it', async () => {
    const env = new Env();
    manifest(env, 'new-svc.yaml');
    await env.run('apply -f new-svc.yaml');
    expect(await env.run('apply view-last-applied svc new-svc')).toEqual({ out: 'apiVersion: v1\nkind: Service\nmetadata:\n  annotations: {}\n  name: new-svc\n  namespace: default\nspec:\n  ports:\n  - port: 8080\n    targetPort: 80\n  selector:\n    app: nginx\n', err: '', code: 0 });
    expect((await env.run('apply view-last-applied svc/new-svc -o json')).out).toBe('{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {\n    "annotations": {},\n    "name": "new-svc",\n    "namespace": "default"\n  },\n  "spec": {\n    "ports": [\n      {\n        "port": 8080,\n        "targetPort": 80\n      }\n    ],\n    "selector": {\n      "app": "nginx"\n    }\n  }\n}\n');
    expect(await env.run('apply view-last-applied svc kubernetes')).toEqual({ out: '', err: '', code: 0 });
  });
});

describe('kubectl apply on an immutable field', () => {
  it('is rejected by the server; --force deletes and recreates', async () => {
    const env = new Env();
    manifest(env, 'deploy-example.yaml');
    await env.run('apply -f deploy-example.yaml');
    env.advance(20_000);
    env.write('sel.yaml', env.files.get('deploy-example.yaml')!.split('---')[1]!.replace(/app: nginx/g, 'app: web'));
    const before = env.snapshot();
    const r = await env.run('apply -f sel.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^The Deployment "nginx-deploy" is invalid: spec.selector: Invalid value: .*field is immutable\n$/);
    expect(env.snapshot()).toBe(before);
    const uid = env.get('deployments', 'nginx-deploy', 'apps').metadata?.uid;
    expect(await env.run('apply -f sel.yaml --force')).toEqual({ out: 'deployment.apps/nginx-deploy configured\n', err: '', code: 0 });
    const d = env.get('deployments', 'nginx-deploy', 'apps');
    expect(d.metadata?.uid).not.toBe(uid);
    expect((d.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels).toEqual({ app: 'web' });
  });
});
