/** Service, Endpoints and EndpointSlice tables (printers.go printService, formatEndpoints, printEndpointSlice). */
import type { KubeObject } from '../../cluster/api/types.js';
import { age, arr, dig, formatLabels, listWithMore, nameOf, num, rec, str, type Obj } from './helpers.js';
import { AGE, col, NAME, type TablePrinter } from './types.js';

function externalIP(svc: KubeObject): string {
  const spec = (svc.spec ?? {}) as Obj;
  const ext = arr<string>(spec.externalIPs);
  switch (str(spec.type) || 'ClusterIP') {
    case 'ClusterIP': case 'NodePort': return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const ing = arr(dig(svc, 'status', 'loadBalancer', 'ingress'));
      const lb = [...new Set(ing.map((i) => str(i.ip) || str(i.hostname)).filter((s) => s !== ''))].sort();
      const all = [...lb, ...ext];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName': return str(spec.externalName);
    default: return '<unknown>';
  }
}

function ports(list: unknown): string {
  const s = arr(list).map((p) => (num(p.nodePort) > 0 ? `${num(p.port)}:${num(p.nodePort)}/${str(p.protocol) || 'TCP'}` : `${num(p.port)}/${str(p.protocol) || 'TCP'}`)).join(',');
  return s || '<none>';
}

export const serviceTable: TablePrinter = {
  columns: [NAME, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE, col('Selector', 1)],
  row: (s, now) => {
    const spec = (s.spec ?? {}) as Obj;
    return [nameOf(s), str(spec.type), str(dig(spec, 'clusterIPs', 0)) || '<none>', externalIP(s), ports(spec.ports), age(s, now), formatLabels(rec(spec.selector))];
  },
};

/** formatEndpoints: ready addresses × ports, max 3, `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: KubeObject): string {
  const subsets = arr(ep.subsets);
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let count = 0;
  for (const ss of subsets) {
    const addrs = arr(ss.addresses);
    const ps = arr(ss.ports);
    if (ps.length === 0) {
      count += addrs.length;
      for (const a of addrs) if (list.length < max) list.push(str(a.ip));
      continue;
    }
    for (const p of ps) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length >= max) break;
        const ip = str(a.ip);
        list.push(ip.includes(':') ? `[${ip}]:${num(p.port)}` : `${ip}:${num(p.port)}`);
      }
    }
  }
  const ret = list.join(',');
  return count > max ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsTable: TablePrinter = {
  columns: [NAME, col('Endpoints'), AGE],
  row: (e, now) => [nameOf(e), formatEndpoints(e), age(e, now)],
};

export const endpointSliceTable: TablePrinter = {
  columns: [NAME, col('AddressType'), col('Ports'), col('Endpoints'), AGE],
  row: (e, now) => {
    const ps = arr(e.ports);
    const portList = ps.slice(0, 3).map((p) => (typeof p.port === 'number' ? String(p.port) : typeof p.name === 'string' ? p.name : '*'));
    const addrs = arr(e.endpoints).flatMap((ep) => arr<string>(ep.addresses));
    return [nameOf(e), str(e.addressType), listWithMore(portList, ps.length, 3, '<unset>'),
      listWithMore(addrs.slice(0, 3), addrs.length, 3, '<unset>'), age(e, now)];
  },
};
