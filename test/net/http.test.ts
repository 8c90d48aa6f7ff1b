import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/cluster/rng.js';
import { formatResponseHead, Network, NginxServer, type HttpRequest } from '../../src/net/index.js';
import { articleCluster, KIND_PROFILE } from './fake-api.js';

const NOW = Date.UTC(2025, 5, 1, 10, 5, 12);
const get = (target: string, host: string, method = 'GET'): HttpRequest => ({
  method, target, version: 'HTTP/1.1', headers: [['Host', host], ['User-Agent', 'curl/8.5.0'], ['Accept', '*/*']], body: '',
});

describe('nginx', () => {
  const logs: string[] = [];
  const ctx = { clientIP: '10.244.0.9', serverIP: '10.244.0.5', port: 80, tls: false, now: NOW, log: (l: string) => logs.push(l) };
  const nginx = new NginxServer({ version: '1.29.3' });

  it('serves the 615-byte welcome page with nginx 1.29 headers and logs the request', () => {
    const res = nginx.handle(get('/', 'nginx-svc'), ctx);
    expect(formatResponseHead(res)).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.29.3\r\nDate: Sun, 01 Jun 2025 10:05:12 GMT\r\nContent-Type: text/html\r\n' +
      'Content-Length: 615\r\nLast-Modified: Tue, 28 Oct 2025 17:02:51 GMT\r\nConnection: keep-alive\r\n' +
      'ETag: "6900f73b-267"\r\nAccept-Ranges: bytes\r\n\r\n');
    expect(res.body).toContain('<title>Welcome to nginx!</title>');
    expect(logs.pop()).toBe('10.244.0.9 - - [01/Jun/2025:10:05:12 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"');
  });

  it('answers 404 with its 153-byte CRLF page', () => {
    const res = new NginxServer({ version: '1.27.5' }).handle(get('/x', 'nginx-svc'), ctx);
    expect(res.status).toBe(404);
    expect(res.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n');
    expect(logs.pop()).toMatch(/"GET \/x HTTP\/1\.1" 404 153 "-" "curl\/8\.5\.0" "-"$/);
    expect(logs.pop()).toBe('2025/06/01 10:05:12 [error] 29#29: *1 open() "/usr/share/nginx/html/x" failed (2: No such file or directory), ' +
      'client: 10.244.0.9, server: localhost, request: "GET /x HTTP/1.1", host: "nginx-svc"');
  });

  it('sends no body for HEAD and logs 0 bytes', () => {
    const res = nginx.handle(get('/', 'x', 'HEAD'), ctx);
    expect(res.body).toBe('');
    expect(logs.pop()).toContain('"HEAD / HTTP/1.1" 200 0 ');
  });
});

describe('rtfm.co.ua virtual hosts', () => {
  const n = new Network({ api: articleCluster(), profile: KIND_PROFILE, clock: { now: () => NOW }, rng: new SeededRandom(1) });
  const site = n.internet.siteAt('139.59.205.180')!;
  const ctx = (tls: boolean) => ({ clientIP: '10.244.0.9', serverIP: '139.59.205.180', port: tls ? 443 : 80, tls, now: NOW, log: () => {} });
  it('redirects plain HTTP for any Host to https://rtfm.co.ua', () => {
    for (const host of ['external-svc', 'rtfm-service', 'rtfm.co.ua']) {
      const res = site.server.handle(get('/', host), ctx(false));
      expect(res.status).toBe(301);
      expect(res.headers).toContainEqual(['Location', 'https://rtfm.co.ua/']);
    }
  });
  it('serves the blog with its title over HTTPS', () => {
    const res = site.server.handle(get('/', 'rtfm.co.ua'), ctx(true));
    expect(res.body.split('\n')).toContain('<title>RTFM: Linux, DevOps, and system administration</title>');
  });
  it('example.com refuses an unknown Host with Akamai\'s 400', () => {
    const ex = n.internet.siteAt('23.192.228.80')!;
    expect(ex.server.handle(get('/', 'externalname-svc'), ctx(false)).status).toBe(400);
    expect(ex.server.handle(get('/', 'example.com'), ctx(false)).body).toContain('<title>Example Domain</title>');
  });
});
