/**
 * Cluster DNS with CoreDNS semantics (kubernetes plugin as configured by kubeadm/kind:
 * `kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa; ttl 30 }`,
 * `forward . /etc/resolv.conf`, `loadbalance`), computed from API state on every query,
 * plus the pod-side stub resolver (resolv.conf search list, ndots:5) that glibc and musl apply.
 * Sources: kubernetes/dns docs/specification.md; coredns plugin/kubernetes (parse.go, kubernetes.go,
 * handler.go: errNoItems is a name error → NXDOMAIN); k8s-semantics §7.1–7.2.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { ClusterProfile } from '../cluster/profile.js';
import { clusterIPs, isHeadless, type ApiView, type Backend } from './api-view.js';
import type { Internet } from './internet.js';
import { dashed, inCIDR, ipToInt, isIPv4, undashed } from './ip.js';

export type RRType = 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR' | 'TXT' | 'MX' | 'NS' | 'SOA';
export interface RR { name: string; type: RRType; ttl: number; data: string }
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
export interface DnsResponse { rcode: Rcode; aa: boolean; answer: RR[]; authority: RR[]; additional: RR[] }

export interface DnsDeps {
  view: ApiView;
  profile: ClusterProfile;
  internet: Internet;
  now(): number;
  /** Integer in [0, n): the `loadbalance` plugin's shuffle. */
  randomInt(n: number): number;
}

export type LookupResult =
  | { ok: true; name: string; canonical: string; cnames: { from: string; to: string }[]; addresses: string[]; tried: string[] }
  | { ok: false; rcode: Rcode | 'NODATA'; tried: string[] };

const TTL = 30;
const fqdn = (n: string): string => (n.endsWith('.') ? n : n + '.').toLowerCase();

export class ClusterDns {
  readonly zone: string;

  constructor(private readonly deps: DnsDeps) {
    this.zone = (deps.profile.clusterDomain || 'cluster.local').toLowerCase();
  }

  /** kube-system/kube-dns ClusterIP (what the kubelet writes as nameserver). */
  nameserverIP(): string {
    const svc = this.deps.view.service('kube-system', 'kube-dns');
    const ip = svc ? clusterIPs(svc)[0] : undefined;
    if (ip) return ip;
    // kubeadm's default: the 10th address of the service CIDR.
    const base = ipToInt(this.deps.profile.serviceCIDR.split('/')[0] ?? '10.96.0.0') ?? 0;
    const n = base + 10;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  }

  /** resolv.conf search list for a ClusterFirst pod: cluster suffixes, then the node's own. */
  searchDomains(namespace: string): string[] {
    const own = [`${namespace}.svc.${this.zone}`, `svc.${this.zone}`, this.zone];
    return [...own, ...this.nodeSearchDomains()].slice(0, 6);
  }

  /** The node's resolv.conf search domains (EKS: the VPC's `<region>.compute.internal`). */
  nodeSearchDomains(): string[] {
    if (this.deps.profile.flavour !== 'eks') return [];
    const node = this.deps.profile.nodes[0]?.name ?? '';
    const dot = node.indexOf('.');
    return dot > 0 ? [node.slice(dot + 1)] : [];
  }

  /** /etc/resolv.conf as containerd writes it for dnsPolicy ClusterFirst. */
  resolvConf(namespace: string): string {
    return `search ${this.searchDomains(namespace).join(' ')}\nnameserver ${this.nameserverIP()}\noptions ndots:5\n`;
  }

  /** What the kube-dns server answers for one question. */
  query(qname: string, qtype: RRType): DnsResponse {
    const name = fqdn(qname);
    if (name.endsWith(`.${this.zone}.`) || name === `${this.zone}.`) return this.clusterZone(name, qtype);
    if (name.endsWith('.in-addr.arpa.')) {
      const r = this.reverse(name, qtype);
      if (r) return r;
    }
    return this.forward(name, qtype);
  }

