/**
 * MultiCIDRServiceAllocator (GA in 1.33): every allocated ClusterIP is recorded as a cluster-scoped
 * networking.k8s.io/v1 IPAddress named by the address, whose parentRef points at the Service.
 */
import type { KubeObject } from './types.js';
import { isObject } from './util.js';

export function serviceIPs(svc: KubeObject | undefined): string[] {
  if (!svc || !isObject(svc.spec)) return [];
  const ips = Array.isArray(svc.spec.clusterIPs) ? svc.spec.clusterIPs : [svc.spec.clusterIP];
  return ips.filter((ip): ip is string => typeof ip === 'string' && ip !== '' && ip !== 'None');
}

export function ipAddressFor(ip: string, svc: KubeObject): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'IPAddress',
    metadata: {
      name: ip,
      labels: {
        'ipaddress.kubernetes.io/ip-family': ip.includes(':') ? 'IPv6' : 'IPv4',
        'ipaddress.kubernetes.io/managed-by': 'ipallocator.k8s.io',
      },
    },
    spec: { parentRef: { group: '', resource: 'services', namespace: svc.metadata?.namespace, name: svc.metadata?.name } },
  };
}
