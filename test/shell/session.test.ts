import { describe, expect, it } from 'vitest';
import { clusterHarness } from './cluster-harness.js';
import { harness } from './helpers.js';

describe('session basics', () => {
  it('prompts: workstation, continuation, after cd', async () => {
    const h = harness();
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
    await h.run('cat <<EOF');
    expect(h.session.prompt()).toBe('> ');
    await h.run('EOF', 'cd /etc');
    expect(h.session.prompt()).toBe('learner@kubelab:/etc$ ');
  });

  it('never throws on odd input and stays usable', async () => {
    const h = harness();
    for (const line of ['', '   ', ';;', ')', '$(', '`', '"\\', "'", '\u0000', 'echo ${', '}', '<<', '> ', '2>&', '&&&', '| |']) {
      await h.run(line);
      await h.session.feed('\x04', { stdout: () => {}, stderr: () => {} }, new AbortController().signal);
    }
    expect(await h.run('echo ok')).toBe('ok\n');
  });

  it('Ctrl-D in a continuation ends it with bash\'s EOF errors; on the workstation it is ignored', async () => {
    const h = harness();
    await h.run('echo "open');
    expect(await h.run('\x04')).toBe('bash: unexpected EOF while looking for matching `"\'\n');
    await h.run('echo $(ls');
    expect(await h.run('\x04')).toBe("bash: unexpected EOF while looking for matching `)'\n");
    await h.run('for i in 1');
    expect(await h.run('\x04')).toBe('bash: syntax error: unexpected end of file\n');
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
    expect(await h.run('\x04')).toBe('');
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
  });

  it('bash starts a nested shell; exit leaves it', async () => {
    const h = harness();
    await h.run('export KEEP=1; LOCAL=2', 'bash');
    expect(await h.run('echo "$KEEP/$LOCAL"')).toBe('1/\n');
    expect(await h.run('exit 3')).toBe('exit\n');
    expect(await h.run('echo $? $LOCAL')).toBe('3 2\n');
    expect(await h.run("bash -c 'echo inside; exit 4'; echo $?")).toBe('inside\n4\n');
  });

  it('Tab completion: commands, files, directories', () => {
    const h = harness({ files: { 'svc-example.yaml': '', 'sub/x': '' } });
    expect(h.session.complete('kub')).toEqual({ replaceFrom: 0, candidates: ['kubectl'] });
    expect(h.session.complete('cat sv')).toEqual({ replaceFrom: 4, candidates: ['svc-example.yaml'] });
    expect(h.session.complete('ls s')).toEqual({ replaceFrom: 3, candidates: ['sub/', 'svc-example.yaml'] });
    expect(h.session.complete('cat sub/')).toEqual({ replaceFrom: 4, candidates: ['sub/x'] });
    expect(h.session.complete('echo a | gr')).toEqual({ replaceFrom: 9, candidates: ['grep'] });
  });

  it('snapshot/restore keeps files, cwd, variables and history through JSON', async () => {
    const h = harness();
    await h.run('mkdir w && cd w && echo data > f.txt', 'export COLOR=blue');
    const json = JSON.stringify(h.session.snapshot());
    const { createSession } = await import('../../src/shell/session.js');
    const { HeadlessTime } = await import('../../src/shell/time.js');
    const { fakeApi } = await import('./helpers.js');
    const restored = createSession({ cluster: { api: fakeApi(), clock: { now: () => 0 } }, time: new HeadlessTime({ advance: () => {} }), snapshot: JSON.parse(json) });
    let out = '';
    await restored.feed('pwd; cat f.txt; echo $COLOR; history', { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } }, new AbortController().signal);
    expect(restored.prompt()).toBe('learner@kubelab:~/w$ ');
    expect(out).toBe('/home/learner/w\ndata\nblue\n    1  mkdir w && cd w && echo data > f.txt\n    2  export COLOR=blue\n    3  pwd; cat f.txt; echo $COLOR; history\n');
  });
});

describe('kubectl on the workstation (real cluster)', () => {
  it('applies files relative to cwd and reads stdin', async () => {
    const h = clusterHarness({ files: { 'svc-example.yaml': (await import('./cluster-harness.js')).SVC_EXAMPLE, 'm/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p2\nspec:\n  containers:\n  - name: c\n    image: nginx\n' } });
    expect(await h.run('kubectl apply -f svc-example.yaml')).toBe('pod/nginx-pod created\nservice/nginx-svc created\n');
    expect(await h.run('cd m && kubectl create -f pod.yaml')).toBe('pod/p2 created\n');
    expect(await h.run('cat pod.yaml | sed s/p2/p3/ | kubectl apply -f -')).toBe('pod/p3 created\n');
    expect(await h.run('kubectl apply -f nope.yaml; echo $?')).toBe("error: the path \"nope.yaml\" does not exist\n1\n");
    expect(await h.run('kubectl get pods -o name | sort')).toBe('pod/nginx-pod\npod/p2\npod/p3\n');
  });

  it('kubectl get -w streams until Ctrl-C', async () => {
    const h = clusterHarness();
    await h.run('kubectl apply -f svc-example.yaml');
    const ctl = new AbortController();
    h.time.setBudget(60_000, () => ctl.abort());
    let out = '';
    const r = await h.session.feed('kubectl get pods -w', { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } }, ctl.signal);
    expect(r.exitCode).toBe(130);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines[1]).toMatch(/^nginx-pod\s+0\/1\s+(Pending|ContainerCreating)/);
    expect(lines[lines.length - 1]).toMatch(/^nginx-pod\s+1\/1\s+Running/);
  });

  it('Tab completes kubectl verbs, resource types and names from the API', async () => {
    const h = clusterHarness();
    await h.run('kubectl apply -f svc-example.yaml');
    expect(h.session.complete('kubectl desc').candidates).toEqual(['describe']);
    expect(h.session.complete('kubectl get endpoi').candidates).toEqual(['endpoints', 'endpointslices']);
    expect(h.session.complete('kubectl get pods ngi')).toEqual({ replaceFrom: 17, candidates: ['nginx-pod'] });
    expect(h.session.complete('kubectl describe svc/ng')).toEqual({ replaceFrom: 21, candidates: ['nginx-svc'] });
    expect(h.session.complete('kubectl -n kube-s').candidates).toEqual(['kube-system']);
    expect(h.session.complete('kubectl apply -f sv').candidates).toEqual(['svc-example.yaml']);
  });
});

describe('commands reading the terminal', () => {
  it('cat > file takes typed lines until Ctrl-D, then the line goes on', async () => {
    const h = harness();
    expect(await h.run('cat > pod.yaml; echo saved')).toBe('');
    expect(h.session.prompt()).toBe('');
    await h.run('kind: Pod', '  name: x');
    expect(h.last.complete).toBe(false);
    expect(await h.run('\x04')).toBe('saved\n');
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
    expect(await h.run('cat pod.yaml')).toBe('kind: Pod\n  name: x\n');
    expect(await h.run('cat', 'typed', '\x04')).toBe('typed\n');
  });

  it('kubectl apply -f - reads the YAML typed at the terminal', async () => {
    const h = clusterHarness();
    await h.run('kubectl apply -f -', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: typed');
    expect(await h.run('\x04')).toBe('configmap/typed created\n');
  });
});
