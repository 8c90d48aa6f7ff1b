/**
 * curl, as the image's build prints it (8.5.0 on Ubuntu noble): the options a learner uses
 * (-s -S -L -I -i -v -o -O -w -H -m --connect-timeout -k -X -d -f -A --max-redirs), error texts
 * `curl: (N) ...` with curl's exit codes, the progress meter on stderr when stdout is not a TTY.
 * Sources: curl src/tool_getparam.c, lib/progress.c, lib/strerror.c, lib/cf-socket.c (8.5.0).
 */
import { byteLength, formatResponseHead, header, type HttpRequest, type HttpResponse } from '../../net/index.js';
import type { CommandIO } from '../command.js';
import type { ToolContext } from './context.js';
import { CURL_SHORT_HELP, couldntConnect, curlBuild } from './curl-info.js';
import { METER_HEADER, meterLine } from './curl-meter.js';
import { exchange, type ExchangeFail } from './http-client.js';
import { formatUrl, hostHeader, parseUrl, type ParsedUrl } from './url.js';

interface CurlOpts {
  urls: string[];
  silent: boolean; showError: boolean; location: boolean; head: boolean; include: boolean; verbose: boolean;
  fail: boolean; insecure: boolean; remoteName: boolean; noMeter: boolean;
  output?: string; writeOut?: string; method?: string; data?: string; userAgent?: string;
  headers: string[]; maxTimeMs?: number; connectTimeoutMs?: number; maxRedirs: number;
}

const FLAGS: Record<string, keyof CurlOpts> = {
  s: 'silent', S: 'showError', L: 'location', I: 'head', i: 'include', v: 'verbose', f: 'fail', k: 'insecure', O: 'remoteName',
  silent: 'silent', 'show-error': 'showError', location: 'location', head: 'head', include: 'include', verbose: 'verbose',
  fail: 'fail', insecure: 'insecure', 'remote-name': 'remoteName', 'no-progress-meter': 'noMeter',
};
const VALUES: Record<string, string> = {
  o: 'output', w: 'writeOut', X: 'method', d: 'data', A: 'userAgent', H: 'header', m: 'maxTime',
  output: 'output', 'write-out': 'writeOut', request: 'method', data: 'data', 'data-raw': 'data', 'data-binary': 'data',
  'data-ascii': 'data', 'user-agent': 'userAgent', header: 'header', 'max-time': 'maxTime',
  'connect-timeout': 'connectTimeout', 'max-redirs': 'maxRedirs',
};
const IGNORED = new Set(['compressed', 'http1.1', 'progress-bar', 'globoff', 'g', '#', 'ipv4', '4', 'tcp-nodelay', 'no-buffer', 'N']);

type Parsed = { opts: CurlOpts } | { exit: number; err?: string; out?: string };

function parseArgs(args: string[], helpText: string, versionText: string): Parsed {
  const o: CurlOpts = { urls: [], silent: false, showError: false, location: false, head: false, include: false, verbose: false,
    fail: false, insecure: false, remoteName: false, noMeter: false, headers: [], maxRedirs: 50 };
  const tryHelp = "curl: try 'curl --help' or 'curl --manual' for more information\n";
  const setValue = (key: string, v: string, shown: string): string | undefined => {
    if (key === 'header') o.headers.push(v);
    else if (key === 'maxTime' || key === 'connectTimeout') {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) return `curl: option ${shown}: expected a proper numerical parameter\n${tryHelp}`;
      if (key === 'maxTime') o.maxTimeMs = n * 1000; else o.connectTimeoutMs = n * 1000;
    } else if (key === 'maxRedirs') o.maxRedirs = Number(v);
    else if (key === 'data') o.data = o.data === undefined ? v : `${o.data}&${v}`;
    else (o as unknown as Record<string, string>)[key] = v;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') return { exit: 0, out: helpText };
    if (a === '--version' || a === '-V') return { exit: 0, out: versionText };
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      const flag = FLAGS[name] ?? (name.startsWith('no-') ? FLAGS[name.slice(3)] : undefined);
      if (flag) { (o as unknown as Record<string, boolean>)[flag] = !name.startsWith('no-') || name === 'no-progress-meter'; continue; }
      if (name === 'url') { const v = args[++i]; if (v !== undefined) o.urls.push(v); continue; }
      if (IGNORED.has(name)) continue;
      const key = VALUES[name];
      if (!key) return { exit: 2, err: `curl: option ${a}: is unknown\n${tryHelp}` };
      const v = args[++i];
      if (v === undefined) return { exit: 2, err: `curl: option ${a}: requires parameter\n${tryHelp}` };
      const e = setValue(key, v, a);
      if (e) return { exit: 2, err: e };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const flag = FLAGS[c];
        if (flag) { (o as unknown as Record<string, boolean>)[flag] = true; continue; }
        if (IGNORED.has(c)) continue;
        const key = VALUES[c];
        if (!key) return { exit: 2, err: `curl: option -${c}: is unknown\n${tryHelp}` };
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { exit: 2, err: `curl: option -${c}: requires parameter\n${tryHelp}` };
        const e = setValue(key, v, `-${c}`);
        if (e) return { exit: 2, err: e };
        break;
      }
      continue;
    }
    o.urls.push(a);
  }
  if (o.urls.length === 0) return { exit: 2, err: `curl: no URL specified!\n${tryHelp}` };
  return { opts: o };
}

