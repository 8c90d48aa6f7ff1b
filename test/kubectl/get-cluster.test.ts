/**
 * `kubectl get` and friends against the real simulated cluster (API server + controllers,
 * eks-article profile): what a learner sees while objects come and go, including the server's
 * own error texts and warnings, and `get -w` streaming.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Cluster, getProfile, type KubeObject } from '../../src/cluster/index.js';
import type { InteractiveRequest } from '../../src/kubectl/context.js';
import { readGolden } from '../oracle/golden.js';
import { runArgv, type RunOptions } from './support.js';

const START = Date.UTC(2026, 10, 26, 20, 0, 0);
const manifest = (name: string): KubeObject[] =>
  readFileSync(join(import.meta.dirname, 'manifests', name), 'utf8').split(/^---$/m).map((d) => parse(d) as KubeObject).filter(Boolean);

function cluster(): Cluster {
  const c = new Cluster({ seed: 1, startTime: START, profile: getProfile('eks-article') });
  c.settle();
  return c;
}

function kubectl(c: Cluster, argv: string[], opts: RunOptions = {}) {
  return runArgv(argv, c.api, 0, { now: () => c.clock.now(), sleep: async (ms) => { c.advanceTo(c.clock.now() + ms); c.settle(); }, ...opts });
}

function apply(c: Cluster, file: string): void {
  for (const o of manifest(file)) {
    const plural = o.kind === 'Pod' ? 'pods' : o.kind === 'Service' ? 'services' : o.kind === 'Endpoints' ? 'endpoints' : 'deployments';
    c.api.create({ group: o.kind === 'Deployment' ? 'apps' : '', resource: plural }, 'default', o);
  }
  c.settle();
}

const golden = (name: string) => readGolden(join(import.meta.dirname, '../goldens', name));

describe('kubectl get on the simulated cluster', () => {
  it('says No resources found on stderr for an empty namespace, exit 0', async () => {
    const r = await kubectl(cluster(), ['get', 'pods']);
    expect(r).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('shows a new pod starting, then running with its IP and age', async () => {
    const c = cluster();
    apply(c, 'svc-example.yaml');
    const starting = await kubectl(c, ['get', 'pods']);
    expect(starting.stdout).toBe(
      'NAME        READY   STATUS              RESTARTS   AGE\n' +
      'nginx-pod   0/1     ContainerCreating   0          0s\n');
    c.advanceTo(c.clock.now() + 60_000); c.settle();
    const running = await kubectl(c, ['get', 'pods', '-o', 'wide']);
    expect(running.stdout).toMatch(/^NAME {8}READY {3}STATUS {4}RESTARTS {3}AGE {3}IP +NODE +NOMINATED NODE {3}READINESS GATES\n/);
    expect(running.stdout).toMatch(/\nnginx-pod {3}1\/1 {5}Running {3}0 {10}60s {3}10\.21\.\d+\.\d+ +ip-10-21-\S+ +<none> {11}<none>\n$/);
  });

  it('prints the server Endpoints warning once on stderr, yellow on a terminal', async () => {
    const c = cluster();
    apply(c, 'svc-example.yaml');
    const plain = await kubectl(c, ['get', 'svc,ep']);
    expect(plain.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
    expect(plain.stdout).toMatch(/^NAME {17}TYPE {8}CLUSTER-IP +EXTERNAL-IP {3}PORT\(S\) {3}AGE\nservice\/kubernetes /);
    expect(plain.stdout).toContain('\n\nNAME                   ENDPOINTS');
    const tty = await kubectl(c, ['get', 'endpoints'], { tty: true });
    expect(tty.stderr).toBe('\x1b[33;1mWarning:\x1b[0m v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
  });

  it('reports the server errors as real kubectl does (NotFound, bad selectors)', async () => {
    const c = cluster();
    expect(await kubectl(c, ['get', 'pod', 'nope'])).toEqual({ stdout: '', stderr: golden('kubectl_get_pod_nope.txt').stderr, exitCode: 1 });
    expect(await kubectl(c, ['get', 'deployment', 'nope'])).toEqual({ stdout: '', stderr: golden('kubectl_get_deployment_nope.txt').stderr, exitCode: 1 });
    const sel = await kubectl(c, ['get', 'pods', '-l', 'app in (nginx']);
    expect(sel).toEqual({ stdout: '', stderr: golden('kubectl_get_pods_-l_app_in_nginx.txt').stderr, exitCode: 1 });
    const field = await kubectl(c, ['get', 'pods', '--field-selector', 'foo=bar']);
    expect(field).toEqual({ stdout: '', stderr: golden('kubectl_get_pods_--field-selector_foo=bar.txt').stderr, exitCode: 1 });
  });

  it('round-trips -o yaml and -o json to the stored object', async () => {
    const c = cluster();
    apply(c, 'svc-example.yaml');
    const stored = c.api.get({ group: '', resource: 'services' }, 'default', 'nginx-svc');
    const y = await kubectl(c, ['get', 'svc', 'nginx-svc', '-o', 'yaml']);
    const j = await kubectl(c, ['get', 'svc', 'nginx-svc', '-o', 'json']);
    const { managedFields: _m, ...meta } = stored.metadata!;
    void _m;
    expect(parse(y.stdout)).toEqual({ ...stored, metadata: meta });
    expect(JSON.parse(j.stdout)).toEqual({ ...stored, metadata: meta });
  });

  it('streams changes after the table with `get -w`, same widths, no second header', async () => {
    const c = cluster();
    apply(c, 'svc-example.yaml');
    const lines: string[] = [];
    let stop: (() => void) | undefined;
    const interact = async (req: InteractiveRequest): Promise<number> => {
      if (req.kind !== 'stream') return 1;
      stop = req.start((t) => lines.push(t), () => {}, () => {});
      return 0;
    };
    const r = await kubectl(c, ['get', 'pods', '-w'], { interact });
    expect(r.stdout).toBe('NAME        READY   STATUS              RESTARTS   AGE\nnginx-pod   0/1     ContainerCreating   0          0s\n');
    c.advanceTo(c.clock.now() + 30_000); c.settle();
    stop?.();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).toMatch(/nginx-pod   1\/1     Running             0          \d+s\n$/);
    expect(lines.join('')).not.toContain('NAME');
  });

  it('lists every category `all` type that has objects, with kind prefixes and NAMESPACE for -A', async () => {
    const c = cluster();
    apply(c, 'deploy-example.yaml');
    c.advanceTo(c.clock.now() + 60_000); c.settle();
    const r = await kubectl(c, ['get', 'all']);
    const heads = r.stdout.split('\n\n').map((t) => t.split('\n')[1]?.split('/')[0]);
    expect(heads).toEqual(['pod', 'service', 'deployment.apps', 'replicaset.apps']);
    const all = await kubectl(c, ['get', 'all', '-A']);
    expect(all.stdout.startsWith('NAMESPACE     NAME ')).toBe(true);
    expect(all.stdout).toContain('kube-system   daemonset.apps/kube-proxy');
  });

  it('serves `get --raw` paths from the API', async () => {
    const c = cluster();
    expect(await kubectl(c, ['get', '--raw', '/healthz'])).toEqual({ stdout: 'ok', stderr: '', exitCode: 0 });
    const svc = await kubectl(c, ['get', '--raw', '/api/v1/namespaces/default/services/kubernetes']);
    expect(JSON.parse(svc.stdout)).toMatchObject({ kind: 'Service', metadata: { name: 'kubernetes' } });
    const pods = await kubectl(c, ['get', '--raw', '/api/v1/pods']);
    expect((JSON.parse(pods.stdout) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    expect(await kubectl(c, ['get', '--raw', '/nope'])).toEqual({
      stdout: '', stderr: 'Error from server (NotFound): the server could not find the requested resource\n', exitCode: 1 });
  });
});
