import { describe, expect, it } from 'vitest';
import { Env, loadGolden, manifest } from './harness.js';

const ok = (out: string): { out: string; err: string; code: number } => ({ out, err: '', code: 0 });

async function article(): Promise<Env> {
  const env = new Env();
  manifest(env, 'svc-example.yaml'); manifest(env, 'deploy-example.yaml');
  await env.run('apply -f svc-example.yaml');
  await env.run('apply -f deploy-example.yaml');
  env.advance(30_000);
  return env;
}

describe('kubectl expose', () => {
  it('builds the Service kubectl builds (goldens) and creates it', async () => {
    const env = await article();
    expect(await env.run('expose deployment nginx-deploy --port=80 --dry-run=client')).toEqual({ ...loadGolden('kubectl_expose_deployment_nginx-deploy_--port=80_--dry-run=client.txt'), code: 0 });
    expect(await env.run('expose deployment nginx-deploy --port=80 --dry-run=client -o yaml')).toEqual({ ...loadGolden('kubectl_expose_deployment_nginx-deploy_--port=80_--dry-run=client_-o_yaml.txt'), code: 0 });
    expect(await env.run('expose deployment nginx-deploy --port=80')).toEqual(ok('service/nginx-deploy exposed\n'));
    expect(await env.run('expose pod nginx-pod --name=by-pod --type=NodePort')).toEqual(ok('service/by-pod exposed\n'));
    const svc = env.get('services', 'by-pod') as { spec: { ports: { port: number; targetPort: number }[]; type: string; selector: Record<string, string> } };
    expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80 });
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.selector).toEqual({ app: 'nginx' });
  });

  it('errors', async () => {
    const env = await article();
    await env.run('create configmap cm --from-literal=a=b');
    const before = env.snapshot();
    expect(await env.run('expose deployment nope --port=80')).toEqual({ out: '', err: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 });
    expect(await env.run('expose configmap cm --port=80')).toEqual({ out: '', err: 'error: cannot expose a ConfigMap\n', code: 1 });
    expect(await env.run('expose svc nginx-svc')).toEqual({ out: '', err: 'Error from server (AlreadyExists): services "nginx-svc" already exists\n', code: 1 });
    expect(env.snapshot()).toBe(before);
  });
});

describe('kubectl scale', () => {
  it('scales through the scale subresource (goldens)', async () => {
    const env = await article();
    expect(await env.run('scale deployment nginx-deploy --replicas=3 --dry-run=client')).toEqual({ ...loadGolden('kubectl_scale_deployment_nginx-deploy_--replicas=3_--dry-run=client.txt'), code: 0 });
    expect(await env.run('scale deployment nginx-deploy --replicas=3 --dry-run=server')).toEqual({ ...loadGolden('kubectl_scale_deployment_nginx-deploy_--replicas=3_--dry-run=server.txt'), code: 0 });
    expect((env.get('deployments', 'nginx-deploy', 'apps').spec as { replicas: number }).replicas).toBe(2);
    expect(await env.run('scale deployment nginx-deploy --replicas=3')).toEqual(ok('deployment.apps/nginx-deploy scaled\n'));
    expect((env.get('deployments', 'nginx-deploy', 'apps').spec as { replicas: number }).replicas).toBe(3);
    expect(await env.run('scale deployment nope --replicas=3')).toEqual({ ...loadGolden('kubectl_scale_deployment_nope_--replicas=3.txt'), code: 1 });
    expect(await env.run('scale deployment nginx-deploy --replicas=1 --current-replicas=5')).toEqual({ out: '', err: 'error: Expected replicas to be 5, was 3\n', code: 1 });
    expect(await env.run('scale deployment nginx-deploy')).toEqual({ out: '', err: 'error: required flag(s) "replicas" not set\n', code: 1 });
  });
});

