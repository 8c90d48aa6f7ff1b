/**
 * kubectl describe service (describe.go ServiceDescriber, describeService). Since kubectl 1.31 the
 * Endpoints line comes from the Service's EndpointSlices (formatEndpointSlices), not from Endpoints.
 */
import type { Event, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './format.js';

const SERVICES = { group: '', resource: 'services' };
const SLICES = { group: 'discovery.k8s.io', resource: 'endpointslices' };

export const describeServiceResource: Describer = (deps, namespace, name, settings) => {
  const svc = deps.api.get(SERVICES, namespace, name) as unknown as Service;
  let slices: EndpointSlice[] = [];
  try {
    slices = deps.api.list(SLICES, namespace, { labelSelector: `kubernetes.io/service-name=${name}` }).items as unknown as EndpointSlice[];
  } catch { /* kubectl ignores this error and shows <none> */ }
  const events = settings.showEvents ? searchEvents(deps.api, refFor(svc, 'Service')) : null;
  return describeService(svc, slices, events, deps.now);
};

function ingressString(ingress: NonNullable<NonNullable<Service['status']>['loadBalancer']>['ingress']): string {
  return (ingress ?? []).map((i) => i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? '')).join(', ');
}

/** net.JoinHostPort. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpointSlices: ready (or readiness-unknown) endpoints of ports named `portName`, at most 3. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string | null): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false, count = 0;
  for (const s of slices) {
    const endpoints = s.endpoints ?? [];
    if (!s.ports || s.ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        const ready = e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready;
        if (!ready) continue;
        if (!more) list.push(e.addresses?.[0] ?? '');
        count++;
      }
    } else {
      for (const p of s.ports) {
        if (portName !== null && (p.name ?? '') !== portName) continue;
        for (const e of endpoints) {
          if (list.length === max) more = true;
          const ready = e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready;
          if (!ready) continue;
          if (!more) list.push(joinHostPort(e.addresses?.[0] ?? '', p.port ?? 0));
          count++;
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(svc: Service, slices: EndpointSlice[], events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies && spec.ipFamilies.length > 0 ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs && spec.clusterIPs.length > 0 ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs && spec.externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress;
    if (ingress && ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`);
    for (const sp of spec.ports ?? []) {
      const name = sp.name || '<unset>';
      const proto = sp.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${proto}\n`);
      // An unset targetPort is an IntOrString of type Int with value 0.
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${proto}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges && spec.loadBalancerSourceRanges.length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    describeEvents(events, w, now);
  });
}
