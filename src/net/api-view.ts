/**
 * Read-only views of API state the network needs (Services, EndpointSlices, Pods, Nodes),
 * read through the ApiClient like kube-proxy and CoreDNS read through informers.
 */
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiClient, KubeObject } from '../cluster/api/types.js';

const SERVICES = { group: '', resource: 'services' };
const PODS = { group: '', resource: 'pods' };
const NODES = { group: '', resource: 'nodes' };
const ENDPOINTS = { group: '', resource: 'endpoints' };
const SLICES = { group: 'discovery.k8s.io', resource: 'endpointslices' };
const NAMESPACES = { group: '', resource: 'namespaces' };

function safeList<T>(fn: () => { items: KubeObject[] }): T[] {
  try { return fn().items as unknown as T[]; } catch { return []; }
}

/** One backend address as kube-proxy and CoreDNS see it. */
export interface Backend {
  ip: string;
  port: number;               // resolved targetPort for the chosen service port
  portName: string;
  protocol: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  hostname?: string;
  nodeName?: string;
  targetPod?: { namespace: string; name: string };
}

export class ApiView {
  constructor(private readonly api: ApiClient) {}

  services(namespace?: string): Service[] { return safeList<Service>(() => this.api.list(SERVICES, namespace)); }

  service(namespace: string, name: string): Service | undefined {
    try { return this.api.get(SERVICES, namespace, name) as Service; } catch { return undefined; }
  }

  pods(namespace?: string): Pod[] { return safeList<Pod>(() => this.api.list(PODS, namespace)); }
  nodes(): Node[] { return safeList<Node>(() => this.api.list(NODES, undefined)); }

  namespaceExists(name: string): boolean {
    try { this.api.get(NAMESPACES, undefined, name); return true; } catch { return false; }
  }

  /**
   * Every backend of a Service, one entry per (address, port). From EndpointSlices, as
   * kube-proxy and CoreDNS read them; falls back to v1 Endpoints only when the Service has
   * no slice at all (so a cluster without the mirroring controller still routes).
   */
  backends(svc: Service): Backend[] {
    const ns = svc.metadata?.namespace ?? 'default';
    const name = svc.metadata?.name ?? '';
    const slices = safeList<EndpointSlice>(() =>
      this.api.list(SLICES, ns, { labelSelector: `kubernetes.io/service-name=${name}` }))
      .filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === name && (s.addressType ?? 'IPv4') === 'IPv4');
    const out: Backend[] = [];
    if (slices.length > 0) {
      for (const s of sortByName(slices)) {
        for (const ep of s.endpoints ?? []) {
          const c = ep.conditions ?? {};
          for (const p of s.ports ?? [{}]) {
            for (const ip of ep.addresses ?? []) {
              out.push({
                ip, port: p.port ?? 0, portName: p.name ?? '', protocol: p.protocol ?? 'TCP',
                // nil ready means ready (discovery/v1 EndpointConditions).
                ready: c.ready !== false, serving: c.serving ?? c.ready !== false, terminating: c.terminating === true,
                hostname: ep.hostname, nodeName: ep.nodeName,
                targetPod: ep.targetRef?.kind === 'Pod' && ep.targetRef.name
                  ? { namespace: ep.targetRef.namespace ?? ns, name: ep.targetRef.name } : undefined,
              });
            }
          }
        }
      }
      return out;
    }
    let eps: Endpoints | undefined;
    try { eps = this.api.get(ENDPOINTS, ns, name) as Endpoints; } catch { return out; }
    for (const ss of eps.subsets ?? []) {
      for (const p of ss.ports ?? [{ port: 0 }]) {
        const add = (a: { ip: string; hostname?: string; nodeName?: string; targetRef?: { kind?: string; name?: string; namespace?: string } }, ready: boolean): void => {
          out.push({
            ip: a.ip, port: p.port, portName: p.name ?? '', protocol: p.protocol ?? 'TCP', ready, serving: ready,
            terminating: false, hostname: a.hostname, nodeName: a.nodeName,
            targetPod: a.targetRef?.kind === 'Pod' && a.targetRef.name
              ? { namespace: a.targetRef.namespace ?? ns, name: a.targetRef.name } : undefined,
          });
        };
        for (const a of ss.addresses ?? []) add(a, true);
        for (const a of ss.notReadyAddresses ?? []) add(a, false);
      }
    }
    return out;
  }

  podByIP(ip: string): Pod | undefined {
    return this.pods().find((p) =>
      (p.status?.podIP === ip || p.status?.podIPs?.some((x) => x.ip === ip)) &&
      !p.spec?.hostNetwork && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  }
}

function sortByName<T extends { metadata?: { name?: string } }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

export function isHeadless(svc: Service): boolean { return svc.spec?.clusterIP === 'None'; }

export function clusterIPs(svc: Service): string[] {
  const ips = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
  return ips.filter((ip) => ip && ip !== 'None' && !ip.includes(':'));
}
