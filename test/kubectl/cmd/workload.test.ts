import { describe, expect, it } from 'vitest';
import { Env, manifest } from './harness.js';

const ok = (out: string): { out: string; err: string; code: number } => ({ out, err: '', code: 0 });

async function deployed(): Promise<Env> {
  const env = new Env();
  manifest(env, 'deploy-example.yaml');
  await env.run('apply -f deploy-example.yaml');
  env.advance(60_000);
  return env;
}

describe('kubectl set', () => {
  it('image: updated, unknown container, no-op prints nothing', async () => {
    const env = await deployed();
    expect(await env.run('set image deployment/nginx-deploy nginx-container=nginx:1.25')).toEqual(ok('deployment.apps/nginx-deploy image updated\n'));
    expect(await env.run('set image deployment/nginx-deploy nginx-container=nginx:1.25')).toEqual(ok(''));
    const before = env.snapshot();
    expect(await env.run('set image deployment/nginx-deploy nginx=nginx:1.26')).toEqual({ out: '', err: 'error: unable to find container named "nginx"\n', code: 1 });
    expect(await env.run('set image deployment/nginx-deploy')).toEqual({ out: '', err: 'error: at least one image update is required\n', code: 1 });
    expect(env.snapshot()).toBe(before);
  });

  it('env and resources', async () => {
    const env = await deployed();
    expect(await env.run('set env deployment/nginx-deploy MODE=prod')).toEqual(ok('deployment.apps/nginx-deploy env updated\n'));
    expect(await env.run('set env deployment/nginx-deploy --list')).toEqual(ok('# Deployment nginx-deploy, container nginx-container\nMODE=prod\n'));
    expect(await env.run('set resources deployment/nginx-deploy --limits=cpu=200m --dry-run=client')).toEqual(ok('deployment.apps/nginx-deploy resource requirements updated (dry run)\n'));
  });
});

describe('kubectl rollout', () => {
  it('status streams progress as the clock advances, then succeeds', async () => {
    const env = new Env();
    manifest(env, 'deploy-example.yaml');
    await env.run('apply -f deploy-example.yaml');
    const r = await env.run('rollout status deployment/nginx-deploy');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('deployment "nginx-deploy" successfully rolled out');
    expect(lines.slice(0, -1).every((l) => /^Waiting for deployment "nginx-deploy" rollout to finish: /.test(l) || l === 'Waiting for deployment spec update to be observed...')).toBe(true);
    expect(lines.some((l) => /\d of 2 updated replicas are available\.\.\.$/.test(l))).toBe(true);
  });

  it('history, undo, pause, resume, restart', async () => {
    const env = await deployed();
    expect(await env.run('rollout history deployment/nginx-deploy')).toEqual(ok('deployment.apps/nginx-deploy \nREVISION  CHANGE-CAUSE\n1         <none>\n\n'));
    await env.run('set image deployment/nginx-deploy nginx-container=nginx:1.25');
    env.advance(60_000);
    expect(await env.run('rollout history deployment/nginx-deploy')).toEqual(ok('deployment.apps/nginx-deploy \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n'));
    expect(await env.run('rollout undo deployment/nginx-deploy')).toEqual(ok('deployment.apps/nginx-deploy rolled back\n'));
    env.advance(60_000);
    const d = env.get('deployments', 'nginx-deploy', 'apps') as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(d.spec.template.spec.containers[0]!.image).toBe('nginx');
    expect(await env.run('rollout undo deployment/nginx-deploy --to-revision=9')).toEqual({ out: '', err: 'error: unable to find specified revision 9 in history\n', code: 1 });
    expect(await env.run('rollout pause deployment/nginx-deploy')).toEqual(ok('deployment.apps/nginx-deploy paused\n'));
    expect(await env.run('rollout pause deployment/nginx-deploy')).toEqual(ok('deployment.apps/nginx-deploy already paused\n'));
    expect(await env.run('rollout restart deployment/nginx-deploy')).toEqual({ out: '', err: 'error: deployments.apps "nginx-deploy" can\'t restart paused deployment (run rollout resume first)\n', code: 1 });
    expect(await env.run('rollout resume deployment/nginx-deploy')).toEqual(ok('deployment.apps/nginx-deploy resumed\n'));
    expect(await env.run('rollout restart deployment/nginx-deploy')).toEqual(ok('deployment.apps/nginx-deploy restarted\n'));
  });
});

describe('kubectl wait', () => {
  it('condition met, timeout, delete', async () => {
    const env = new Env();
    await env.run('run web --image=nginx');
    expect(await env.run('wait --for=condition=Ready pod/web --timeout=120s')).toEqual(ok('pod/web condition met\n'));
    expect(await env.run(['wait', '--for=jsonpath={.status.phase}=Running', 'pod/web'])).toEqual(ok('pod/web condition met\n'));
    expect(await env.run('wait --for=condition=Nope pod/web --timeout=2s')).toEqual({ out: '', err: 'error: timed out waiting for the condition on pods/web\n', code: 1 });
    await env.run('delete pod web --wait=false');
    expect(await env.run('wait --for=delete pod/web --timeout=60s')).toEqual(ok('pod/web condition met\n'));
    expect(await env.run('wait pod/web')).toEqual({ out: '', err: 'error: unrecognized condition: ""\n', code: 1 });
  });
});

