/**
 * One HTTP exchange as a client in a pod performs it: resolve (getaddrinfo with the search
 * list), TCP connect through the cluster network, TLS checks, request, response. Virtual time
 * passes for each step. curl and wget build their own messages from the outcome.
 */
import { certMatches, type HttpRequest, type HttpResponse, type LookupResult } from '../../net/index.js';
import type { CommandIO } from '../command.js';
import { clientOf, resolveHost, wait, type ToolContext } from './context.js';
import type { ParsedUrl } from './url.js';

export type ExchangeError =
  | { code: 'resolve' }
  | { code: 'refused'; ip: string }
  | { code: 'unreachable'; ip: string }
  | { code: 'timeout'; ip: string; connectLimit: boolean }
  | { code: 'tls-plain-port' }
  | { code: 'cert-mismatch' }
  | { code: 'empty-reply' }
  | { code: 'interrupted' };

export interface ExchangeOk {
  ok: true;
  ip: string;
  port: number;
  lookup: Extract<LookupResult, { ok: true }>;
  response: HttpResponse;
  connectMs: number;
  elapsedMs: number;
}
export interface ExchangeFail { ok: false; error: ExchangeError; elapsedMs: number; lookup?: LookupResult; ip?: string }

export interface ExchangeOptions {
  /** --connect-timeout / -m in ms (the smaller applies to connecting). */
  connectTimeoutMs?: number;
  insecure?: boolean;
  /** Called once the TCP connection is up (curl -v prints "Connected to"). */
  onConnected?(ip: string, port: number): void;
  onTrying?(ip: string, port: number): void;
  /** After the TLS handshake: whether the certificate covers the host. */
  onTls?(certMatches: boolean): void;
}

export async function exchange(ctx: ToolContext, io: CommandIO, url: ParsedUrl, req: HttpRequest, opts: ExchangeOptions = {}): Promise<ExchangeOk | ExchangeFail> {
  const net = ctx.net();
  let elapsed = 0;
  const lookup = resolveHost(ctx, io, url.host);
  // Each search-list miss is one round trip to CoreDNS (about a millisecond in a cluster).
  const dnsMs = lookup.tried.length === 0 ? 0 : lookup.tried.length;
  elapsed += dnsMs;
  if (!(await wait(io, dnsMs))) return { ok: false, error: { code: 'interrupted' }, elapsedMs: elapsed };
  if (!lookup.ok) return { ok: false, error: { code: 'resolve' }, elapsedMs: elapsed, lookup };

  let last: ExchangeFail | undefined;
  for (const ip of lookup.addresses) {
    opts.onTrying?.(ip, url.port);
    const c = net.connect(clientOf(ctx), ip, url.port);
    if (c.kind === 'timeout' || (c.kind !== 'open' && opts.connectTimeoutMs !== undefined && c.latencyMs > opts.connectTimeoutMs)) {
      const limit = opts.connectTimeoutMs !== undefined && opts.connectTimeoutMs < (c.kind === 'timeout' ? c.afterMs : Infinity);
      const ms = limit ? opts.connectTimeoutMs! : c.kind === 'timeout' ? c.afterMs : 0;
      if (!(await wait(io, ms))) return { ok: false, error: { code: 'interrupted' }, elapsedMs: elapsed + ms };
      elapsed += ms;
      last = { ok: false, error: { code: 'timeout', ip, connectLimit: limit }, elapsedMs: elapsed, lookup, ip };
      if (limit) return last;
      continue;
    }
    if (c.kind === 'refused' || c.kind === 'unreachable') {
      if (!(await wait(io, c.latencyMs))) return { ok: false, error: { code: 'interrupted' }, elapsedMs: elapsed };
      elapsed += c.latencyMs;
      last = { ok: false, error: { code: c.kind, ip }, elapsedMs: elapsed, lookup, ip };
      continue;
    }
    const connectMs = c.latencyMs;
    elapsed += connectMs;
    if (!(await wait(io, connectMs))) return { ok: false, error: { code: 'interrupted' }, elapsedMs: elapsed };
    opts.onConnected?.(ip, url.port);
    const peer = c.peer;
    if (url.scheme === 'https') {
      if (!peer.certNames) return { ok: false, error: { code: 'tls-plain-port' }, elapsedMs: elapsed, lookup, ip };
      const matched = certMatches(peer.certNames, url.host);
      opts.onTls?.(matched);
      if (!opts.insecure && !matched) {
        return { ok: false, error: { code: 'cert-mismatch' }, elapsedMs: elapsed, lookup, ip };
      }
      elapsed += connectMs;   // the TLS handshake: one more round trip
    }
    if (!peer.server) return { ok: false, error: { code: 'empty-reply' }, elapsedMs: elapsed, lookup, ip };
    const response = peer.server.handle(req, {
      clientIP: ip.startsWith('127.') ? '127.0.0.1' : ctx.podIP, serverIP: ip.startsWith('127.') ? ip : peer.ip, port: peer.port, tls: url.scheme === 'https',
      now: net.now(), log: (line) => peer.log(line),
    });
    const xfer = Math.max(1, Math.round(connectMs / 2));
    if (!(await wait(io, xfer))) return { ok: false, error: { code: 'interrupted' }, elapsedMs: elapsed };
    elapsed += xfer;
    return { ok: true, ip, port: url.port, lookup, response, connectMs, elapsedMs: elapsed };
  }
  return last ?? { ok: false, error: { code: 'resolve' }, elapsedMs: elapsed, lookup };
}