  /**
   * The stub resolver (glibc/musl getaddrinfo): /etc/hosts first, then the search list in
   * ndots order. A NODATA answer on one candidate moves on to the next, as glibc does.
   */
  lookup(name: string, namespace: string, hosts?: Map<string, string>): LookupResult {
    const lower = name.toLowerCase();
    if (isIPv4(lower)) return { ok: true, name: lower, canonical: lower, cnames: [], addresses: [lower], tried: [] };
    const fromHosts = hosts?.get(lower.replace(/\.$/, ''));
    if (fromHosts) return { ok: true, name: lower, canonical: lower, cnames: [], addresses: [fromHosts], tried: [] };
    const tried: string[] = [];
    let nodata = false;
    for (const cand of this.candidates(lower, namespace)) {
      tried.push(cand);
      const r = this.query(cand, 'A');
      if (r.rcode === 'SERVFAIL') return { ok: false, rcode: 'SERVFAIL', tried };
      if (r.rcode === 'NOERROR') {
        const addresses = r.answer.filter((x) => x.type === 'A').map((x) => x.data);
        if (addresses.length === 0) { nodata = true; continue; }
        const cnames = r.answer.filter((x) => x.type === 'CNAME').map((x) => ({ from: x.name.slice(0, -1), to: x.data.slice(0, -1) }));
        const canonical = cnames.length ? cnames[cnames.length - 1]!.to : cand.replace(/\.$/, '');
        return { ok: true, name: cand.replace(/\.$/, ''), canonical, cnames, addresses, tried };
      }
    }
    return { ok: false, rcode: nodata ? 'NODATA' : 'NXDOMAIN', tried };
  }

  /** The names a stub resolver tries, in order (fully qualified, trailing dot). */
  candidates(name: string, namespace: string): string[] {
    if (name.endsWith('.')) return [name.toLowerCase()];
    const dots = name.split('.').length - 1;
    const searched = this.searchDomains(namespace).map((d) => fqdn(`${name}.${d}`));
    return dots >= 5 ? [fqdn(name), ...searched] : [...searched, fqdn(name)];
  }

  // ---- the kubernetes plugin -------------------------------------------------------------

  private clusterZone(name: string, qtype: RRType): DnsResponse {
    const labels = name.slice(0, -(this.zone.length + 2)).split('.').filter(Boolean);
    const kind = labels[labels.length - 1];
    if (labels.length === 0) return qtype === 'SOA' ? this.ok([this.soa()], true) : this.nodata();
    if (kind === 'svc') return this.svcQuery(labels.slice(0, -1), name, qtype);
    if (kind === 'pod') return this.podQuery(labels.slice(0, -1), name, qtype);
    return this.nxdomain();
  }

  private svcQuery(rest: string[], name: string, qtype: RRType): DnsResponse {
    const view = this.deps.view;
    if (rest.length === 0) return this.nodata();
    const ns = rest[rest.length - 1]!;
    if (rest.length === 1) return view.namespaceExists(ns) ? this.nodata() : this.nxdomain();
    const svc = view.service(ns, rest[rest.length - 2]!);
    if (!svc) return this.nxdomain();
    const svcName = `${svc.metadata?.name}.${ns}.svc.${this.zone}.`;
    if (rest.length === 2) return this.serviceRecords(svc, svcName, qtype);
    if (rest.length === 3) {
      // <endpoint>.<svc>.<ns>.svc: headless endpoints by hostname or dashed IP.
      if (!isHeadless(svc)) return this.nxdomain();
      const hits = this.readyBackends(svc).filter((b) => endpointLabel(b) === rest[0]);
      if (hits.length === 0) return this.nxdomain();
      if (qtype !== 'A') return this.nodata();
      return this.ok(uniq(hits.map((b) => b.ip)).map((ip) => ({ name, type: 'A', ttl: TTL, data: ip })), true);
    }
    if (rest.length === 4 && rest[0]!.startsWith('_') && rest[1]!.startsWith('_')) {
      const portName = rest[0]!.slice(1);
      const proto = rest[1]!.slice(1).toUpperCase();
      const ports = (svc.spec?.ports ?? []).filter((p) => p.name === portName && (p.protocol ?? 'TCP') === proto);
      if (ports.length === 0) return this.nxdomain();
      if (qtype !== 'SRV') return this.nodata();
      return this.srv(svc, svcName, name, portName, proto);
    }
    return this.nxdomain();
  }

