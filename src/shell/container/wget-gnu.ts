/**
 * GNU Wget 1.21 (Debian/Ubuntu `apt install wget`): its log on stderr (`--DATE--  URL`,
 * Resolving / Connecting / HTTP request sent), index.html.1 when the file exists, exit codes
 * 4 (network) and 8 (server error). Source: wget src/http.c, src/main.c exit statuses.
 */
import { byteLength, header, type HttpRequest } from '../../net/index.js';
import type { CommandIO } from '../command.js';
import type { ToolContext } from './context.js';
import { exchange } from './http-client.js';
import { formatUrl, hostHeader, parseUrl, type ParsedUrl } from './url.js';

const p2 = (n: number): string => String(n).padStart(2, '0');
function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}
function human(n: number): string {
  return n < 1024 ? `${n}` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)}K` : `${(n / 1048576).toFixed(1)}M`;
}

export async function gnuWget(ctx: ToolContext, io: CommandIO, urlText: string, output: string | undefined, quiet: boolean): Promise<number> {
  const log = (t: string): void => { if (!quiet) io.stderr(t); };
  const first = parseUrl(urlText);
  if ('error' in first) { io.stderr(`${urlText}: Unsupported scheme.\n`); return 1; }
  let url: ParsedUrl = first;
  const net = ctx.net();
  const q = (s: string): string => `'${s}'`;
  for (let hops = 0; hops < 20; hops++) {
    log(`--${stamp(net.now())}--  ${formatUrl(url)}\n`);
    const req: HttpRequest = { method: 'GET', target: url.target, version: 'HTTP/1.1',
      headers: [['Host', hostHeader(url)], ['User-Agent', 'Wget/1.21.4'], ['Accept', '*/*'], ['Accept-Encoding', 'identity'], ['Connection', 'Keep-Alive']], body: '' };
    const cur = url;
    let resolved = false;
    const r = await exchange(ctx, io, url, req, {
      insecure: false,
      onTrying: (ip) => { if (!resolved) { resolved = true; log(`Resolving ${cur.host} (${cur.host})... ${ip}\n`); } log(`Connecting to ${cur.host} (${cur.host})|${ip}|:${cur.port}... `); },
      onConnected: () => log('connected.\n'),
    });
    if (!r.ok) {
      const e = r.error;
      if (e.code === 'interrupted') return 130;
      if (e.code === 'resolve') { log(`Resolving ${url.host} (${url.host})... failed: Name or service not known.\n`); io.stderr(`wget: unable to resolve host address ${q(url.host)}\n`); return 4; }
      if (e.code === 'refused') { log('failed: Connection refused.\n'); return 4; }
      if (e.code === 'unreachable') { log('failed: No route to host.\n'); return 4; }
      if (e.code === 'timeout') { log('failed: Connection timed out.\n'); return 4; }
      if (e.code === 'cert-mismatch') { io.stderr(`ERROR: no certificate subject alternative name matches\n\trequested host name ${q(url.host)}.\nTo connect to ${url.host} insecurely, use \`--no-check-certificate'.\n`); return 5; }
      log('HTTP request sent, awaiting response... No data received.\n');
      return 4;
    }
    const res = r.response;
    log(`HTTP request sent, awaiting response... ${res.status} ${res.reason}\n`);
    const loc = header(res.headers, 'Location');
    if (res.status >= 300 && res.status < 400 && loc) {
      log(`Location: ${loc} [following]\n`);
      const next = parseUrl(loc, url);
      if ('error' in next) return 1;
      url = next;
      continue;
    }
    if (res.status >= 400) { log(`${stamp(net.now())} ERROR ${res.status}: ${res.reason}.\n\n`); return 8; }
    const size = byteLength(res.body);
    const type = (header(res.headers, 'Content-Type') ?? '').split(';')[0];
    log(`Length: ${size}${size >= 1024 ? ` (${human(size)})` : ''} [${type}]\n`);
    // In-cluster transfers run at tens of MB/s; small bodies are dominated by per-request overhead.
    const bps = (60e6 * size) / (size + 600);
    const speed = bps >= 1048576 ? `${(bps / 1048576).toFixed(1)} MB/s` : `${(bps / 1024).toFixed(0)} KB/s`;
    if (output === '-') {
      log('Saving to: \'STDOUT\'\n\n');
      io.stdout(res.body);
      log(`${'-'.padEnd(20)}100%[===================>]${String(size).padStart(8)}  --.-KB/s    in 0s      \n\n`);
      log(`${stamp(net.now())} (${speed}) - written to stdout [${size}/${size}]\n\n`);
      return 0;
    }
    let name = output ?? (url.target.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
    if (output === undefined) {
      const base = name;
      for (let i = 1; io.fs.exists(io.fs.resolve(io.cwd, name)); i++) name = `${base}.${i}`;
    }
    log(`Saving to: ${q(name)}\n\n`);
    try { io.fs.writeFile(io.fs.resolve(io.cwd, name), res.body); } catch { io.stderr(`${name}: No such file or directory\n`); return 3; }
    log(`${name.slice(0, 19).padEnd(20)}100%[===================>]${String(size).padStart(8)}  --.-KB/s    in 0s      \n\n`);
    log(`${stamp(net.now())} (${speed}) - ${q(name)} saved [${size}/${size}]\n\n`);
    return 0;
  }
  io.stderr('20 redirections exceeded.\n');
  return 8;
}
