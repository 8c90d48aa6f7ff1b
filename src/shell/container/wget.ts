/**
 * wget: the busybox applet (busybox, alpine) and GNU wget's common forms. Follows redirects,
 * saves to index.html (or -O FILE, -O- for stdout), -q quiet, -S server headers, -T timeout.
 * Source: busybox networking/wget.c messages ("Connecting to", "saving to", "bad address").
 */
import { byteLength, header, type HttpRequest } from '../../net/index.js';
import type { CommandIO } from '../command.js';
import type { ToolContext } from './context.js';
import { exchange } from './http-client.js';
import { gnuWget } from './wget-gnu.js';
import { hostHeader, parseUrl, type ParsedUrl } from './url.js';

export function wgetCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    let output: string | undefined;
    let quiet = false;
    let headers = false;
    let timeoutMs: number | undefined;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-O') { output = args[++i]; continue; }
      if (a.startsWith('-O')) { output = a.slice(2); continue; }
      if (a === '-q' || a === '--quiet') { quiet = true; continue; }
      if (a === '-qO-' || a === '-qO') { quiet = true; output = a === '-qO-' ? '-' : args[++i]; continue; }
      if (a === '-S' || a === '--server-response') { headers = true; continue; }
      if (a === '-T') { timeoutMs = Number(args[++i]) * 1000; continue; }
      if (/^--timeout=/.test(a)) { timeoutMs = Number(a.split('=')[1]) * 1000; continue; }
      if (a.startsWith('-')) continue;
      urls.push(a);
    }
    if (urls.length === 0 && ctx.image.os !== 'busybox' && ctx.image.os !== 'alpine') {
      io.stderr("wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      return 1;
    }
    if (urls.length === 0) {
      io.stderr('BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n');
      return 1;
    }
    if (ctx.image.os !== 'busybox' && ctx.image.os !== 'alpine') return gnuWget(ctx, io, urls[0]!, output, quiet);
    const parsed = parseUrl(urls[0]!);
    if ('error' in parsed) { io.stderr(`wget: not an http or ftp url: ${urls[0]}\n`); return 1; }
    let url: ParsedUrl = parsed;
    for (let hops = 0; hops < 20; hops++) {
      const req: HttpRequest = { method: 'GET', target: url.target, version: 'HTTP/1.1', headers: [['Host', hostHeader(url)], ['User-Agent', 'Wget'], ['Connection', 'close']], body: '' };
      const cur = url;
      const r = await exchange(ctx, io, url, req, { connectTimeoutMs: timeoutMs, insecure: true,
        onConnected: (ip, port) => { if (!quiet) io.stderr(`Connecting to ${cur.host}${cur.explicitPort ? `:${cur.port}` : ''} (${ip}:${port})\n`); } });
      if (!r.ok) {
        const e = r.error;
        if (e.code === 'interrupted') return 130;
        if (e.code === 'resolve') io.stderr(`wget: bad address '${url.host}'\n`);
        else if (e.code === 'refused') { if (!quiet) io.stderr(`Connecting to ${url.host} (${e.ip}:${url.port})\n`); io.stderr(`wget: can't connect to remote host (${e.ip}): Connection refused\n`); }
        else if (e.code === 'unreachable') { if (!quiet) io.stderr(`Connecting to ${url.host} (${e.ip}:${url.port})\n`); io.stderr(`wget: can't connect to remote host (${e.ip}): Host is unreachable\n`); }
        else if (e.code === 'timeout') { if (!quiet) io.stderr(`Connecting to ${url.host} (${e.ip}:${url.port})\n`); io.stderr(e.connectLimit ? 'wget: download timed out\n' : `wget: can't connect to remote host (${e.ip}): Connection timed out\n`); }
        else io.stderr('wget: error getting response: Connection reset by peer\n');
        return 1;
      }
      const res = r.response;
      if (headers) io.stderr(`  ${res.version} ${res.status} ${res.reason}\n` + res.headers.map(([k, v]) => `  ${k}: ${v}\n`).join(''));
      const loc = header(res.headers, 'Location');
      if (res.status >= 300 && res.status < 400 && loc) {
        const next = parseUrl(loc, url);
        if ('error' in next) { io.stderr(`wget: not an http or ftp url: ${loc}\n`); return 1; }
        url = next;
        continue;
      }
      if (res.status >= 400) { io.stderr(`wget: server returned error: ${res.version} ${res.status} ${res.reason}\n`); return 1; }
      const name = output ?? (url.target.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
      const size = byteLength(res.body);
      if (name === '-') {
        if (!quiet) io.stderr('writing to stdout\n');
        io.stdout(res.body);
        if (!quiet) io.stderr(`-                    100% |********************************|  ${String(size).padStart(4)}  0:00:00 ETA\nwritten to stdout\n`);
        return 0;
      }
      const path = io.fs.resolve(io.cwd, name);
      if (output === undefined && io.fs.exists(path)) { io.stderr(`wget: can't open '${name}': File exists\n`); return 1; }
      if (!quiet) io.stderr(`saving to '${name}'\n`);
      try { io.fs.writeFile(path, res.body); } catch { io.stderr(`wget: can't open '${name}': No such file or directory\n`); return 1; }
      if (!quiet) io.stderr(`${name.slice(0, 20).padEnd(20)} 100% |********************************|  ${String(size).padStart(4)}  0:00:00 ETA\n'${name}' saved\n`);
      return 0;
    }
    io.stderr('wget: too many redirections\n');
    return 1;
  };
}
