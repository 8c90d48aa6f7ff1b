/**
 * The cluster network as one facade: DNS, the service proxy, pods' listening servers and the
 * internet. Tools inside containers (curl, wget, ping, nslookup) call only this.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../cluster/api/types.js';
import { productVersion, resolveImage } from '../cluster/images.js';
import type { ClusterProfile } from '../cluster/profile.js';
import { ApiView } from './api-view.js';
import { appForImage, serverFor } from './apps.js';
import { ClusterDns } from './dns.js';
import type { HttpServer } from './http.js';
import { Internet } from './internet.js';
import { inCIDR } from './ip.js';
import { ServiceProxy } from './proxy.js';
import { SeededRandom } from '../cluster/rng.js';
import { defaultInternet } from './sites/index.js';

/** A port a running container listens on, as the container runtime reports it. */
export interface Listener { container: string; port: number; protocol?: string; app?: string; version?: string }

/**
 * What the network needs from the container runtime (src/cluster/runtime ContainerRuntime fits
 * as is). Without one, listeners come from running containers' images in pod status.
 */
export interface RuntimeView {
  /** Ports with a listening process at this pod IP (running containers only). */
  listeners(ip: string): Listener[];
  appendLog(namespace: string, pod: string, container: string | undefined, line: string): void;
  /** The processes running in a container (PID 1 first), for `ps`. */
  processes?(namespace: string, pod: string, container?: string): RuntimeProcess[];
  spawnProcess?(namespace: string, pod: string, container: string | undefined, command: string, user: string, now: number): number | undefined;
  killProcess?(namespace: string, pod: string, container: string | undefined, pid: number): void;
}

export interface RuntimeProcess { pid: number; ppid: number; user: string; command: string; startedAt: number }

export interface NetworkDeps {
  api: ApiClient;
  profile: ClusterProfile;
  clock: { now(): number };
  rng: { int(n: number): number };
  runtime?: RuntimeView;
  internet?: Internet;
}

/**
 * Who is connecting: a pod, or a machine outside the cluster (the learner's workstation),
 * which has no kube-proxy rules and no route to pod or Service addresses, only to node IPs.
 */
export interface Client { ip: string; namespace?: string; pod?: string; outside?: boolean }

export interface Peer {
  ip: string;
  port: number;
  /** null: a TCP server that is not HTTP (closes without a reply). */
  server: HttpServer | null;
  /** Certificate names when the port speaks TLS; null when it speaks plain text. */
  certNames: string[] | null;
  log(line: string): void;
}

export type ConnectResult =
  | { kind: 'open'; latencyMs: number; peer: Peer; service?: string }
  | { kind: 'refused'; latencyMs: number }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'unreachable'; latencyMs: number };

export interface PingResult { reply: boolean; rttMs: number; ttl: number }

export class Network {
  readonly view: ApiView;
  readonly dns: ClusterDns;
  readonly proxy: ServiceProxy;
  readonly internet: Internet;
  /** Server processes by container (their counters live as long as the container). */
  private readonly servers = new Map<string, HttpServer | null>();
  /** `kubectl port-forward` listeners on the workstation's loopback, by local port. */
  private readonly forwards = new Map<number, { namespace: string; pod: string; port: number; onConnection?: () => void }>();

  constructor(private readonly deps: NetworkDeps) {
    this.view = new ApiView(deps.api);
    this.internet = deps.internet ?? defaultInternet();
    for (const n of deps.profile.nodes) this.internet.addRecord(n.name, [n.internalIP]);
    const randomInt = (n: number): number => deps.rng.int(n);
    const now = (): number => deps.clock.now();
    this.dns = new ClusterDns({ view: this.view, profile: deps.profile, internet: this.internet, now, randomInt });
    this.proxy = new ServiceProxy({ view: this.view, profile: deps.profile, now, randomInt });
  }

  now(): number { return this.deps.clock.now(); }

  /** The container runtime, when the cluster has one (ps reads and starts processes there). */
  runtime(): RuntimeView | undefined { return this.deps.runtime; }

  /** The node's upstream resolver (dnsPolicy Default): the VPC resolver on EKS, Docker's on kind. */
  profileNameserver(): string {
    const ip = this.deps.profile.nodes[0]?.internalIP ?? '10.0.0.2';
    return this.deps.profile.flavour === 'eks' ? ip.replace(/\.\d+\.\d+$/, '.0.2') : '172.18.0.1';
  }

  /** Integer in [0, n) from the cluster's seeded random source (DNS ids, ephemeral ports). */
  randomInt(n: number): number { return this.deps.rng.int(n); }

