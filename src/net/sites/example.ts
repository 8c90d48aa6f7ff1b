/**
 * example.com (IANA, served by Akamai since 2025): the page for its own names; any other
 * Host header gets Akamai's `400 Bad Request` "Invalid URL" page, which is what
 * `curl externalname-svc` sees through an ExternalName Service (k8s-semantics §7.3).
 */
import { byteLength, header, httpDate, type HttpRequest, type HttpResponse, type ServerContext } from '../http.js';
import type { Site } from '../internet.js';
import { hostOnly } from './redirect.js';

export const EXAMPLE_HTML = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

const NAMES = ['example.com', 'www.example.com'];

function handle(req: HttpRequest, ctx: ServerContext): HttpResponse {
  const host = hostOnly(header(req.headers, 'Host'));
  let res: HttpResponse;
  if (NAMES.includes(host)) {
    res = {
      version: 'HTTP/1.1', status: 200, reason: 'OK',
      headers: [
        ['Content-Type', 'text/html'], ['ETag', '"84238dfc8092e5d9c0dac8ef93371a07:1736799080.121134"'],
        ['Last-Modified', 'Mon, 13 Jan 2025 20:11:20 GMT'], ['Cache-Control', 'max-age=3175'],
        ['Date', httpDate(ctx.now)], ['Content-Length', String(byteLength(EXAMPLE_HTML))],
        ['Connection', 'keep-alive'],
      ],
      body: EXAMPLE_HTML,
    };
  } else {
    const ref = `#9.${(ctx.now % 0xffffff).toString(16)}.${Math.floor(ctx.now / 1000)}.${(ctx.now % 0xfffffff).toString(16)}`;
    const body = `<HTML><HEAD>\n<TITLE>Invalid URL</TITLE>\n</HEAD><BODY>\n<H1>Invalid URL</H1>\n` +
      `The requested URL "&#91;no&#32;URL&#93;", is invalid.<p>\nReference&#32;${ref.replace(/\./g, '&#46;').replace('#9', '&#35;9')}\n` +
      `<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;${ref.slice(1).replace(/\./g, '&#46;')}</P>\n</BODY></HTML>\n`;
    res = {
      version: 'HTTP/1.1', status: 400, reason: 'Bad Request',
      headers: [
        ['Server', 'AkamaiGHost'], ['Mime-Version', '1.0'], ['Content-Type', 'text/html'],
        ['Content-Length', String(byteLength(body))], ['Expires', httpDate(ctx.now)],
        ['Date', httpDate(ctx.now)], ['Connection', 'close'],
      ],
      body,
    };
  }
  if (req.method === 'HEAD') res.body = '';
  return res;
}

export function exampleSite(): Site {
  return {
    names: NAMES, ips: ['23.192.228.80', '23.192.228.84', '23.215.0.136', '23.215.0.138', '96.7.128.175', '96.7.128.198'],
    ports: [80, 443], closedPorts: 'drop', certNames: ['*.example.com', 'example.com'], icmp: true, latencyMs: 6,
    server: { handle },
  };
}
