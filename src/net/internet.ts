/**
 * The "internet": simulated sites outside the cluster at fixed IPs, and the upstream DNS that
 * CoreDNS forwards non-cluster names to. Nothing here ever touches a real network.
 */
import type { HttpServer } from './http.js';

export interface Site {
  /** Host names with A records pointing at `ips` (lower case, no trailing dot). */
  names: string[];
  /** Host names that are CNAMEs: alias → target (target must be resolvable here). */
  aliases?: Record<string, string>;
  ips: string[];
  /** TCP ports that accept connections. */
  ports: number[];
  /** What other ports do: 'drop' (firewall, the client times out) or 'reject' (RST). */
  closedPorts: 'drop' | 'reject';
  /** Names on the TLS certificate served on 443 (`*.example.com` allowed). */
  certNames: string[];
  /** Whether the host answers ICMP echo. */
  icmp: boolean;
  /** One-way latency in ms (ping shows twice this). */
  latencyMs: number;
  server: HttpServer;
}

export type UpstreamAnswer =
  | { kind: 'A'; name: string; chain: { from: string; to: string }[]; ips: string[] }
  | { kind: 'NXDOMAIN' };

export class Internet {
  private readonly byName = new Map<string, Site>();
  private readonly aliases = new Map<string, string>();
  private readonly byIP = new Map<string, Site>();
  /** Extra A records (e.g. cloud-provider node names in `us-east-2.compute.internal`). */
  private readonly records = new Map<string, string[]>();

  register(site: Site): void {
    for (const n of site.names) this.byName.set(n.toLowerCase(), site);
    for (const [a, t] of Object.entries(site.aliases ?? {})) this.aliases.set(a.toLowerCase(), t.toLowerCase());
    for (const ip of site.ips) this.byIP.set(ip, site);
  }

  addRecord(name: string, ips: string[]): void { this.records.set(name.toLowerCase().replace(/\.$/, ''), ips); }

  /** What a public recursive resolver answers for an A query. */
  resolve(name: string): UpstreamAnswer {
    let n = name.toLowerCase().replace(/\.$/, '');
    const chain: { from: string; to: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const target = this.aliases.get(n);
      if (!target) break;
      chain.push({ from: n, to: target });
      n = target;
    }
    const extra = this.records.get(n);
    if (extra) return { kind: 'A', name: n, chain, ips: extra };
    const site = this.byName.get(n);
    if (!site) return { kind: 'NXDOMAIN' };
    return { kind: 'A', name: n, chain, ips: site.ips };
  }

  /** PTR for a site IP: its first name. */
  reverse(ip: string): string | undefined { return this.byIP.get(ip)?.names[0]; }

  siteAt(ip: string): Site | undefined { return this.byIP.get(ip); }
}

/** Does a certificate name (possibly `*.x`) cover host? */
export function certMatches(certNames: string[], host: string): boolean {
  const h = host.toLowerCase();
  return certNames.some((c) => {
    const n = c.toLowerCase();
    if (n.startsWith('*.')) {
      const dot = h.indexOf('.');
      return dot > 0 && h.slice(dot + 1) === n.slice(2);
    }
    return n === h;
  });
}
