import { describe, expect, it } from 'vitest';
import { Env, manifest } from './harness.js';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

async function withService(): Promise<Env> {
  const env = new Env();
  manifest(env, 'svc-example.yaml');
  await env.run('apply -f svc-example.yaml');
  env.advance(30_000);
  return env;
}

describe('kubectl edit', () => {
  it('opens the object under the header; unchanged → cancelled', async () => {
    const env = await withService();
    const before = env.snapshot();
    expect(await env.run('edit svc nginx-svc')).toEqual({ out: '', err: 'Edit cancelled, no changes made.\n', code: 0 });
    expect(env.editTexts[0]!.startsWith(HEADER + 'apiVersion: v1\nkind: Service\n')).toBe(true);
    expect(env.editTexts[0]).toBe(HEADER + (await env.run('get svc nginx-svc -o yaml')).out);
    expect(env.snapshot()).toBe(before);
  });

  it('a change is patched: service/x edited', async () => {
    const env = await withService();
    env.editResults.push((t) => t.replace('port: 80\n', 'port: 8080\n'));
    expect(await env.run('edit svc nginx-svc')).toEqual({ out: 'service/nginx-svc edited\n', err: '', code: 0 });
    expect((env.get('services', 'nginx-svc').spec as { ports: { port: number }[] }).ports[0]!.port).toBe(8080);
  });

  it('a syntax error reopens the file with the reason; saving it unchanged gives up', async () => {
    const env = await withService();
    env.editResults.push((t) => t.replace('kind: Service\n', 'kind: Service\n  bad: [\n'));
    env.editResults.push((t) => t);
    const r = await env.run('edit svc nginx-svc');
    expect(env.editTexts[1]!.startsWith(HEADER + '# The edited file had a syntax error: error converting YAML to JSON: yaml: line ')).toBe(true);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
  });

  it('an invalid change reopens with the server causes, a fix then succeeds', async () => {
    const env = await withService();
    env.editResults.push((t) => t.replace('port: 80\n', 'port: 99999\n'));
    env.editResults.push((t) => t.replace('port: 99999\n', 'port: 81\n'));
    const r = await env.run('edit svc nginx-svc');
    expect(r.err).toBe('error: services "nginx-svc" is invalid\n');
    expect(r.out).toBe('service/nginx-svc edited\n');
    expect(env.editTexts[1]).toContain('# services "nginx-svc" was not valid:\n# * spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n#\n');
  });

  it('an emptied file cancels', async () => {
    const env = await withService();
    env.editResults.push(() => '# nothing\n');
    expect(await env.run('edit svc/nginx-svc')).toEqual({ out: '', err: 'Edit cancelled, saved file was empty.\n', code: 0 });
  });
});

describe('kubectl replace', () => {
  it('replaces from a file; --force deletes and recreates', async () => {
    const env = await withService();
    env.write('svc.yaml', (await env.run('get svc nginx-svc -o yaml')).out.replace('port: 80\n', 'port: 81\n'));
    expect(await env.run('replace -f svc.yaml')).toEqual({ out: 'service/nginx-svc replaced\n', err: '', code: 0 });
    const stale = await env.run('replace -f svc.yaml');
    expect(stale.code).toBe(1);
    expect(stale.err).toBe('Error from server (Conflict): error when replacing "svc.yaml": Operation cannot be fulfilled on services "nginx-svc": the object has been modified; please apply your changes to the latest version and try again\n');
    manifest(env, 'new-svc.yaml');
    expect(await env.run('replace -f new-svc.yaml')).toEqual({ out: '', err: 'Error from server (NotFound): error when replacing "new-svc.yaml": services "new-svc" not found\n', code: 1 });
    expect(await env.run('replace --force -f svc-example.yaml')).toEqual({ out: 'pod "nginx-pod" deleted\nservice "nginx-svc" deleted\npod/nginx-pod replaced\nservice/nginx-svc replaced\n', err: '', code: 0 });
  });
});

describe('kubectl diff', () => {
  it('no output and exit 0 when equal; a unified diff and exit 1 when not', async () => {
    const env = await withService();
    expect(await env.run('diff -f svc-example.yaml')).toEqual({ out: '', err: '', code: 0 });
    env.write('changed.yaml', env.files.get('svc-example.yaml')!.replace('port: 80\n', 'port: 8080\n'));
    const r = await env.run('diff -f changed.yaml');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^diff -u -N \/tmp\/LIVE-\d+\/v1\.Service\.default\.nginx-svc \/tmp\/MERGED-\d+\/v1\.Service\.default\.nginx-svc$/);
    expect(lines[1]).toMatch(/^--- \/tmp\/LIVE-\d+\/v1\.Service\.default\.nginx-svc\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/);
    expect(r.out).toContain('\n-  - port: 80\n+  - port: 8080\n');
    expect(r.out).toContain('-      {"apiVersion":"v1","kind":"Service"');
    expect((env.get('services', 'nginx-svc').spec as { ports: { port: number }[] }).ports[0]!.port).toBe(80);
  });
});

describe('kubectl port-forward and attach', () => {
  it('port-forward prints the Forwarding lines for a service port resolved to the pod', async () => {
    const env = await withService();
    const r = await env.run('port-forward svc/nginx-svc 8080:80', { abortAfterMs: 2_000 });
    expect(r.out).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
  });

  it('attach to a container without a TTY', async () => {
    const env = await withService();
    const r = await env.run('attach nginx-pod -it');
    expect(r.err).toBe("error: Unable to use a TTY - container nginx-container did not allocate one\nIf you don't see a command prompt, try pressing enter.\n");
    expect(env.interactions.at(-1)).toEqual({ kind: 'attach', namespace: 'default', pod: 'nginx-pod', container: 'nginx-container', stdin: true, tty: false });
  });
});
