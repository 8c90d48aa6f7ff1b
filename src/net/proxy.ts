/**
 * kube-proxy (iptables mode) as a pure routing decision: for a new TCP connection to ip:port,
 * where does the packet go? Reads Services and EndpointSlices from the API on every call, as
 * kube-proxy's rules always mirror the informer state.
 * Source: k8s:pkg/proxy/iptables/proxier.go (KUBE-SERVICES → KUBE-SVC-* with equal-probability
 * `statistic --mode random` jumps; REJECT when a service has no endpoints; no rule at all for a
 * port the Service does not define), k8s-semantics §6.
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { ClusterProfile } from '../cluster/profile.js';
import { clusterIPs, type ApiView, type Backend } from './api-view.js';

export type Route =
  /** Not a service address: route the packet normally. */
  | { kind: 'direct' }
  /** DNAT to one endpoint. */
  | { kind: 'dnat'; ip: string; port: number; service: string; backend: Backend }
  /** The Service has no usable endpoints: ICMP port unreachable, the client fails at once. */
  | { kind: 'reject'; service: string }
  /** A virtual IP without a rule for this port: nothing answers, the client times out. */
  | { kind: 'drop' };

export interface ProxyDeps {
  view: ApiView;
  profile: ClusterProfile;
  now(): number;
  randomInt(n: number): number;
}

interface Affinity { ip: string; port: number; lastUsed: number }

export class ServiceProxy {
  private readonly affinity = new Map<string, Affinity>();

  constructor(private readonly deps: ProxyDeps) {}

  route(clientIP: string, destIP: string, destPort: number, protocol = 'TCP', outside = false): Route {
    const services = this.deps.view.services().filter((s) => (s.spec?.type ?? 'ClusterIP') !== 'ExternalName');
    const nodeIPs = new Set(this.deps.profile.nodes.map((n) => n.internalIP));
    let vipMatched = false;
    for (const svc of sortServices(services)) {
      const vip = (!outside && clusterIPs(svc).includes(destIP)) || (svc.spec?.externalIPs ?? []).includes(destIP) ||
        (svc.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === destIP);
      const viaNode = nodeIPs.has(destIP) && (svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer');
      if (!vip && !viaNode) continue;
      if (vip) vipMatched = true;
      const port = (svc.spec?.ports ?? []).find((p) => (p.protocol ?? 'TCP') === protocol &&
        (vip ? p.port === destPort : p.nodePort === destPort));
      if (!port) continue;
      return this.pick(svc, port, clientIP);
    }
    // A ClusterIP with no rule for this port, or an unallocated address in the service CIDR:
    // no DNAT happens and nothing on the path owns the address, so the SYN is never answered.
    if (vipMatched) return { kind: 'drop' };
    return { kind: 'direct' };
  }

  private pick(svc: Service, port: ServicePort, clientIP: string): Route {
    const key = `${svc.metadata?.namespace}/${svc.metadata?.name}`;
    const all = this.deps.view.backends(svc).filter((b) => b.portName === (port.name ?? '') && b.protocol === (port.protocol ?? 'TCP'));
    let usable = all.filter((b) => b.ready);
    // Only serving-terminating endpoints left: kube-proxy falls back to them.
    if (usable.length === 0) usable = all.filter((b) => b.serving && b.terminating);
    const seen = new Set<string>();
    usable = usable.filter((b) => { const k = `${b.ip}:${b.port}`; if (seen.has(k)) return false; seen.add(k); return true; });
    if (usable.length === 0) return { kind: 'reject', service: key };

    const now = this.deps.now();
    if (svc.spec?.sessionAffinity === 'ClientIP') {
      const timeout = (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) * 1000;
      const akey = `${key}:${port.port}/${clientIP}`;
      const prev = this.affinity.get(akey);
      const still = prev && now - prev.lastUsed < timeout ? usable.find((b) => b.ip === prev.ip && b.port === prev.port) : undefined;
      const chosen = still ?? usable[this.deps.randomInt(usable.length)]!;
      this.affinity.set(akey, { ip: chosen.ip, port: chosen.port, lastUsed: now });
      return { kind: 'dnat', ip: chosen.ip, port: chosen.port, service: key, backend: chosen };
    }
    const chosen = usable.length === 1 ? usable[0]! : usable[this.deps.randomInt(usable.length)]!;
    return { kind: 'dnat', ip: chosen.ip, port: chosen.port, service: key, backend: chosen };
  }
}

function sortServices(xs: Service[]): Service[] {
  const k = (s: Service): string => `${s.metadata?.namespace}/${s.metadata?.name}`;
  return [...xs].sort((a, b) => k(a).localeCompare(k(b)));
}
