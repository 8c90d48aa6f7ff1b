/**
 * google.com (the name learners try first), and the public resolvers 8.8.8.8 / 1.1.1.1 that
 * answer ping. google.com redirects to www.google.com with its classic 219-byte 301 page.
 */
import { byteLength, header, httpDate, type HttpRequest, type HttpResponse, type ServerContext } from '../http.js';
import type { Site } from '../internet.js';
import { hostOnly } from './redirect.js';

const MOVED = '<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n<TITLE>301 Moved</TITLE></HEAD><BODY>\n' +
  '<H1>301 Moved</H1>\nThe document has moved\n<A HREF="http://www.google.com/">here</A>.\r\n</BODY></HTML>\r\n';
const HOME = '<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="en"><head><meta charset="UTF-8">' +
  '<title>Google</title></head><body><div id="main"><form action="/search"><input name="q"></form></div></body></html>';

function handle(req: HttpRequest, ctx: ServerContext): HttpResponse {
  const host = hostOnly(header(req.headers, 'Host'));
  const moved = host !== 'www.google.com';
  const body = moved ? MOVED : HOME;
  const res: HttpResponse = {
    version: 'HTTP/1.1', status: moved ? 301 : 200, reason: moved ? 'Moved Permanently' : 'OK',
    headers: [
      ...(moved ? [['Location', `http${ctx.tls ? 's' : ''}://www.google.com${req.target}`] as [string, string]] : []),
      ['Content-Type', 'text/html; charset=UTF-8'], ['Date', httpDate(ctx.now)], ['Server', 'gws'],
      ['Content-Length', String(byteLength(body))], ['X-XSS-Protection', '0'], ['X-Frame-Options', 'SAMEORIGIN'],
    ],
    body,
  };
  if (req.method === 'HEAD') res.body = '';
  return res;
}

export function googleSites(): Site[] {
  const resolver = (name: string, ip: string): Site => ({
    names: [name], ips: [ip], ports: [53, 443], closedPorts: 'drop', certNames: [name], icmp: true, latencyMs: 3, server: { handle },
  });
  return [
    { names: ['google.com', 'www.google.com'], ips: ['142.250.74.46'], ports: [80, 443], closedPorts: 'drop',
      certNames: ['*.google.com', 'google.com'], icmp: true, latencyMs: 4, server: { handle } },
    resolver('dns.google', '8.8.8.8'),
    resolver('one.one.one.one', '1.1.1.1'),
  ];
}
