/** `sh` in Debian/Ubuntu images (and on the workstation) is dash: its prompt and error texts. */
import { describe, expect, it } from 'vitest';
import { clusterHarness } from './cluster-harness.js';

describe('dash as /bin/sh in bash images', () => {
  it('kubectl exec -it pod -- sh: `# ` prompt, numbered not-found and syntax errors, no `exit` echo', async () => {
    const h = clusterHarness();
    await h.run('kubectl apply -f svc-example.yaml');
    await h.wait(60_000);
    expect(await h.run('kubectl exec -it nginx-pod -- sh')).toBe('');
    expect(h.session.prompt()).toBe('# ');
    expect(await h.run('ps aux')).toBe('sh: 1: ps: not found\n');
    expect(await h.run('echo hi')).toBe('hi\n');
    expect(await h.run('foo')).toBe('sh: 3: foo: not found\n');
    expect(await h.run('if then')).toBe('sh: 4: Syntax error: "then" unexpected\n');
    expect(await h.run('exit')).toBe('command terminated with exit code 2\n');
    expect(h.session.prompt()).toBe('learner@kubelab:~$ ');
  });

  it('sh -c and a nested sh typed in bash are dash too; bash stays bash', async () => {
    const h = clusterHarness();
    await h.run('kubectl apply -f svc-example.yaml');
    await h.wait(60_000);
    expect(await h.run("kubectl exec nginx-pod -- sh -c 'foo'")).toBe('sh: 1: foo: not found\ncommand terminated with exit code 127\n');
    await h.run('kubectl exec -it nginx-pod -- bash');
    expect(await h.run('sh')).toBe('');
    expect(h.session.prompt()).toBe('# ');
    expect(await h.run('nosuch')).toBe('sh: 1: nosuch: not found\n');
    expect(await h.run('exit')).toBe('');
    expect(h.session.prompt()).toBe('root@nginx-pod:/# ');
    expect(await h.run('nosuch')).toBe('bash: nosuch: command not found\n');
  });
});