describe('kubectl label and annotate', () => {
  it('labels, refuses to overwrite, unlabels (goldens)', async () => {
    const env = await article();
    const before = env.snapshot();
    expect(await env.run('label pod nginx-pod app=web')).toEqual({ ...loadGolden('kubectl_label_pod_nginx-pod_app=web.txt'), code: 1 });
    expect(await env.run('label pod nginx-pod env=dev --dry-run=server')).toEqual({ ...loadGolden('kubectl_label_pod_nginx-pod_env=dev_--dry-run=server.txt'), code: 0 });
    expect(env.snapshot()).toBe(before);
    const sel = await env.run('label pods -l app=nginx tier=web --dry-run=client');
    expect(sel.code).toBe(0);
    expect(sel.out.split('\n').filter(Boolean).every((l) => / labeled \(dry run\)$/.test(l))).toBe(true);
    expect(await env.run('label pod nginx-pod env=dev')).toEqual(ok('pod/nginx-pod labeled\n'));
    expect(await env.run('label pod nginx-pod env=dev')).toEqual(ok('pod/nginx-pod not labeled\n'));
    expect(await env.run('label pod nginx-pod env=prod --overwrite')).toEqual(ok('pod/nginx-pod labeled\n'));
    expect(await env.run('label pod nginx-pod env-')).toEqual(ok('pod/nginx-pod unlabeled\n'));
    expect(await env.run('label pod nginx-pod nothere-')).toEqual(ok('label "nothere" not found.\npod/nginx-pod not labeled\n'));
    expect(await env.run('label pod nginx-pod --list')).toEqual(ok('app=nginx\n'));
    expect(await env.run('label pod nginx-pod')).toEqual({ out: '', err: 'error: at least one label update is required\n', code: 1 });
  });

  it('annotates', async () => {
    const env = await article();
    expect(await env.run('annotate svc nginx-svc team=blue')).toEqual(ok('service/nginx-svc annotated\n'));
    expect(await env.run('annotate svc nginx-svc team=red')).toEqual({ out: '', err: "error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (blue)\n", code: 1 });
    expect(await env.run('annotate svc nginx-svc team=red --overwrite')).toEqual(ok('service/nginx-svc annotated\n'));
    expect(env.get('services', 'nginx-svc').metadata?.annotations?.team).toBe('red');
  });
});

describe('kubectl patch', () => {
  it('patched, patched (no change), and its errors', async () => {
    const env = await article();
    expect(await env.run(['patch', 'deploy', 'nginx-deploy', '-p', '{"spec":{"replicas":4}}'])).toEqual(ok('deployment.apps/nginx-deploy patched\n'));
    expect(await env.run(['patch', 'deploy', 'nginx-deploy', '-p', '{"spec":{"replicas":4}}'])).toEqual(ok('deployment.apps/nginx-deploy patched (no change)\n'));
    expect(await env.run(['patch', 'svc', 'nginx-svc', '--type=merge', '-p', 'metadata: {labels: {x: "y"}}'])).toEqual(ok('service/nginx-svc patched\n'));
    expect(await env.run(['patch', 'svc', 'nginx-svc', '--type=json', '-p', '[{"op":"replace","path":"/spec/ports/0/port","value":8080}]'])).toEqual(ok('service/nginx-svc patched\n'));
    expect((env.get('services', 'nginx-svc').spec as { ports: { port: number }[] }).ports[0]!.port).toBe(8080);
    const before = env.snapshot();
    expect(await env.run('patch pod nginx-pod')).toEqual({ out: '', err: 'error: must specify --patch or --patch-file containing the contents of the patch\n', code: 1 });
    expect(await env.run(['patch', 'pod', 'nginx-pod', '-p', '{}', '--type=foo'])).toEqual({ out: '', err: 'error: --type must be one of [json merge strategic], not "foo"\n', code: 1 });
    expect(await env.run(['patch', 'pod', 'nope', '-p', '{}'])).toEqual({ out: '', err: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    expect(env.snapshot()).toBe(before);
  });
});

describe('generated objects as -o json', () => {
  it('expose keeps Go struct field order (real kubectl 1.33 output)', async () => {
    const env = await article();
    expect(await env.run('expose deploy nginx-deploy --type=NodePort --target-port=web --dry-run=client -o json')).toEqual(ok(`{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "nginx-deploy",
        "creationTimestamp": null,
        "labels": {
            "app": "nginx"
        }
    },
    "spec": {
        "ports": [
            {
                "protocol": "TCP",
                "port": 80,
                "targetPort": "web"
            }
        ],
        "selector": {
            "app": "nginx"
        },
        "type": "NodePort"
    },
    "status": {
        "loadBalancer": {}
    }
}
`));
  });
});
