/**
 * What the container tools know about where they run: the pod, its IP, the image, and the
 * cluster network. Built once per container host by `setup.ts`.
 */
import type { Client, DnsResponse, LookupResult, Network, RRType } from '../../net/index.js';
import type { Command, CommandIO } from '../command.js';
import type { ContainerImage } from './images.js';

export interface ToolContext {
  /** Resolved lazily: the network of the session's cluster. */
  net(): Network;
  namespace: string;
  pod: string;
  container: string;
  podIP: string;
  hostname: string;
  image: ContainerImage;
  /** The resolver this host uses: cluster DNS in a pod, the upstream one on the workstation. */
  dns: DnsView;
  /** Outside the cluster (the learner's machine): no ClusterIP routes, no pod routes. */
  outside?: boolean;
}

/** What DNS looks like from one host. */
export interface DnsView {
  nameserver(): string;
  query(name: string, type: RRType): DnsResponse;
  /** Names a stub resolver tries for `name` (FQDNs with trailing dot). */
  candidates(name: string): string[];
  lookup(name: string, hosts?: Map<string, string>): LookupResult;
}

/** A pod's view: CoreDNS with the namespace's search list. */
export function clusterDnsView(net: () => Network, namespace: string): DnsView {
  return {
    nameserver: () => net().dns.nameserverIP(),
    query: (n, t) => net().dns.query(n, t),
    candidates: (n) => net().dns.candidates(n, namespace),
    lookup: (n, h) => net().dns.lookup(n, namespace, h),
  };
}

/** The workstation's view: its own upstream resolver (systemd-resolved); cluster names do not exist. */
export function upstreamDnsView(net: () => Network): DnsView {
  const query = (name: string, type: RRType): DnsResponse => {
    const fq = (name.endsWith('.') ? name : name + '.').toLowerCase();
    const zone = `.${net().dns.zone}.`;
    if (fq.endsWith(zone) || fq === zone.slice(1)) return { rcode: 'NXDOMAIN', aa: false, answer: [], authority: [], additional: [] };
    const r = net().dns.query(fq, type);
    return { ...r, aa: false };
  };
  return {
    nameserver: () => '127.0.0.53',
    query,
    candidates: (n) => [(n.endsWith('.') ? n : n + '.').toLowerCase()],
    lookup: (n, hosts) => {
      const lower = n.toLowerCase();
      if (/^\d{1,3}(\.\d{1,3}){3}$/.test(lower)) return { ok: true, name: lower, canonical: lower, cnames: [], addresses: [lower], tried: [] };
      // systemd-resolved answers localhost itself, with or without /etc/hosts.
      const h = hosts?.get(lower.replace(/\.$/, '')) ?? (/^localhost\.?$/.test(lower) ? '127.0.0.1' : undefined);
      if (h) return { ok: true, name: lower, canonical: lower, cnames: [], addresses: [h], tried: [] };
      const fq = (lower.endsWith('.') ? lower : lower + '.');
      const r = query(fq, 'A');
      const addresses = r.answer.filter((x) => x.type === 'A').map((x) => x.data);
      if (r.rcode !== 'NOERROR' || !addresses.length) return { ok: false, rcode: r.rcode === 'NOERROR' ? 'NODATA' : r.rcode, tried: [fq] };
      const cnames = r.answer.filter((x) => x.type === 'CNAME').map((x) => ({ from: x.name.slice(0, -1), to: x.data.slice(0, -1) }));
      return { ok: true, name: fq.slice(0, -1), canonical: cnames.at(-1)?.to ?? fq.slice(0, -1), cnames, addresses, tried: [fq] };
    },
  };
}

export function clientOf(ctx: ToolContext): Client {
  return { ip: ctx.podIP, namespace: ctx.namespace, pod: ctx.outside ? undefined : ctx.pod, outside: ctx.outside };
}

/** Where an installed tool's binary lives, in the order a shell's PATH finds it. */
export const BIN_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function isInstalled(io: CommandIO, name: string): boolean {
  return binaryPath(io.fs, name) !== undefined;
}

/** Where PATH finds `name` on this filesystem (for `which`, `type`, and exec without a shell). */
export function binaryPath(fs: CommandIO['fs'], name: string): string | undefined {
  return BIN_DIRS.map((d) => `${d}/${name}`).find((p) => fs.exists(p));
}

/**
 * A tool that exists only once its binary is on disk: `apt install curl` writes /usr/bin/curl,
 * and from then on the command runs; before, the shell's own "not found" text and status 127.
 */
export function gated(name: string, ctx: ToolContext, run: Command): GatedCommand {
  const cmd: GatedCommand = async (args, io) => {
    if (!isInstalled(io, name)) {
      io.stderr(ctx.image.shell === 'bash' ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`);
      return 127;
    }
    return run(args, io);
  };
  cmd.available = (fs) => binaryPath(fs, name) !== undefined;
  return cmd;
}

/**
 * A command that exists only while its binary is on disk. The shell's `which`, `type`, `help`
 * and exec-without-a-shell can ask `available(fs)` to treat it as absent until installed.
 */
export type GatedCommand = Command & { available?(fs: CommandIO['fs']): boolean };

/** /etc/hosts as the resolver reads it (first match wins). */
export function readHosts(io: CommandIO): Map<string, string> {
  const map = new Map<string, string>();
  let text = '';
  try { text = io.fs.readFile('/etc/hosts'); } catch { return map; }
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [ip, ...names] = line.split(/\s+/);
    if (!ip || ip.includes(':')) continue;
    for (const n of names) if (!map.has(n.toLowerCase())) map.set(n.toLowerCase(), ip);
  }
  return map;
}

/** getaddrinfo(): /etc/hosts, then DNS with the pod's search list. */
export function resolveHost(ctx: ToolContext, io: CommandIO, name: string): LookupResult {
  return ctx.dns.lookup(name, readHosts(io));
}

/** Waits virtual time; false when interrupted (Ctrl-C). */
export async function wait(io: CommandIO, ms: number): Promise<boolean> {
  if (io.signal.aborted) return false;
  try { await io.time.sleep(Math.max(0, Math.round(ms)), io.signal); } catch { return false; }
  return !io.signal.aborted;
}
