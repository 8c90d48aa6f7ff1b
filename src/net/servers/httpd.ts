/**
 * The Apache httpd official image (`httpd`): htdocs/index.html "It works!" (file dated 2007 in
 * the image), common log format to stdout. Source: httpd docker image httpd.conf defaults.
 */
import {
  byteLength, httpDate, logTime, reasonPhrase, requestLine, requestPath,
  type HttpRequest, type HttpResponse, type HttpServer, type ServerContext,
} from '../http.js';

export const HTTPD_INDEX_HTML = '<html><body><h1>It works!</h1></body></html>\n';
const INDEX_MTIME_MS = Date.UTC(2007, 5, 11, 18, 53, 14);

export class HttpdServer implements HttpServer {
  constructor(private readonly version: string) {}

  handle(req: HttpRequest, ctx: ServerContext): HttpResponse {
    const path = requestPath(req.target);
    const found = path === '/' || path === '/index.html';
    const server = `Apache/${this.version} (Unix)`;
    let res: HttpResponse;
    if (found) {
      const size = byteLength(HTTPD_INDEX_HTML);
      // Apache ETag: hex size - hex mtime in microseconds.
      const etag = `"${size.toString(16)}-${(BigInt(INDEX_MTIME_MS) * 1000n).toString(16)}"`;
      res = {
        version: 'HTTP/1.1', status: 200, reason: 'OK',
        headers: [
          ['Date', httpDate(ctx.now)], ['Server', server], ['Last-Modified', httpDate(INDEX_MTIME_MS)],
          ['ETag', etag], ['Accept-Ranges', 'bytes'], ['Content-Length', String(size)], ['Content-Type', 'text/html'],
        ],
        body: HTTPD_INDEX_HTML,
      };
    } else {
      const body = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n' +
        '</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
      res = {
        version: 'HTTP/1.1', status: 404, reason: reasonPhrase(404),
        headers: [
          ['Date', httpDate(ctx.now)], ['Server', server], ['Content-Length', String(byteLength(body))],
          ['Content-Type', 'text/html; charset=iso-8859-1'],
        ],
        body,
      };
    }
    const sent = req.method === 'HEAD' ? '-' : String(byteLength(res.body));
    ctx.log(`${ctx.clientIP} - - [${logTime(ctx.now)}] "${requestLine(req)}" ${res.status} ${sent}`);
    if (req.method === 'HEAD') res.body = '';
    return res;
  }
}
