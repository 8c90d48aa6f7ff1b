/** The nginx binary inside the nginx image: what `nginx -v` / `-t` / `-s reload` print (stderr). */
import { describe, expect, it } from 'vitest';
import { world } from './harness.js';

describe('nginx in the nginx image', () => {
  it('-v, -t, -s reload, a bad option; busybox has no nginx', async () => {
    const w = world('kind', 7);
    await w.type('kubectl run web --image nginx');
    await w.type('kubectl run bb --image busybox -- sleep 1d');
    w.cluster.advance(60_000);
    expect(await w.type('kubectl exec web -- nginx -v')).toMatchObject({ out: '', err: 'nginx version: nginx/1.29.3\n', code: 0 });
    expect((await w.type('kubectl exec web -- nginx -t')).err).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect((await w.type('kubectl exec web -- nginx -s reload')).err).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] (\d+)#\1: signal process started\n$/);
    expect(await w.type('kubectl exec web -- nginx -x')).toMatchObject({ err: 'nginx: invalid option: "x"\ncommand terminated with exit code 1\n', code: 1 });
    expect((await w.type('kubectl exec web -- which nginx')).out).toBe('/usr/sbin/nginx\n');
    await w.type('kubectl run old --image nginx:1.27');
    w.cluster.advance(60_000);
    expect((await w.type('kubectl exec old -- nginx -v')).err).toBe('nginx version: nginx/1.27.5\n');
    expect((await w.type('kubectl exec old -- curl -sI localhost')).out).toMatch(/\r\nServer: nginx\/1\.27\.5\r\n/);
    expect((await w.type('kubectl exec bb -- nginx -v')).err).toMatch(/exec: "nginx": executable file not found in \$PATH/);
  });
});
