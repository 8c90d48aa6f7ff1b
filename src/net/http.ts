/**
 * The HTTP model: requests and responses as curl/wget build and read them, and the
 * interface every simulated server (in pods or on the "internet") implements.
 * Servers are pure functions of (request, context); no sockets, no real network.
 */

export type Header = [name: string, value: string];

export interface HttpRequest {
  method: string;             // 'GET', 'HEAD', 'POST', ...
  target: string;             // '/', '/index.html?x=1'
  version: 'HTTP/1.1' | 'HTTP/1.0';
  headers: Header[];          // in the order the client sends them
  body: string;
}

export interface HttpResponse {
  version: 'HTTP/1.1' | 'HTTP/1.0';
  status: number;
  reason: string;
  headers: Header[];          // in the order the server sends them
  body: string;               // empty for HEAD
}

/** What a server knows about the connection it answers. */
export interface ServerContext {
  clientIP: string;
  serverIP: string;
  port: number;
  tls: boolean;
  /** Virtual epoch ms (Date headers, access logs). */
  now: number;
  /** Appends one line to the serving container's stdout log (access logs). */
  log(line: string): void;
}

export interface HttpServer {
  handle(req: HttpRequest, ctx: ServerContext): HttpResponse;
}

export function header(h: Header[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return h.find(([k]) => k.toLowerCase() === lower)?.[1];
}

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable',
};

export function reasonPhrase(status: number): string { return REASONS[status] ?? 'Unknown'; }

/** RFC 7231 IMF-fixdate, e.g. `Sun, 01 Jun 2025 10:05:12 GMT`. */
export function httpDate(ms: number): string { return new Date(ms).toUTCString(); }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** nginx/Apache `$time_local` in UTC containers: `01/Jun/2025:10:05:12 +0000`. */
export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** Byte length as servers count it (UTF-8). */
export function byteLength(s: string): number { return new TextEncoder().encode(s).length; }

/** The request line as logged: `GET / HTTP/1.1`. */
export function requestLine(req: HttpRequest): string { return `${req.method} ${req.target} ${req.version}`; }

/** Status line + headers as they appear on the wire (curl -i / -I / -v). CRLF line ends. */
export function formatResponseHead(res: HttpResponse): string {
  let s = `${res.version} ${res.status} ${res.reason}\r\n`;
  for (const [k, v] of res.headers) s += `${k}: ${v}\r\n`;
  return s + '\r\n';
}

/** Path of the request target without query or fragment. */
export function requestPath(target: string): string {
  const q = target.search(/[?#]/);
  return q >= 0 ? target.slice(0, q) : target;
}
