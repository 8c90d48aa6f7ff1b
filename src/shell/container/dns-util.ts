/** Small helpers the DNS tools share: reading /etc/resolv.conf, PTR names. */
import type { CommandIO } from '../command.js';
import type { ToolContext } from './context.js';

export interface ResolverConf { nameserver: string; search: string[]; ndots: number }

export function resolverConf(io: CommandIO, ctx: ToolContext): ResolverConf {
  let text = '';
  try { text = io.fs.readFile('/etc/resolv.conf'); } catch { /* none */ }
  const conf: ResolverConf = { nameserver: '', search: [], ndots: 1 };
  for (const line of text.split('\n')) {
    const [k, ...rest] = line.trim().split(/\s+/);
    if (k === 'nameserver' && !conf.nameserver) conf.nameserver = rest[0] ?? '';
    if (k === 'search') conf.search = rest;
    if (k === 'options') for (const o of rest) { const m = /^ndots:(\d+)$/.exec(o); if (m) conf.ndots = Number(m[1]); }
  }
  if (!conf.nameserver) conf.nameserver = ctx.dns.nameserver();
  return conf;
}

export function isIPv4Text(s: string): boolean { return /^\d{1,3}(\.\d{1,3}){3}$/.test(s); }
export function ptrName(ip: string): string { return `${ip.split('.').reverse().join('.')}.in-addr.arpa`; }
