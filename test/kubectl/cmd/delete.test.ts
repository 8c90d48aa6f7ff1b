import { describe, expect, it } from 'vitest';
import { Env, loadGolden, manifest } from './harness.js';

async function withArticlePod(): Promise<Env> {
  const env = new Env();
  manifest(env, 'svc-example.yaml');
  await env.run('apply -f svc-example.yaml');
  env.advance(30_000);
  return env;
}

describe('kubectl delete', () => {
  it('dry runs print and change nothing (goldens)', async () => {
    const env = await withArticlePod();
    const before = env.snapshot();
    expect(await env.run('delete pod nginx-pod --dry-run=client')).toEqual({ ...loadGolden('kubectl_delete_pod_nginx-pod_--dry-run=client.txt'), code: 0 });
    expect(await env.run('delete pod nginx-pod --dry-run=server')).toEqual({ ...loadGolden('kubectl_delete_pod_nginx-pod_--dry-run=server.txt'), code: 0 });
    expect(await env.run('delete -f svc-example.yaml --dry-run=server')).toEqual({ ...loadGolden('kubectl_delete_-f_svc-example.yaml_--dry-run=server.txt'), code: 0 });
    expect(await env.run('delete pod nginx-pod --grace-period=0 --force --dry-run=server')).toEqual({ ...loadGolden('kubectl_delete_pod_nginx-pod_--grace-period=0_--force_--dry-run=server.txt'), code: 0 });
    const tty = loadGolden('kubectl_delete_pod_nginx-pod_--grace-period=0_--force_--dry-run=server__tty.txt').out.replace(/\r\n/g, '\n');
    const r = await env.run('delete pod nginx-pod --grace-period=0 --force --dry-run=server', { tty: true });
    expect(r.err + r.out).toBe(tty);
    expect(env.snapshot()).toBe(before);
  });

  it('errors: missing object, no arguments (goldens)', async () => {
    const env = await withArticlePod();
    const before = env.snapshot();
    expect(await env.run('delete pod nope')).toEqual({ ...loadGolden('kubectl_delete_pod_nope.txt'), code: 1 });
    expect(await env.run('delete')).toEqual({ ...loadGolden('kubectl_delete.txt'), code: 1 });
    expect(await env.run('delete pods')).toEqual({ out: '', err: 'error: resource(s) were provided, but no name was specified\n', code: 1 });
    expect(await env.run('delete pod nginx-pod --force --grace-period=5')).toEqual({ out: '', err: 'error: --force and --grace-period greater than 0 cannot be specified together\n', code: 1 });
    expect(await env.run('delete pod nginx-pod --cascade=sideways')).toEqual({ out: '', err: 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n', code: 1 });
    expect(env.snapshot()).toBe(before);
  });

  it('prints the line, then waits in virtual time until the pod is gone', async () => {
    const env = await withArticlePod();
    const t0 = env.cluster.clock.now();
    expect(await env.run('delete pod nginx-pod')).toEqual({ out: 'pod "nginx-pod" deleted\n', err: '', code: 0 });
    expect(env.cluster.clock.now()).toBeGreaterThan(t0);
    expect(() => env.get('pods', 'nginx-pod')).toThrow(/not found/);
  });

  it('--wait=false returns at once, leaving the pod Terminating', async () => {
    const env = await withArticlePod();
    const t0 = env.cluster.clock.now();
    expect(await env.run('delete pod nginx-pod --wait=false')).toEqual({ out: 'pod "nginx-pod" deleted\n', err: '', code: 0 });
    expect(env.cluster.clock.now()).toBe(t0);
    expect(env.get('pods', 'nginx-pod').metadata?.deletionTimestamp).toBeDefined();
  });

  it('--force --grace-period=0 warns and removes at once', async () => {
    const env = await withArticlePod();
    const r = await env.run('delete pod nginx-pod --force --grace-period=0');
    expect(r).toEqual({
      out: 'pod "nginx-pod" force deleted\n',
      err: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      code: 0,
    });
  });

  it('-l and --all select by label; nothing matching says so', async () => {
    const env = await withArticlePod();
    expect(await env.run('delete pods -l app=none')).toEqual({ out: 'No resources found\n', err: '', code: 0 });
    expect(await env.run('delete svc,pods -l app=nginx')).toEqual({ out: 'pod "nginx-pod" deleted\n', err: '', code: 0 });
    expect(await env.run('delete svc --all')).toEqual({ out: 'service "kubernetes" deleted\nservice "nginx-svc" deleted\n', err: '', code: 0 });
  });

  it('-o name and deployments by resource/name', async () => {
    const env = new Env();
    await env.run('create deployment web --image=nginx');
    env.advance(10_000);
    expect(await env.run('delete deploy/web -o name')).toEqual({ out: 'deployment.apps/web\n', err: '', code: 0 });
  });
});

describe('kubectl delete -i', () => {
  it('asks, and deletes only on y', async () => {
    const env = await withArticlePod();
    const prompt = 'You are about to delete the following 1 resource(s):\npod/nginx-pod\nDo you want to continue? (y/n): ';
    expect(await env.run('delete -i pod nginx-pod', { stdin: 'n\n' })).toEqual({ out: `${prompt}deletion is cancelled\n`, err: '', code: 0 });
    expect(env.get('pods', 'nginx-pod').metadata?.deletionTimestamp).toBeUndefined();
    expect(await env.run('delete -i pod nginx-pod', { stdin: 'Y\n' })).toEqual({ out: `${prompt}pod "nginx-pod" deleted\n`, err: '', code: 0 });
  });
});