  /** Opens a TCP connection from client to ip:port through kube-proxy's rules. */
  connect(client: Client, ip: string, port: number): ConnectResult {
    if (ip.startsWith('127.') && client.outside) return this.connectForwarded(port);
    // Loopback stays inside the client's own network namespace (the pod itself).
    if (ip.startsWith('127.') && client.pod) ip = client.ip;
    const isNode = this.deps.profile.nodes.some((n) => n.internalIP === ip);
    // Outside the cluster only node IPs (NodePorts) are reachable; the rest has no route.
    if (client.outside && !isNode && (this.inPodNetwork(ip) || this.dns.inServiceCIDR(ip))) return this.timeout();
    const route = this.proxy.route(client.ip, ip, port, 'TCP', client.outside);
    const small = (): number => 1 + this.deps.rng.int(4);
    if (route.kind === 'reject') return { kind: 'refused', latencyMs: small() };
    if (route.kind === 'drop') return this.timeout();
    const [dip, dport] = route.kind === 'dnat' ? [route.ip, route.port] : [ip, port];
    const service = route.kind === 'dnat' ? route.service : undefined;

    const pod = this.view.podByIP(dip);
    if (pod) {
      const peer = this.podPeer(pod, dip, dport);
      return peer ? { kind: 'open', latencyMs: small(), peer, service } : { kind: 'refused', latencyMs: small() };
    }
    const node = this.deps.profile.nodes.find((n) => n.internalIP === dip);
    if (node) return { kind: 'refused', latencyMs: small() };
    if (this.inPodNetwork(dip)) return { kind: 'unreachable', latencyMs: 3000 + this.deps.rng.int(100) };
    if (this.dns.inServiceCIDR(dip)) return this.timeout();
    const site = this.internet.siteAt(dip);
    if (!site) return this.timeout();
    if (!site.ports.includes(dport)) {
      return site.closedPorts === 'reject' ? { kind: 'refused', latencyMs: site.latencyMs * 2 } : this.timeout();
    }
    return {
      kind: 'open', latencyMs: site.latencyMs * 2, service,
      peer: { ip: dip, port: dport, server: site.server, certNames: dport === 443 ? site.certNames : null, log: () => {} },
    };
  }

  /** ICMP echo: ClusterIPs never answer (only service ports are translated), pods and nodes do. */
  ping(client: Client, ip: string): PingResult {
    if (ip.startsWith('127.')) return { reply: true, rttMs: 0.02 + this.deps.rng.int(30) / 1000, ttl: 64 };
    if (client.outside && (this.inPodNetwork(ip) || this.dns.inServiceCIDR(ip))) return { reply: false, rttMs: 0, ttl: 0 };
    const jitter = this.deps.rng.int(60) / 1000;
    const pod = this.view.podByIP(ip);
    if (pod) {
      const self = ip === client.ip;
      const clientPod = client.pod && client.namespace ? this.view.pods(client.namespace).find((p) => p.metadata?.name === client.pod) : undefined;
      const sameNode = self || clientPod?.spec?.nodeName === pod.spec?.nodeName;
      return { reply: true, rttMs: (self ? 0.03 : sameNode ? 0.06 : 0.45) + jitter, ttl: self || sameNode ? 64 : 63 };
    }
    if (this.deps.profile.nodes.some((n) => n.internalIP === ip)) return { reply: true, rttMs: 0.07 + jitter, ttl: 64 };
    const site = this.internet.siteAt(ip);
    if (site?.icmp) return { reply: true, rttMs: site.latencyMs * 2 + jitter * 10, ttl: 52 };
    return { reply: false, rttMs: 0, ttl: 0 };
  }

  /**
   * `kubectl port-forward`: connections to 127.0.0.1:localPort on the workstation reach the
   * pod's port directly (no Service, no kube-proxy). Returns a function that stops listening.
   */
  forwardPort(localPort: number, target: { namespace: string; pod: string; port: number }, onConnection?: () => void): () => void {
    this.forwards.set(localPort, { ...target, onConnection });
    return () => { if (this.forwards.get(localPort)?.pod === target.pod) this.forwards.delete(localPort); };
  }

  /** Whether a port-forward already listens on this workstation port. */
  isForwarding(localPort: number): boolean { return this.forwards.has(localPort); }

  private connectForwarded(localPort: number): ConnectResult {
    const f = this.forwards.get(localPort);
    if (!f) return { kind: 'refused', latencyMs: 0 };
    f.onConnection?.();
    const pod = this.view.pods(f.namespace).find((p) => p.metadata?.name === f.pod);
    const ip = pod?.status?.podIP;
    const peer = pod && ip ? this.podPeer(pod, ip, f.port) : undefined;
    // The pod has nothing on that port: kubectl logs an error and the client sees the connection close.
    if (!peer) return { kind: 'open', latencyMs: 1, peer: { ip: '127.0.0.1', port: localPort, server: null, certNames: null, log: () => {} } };
    return { kind: 'open', latencyMs: 1 + this.deps.rng.int(3), peer };
  }

  private timeout(): ConnectResult {
    // Linux tcp_syn_retries=6: 1+2+4+8+16+32 s of retransmits plus the last wait ≈ 127–135 s.
    return { kind: 'timeout', afterMs: 129000 + this.deps.rng.int(6000) };
  }