  private serviceRecords(svc: Service, svcName: string, qtype: RRType): DnsResponse {
    const type = svc.spec?.type ?? 'ClusterIP';
    if (type === 'ExternalName') {
      const target = fqdn(svc.spec?.externalName ?? '');
      const cname: RR = { name: svcName, type: 'CNAME', ttl: TTL, data: target };
      if (qtype === 'CNAME' || qtype === 'SRV') return this.ok([cname], true);
      if (qtype !== 'A') return this.ok([cname], true);
      // CoreDNS chases the target through its upstream and returns CNAME + A together.
      const chased = this.query(target, 'A');
      return { rcode: chased.rcode === 'NXDOMAIN' ? 'NOERROR' : chased.rcode, aa: true, answer: [cname, ...chased.answer], authority: [], additional: [] };
    }
    if (qtype === 'SRV') return this.srv(svc, svcName, svcName, undefined, undefined);
    if (qtype !== 'A') return this.nodata();
    if (isHeadless(svc)) {
      const ips = uniq(this.readyBackends(svc).map((b) => b.ip));
      if (ips.length === 0) return this.nxdomain();
      return this.ok(this.shuffle(ips).map((ip) => ({ name: svcName, type: 'A', ttl: TTL, data: ip })), true);
    }
    const ips = clusterIPs(svc);
    if (ips.length === 0) return this.nodata();
    return this.ok(ips.map((ip) => ({ name: svcName, type: 'A', ttl: TTL, data: ip })), true);
  }

  private srv(svc: Service, svcName: string, qname: string, portName: string | undefined, proto: string | undefined): DnsResponse {
    const answer: RR[] = [];
    const additional: RR[] = [];
    const wanted = (svc.spec?.ports ?? []).filter((p) =>
      (portName === undefined || p.name === portName) && (proto === undefined || (p.protocol ?? 'TCP') === proto));
    if (isHeadless(svc)) {
      const backends = this.readyBackends(svc).filter((b) => wanted.some((p) => (p.name ?? '') === b.portName));
      const weight = Math.floor(100 / Math.max(1, backends.length));
      for (const b of backends) {
        const target = `${endpointLabel(b)}.${svcName}`;
        answer.push({ name: qname, type: 'SRV', ttl: TTL, data: `0 ${weight} ${b.port} ${target}` });
        additional.push({ name: target, type: 'A', ttl: TTL, data: b.ip });
      }
    } else {
      const weight = Math.floor(100 / Math.max(1, wanted.length));
      for (const p of wanted) answer.push({ name: qname, type: 'SRV', ttl: TTL, data: `0 ${weight} ${p.port} ${svcName}` });
      for (const ip of clusterIPs(svc)) if (wanted.length) additional.push({ name: svcName, type: 'A', ttl: TTL, data: ip });
    }
    if (answer.length === 0) return this.nxdomain();
    return { rcode: 'NOERROR', aa: true, answer, authority: [], additional };
  }

  /** Ready endpoints; all of them with publishNotReadyAddresses (the controller marks them ready then). */
  private readyBackends(svc: Service): Backend[] {
    const all = this.deps.view.backends(svc);
    return svc.spec?.publishNotReadyAddresses ? all : all.filter((b) => b.ready);
  }

  private podQuery(rest: string[], name: string, qtype: RRType): DnsResponse {
    // `pods insecure`: any well-formed dashed IP answers, no check that the pod exists.
    if (rest.length !== 2) return rest.length === 1 && this.deps.view.namespaceExists(rest[0]!) ? this.nodata() : this.nxdomain();
    const ip = undashed(rest[0]!);
    if (!ip) return this.nxdomain();
    if (qtype !== 'A') return this.nodata();
    return this.ok([{ name, type: 'A', ttl: TTL, data: ip }], true);
  }