export function curlCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const build = curlBuild(ctx.image.os);
    const p = parseArgs(args, CURL_SHORT_HELP, build.versionText);
    if ('exit' in p) {
      if (p.out) io.stdout(p.out);
      if (p.err) io.stderr(p.err);
      return p.exit;
    }
    let rc = 0;
    for (const u of p.opts.urls) rc = await fetchOne(ctx, io, p.opts, u, build.version);
    return rc;
  };
}

async function fetchOne(ctx: ToolContext, io: CommandIO, o: CurlOpts, rawUrl: string, version: string): Promise<number> {
  const showErr = !o.silent || o.showError;
  const meter = !o.silent && !o.noMeter && (!io.isTTY || o.output !== undefined || o.remoteName);
  const fail = (code: number, msg: string): number => {
    // -v traces the failure and the connection teardown before the error line.
    if (o.verbose) io.stderr(`* ${msg.split('\n')[0]}\n* Closing connection\n`);
    if (showErr) io.stderr(`curl: (${code}) ${msg}\n`);
    return code;
  };
  const first = parseUrl(rawUrl);
  if ('error' in first) {
    if (first.error === 'unsupported') return fail(1, `Protocol "${first.scheme}" not supported`);
    return fail(3, first.error === 'bad-port' ? 'URL rejected: Port number was not a decimal number between 0 and 65535' : 'URL rejected: Malformed input to a URL function');
  }
  let url: ParsedUrl = first;
  let method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  let body = o.data ?? '';
  if (meter) io.stderr(METER_HEADER + meterLine({ received: 0, uploaded: 0, elapsedMs: 0 }));
  let meterOpen = meter;
  const endMeter = (): void => { if (meterOpen) { io.stderr('\n'); meterOpen = false; } };
  let elapsed = 0;
  let redirects = 0;
  let out = '';
  let last: { res: HttpResponse; url: ParsedUrl; ip: string; port: number } | undefined;
  for (;;) {
    const cur = url;
    const req = buildRequest(o, cur, method, body, version);
    const connectLimit = minDefined(o.connectTimeoutMs, o.maxTimeMs === undefined ? undefined : o.maxTimeMs - elapsed);
    const r = await exchange(ctx, io, url, req, {
      connectTimeoutMs: connectLimit, insecure: o.insecure,
      onTrying: (ip, port) => { if (o.verbose) io.stderr(`*   Trying ${ip}:${port}...\n`); },
      onConnected: (ip, port) => {
        if (!o.verbose) return;
        io.stderr(`* Connected to ${cur.host} (${ip}) port ${port}\n`);
      },
      onTls: (matched) => { if (o.verbose) io.stderr(tlsTrace(cur.host, o.insecure, matched)); },
    });
    elapsed += r.elapsedMs;
    if (!r.ok) {
      if (r.error.code === 'interrupted') { endMeter(); return 130; }
      if (o.verbose && (r.error.code === 'refused' || r.error.code === 'unreachable')) {
        const port = 32768 + ctx.net().randomInt(28000);
        io.stderr(`* connect to ${r.error.ip} port ${url.port} from ${ctx.podIP} port ${port} failed: ${r.error.code === 'refused' ? 'Connection refused' : 'No route to host'}\n`);
      }
      if (meter && elapsed >= 1000) io.stderr(meterLine({ received: 0, uploaded: 0, elapsedMs: elapsed }));
      endMeter();
      const code = failExchange(fail, r, url, elapsed, version);
      // -w is written after a failed transfer too: %{http_code} is 000 without a response.
      if (o.writeOut !== undefined) io.stdout(writeOut(o.writeOut, { url }, elapsed, redirects, 0));
      return code;
    }
    const res = r.response;
    if (o.verbose) {
      io.stderr(requestHead(req).split('\r\n').slice(0, -1).map((l) => `> ${l}\r\n`).join(''));
      io.stderr(formatResponseHead(res).split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
    }
    last = { res, url, ip: r.ip, port: r.port };
    if (o.include || o.head) out += formatResponseHead(res);
    const location = header(res.headers, 'Location');
    if (o.location && location && res.status >= 300 && res.status < 400) {
      if (redirects >= o.maxRedirs) {
        io.stdout(out);
        endMeter();
        return fail(47, `Maximum (${o.maxRedirs}) redirects followed`);
      }
      const next = parseUrl(location, url);
      if ('error' in next) { endMeter(); return fail(3, 'URL rejected: Malformed input to a URL function'); }
      if (o.verbose) io.stderr(`* Ignoring the response-body\n* Connection #${redirects} to host ${url.host} left intact\n* Issue another request to this URL: '${formatUrl(next)}'\n`);
      // 301/302/303 turn a POST into a GET (unless -X forced the method).
      if ([301, 302, 303].includes(res.status) && method === 'POST' && !o.method) { method = 'GET'; body = ''; }
      url = next;
      redirects++;
      continue;
    }
    if (o.fail && res.status >= 400) {
      io.stdout(out);
      endMeter();
      const code = fail(22, `The requested URL returned error: ${res.status}`);
      if (o.writeOut !== undefined) io.stdout(writeOut(o.writeOut, last, elapsed, redirects, 0));
      return code;
    }
    if (!o.head) out += res.body;
    if (meter) {
      const len = Number(header(res.headers, 'Content-Length') ?? NaN);
      io.stderr(meterLine({ expected: Number.isFinite(len) ? len : undefined, received: byteLength(res.body), uploaded: byteLength(body), elapsedMs: elapsed }));
    }
    if (o.verbose && !io.isTTY && res.body) io.stderr(`{ [${byteLength(res.body)} bytes data]\n`);
    break;
  }
  endMeter();
  const file = o.output ?? (o.remoteName ? remoteName(last.url) : undefined);
  if (file === '/dev/null') { /* discarded */ } else if (file !== undefined && file !== '-') {
    try { io.fs.writeFile(io.fs.resolve(io.cwd, file), out); }
    catch { return fail(23, `Failure writing output to destination`); }
  } else io.stdout(out);
  if (o.verbose) io.stderr(`* Connection #${redirects} to host ${last.url.host} left intact\n`);
  if (o.writeOut !== undefined) io.stdout(writeOut(o.writeOut, last, elapsed, redirects, byteLength(last.res.body)));
  return 0;
}

function failExchange(fail: (c: number, m: string) => number, r: ExchangeFail, url: ParsedUrl, elapsed: number, version: string): number {
  const e = r.error;
  switch (e.code) {
    case 'resolve': return fail(6, `Could not resolve host: ${url.host}`);
    case 'refused': case 'unreachable':
      return fail(7, `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: ${couldntConnect(version)}`);
    case 'timeout':
      return fail(28, e.connectLimit
        ? `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: Timeout was reached`
        : `Failed to connect to ${url.host} port ${url.port} after ${elapsed} ms: ${couldntConnect(version)}`);
    case 'tls-plain-port': return fail(35, 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number');
    case 'cert-mismatch':
      return fail(60, `SSL: no alternative certificate subject name matches target host name '${url.host}'\n` +
        'More details here: https://curl.se/docs/sslcerts.html\n\n' +
        'curl failed to verify the legitimacy of the server and therefore could not\n' +
        'establish a secure connection to it. To learn more about this situation and\n' +
        'how to fix it, please visit the web page mentioned above.');
    case 'empty-reply': return fail(52, 'Empty reply from server');
    default: return fail(6, `Could not resolve host: ${url.host}`);
  }
}

function buildRequest(o: CurlOpts, url: ParsedUrl, method: string, body: string, version: string): HttpRequest {
  const headers: [string, string][] = [['Host', hostHeader(url)], ['User-Agent', o.userAgent ?? `curl/${version}`], ['Accept', '*/*']];
  if (body) {
    headers.push(['Content-Length', String(byteLength(body))]);
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  }
  for (const h of o.headers) {
    const colon = h.indexOf(':');
    if (colon <= 0) continue;
    const name = h.slice(0, colon).trim();
    const value = h.slice(colon + 1).trim();
    const i = headers.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
    // `-H 'Name:'` removes a header curl would send; otherwise replace or append.
    if (!value) { if (i >= 0) headers.splice(i, 1); continue; }
    if (i >= 0) headers[i] = [name, value]; else headers.push([name, value]);
  }
  return { method, target: url.target, version: 'HTTP/1.1', headers, body };
}

function requestHead(req: HttpRequest): string {
  let s = `${req.method} ${req.target} ${req.version}\r\n`;
  for (const [k, v] of req.headers) s += `${k}: ${v}\r\n`;
  return s + '\r\n';
}

function remoteName(url: ParsedUrl): string {
  const name = url.target.replace(/[?#].*$/, '').split('/').pop();
  return name || 'curl_response';
}

function minDefined(a?: number, b?: number): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function writeOut(fmt: string, last: { res?: HttpResponse; url: ParsedUrl; ip?: string; port?: number }, elapsedMs: number, redirects: number, size: number): string {
  const res = last.res;
  const code = String(res?.status ?? 0).padStart(3, '0');
  const vars: Record<string, string> = {
    http_code: code, response_code: code,
    url_effective: formatUrl(last.url), time_total: (elapsedMs / 1000).toFixed(6), size_download: String(size),
    remote_ip: last.ip ?? '', remote_port: last.port === undefined ? '0' : String(last.port), content_type: (res && header(res.headers, 'Content-Type')) ?? '',
    num_redirects: String(redirects), redirect_url: (res && header(res.headers, 'Location')) ?? '',
    size_header: String(res ? formatResponseHead(res).length : 0), http_version: res ? '1.1' : '0', scheme: last.url.scheme,
  };
  return fmt.replace(/%\{([a-z_]+)\}|\\n|\\t|\\r|%%/g, (m, v: string | undefined) => {
    if (m === '\\n') return '\n';
    if (m === '\\t') return '\t';
    if (m === '\\r') return '\r';
    if (m === '%%') return '%';
    return vars[v!] ?? '';
  });
}

/** The OpenSSL handshake lines curl -v prints (8.5, OpenSSL 3.0). */
function tlsTrace(host: string, insecure: boolean, matched: boolean): string {
  if (!matched) {
    return `* ALPN: curl offers h2,http/1.1\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n* TLSv1.3 (IN), TLS handshake, Server hello (2):\n` +
      `* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS\n* Server certificate:\n` +
      `*  subjectAltName does not match ${host}\n` + (insecure ? '*  SSL certificate verify result: unable to get local issuer certificate (20), continuing anyway.\n' : '');
  }
  return ['* ALPN: curl offers h2,http/1.1', '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
    ...(insecure ? [] : ['*  CAfile: /etc/ssl/certs/ca-certificates.crt', '*  CApath: /etc/ssl/certs']),
    '* TLSv1.3 (IN), TLS handshake, Server hello (2):', '* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):',
    '* TLSv1.3 (IN), TLS handshake, Certificate (11):', '* TLSv1.3 (IN), TLS handshake, CERT verify (15):',
    '* TLSv1.3 (IN), TLS handshake, Finished (20):', '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):',
    '* TLSv1.3 (OUT), TLS handshake, Finished (20):', '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS',
    '* ALPN: server accepted http/1.1', '* Server certificate:', `*  subject: CN=${host}`,
    `*  subjectAltName: host "${host}" matched cert's "${host}"`, "*  issuer: C=US; O=Let's Encrypt; CN=R11",
    insecure ? '*  SSL certificate verify result: unable to get local issuer certificate (20), continuing anyway.' : '*  SSL certificate verify ok.',
  ].join('\n') + '\n';
}
