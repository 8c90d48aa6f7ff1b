/**
 * nc: the busybox applet and netcat-openbsd. `-z` checks a port; otherwise stdin is sent and
 * the reply printed (an HTTP request typed with echo/printf gets the server's raw response).
 */
import { formatResponseHead, type HttpRequest } from '../../net/index.js';
import type { CommandIO } from '../command.js';
import { clientOf, resolveHost, wait, type ToolContext } from './context.js';

const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 5432: 'postgresql', 6379: 'redis', 3306: 'mysql' };

export function ncCommand(ctx: ToolContext) {
  return async (args: string[], io: CommandIO): Promise<number> => {
    const busybox = ctx.image.os === 'busybox' || ctx.image.os === 'alpine';
    let zero = false;
    let verbose = false;
    let waitMs: number | undefined;
    const ops: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-w') { waitMs = Number(args[++i]) * 1000; continue; }
      if (/^-[a-zA-Z]+$/.test(a)) { if (a.includes('z')) zero = true; if (a.includes('v')) verbose = true; continue; }
      ops.push(a);
    }
    const [host, portText] = ops;
    if (!host || !portText) {
      io.stderr(busybox ? 'BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n'
        : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n');
      return 1;
    }
    const port = Number(portText);
    const r = resolveHost(ctx, io, host);
    if (!r.ok) {
      io.stderr(busybox ? `nc: bad address '${host}'\n` : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`);
      return 1;
    }
    const ip = r.addresses[0]!;
    const c = ctx.net().connect(clientOf(ctx), ip, port);
    const svc = SERVICES[port] ? `[tcp/${SERVICES[port]}]` : '[tcp/*]';
    if (c.kind !== 'open') {
      const ms = c.kind === 'timeout' ? Math.min(c.afterMs, waitMs ?? c.afterMs) : c.latencyMs;
      if (!(await wait(io, ms))) return 130;
      const why = c.kind === 'refused' ? 'Connection refused' : c.kind === 'unreachable' ? 'No route to host' : 'Connection timed out';
      if (busybox) io.stderr(c.kind === 'timeout' && waitMs !== undefined ? 'nc: timeout\n' : `nc: ${host} (${ip}:${port}): ${why}\n`);
      else if (verbose || !zero) io.stderr(`nc: connect to ${host} port ${port} (tcp) ${c.kind === 'timeout' && waitMs !== undefined ? 'timed out: Operation now in progress' : `failed: ${why}`}\n`);
      return 1;
    }
    if (!(await wait(io, c.latencyMs))) return 130;
    if (verbose) io.stderr(busybox ? `${host} (${ip}:${port}) open\n` : `Connection to ${host} (${ip}) ${port} port ${svc} succeeded!\n`);
    if (zero) return 0;
    const req = parseRequest(io.stdin);
    if (!req || !c.peer.server) {
      // Nothing to send: the server's idle timeout closes the connection.
      await wait(io, 60_000);
      return 0;
    }
    const res = c.peer.server.handle(req, {
      clientIP: ip.startsWith('127.') ? '127.0.0.1' : ctx.podIP, serverIP: ip, port, tls: false, now: ctx.net().now(), log: (l) => c.peer.log(l),
    });
    io.stdout(formatResponseHead(res) + res.body);
    return 0;
  };
}

function parseRequest(text: string): HttpRequest | undefined {
  const lines = text.replace(/\r/g, '').split('\n');
  const m = /^([A-Z]+) (\S+) (HTTP\/1\.[01])$/.exec(lines[0] ?? '');
  if (!m) return undefined;
  const headers: [string, string][] = [];
  for (const l of lines.slice(1)) {
    if (!l) break;
    const i = l.indexOf(':');
    if (i > 0) headers.push([l.slice(0, i).trim(), l.slice(i + 1).trim()]);
  }
  return { method: m[1]!, target: m[2]!, version: m[3] as 'HTTP/1.1', headers, body: '' };
}