describe('kubectl logs and exec', () => {
  it('logs prints the container output; errors for missing pods', async () => {
    const env = await deployed();
    manifest(env, 'svc-example.yaml');
    await env.run('apply -f svc-example.yaml');
    env.advance(30_000);
    const r = await env.run('logs nginx-pod');
    expect(r.code).toBe(0);
    expect(r.out).toContain('start worker processes');
    expect((await env.run('logs nginx-pod --tail=1')).out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(await env.run('logs nope')).toEqual({ out: '', err: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    expect(await env.run('logs')).toEqual({ out: '', err: "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n", code: 1 });
    // A selector shows the last 10 lines of each container unless --tail is given.
    const full = r.out.split('\n').filter(Boolean);
    expect(full.length).toBeGreaterThan(10);
    expect((await env.run('logs -l app=nginx')).out).toBe((await env.run('logs -l app=nginx --tail=10')).out);
    expect((await env.run('logs -l run=nope')).err).toBe('No resources found in default namespace.\n');
    const one = await env.run('logs -l app=nginx --prefix');
    expect(one.out.split('\n').filter((l) => l.startsWith('[pod/nginx-pod/nginx-container] '))).toHaveLength(10);
    expect((await env.run('logs -l app=nginx --tail=-1 --prefix')).out.split('\n').filter((l) => l.startsWith('[pod/nginx-pod/'))).toHaveLength(full.length);
    const dep = await env.run('logs deploy/nginx-deploy');
    expect(dep.err).toMatch(/^Found 3 pods, using pod\/nginx-deploy-/);
  });

  it('exec hands {kind: exec} to the caller; old syntax and missing command are errors', async () => {
    const env = await deployed();
    manifest(env, 'svc-example.yaml');
    await env.run('apply -f svc-example.yaml');
    env.advance(30_000);
    expect(await env.run('exec -it nginx-pod -- bash')).toEqual(ok(''));
    expect(env.interactions.at(-1)).toEqual({ kind: 'exec', namespace: 'default', pod: 'nginx-pod', container: 'nginx-container', command: ['bash'], stdin: true, tty: true });
    expect(await env.run('exec nginx-pod -- false', { interact: async () => 1 })).toEqual({ out: '', err: 'command terminated with exit code 1\n', code: 1 });
    expect(await env.run('exec nginx-pod ls')).toEqual({ out: '', err: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", code: 1 });
    expect(await env.run('exec nginx-pod')).toEqual({ out: '', err: 'error: you must specify at least one command for the container\n', code: 1 });
    expect(await env.run('exec nope -- ls')).toEqual({ out: '', err: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
  });

  it('exec into a container that is still being created', async () => {
    const env = new Env();
    await env.run('run slow --image=nginx');
    env.advance(1);
    expect(await env.run('exec slow -- ls')).toEqual({ out: '', err: 'error: unable to upgrade connection: container not found ("slow")\n', code: 1 });
    expect(await env.run('logs slow')).toEqual({ out: '', err: 'Error from server (BadRequest): container "slow" in pod "slow" is waiting to start: ContainerCreating\n', code: 1 });
  });
});

describe('streams until interrupted', () => {
  it('logs -f prints new lines as they are written, until Ctrl-C', async () => {
    const env = await deployed();
    manifest(env, 'svc-example.yaml');
    await env.run('apply -f svc-example.yaml');
    env.advance(30_000);
    const initial = (await env.run('logs nginx-pod')).out;
    const t0 = env.cluster.clock.now();
    const r = await env.run('logs -f nginx-pod', { abortAfterMs: 5_000 });
    expect(r.out.startsWith(initial)).toBe(true);
    expect(r.code).toBe(0);
    expect(env.cluster.clock.now() - t0).toBeGreaterThanOrEqual(5_000);
  });

  it('port-forward blocks until Ctrl-C and refuses a pod that is not running', async () => {
    const env = await deployed();
    manifest(env, 'svc-example.yaml');
    await env.run('apply -f svc-example.yaml');
    env.advance(30_000);
    const r = await env.run('port-forward pod/nginx-pod 8080:80 9090:80', { abortAfterMs: 3_000 });
    expect(r).toEqual(ok('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\nForwarding from 127.0.0.1:9090 -> 80\nForwarding from [::1]:9090 -> 80\n'));
    await env.run('run fresh --image=nginx');
    expect(await env.run('port-forward fresh 8080:80')).toEqual({ out: '', err: 'error: unable to forward port because pod is not running. Current status=Pending\n', code: 1 });
  });
});

describe('kubectl rollout, as real kubectl prints it', () => {
  it('history --revision prints the raw pod template; undo without history fails', async () => {
    const env = await deployed();
    const r = await env.run('rollout history deployment/nginx-deploy --revision=1');
    const hash = (env.api.list({ group: 'apps', resource: 'replicasets' }, 'default').items[0]!.metadata!.labels!['pod-template-hash'])!;
    expect(r).toEqual(ok(`deployment.apps/nginx-deploy with revision #1
Pod Template:
  Labels:\tapp=nginx
\tpod-template-hash=${hash}
  Containers:
   nginx-container:
    Image:\tnginx
    Port:\t80/TCP
    Host Port:\t0/TCP
    Environment:\t<none>
    Mounts:\t<none>
  Volumes:\t<none>
  Node-Selectors:\t<none>
  Tolerations:\t<none>

`));
    expect(await env.run('rollout undo deploy/nginx-deploy --dry-run=client')).toEqual({ out: '', err: 'error: no rollout history found for deployment "nginx-deploy"\n', code: 1 });
    expect(await env.run('rollout history deployment/nginx-deploy --revision=7')).toEqual({ out: '', err: 'error: unable to find the specified revision\n', code: 1 });
  });
});
