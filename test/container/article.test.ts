/**
 * The seed article's payoff, end to end through the cluster, kubectl, the shell and the
 * network: an ubuntu pod has no curl until `apt update && apt -y install curl`; then the
 * selector-less Service with hand-written Endpoints and the ExternalName Service both reach
 * rtfm.co.ua and `grep <title>` prints the blog's title.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { world, type World } from './harness.js';

const TITLE = '<title>RTFM: Linux, DevOps, and system administration</title>\n';

describe.each(['kind', 'eks-article'])('article on %s: Endpoints to an outside server, ExternalName', (profile) => {
  let w: World;
  beforeAll(async () => {
    w = world(profile);
    expect((await w.type('kubectl apply -f svc-example.yaml')).code).toBe(0);
    expect((await w.type('kubectl apply -f external-endpoint.yaml')).out).toBe('service/external-svc created\nendpoints/external-svc created\n');
    expect((await w.type('kubectl apply -f rtfm-service.yaml')).code).toBe(0);
    w.cluster.advance(30_000);
    const run = await w.type('kubectl run pod --rm -i --tty --image ubuntu -- bash');
    expect(run.all).toContain("If you don't see a command prompt, try pressing enter.");
    expect(w.session.currentHost()).toBe('pod/pod');
  }, 60_000);

  it('has no curl in a fresh ubuntu container', async () => {
    const r = await w.type('curl external-svc');
    expect(r.err).toBe('bash: curl: command not found\n');
    expect(r.code).toBe(127);
  });

  it('cannot install before apt update', async () => {
    const r = await w.type('apt -y install curl');
    expect(r.out).toBe('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
    expect(r.err).toBe('E: Unable to locate package curl\n');
    expect(r.code).toBe(100);
  });

  it('installs curl with apt update && apt -y install curl', async () => {
    const r = await w.type('apt update && apt -y install curl');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]\n');
    expect(r.out).toContain('All packages are up to date.\n');
    expect(r.out).toContain('0 upgraded, 21 newly installed, 0 to remove and 0 not upgraded.\nNeed to get 3566 kB of archives.\nAfter this operation, 9211 kB of additional disk space will be used.\n');
    expect(r.out).toContain('Fetched 3566 kB in 1s (');
    expect(r.out).toContain('Get:19 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 curl amd64 8.5.0-2ubuntu10.6 [226 kB]\n');
    expect(r.out).toContain('Setting up curl (8.5.0-2ubuntu10.6) ...\n');
    expect(r.out.trimEnd().split('\n').pop()).toBe('done.');
  });

  it('curl -Ls external-svc | grep \\<title\\> prints the blog title', async () => {
    const r = await w.type('curl -Ls external-svc | grep \\<title\\>');
    expect(r.all).toBe(TITLE);
  });

  it('works by FQDN too', async () => {
    expect((await w.type('curl -Ls external-svc.default.svc.cluster.local | grep \\<title\\>')).all).toBe(TITLE);
  });

  it('works through the ExternalName Service', async () => {
    expect((await w.type('curl -Ls rtfm-service | grep \\<title\\>')).all).toBe(TITLE);
  });

  it('without -L shows the server\'s redirect to its canonical name', async () => {
    const r = await w.type('curl -sI external-svc');
    expect(r.out).toMatch(/^HTTP\/1\.1 301 Moved Permanently\r\nServer: nginx\r\n/);
    expect(r.out).toContain('Location: https://rtfm.co.ua/\r\n');
  });

  it('reaches nginx through the ClusterIP and logs the request in the pod', async () => {
    const r = await w.type('curl -s nginx-svc');
    expect(r.out).toContain('<title>Welcome to nginx!</title>');
    const pod = w.cluster.runtime.pod('default', 'nginx-pod')!;
    const ip = w.cluster.runtime.pod('default', 'pod')!.podIP;
    expect(pod.containers[0]!.logs.at(-1)).toMatch(new RegExp(`^${ip!.replace(/\./g, '\\.')} - - \\[01/Jun/2025:10:\\d\\d:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 615 "-" "curl/8\\.5\\.0" "-"$`));
  });

  it('has the profile\'s resolv.conf', async () => {
    const r = await w.type('cat /etc/resolv.conf');
    expect(r.out).toBe(profile === 'kind'
      ? 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'
      : 'search default.svc.cluster.local svc.cluster.local cluster.local us-east-2.compute.internal\nnameserver 172.20.0.10\noptions ndots:5\n');
  });

  it('fails to resolve a name that does not exist', async () => {
    const r = await w.type('curl nope');
    expect(r.err).toBe('curl: (6) Could not resolve host: nope\n');
    expect(r.code).toBe(6);
  });

  it('shows the progress meter when piped without -s', async () => {
    const r = await w.type('curl nginx-svc | grep -c nginx');
    expect(r.err).toMatch(/^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n {33}Dload  Upload   Total   Spent    Left  Speed\n\r {2}0 {5}0 {4}0 {5}0 {4}0 {5}0 {6}0 {6}0 --:--:-- --:--:-- --:--:-- {5}0\r100 {3}615 {2}100 {3}615 {4}0 {5}0 /);
    expect(r.err.endsWith('\n')).toBe(true);
  });
});