  private inPodNetwork(ip: string): boolean {
    return this.deps.profile.nodes.some((n) => inCIDR(ip, n.podCIDR));
  }

  private podPeer(pod: Pod, ip: string, port: number): Peer | undefined {
    const ns = pod.metadata?.namespace ?? 'default';
    const name = pod.metadata?.name ?? '';
    const listeners = this.deps.runtime ? this.deps.runtime.listeners(ip) : this.listenersFromSpec(pod);
    const l = listeners.find((x) => x.port === port && (x.protocol ?? 'TCP') === 'TCP');
    if (!l) return undefined;
    const image = pod.spec?.containers?.find((c) => c.name === l.container)?.image ?? '';
    const app = l.app ?? appForImage(image)?.app;
    // The catalog's product version (nginx 1.29.3), unless the tag pins another (nginx:1.27.5).
    const pinned = appForImage(image)?.version;
    const version = l.version ?? productVersion(resolveImage(image)) ?? pinned ?? '';
    const key = `${ns}/${name}/${l.container}/${pod.metadata?.uid ?? ''}/${app}/${version}`;
    let server = this.servers.get(key);
    if (server === undefined) {
      server = app ? serverFor(app, version) ?? null : null;
      this.servers.set(key, server);
    }
    const log = (line: string): void => this.deps.runtime?.appendLog(ns, name, l.container, line);
    return { ip, port, server, certNames: null, log };
  }

  /** Running containers whose image we know listen on the image's ports. */
  private listenersFromSpec(pod: Pod): Listener[] {
    const out: Listener[] = [];
    const statuses = pod.status?.containerStatuses ?? [];
    for (const c of pod.spec?.containers ?? []) {
      const st = statuses.find((s) => s.name === c.name);
      if (!st?.state?.running) continue;
      const info = appForImage(c.image ?? '');
      if (!info) continue;
      for (const port of info.ports) out.push({ container: c.name, port, protocol: 'TCP', app: info.app, version: info.version });
    }
    return out;
  }
}

/**
 * A cluster as the network needs it. src/cluster/cluster.ts Cluster fits; so does the shell's
 * SessionCluster ({ api, now(), profile? }): missing parts get deterministic defaults.
 */
export interface NetworkHost {
  api: NetworkDeps['api'];
  profile?: NetworkDeps['profile'];
  clock?: NetworkDeps['clock'];
  now?(): number;
  rng?: NetworkDeps['rng'];
  runtime?: RuntimeView;
}

const networks = new WeakMap<object, Network>();
const byApi = new WeakMap<object, Network>();

/** The Network already built for this API client, if any (kubectl reaches it this way for port-forward). */
export function networkForApi(api: NetworkDeps['api']): Network | undefined {
  // kubectl wraps the client it is given (WarningClient keeps it as `inner`): look through wrappers.
  let cur: unknown = api;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const n = byApi.get(cur);
    if (n) return n;
    cur = (cur as { inner?: unknown }).inner;
  }
  return undefined;
}

/** One Network per cluster object, created on first use. */
export function networkFor(cluster: NetworkHost): Network {
  let n = networks.get(cluster);
  if (!n) {
    const clock = cluster.clock ?? { now: () => (cluster.now ? cluster.now() : 0) };
    n = new Network({
      api: cluster.api, profile: cluster.profile ?? profileFromApi(cluster.api), clock,
      rng: cluster.rng ?? new SeededRandom(0x5eed), runtime: cluster.runtime,
    });
    networks.set(cluster, n);
    byApi.set(cluster.api, n);
  }
  return n;
}

/** What the network needs of a profile, read from the API when no profile is at hand. */
export function profileFromApi(api: NetworkDeps['api']): ClusterProfile {
  const view = new ApiView(api);
  const kube = view.service('default', 'kubernetes');
  const first = kube?.spec?.clusterIP ?? '10.96.0.1';
  const serviceCIDR = first.startsWith('172.20.') ? '172.20.0.0/16' : first.replace(/\.\d+\.\d+$/, '.0.0') + '/12';
  const nodes = view.nodes().map((n) => ({
    name: n.metadata?.name ?? '', internalIP: n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
    podCIDR: n.spec?.podCIDR ?? '10.244.0.0/24',
    capacity: { cpu: '', memory: '', pods: '', 'ephemeral-storage': '' }, kubeletVersion: '', osImage: '', kernelVersion: '', containerRuntimeVersion: '',
  }));
  const eks = nodes.some((n) => n.name.endsWith('.compute.internal'));
  return {
    id: 'from-api', flavour: eks ? 'eks' : 'kind', serverVersion: '', clusterName: '', contextName: '', userName: '', serverURL: '',
    serviceCIDR, clusterDomain: 'cluster.local', nodePortRange: [30000, 32767], clusterAgeSeconds: 0, nodes, addons: [], apiserverEndpoints: [],
  };
}
