/**
 * Container tools against a real cluster: DNS tools in busybox and Ubuntu show the search-path
 * behaviour, CNAMEs and headless answers; curl shows kube-proxy's random spread, REJECT and
 * the timeout for an undefined port; ping; wget; apk; images with tools preinstalled.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { world, type World } from './harness.js';

const PODS = { group: '', resource: 'pods' };
const SERVICES = { group: '', resource: 'services' };

let w: World;
let nginxSvcIP: string;
let nginxPodIPs: string[];

beforeAll(async () => {
  w = world('kind', 7);
  for (const f of ['svc-example.yaml', 'deploy-example.yaml', 'external-endpoint.yaml', 'rtfm-service.yaml', 'headless.yaml']) {
    expect((await w.type(`kubectl apply -f ${f}`)).code).toBe(0);
  }
  w.cluster.advance(60_000);
  nginxSvcIP = (w.cluster.api.get(SERVICES, 'default', 'nginx-svc') as Service).spec!.clusterIP!;
  nginxPodIPs = (w.cluster.api.list(PODS, 'default').items as Pod[]).filter((p) => p.metadata?.labels?.app === 'nginx').map((p) => p.status!.podIP!).sort();
  expect(nginxPodIPs.length).toBe(3);
}, 60_000);

async function enter(image: string, name: string, shell: string): Promise<void> {
  const r = await w.type(`kubectl run ${name} --rm -i --tty --image ${image} -- ${shell}`);
  expect(r.all).toContain("If you don't see a command prompt, try pressing enter.");
}

describe('busybox', () => {
  beforeAll(() => enter('busybox', 'bb', 'sh'), 30_000);

  it('nslookup queries each search domain for a short name (A, then AAAA)', async () => {
    const r = await w.type('nslookup nginx-svc');
    expect(r.out).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
      `Name:\tnginx-svc.default.svc.cluster.local\nAddress: ${nginxSvcIP}\n\n` +
      "** server can't find nginx-svc.svc.cluster.local: NXDOMAIN\n\n** server can't find nginx-svc.cluster.local: NXDOMAIN\n\n" +
      '\n' +
      "** server can't find nginx-svc.svc.cluster.local: NXDOMAIN\n\n** server can't find nginx-svc.cluster.local: NXDOMAIN\n\n");
  });

  it('nslookup does not search for a dotted name (busybox ≥1.30 quirk)', async () => {
    const r = await w.type('nslookup nginx-svc.default');
    expect(r.out).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nginx-svc.default: NXDOMAIN\n\n** server can't find nginx-svc.default: NXDOMAIN\n\n");
  });

  it('wget -qO- fetches through the ClusterIP', async () => {
    const r = await w.type('wget -qO- nginx-svc');
    expect(r.out).toContain('<h1>Welcome to nginx!</h1>');
    expect(r.code).toBe(0);
  });

  it('wget reports a refused connection for a Service without endpoints', async () => {
    const ip = (w.cluster.api.get(SERVICES, 'default', 'lonely-svc') as Service).spec!.clusterIP!;
    const r = await w.type('wget lonely-svc');
    expect(r.err).toBe(`Connecting to lonely-svc (${ip}:80)\nwget: can't connect to remote host (${ip}): Connection refused\n`);
    expect(r.code).toBe(1);
  });

  it('ping: a ClusterIP never answers, a pod does', async () => {
    const svc = await w.type('ping -c 2 nginx-svc');
    expect(svc.out).toBe(`PING nginx-svc (${nginxSvcIP}): 56 data bytes\n\n--- nginx-svc ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n`);
    expect(svc.code).toBe(1);
    const pod = await w.type(`ping -c 1 ${nginxPodIPs[0]}`);
    expect(pod.out).toMatch(new RegExp(`^PING ${nginxPodIPs[0]} \\(${nginxPodIPs[0]}\\): 56 data bytes\n64 bytes from ${nginxPodIPs[0]}: seq=0 ttl=64 time=0\\.\\d{3} ms\n`));
    expect(pod.code).toBe(0);
  });

  it('nc -zv checks a port; a typed HTTP request gets the raw response', async () => {
    const open = await w.type('nc -zv nginx-svc 80');
    expect(open.err).toBe(`nginx-svc (${nginxSvcIP}:80) open\n`);
    expect(open.code).toBe(0);
    const ip = (w.cluster.api.get(SERVICES, 'default', 'lonely-svc') as Service).spec!.clusterIP!;
    expect((await w.type('nc -zv lonely-svc 80')).err).toBe(`nc: lonely-svc (${ip}:80): Connection refused\n`);
    const raw = await w.type("printf 'HEAD / HTTP/1.0\\r\\n\\r\\n' | nc nginx-svc 80 | head -2");
    expect(raw.out).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.29.3\r\n');
  });

  it('has no curl and no bash', async () => {
    expect((await w.type('curl nginx-svc')).err).toBe('sh: curl: not found\n');
  });

  it('leaves', async () => { expect((await w.type('exit')).all).toContain('pod "bb" deleted'); });
});

describe('ubuntu with dnsutils', () => {
  beforeAll(async () => {
    await enter('ubuntu', 'u', 'bash');
    expect((await w.type('apt-get update -qq && apt-get install -y -qq curl dnsutils iputils-ping > /dev/null')).code).toBe(0);
  }, 30_000);

  it('getent works before anything is installed, as glibc resolves', async () => {
    expect((await w.type('getent hosts nginx-svc')).out).toBe(`${nginxSvcIP.padEnd(15)} nginx-svc.default.svc.cluster.local\n`);
  });

  it('nslookup (bind9) uses the search list and shows the ExternalName CNAME', async () => {
    expect((await w.type('nslookup rtfm-service')).out).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nrtfm-service.default.svc.cluster.local\tcanonical name = rtfm.co.ua.\nName:\trtfm.co.ua\nAddress: 139.59.205.180\n\n');
    const nx = await w.type('nslookup nope');
    expect(nx.out).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n");
    expect(nx.code).toBe(1);
  });

  it('dig does not search unless +search', async () => {
    const plain = await w.type('dig nginx-svc');
    expect(plain.out).toContain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN,');
    expect(plain.out).toContain(';nginx-svc.\t\t\tIN\tA\n');
    const searched = await w.type('dig +search nginx-svc');
    expect(searched.out).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n');
    expect(searched.out).toContain(`;; ANSWER SECTION:\nnginx-svc.default.svc.cluster.local. 30 IN A\t${nginxSvcIP}\n`);
  });

  it('dig answers a headless Service with every ready pod, and SRV per endpoint', async () => {
    const a = await w.type('dig +short nginx-headless.default.svc.cluster.local');
    expect(a.out.trim().split('\n').sort()).toEqual(nginxPodIPs);
    const srv = await w.type('dig +short SRV _web._tcp.nginx-headless.default.svc.cluster.local');
    expect(srv.out.trim().split('\n').sort()).toEqual(nginxPodIPs.map((ip) => `0 33 80 ${ip.replace(/\./g, '-')}.nginx-headless.default.svc.cluster.local.`).sort());
  });

  it('host follows the CNAME', async () => {
    expect((await w.type('host rtfm-service')).out).toBe('rtfm-service.default.svc.cluster.local is an alias for rtfm.co.ua.\nrtfm.co.ua has address 139.59.205.180\n');
  });

  it('kube-proxy sends each connection to a random ready endpoint', async () => {
    const before = nginxPodIPs.map((ip) => w.cluster.runtime.podByIP(ip)!.containers[0]!.logs.length);
    for (let i = 0; i < 15; i++) expect((await w.type('curl -s -o /dev/null nginx-svc')).code).toBe(0);
    const after = nginxPodIPs.map((ip) => w.cluster.runtime.podByIP(ip)!.containers[0]!.logs.length);
    const hits = after.map((n, i) => n - before[i]!);
    expect(hits.reduce((s, x) => s + x, 0)).toBe(15);
    expect(hits.every((h) => h > 0)).toBe(true);
  });

  it('a Service without endpoints is refused at once', async () => {
    const r = await w.type('curl lonely-svc');
    expect(r.err).toMatch(/^curl: \(7\) Failed to connect to lonely-svc port 80 after \d ms: Couldn't connect to server\n$/);
    expect(r.code).toBe(7);
    const quiet = await w.type('curl -s lonely-svc');
    expect(quiet.all).toBe('');
    expect(quiet.code).toBe(7);
  });

  it('a port the Service does not define times out', async () => {
    const t0 = w.cluster.clock.now();
    const r = await w.type('curl --connect-timeout 3 nginx-svc:8080');
    expect(r.err).toBe('curl: (28) Failed to connect to nginx-svc port 8080 after 3001 ms: Timeout was reached\n');
    expect(w.cluster.clock.now() - t0).toBeGreaterThanOrEqual(3000);
    const long = await w.type('curl -sS nginx-svc:8080');
    expect(long.err).toMatch(/^curl: \(28\) Failed to connect to nginx-svc port 8080 after 1(29|3\d)\d{3} ms: Couldn't connect to server\n$/);
  });

  it('HTTPS to a name the certificate does not cover fails verification', async () => {
    const r = await w.type('curl https://rtfm-service');
    expect(r.err.split('\n')[0]).toBe("curl: (60) SSL: no alternative certificate subject name matches target host name 'rtfm-service'");
    expect(r.code).toBe(60);
    expect((await w.type('curl -sk https://rtfm-service | grep -c RTFM')).code).toBe(1);
  });

  it('ping (iputils) gets no reply from a ClusterIP', async () => {
    const r = await w.type('ping -c 2 nginx-svc');
    expect(r.out).toMatch(new RegExp(`^PING nginx-svc\\.default\\.svc\\.cluster\\.local \\(${nginxSvcIP.replace(/\./g, '\\.')}\\) 56\\(84\\) bytes of data\\.\n\n--- nginx-svc\\.default\\.svc\\.cluster\\.local ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 10\\d\\dms\n\n$`));
  });

  it('GNU wget after apt install wget logs as wget 1.21 does', async () => {
    expect((await w.type('apt-get install -y -qq wget > /dev/null')).code).toBe(0);
    const r = await w.type('wget -O - nginx-svc/x');
    expect(r.err).toMatch(new RegExp(`^--2025-06-01 \\d\\d:\\d\\d:\\d\\d--  http://nginx-svc/x\nResolving nginx-svc \\(nginx-svc\\)\\.\\.\\. ${nginxSvcIP.replace(/\./g, '\\.')}\n` +
      `Connecting to nginx-svc \\(nginx-svc\\)\\|${nginxSvcIP.replace(/\./g, '\\.')}\\|:80\\.\\.\\. connected\\.\nHTTP request sent, awaiting response\\.\\.\\. 404 Not Found\n` +
      `2025-06-01 \\d\\d:\\d\\d:\\d\\d ERROR 404: Not Found\\.\n\n$`));
    expect(r.code).toBe(8);
    expect((await w.type('wget -q nope')).err).toBe("wget: unable to resolve host address 'nope'\n");
  });

  it('leaves', async () => { expect((await w.type('exit')).all).toContain('pod "u" deleted'); });
});

describe('other images', () => {
  it('alpine: apk add curl, then curl works', async () => {
    await enter('alpine', 'al', 'sh');
    expect((await w.type('curl -s nginx-svc')).err).toBe('sh: curl: not found\n');
    const add = await w.type('apk add curl');
    expect(add.out).toBe(
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/main/x86_64/APKINDEX.tar.gz\n' +
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.22/community/x86_64/APKINDEX.tar.gz\n' +
      '(1/9) Installing brotli-libs (1.1.0-r2)\n(2/9) Installing c-ares (1.34.5-r0)\n(3/9) Installing libunistring (1.3-r0)\n' +
      '(4/9) Installing libidn2 (2.3.7-r0)\n(5/9) Installing nghttp2-libs (1.65.0-r0)\n(6/9) Installing libpsl (0.21.5-r3)\n' +
      '(7/9) Installing zstd-libs (1.5.7-r0)\n(8/9) Installing libcurl (8.14.1-r1)\n(9/9) Installing curl (8.14.1-r1)\n' +
      'Executing busybox-1.37.0-r18.trigger\nOK: 14 MiB in 25 packages\n');
    expect((await w.type('curl -s nginx-svc | grep title')).out).toBe('<title>Welcome to nginx!</title>\n');
    await w.type('exit');
  }, 30_000);

  it('nginx ships curl; localhost reaches its own server', async () => {
    const r = await w.type('kubectl exec nginx-pod -- curl -s localhost');
    expect(r.out).toContain('<title>Welcome to nginx!</title>');
    const logs = await w.type('kubectl logs nginx-pod --tail 1');
    expect(logs.out).toMatch(/^127\.0\.0\.1 - - \[\d\d\/Jun\/2025:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.14\.1" "-"\n$/);
  });
});