  private reverse(name: string, qtype: RRType): DnsResponse | undefined {
    const ip = name.slice(0, -'.in-addr.arpa.'.length).split('.').reverse().join('.');
    if (!isIPv4(ip)) return undefined;
    const targets: string[] = [];
    for (const svc of this.deps.view.services()) {
      const svcName = `${svc.metadata?.name}.${svc.metadata?.namespace}.svc.${this.zone}.`;
      if (clusterIPs(svc).includes(ip)) targets.push(svcName);
      else if (isHeadless(svc)) {
        for (const b of this.readyBackends(svc)) if (b.ip === ip) targets.push(`${endpointLabel(b)}.${svcName}`);
      }
    }
    if (targets.length === 0) return undefined;   // fallthrough in-addr.arpa → forward
    if (qtype !== 'PTR') return this.nodata();
    return this.ok(uniq(targets).map((t) => ({ name, type: 'PTR', ttl: TTL, data: t })), true);
  }

  // ---- forward . /etc/resolv.conf ----------------------------------------------------------

  private forward(name: string, qtype: RRType): DnsResponse {
    if (name.endsWith('.in-addr.arpa.')) {
      const ip = name.slice(0, -'.in-addr.arpa.'.length).split('.').reverse().join('.');
      const host = this.nodeNameFor(ip) ?? this.deps.internet.reverse(ip);
      if (!host) return { ...this.nxdomain(), aa: false, authority: [] };
      if (qtype !== 'PTR') return { ...this.nodata(), aa: false };
      return { rcode: 'NOERROR', aa: false, answer: [{ name, type: 'PTR', ttl: TTL, data: fqdn(host) }], authority: [], additional: [] };
    }
    const up = this.deps.internet.resolve(name);
    if (up.kind === 'NXDOMAIN') return { rcode: 'NXDOMAIN', aa: false, answer: [], authority: [], additional: [] };
    const chain: RR[] = up.chain.map((c) => ({ name: fqdn(c.from), type: 'CNAME', ttl: TTL, data: fqdn(c.to) }));
    if (qtype === 'CNAME') return { rcode: 'NOERROR', aa: false, answer: chain.slice(0, 1), authority: [], additional: [] };
    if (qtype !== 'A') return { rcode: 'NOERROR', aa: false, answer: chain, authority: [], additional: [] };
    const a: RR[] = this.shuffle(up.ips).map((ip) => ({ name: fqdn(up.name), type: 'A', ttl: TTL, data: ip }));
    return { rcode: 'NOERROR', aa: false, answer: [...chain, ...a], authority: [], additional: [] };
  }

  private nodeNameFor(ip: string): string | undefined {
    return this.deps.profile.nodes.find((n) => n.internalIP === ip)?.name;
  }

  // ---- helpers ---------------------------------------------------------------------------

  private soa(): RR {
    const serial = Math.floor(this.deps.now() / 1000);
    return { name: `${this.zone}.`, type: 'SOA', ttl: TTL, data: `ns.dns.${this.zone}. hostmaster.${this.zone}. ${serial} 7200 1800 86400 ${TTL}` };
  }
  private ok(answer: RR[], aa: boolean): DnsResponse { return { rcode: 'NOERROR', aa, answer, authority: [], additional: [] }; }
  private nodata(): DnsResponse { return { rcode: 'NOERROR', aa: true, answer: [], authority: [this.soa()], additional: [] }; }
  private nxdomain(): DnsResponse { return { rcode: 'NXDOMAIN', aa: true, answer: [], authority: [this.soa()], additional: [] }; }

  /** `loadbalance`: round-robin rotation of A records, randomised per answer. */
  private shuffle<T>(xs: T[]): T[] {
    if (xs.length < 2) return xs;
    const k = this.deps.randomInt(xs.length);
    return [...xs.slice(k), ...xs.slice(0, k)];
  }

  /** Is ip a ClusterIP in the service CIDR (used by ping / traceroute style tools)? */
  inServiceCIDR(ip: string): boolean { return inCIDR(ip, this.deps.profile.serviceCIDR); }
}

function endpointLabel(b: Backend): string { return b.hostname || dashed(b.ip); }
function uniq<T>(xs: T[]): T[] { return [...new Set(xs)]; }
