/**
 * The nginx official image's default server (`/etc/nginx/conf.d/default.conf`): serves
 * /usr/share/nginx/html, index.html for `/`, nginx's built-in error pages, and an access-log
 * line per request in the image's `log_format main` to the container's stdout.
 * Source: nginx src/http/ngx_http_special_response.c (error pages, CRLF line ends),
 * ngx_http_core_module.c (ETag = hex mtime - hex size), nginx docker image nginx.conf.
 */
import {
  byteLength, header, httpDate, logTime, reasonPhrase, requestLine, requestPath,
  type Header, type HttpRequest, type HttpResponse, type HttpServer, type ServerContext,
} from '../http.js';

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** nginx's compiled-in error page: `server_tokens off` shows just `nginx`. */
export function nginxErrorPage(status: number, serverToken: string): string {
  const title = `${status} ${reasonPhrase(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>${serverToken}</center>\r\n</body>\r\n</html>\r\n`;
}

export interface StaticFile { content: string; mtimeMs: number; contentType: string }

export interface NginxOptions {
  version: string;                     // '1.29.3'
  /** Document root files by URL path ('/index.html'). Defaults to the image's two files. */
  files?: Map<string, StaticFile>;
  /** mtime of the image's html files (image build time). */
  imageBuiltMs?: number;
  serverTokens?: boolean;
}

/** Build time of the simulated nginx image's html files. */
export const NGINX_IMAGE_BUILT_MS = Date.UTC(2025, 9, 28, 17, 2, 51);

export function nginxDefaultFiles(builtMs = NGINX_IMAGE_BUILT_MS): Map<string, StaticFile> {
  return new Map([
    ['/index.html', { content: NGINX_INDEX_HTML, mtimeMs: builtMs, contentType: 'text/html' }],
    ['/50x.html', { content: NGINX_50X_HTML, mtimeMs: builtMs, contentType: 'text/html' }],
  ]);
}

export class NginxServer implements HttpServer {
  private readonly files: Map<string, StaticFile>;
  private readonly token: string;
  /** nginx's connection counter (`*N` in error-log lines); one per server instance. */
  private connections = 0;

  constructor(private readonly opts: NginxOptions) {
    this.files = opts.files ?? nginxDefaultFiles(opts.imageBuiltMs);
    this.token = opts.serverTokens === false ? 'nginx' : `nginx/${opts.version}`;
  }

  handle(req: HttpRequest, ctx: ServerContext): HttpResponse {
    this.connections++;
    const res = this.respond(req, ctx);
    if (res.status === 404) {
      // The error log goes to stderr, which the container log interleaves before the access line.
      const host = header(req.headers, 'Host');
      ctx.log(`${errorLogTime(ctx.now)} [error] 29#29: *${this.connections} open() "/usr/share/nginx/html${requestPath(req.target)}" failed ` +
        `(2: No such file or directory), client: ${ctx.clientIP}, server: localhost, request: "${requestLine(req)}"${host ? `, host: "${host}"` : ''}`);
    }
    const sent = req.method === 'HEAD' ? 0 : byteLength(res.body);
    const ua = header(req.headers, 'User-Agent') ?? '-';
    const ref = header(req.headers, 'Referer') ?? '-';
    const xff = header(req.headers, 'X-Forwarded-For') ?? '-';
    ctx.log(`${ctx.clientIP} - - [${logTime(ctx.now)}] "${requestLine(req)}" ${res.status} ${sent} "${ref}" "${ua}" "${xff}"`);
    if (req.method === 'HEAD') res.body = '';
    return res;
  }

  private respond(req: HttpRequest, ctx: ServerContext): HttpResponse {
    if (!['GET', 'HEAD', 'POST'].includes(req.method)) return this.error(405, ctx);
    let path = requestPath(req.target);
    try { path = decodeURIComponent(path); } catch { return this.error(400, ctx); }
    if (path.endsWith('/')) path += 'index.html';
    const file = this.files.get(path);
    if (!file) {
      // A directory without trailing slash redirects, as nginx does for `/dir`.
      if ([...this.files.keys()].some((k) => k.startsWith(path + '/'))) {
        const host = header(req.headers, 'Host') ?? ctx.serverIP;
        return this.error(301, ctx, [['Location', `http://${host.replace(/:\d+$/, '')}${path}/`]]);
      }
      return this.error(404, ctx);
    }
    // POST to a static file is 405 in nginx.
    if (req.method === 'POST') return this.error(405, ctx);
    const size = byteLength(file.content);
    const mtime = Math.floor(file.mtimeMs / 1000);
    return {
      version: 'HTTP/1.1', status: 200, reason: 'OK',
      headers: [
        ['Server', this.token],
        ['Date', httpDate(ctx.now)],
        ['Content-Type', file.contentType],
        ['Content-Length', String(size)],
        ['Last-Modified', httpDate(mtime * 1000)],
        ['Connection', 'keep-alive'],
        ['ETag', `"${mtime.toString(16)}-${size.toString(16)}"`],
        ['Accept-Ranges', 'bytes'],
      ],
      body: file.content,
    };
  }

  private error(status: number, ctx: ServerContext, extra: Header[] = []): HttpResponse {
    const body = nginxErrorPage(status, this.token);
    return {
      version: 'HTTP/1.1', status, reason: reasonPhrase(status),
      headers: [
        ['Server', this.token],
        ['Date', httpDate(ctx.now)],
        ['Content-Type', 'text/html'],
        ['Content-Length', String(byteLength(body))],
        ['Connection', 'keep-alive'],
        ...extra,
      ],
      body,
    };
  }
}

/** nginx error-log time: `2025/06/01 10:05:12`. */
function errorLogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
