/** kubectl describe ingress / ingressclass (describe.go IngressDescriber, IngressClassDescriber; v1). */
import type { Event, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressBackend, IngressClass } from 'kubernetes-types/networking/v1';
import type { ApiClient } from '../../cluster/api/types.js';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { goCompare, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { formatEndpointSlices } from './service.js';
import { messageOf } from './errors-text.js';

const INGRESSES = { group: 'networking.k8s.io', resource: 'ingresses' };
const INGRESSCLASSES = { group: 'networking.k8s.io', resource: 'ingressclasses' };
const SERVICES = { group: '', resource: 'services' };
const SLICES = { group: 'discovery.k8s.io', resource: 'endpointslices' };

export const describeIngressResource: Describer = (deps, namespace, name, settings) => {
  const ing = deps.api.get(INGRESSES, namespace, name) as unknown as Ingress;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(ing, 'Ingress')) : null;
  return describeIngress(ing, (b) => describeBackend(deps.api, namespace, b), events, deps.now);
};

/** describeBackendV1: `svc:port (endpoints)` from the Service and its EndpointSlices. */
function describeBackend(api: ApiClient, ns: string, backend: IngressBackend): string {
  if (backend.service) {
    const b = backend.service;
    const port = b.port?.number ? String(b.port.number) : (b.port?.name ?? '');
    const sb = `${b.name}:${port}`;
    let slices: EndpointSlice[], svc: Service;
    try {
      slices = api.list(SLICES, ns, { labelSelector: `kubernetes.io/service-name=${b.name}` }).items as unknown as EndpointSlice[];
      svc = api.get(SERVICES, ns, b.name) as unknown as Service;
    } catch (err) { return `${sb} (<error: ${messageOf(err)}>)`; }
    let spName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (b.port?.number && b.port.number === sp.port) spName = sp.name ?? '';
      else if (b.port?.name && b.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, spName)})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

export function describeIngress(ing: Ingress, backend: (b: IngressBackend) => string, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = ing.spec ?? {};
    w.write(LEVEL_0, `Name:\t${ing.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata?.labels);
    w.write(LEVEL_0, `Namespace:\t${ing.metadata?.namespace ?? ''}\n`);
    const addrs = new Set<string>();
    for (const i of ing.status?.loadBalancer?.ingress ?? []) { if (i.ip) addrs.add(i.ip); else if (i.hostname) addrs.add(i.hostname); }
    w.write(LEVEL_0, `Address:\t${[...addrs].sort(goCompare).join(',')}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
    const def = spec.defaultBackend ? backend(spec.defaultBackend) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    if (spec.tls && spec.tls.length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of spec.tls) {
        if (!t.secretName) w.write(LEVEL_1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
        else w.write(LEVEL_1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
      for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ''} \t${backend(p.backend)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata?.annotations);
    describeEvents(events, w, now);
  });
}

export const describeIngressClassResource: Describer = (deps, _namespace, name, settings) => {
  const ic = deps.api.get(INGRESSCLASSES, undefined, name) as unknown as IngressClass;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(ic, 'IngressClass')) : null;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ic.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ic.metadata?.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (p.apiGroup !== undefined && p.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind}\n`);
      w.write(LEVEL_1, `Name:\t${p.name}\n`);
    }
    describeEvents(events, w, deps.now);
  });
};
