/**
 * Shared by the Endpoints and EndpointSlice controllers: which pods a Service selects,
 * targetPort resolution (pkg/api/v1/pod/util.go FindPort) and RepackSubsets/SortSubsets
 * (pkg/api/v1/endpoints/util.go).
 */
import type { EndpointAddress, EndpointPort, EndpointSubset, Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import { compareDigests, md5 } from './md5.js';

/** FindPort: numeric targetPort as is; a name must match a container port of the same protocol. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  const proto = sp.protocol ?? 'TCP';
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  return undefined;
}

export function hasSelector(svc: Service): boolean {
  return !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0;
}

export function isHeadless(svc: Service): boolean { return svc.spec?.clusterIP === 'None'; }

/** ShouldPodBeInEndpoints (includeTerminating for slices). */
export function podEligible(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  return true;
}

function addrKey(a: EndpointAddress): string { return `${a.ip}\u0000${a.targetRef?.uid ?? ''}`; }
function portKey(p: EndpointPort): string { return `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol ?? ''}`; }

/** IP compared as text, then UID (LessEndpointAddress). */
export function lessAddr(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '', ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * Groups addresses serving the same set of ports into one subset; "not ready" wins for an
 * address seen both ways. Ports inside a subset, and the subsets, are ordered by the MD5 of
 * their spew `%#v` dump (hashutil.DeepHashObject), exactly as SortSubsets does.
 */
export function repackSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  const addrs = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port: EndpointPort; ready: Map<string, boolean> }>();
  const noPorts = new Map<string, boolean>();
  for (const ss of subsets) {
    const ports = ss.ports ?? [];
    const visit = (a: EndpointAddress, ready: boolean) => {
      const k = addrKey(a);
      if (!addrs.has(k)) addrs.set(k, a);
      if (ports.length === 0) { const e = noPorts.get(k); noPorts.set(k, e === undefined ? ready : e && ready); return; }
      for (const p of ports) {
        const pk = portKey(p);
        let ent = byPort.get(pk);
        if (!ent) { ent = { port: p, ready: new Map() }; byPort.set(pk, ent); }
        const e = ent.ready.get(k);
        ent.ready.set(k, e === undefined ? ready : e && ready);
      }
    };
    for (const a of ss.addresses ?? []) visit(a, true);
    for (const a of ss.notReadyAddresses ?? []) visit(a, false);
  }
  const out: EndpointSubset[] = [];
  const build = (ready: Map<string, boolean>, ports?: EndpointPort[]): EndpointSubset => {
    const ss: EndpointSubset = {};
    const r = [...ready].filter(([, v]) => v).map(([k]) => addrs.get(k)!).sort(lessAddr);
    const n = [...ready].filter(([, v]) => !v).map(([k]) => addrs.get(k)!).sort(lessAddr);
    if (r.length) ss.addresses = r;
    if (n.length) ss.notReadyAddresses = n;
    if (ports) ss.ports = ports;
    return ss;
  };
  if (noPorts.size) out.push(build(noPorts));
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, ready } of byPort.values()) {
    const key = [...ready].map(([k, v]) => `${k}=${v}`).sort().join(',');
    let g = groups.get(key);
    if (!g) { g = { ready, ports: [] }; groups.set(key, g); }
    g.ports.push(port);
  }
  for (const g of groups.values()) out.push(build(g.ready, sortByHash(g.ports, spewPort)));
  return sortByHash(out, spewSubset);
}

function sortByHash<T>(items: T[], dump: (x: T) => string): T[] {
  if (items.length < 2) return items;
  const keyed = items.map((x) => ({ x, h: md5(dump(x)) }));
  keyed.sort((a, b) => compareDigests(a.h, b.h));
  return keyed.map((k) => k.x);
}

// go-spew's `%#v` (ConfigState{Indent: " ", SortKeys, DisableMethods, SpewKeys}) of the v1 types:
// `(T){Field:(type)value ...}`, slice elements without their type, `(*string)<nil>` for nil.
const str = (s: string | undefined) => `(string)${s ?? ''}`;
const ptrStr = (s: string | undefined) => (s === undefined ? '(*string)<nil>' : `(*string)${s}`);
function spewRef(r: EndpointAddress['targetRef']): string {
  if (!r) return '(*v1.ObjectReference)<nil>';
  return `(*v1.ObjectReference){Kind:${str(r.kind)} Namespace:${str(r.namespace)} Name:${str(r.name)} UID:(types.UID)${r.uid ?? ''} APIVersion:${str(r.apiVersion)} ResourceVersion:${str(r.resourceVersion)} FieldPath:${str(r.fieldPath)}}`;
}
function spewAddr(a: EndpointAddress): string {
  return `{IP:${str(a.ip)} Hostname:${str(a.hostname)} NodeName:${ptrStr(a.nodeName)} TargetRef:${spewRef(a.targetRef)}}`;
}
const portBody = (p: EndpointPort) => `{Name:${str(p.name)} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''} AppProtocol:${ptrStr(p.appProtocol)}}`;
function spewPort(p: EndpointPort): string { return `(v1.EndpointPort)${portBody(p)}`; }
function spewSlice<T>(type: string, items: T[] | undefined, el: (x: T) => string): string {
  return items === undefined ? `(${type})<nil>` : `(${type})[${items.map(el).join(' ')}]`;
}
function spewSubset(s: EndpointSubset): string {
  return `(v1.EndpointSubset){Addresses:${spewSlice('[]v1.EndpointAddress', s.addresses, spewAddr)} NotReadyAddresses:${spewSlice('[]v1.EndpointAddress', s.notReadyAddresses, spewAddr)} Ports:${spewSlice('[]v1.EndpointPort', s.ports, portBody)}}`;
}
