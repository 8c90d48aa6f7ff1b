/**
 * Package mirrors and a few well-known sites: enough for apt/apk to find their hosts and for
 * curl/ping to reach something real-looking. Paths under the mirror root answer 200 with a
 * short listing; apt and apk themselves simulate their downloads (see src/shell/container).
 */
import { byteLength, header, httpDate, requestPath, type HttpRequest, type HttpResponse, type ServerContext } from '../http.js';
import type { Site } from '../internet.js';
import { hostOnly, nginxFrontResponse } from './redirect.js';

function apacheIndex(root: string, serverName: string) {
  return (req: HttpRequest, ctx: ServerContext): HttpResponse => {
    const path = requestPath(req.target);
    const ok = path === '/' || path.startsWith(root);
    const body = ok
      ? `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html>\n <head>\n  <title>Index of ${path}</title>\n </head>\n <body>\n<h1>Index of ${path}</h1>\n</body></html>\n`
      : '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
    const res: HttpResponse = {
      version: 'HTTP/1.1', status: ok ? 200 : 404, reason: ok ? 'OK' : 'Not Found',
      headers: [
        ['Date', httpDate(ctx.now)], ['Server', serverName], ['Content-Length', String(byteLength(body))],
        ['Content-Type', ok ? 'text/html;charset=UTF-8' : 'text/html; charset=iso-8859-1'],
      ],
      body,
    };
    if (req.method === 'HEAD') res.body = '';
    return res;
  };
}

function httpsOnly(canonical: string, names: string[], title: string) {
  return (req: HttpRequest, ctx: ServerContext): HttpResponse => {
    const host = hostOnly(header(req.headers, 'Host'));
    if (!ctx.tls || !names.includes(host)) {
      return nginxFrontResponse(301, ctx.now, [['Location', `https://${canonical}${req.target}`]]);
    }
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8">\n<title>${title}</title>\n</head><body></body></html>\n`;
    const res: HttpResponse = {
      version: 'HTTP/1.1', status: 200, reason: 'OK',
      headers: [['Server', 'nginx'], ['Date', httpDate(ctx.now)], ['Content-Type', 'text/html; charset=UTF-8'],
        ['Content-Length', String(byteLength(body))], ['Connection', 'keep-alive']],
      body,
    };
    if (req.method === 'HEAD') res.body = '';
    return res;
  };
}

export function mirrorSites(): Site[] {
  const mirror = (names: string[], ips: string[], root: string, aliases?: Record<string, string>): Site => ({
    names, ips, aliases, ports: [80, 443], closedPorts: 'drop', certNames: names, icmp: true, latencyMs: 40,
    server: { handle: apacheIndex(root, 'Apache/2.4.52 (Ubuntu)') },
  });
  return [
    mirror(['archive.ubuntu.com'], ['91.189.91.82', '185.125.190.81', '91.189.91.83'], '/ubuntu/'),
    mirror(['security.ubuntu.com'], ['91.189.91.81', '185.125.190.82'], '/ubuntu/'),
    mirror(['ports.ubuntu.com'], ['185.125.190.39', '91.189.91.104'], '/ubuntu-ports/'),
    mirror(['debian.map.fastlydns.net'], ['151.101.2.132', '151.101.66.132'], '/debian',
      { 'deb.debian.org': 'debian.map.fastlydns.net' }),
    mirror(['dualstack.d.sni.global.fastly.net'], ['151.101.2.133', '151.101.66.133'], '/alpine/',
      { 'dl-cdn.alpinelinux.org': 'dualstack.d.sni.global.fastly.net' }),
    {
      names: ['kubernetes.io'], ips: ['3.33.186.135', '15.197.167.90'], ports: [80, 443], closedPorts: 'drop',
      certNames: ['kubernetes.io', '*.kubernetes.io'], icmp: false, latencyMs: 8,
      server: { handle: httpsOnly('kubernetes.io', ['kubernetes.io'], 'Kubernetes') },
    },
  ];
}
