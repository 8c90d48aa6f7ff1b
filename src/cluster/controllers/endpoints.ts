/**
 * Endpoints controller (pkg/controller/endpoint/endpoints_controller.go, v1.33): one
 * Endpoints object per Service with a selector, ready pods in `addresses`, the rest in
 * `notReadyAddresses`, repacked; labels copied from the Service; the
 * last-change-trigger-time annotation. Selector-less Services' Endpoints belong to the user;
 * a deleted Service takes its Endpoints with it; ExternalName gets none.
 */
import type { EndpointAddress, Endpoints, EndpointSubset, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import { labelPairKey, labelPairs, type Informer } from './informer.js';
import { findPort, hasSelector, isHeadless, podEligible, repackSubsets } from './endpoints-util.js';
import { isPodReady } from './pod-control.js';
import { R, clone, deepEqual, keyOf, matchesMap, parseTime, rfc3339, splitKey } from './util.js';

type SvcObj = Service & KubeObject;
type EpObj = Endpoints & KubeObject;
type PodObj = Pod & KubeObject;
export const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

/** Selector pairs of a Service, as index values (one per key=value). */
export const selectorPairs = (s: KubeObject): string[] => {
  const sel = (s as SvcObj).spec?.selector ?? {};
  const ns = s.metadata?.namespace ?? '';
  return Object.keys(sel).map((k) => labelPairKey(ns, k, sel[k]!));
};

/** Services in the pod's namespace whose selector matches the pod (via the selector index). */
export function servicesForPod(services: Informer<SvcObj>, pod: PodObj | undefined): SvcObj[] {
  if (!pod) return [];
  const out = new Map<string, SvcObj>();
  const ns = pod.metadata?.namespace ?? '';
  for (const [k, v] of Object.entries(pod.metadata?.labels ?? {})) {
    for (const s of services.indexValues('selector', labelPairKey(ns, k, v))) if (matchesMap(s.spec?.selector, pod.metadata?.labels)) out.set(keyOf(s), s);
  }
  return [...out.values()];
}

/** Pods of a Service: the smallest label-index bucket, then a full selector match. */
export function podsForService(pods: Informer<PodObj>, svc: SvcObj): PodObj[] {
  const sel = svc.spec?.selector ?? {};
  const ns = svc.metadata?.namespace ?? '';
  let best: string | undefined, n = Infinity;
  for (const k of Object.keys(sel)) {
    const c = pods.indexCount('labels', labelPairKey(ns, k, sel[k]!));
    if (c < n) { n = c; best = labelPairKey(ns, k, sel[k]!); }
  }
  if (best === undefined || n === 0) return [];
  return pods.byIndex('labels', best).filter((p) => matchesMap(sel, p.metadata?.labels));
}

/** podEndpointsChanged: only these pod fields can change a Service's endpoints. */
export function endpointsRelevant(p: PodObj | undefined): unknown {
  if (!p) return undefined;
  return [p.metadata?.labels, p.status?.podIP, isPodReady(p), p.metadata?.deletionTimestamp, p.spec?.hostname, p.spec?.subdomain, p.spec?.nodeName, p.status?.phase, p.metadata?.uid];
}

export class EndpointsController implements Controller {
  readonly name = 'endpoints';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private services!: Informer<SvcObj>;
  private pods!: Informer<PodObj>;
  private endpoints!: Informer<EpObj>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.services = ctx.informers.for<SvcObj>(R.services).addIndex('selector', selectorPairs);
    this.pods = ctx.informers.for<PodObj>(R.pods).addIndex('labels', labelPairs);
    this.endpoints = ctx.informers.for<EpObj>(R.endpoints);
    this.services.onChange((_t, s) => this.queue.add(keyOf(s)));
    this.pods.onChange((type, pod, old) => {
      if (type === 'MODIFIED' && deepEqual(endpointsRelevant(pod), endpointsRelevant(old))) return;
      for (const s of servicesForPod(this.services, pod)) this.queue.add(keyOf(s));
      for (const s of servicesForPod(this.services, old)) this.queue.add(keyOf(s));
    });
    this.endpoints.onChange((_t, ep) => { if (this.services.getByKey(keyOf(ep)) || _t === 'DELETED') this.queue.add(keyOf(ep)); });
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const s of this.services.list()) this.queue.add(keyOf(s));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.services.get(ns, name);
    const cur = this.endpoints.get(ns, name);
    if (!svc) {
      // The Service is gone: its Endpoints (hand-written ones too) go with it.
      if (cur) this.call(() => this.ctx.api.delete(R.endpoints, ns, name, { fieldManager: 'kube-controller-manager' }));
      return;
    }
    // ExternalName Services have no endpoints (https://issues.k8s.io/105986).
    if (svc.spec?.type === 'ExternalName') return;
    // Selector-less: the user owns the Endpoints.
    if (!hasSelector(svc)) return;
    const pods = podsForService(this.pods, svc);
    const subsets: EndpointSubset[] = [];
    let trigger = parseTime(svc.metadata?.creationTimestamp) ?? 0;
    const publish = !!svc.spec?.publishNotReadyAddresses;
    for (const pod of pods) {
      if (!podEligible(pod, publish)) continue;
      const readyCond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      trigger = Math.max(trigger, parseTime(readyCond?.lastTransitionTime) ?? 0, parseTime(pod.metadata?.deletionTimestamp) ?? 0);
      const addr: EndpointAddress = {
        ip: pod.status!.podIP!, nodeName: pod.spec?.nodeName,
        targetRef: { kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid },
      };
      if (!addr.nodeName) delete addr.nodeName;
      if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata!.name) addr.hostname = pod.spec.hostname;
      const ready = publish || isPodReady(pod);
      const ports = svc.spec?.ports ?? [];
      if (ports.length === 0) {
        if (isHeadless(svc)) subsets.push(ready ? { addresses: [addr] } : { notReadyAddresses: [addr] });
        continue;
      }
      for (const sp of ports) {
        const port = findPort(pod, sp);
        if (port === undefined) continue; // named port not on this pod: left out for this port
        const ep: Record<string, unknown> = { port, protocol: sp.protocol ?? 'TCP' };
        if (sp.name) ep['name'] = sp.name;
        if (sp.appProtocol) ep['appProtocol'] = sp.appProtocol;
        subsets.push(ready ? { addresses: [addr], ports: [ep as never] } : { notReadyAddresses: [addr], ports: [ep as never] });
      }
    }
    const desired = repackSubsets(subsets);
    const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}) };
    if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
    if (cur && deepEqual(cur.subsets ?? [], desired) && deepEqual(cur.metadata?.labels ?? {}, labels)) return;
    const annotations: Record<string, string> = { ...(cur?.metadata?.annotations ?? {}) };
    if (trigger) annotations[TRIGGER] = rfc3339(Math.max(trigger, parseTime(cur?.metadata?.annotations?.[TRIGGER]) ?? 0)); else delete annotations[TRIGGER];
    const obj: EpObj = cur ? { ...cur } : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns } };
    obj.metadata = { ...obj.metadata, labels: Object.keys(labels).length ? labels : undefined, annotations: Object.keys(annotations).length ? annotations : undefined };
    if (!obj.metadata.labels) delete obj.metadata.labels;
    if (!obj.metadata.annotations) delete obj.metadata.annotations;
    if (desired.length) obj.subsets = desired; else delete obj.subsets;
    const ok = this.call(() => (cur ? this.ctx.api.update(R.endpoints, ns, obj, { fieldManager: 'kube-controller-manager' }) : this.ctx.api.create(R.endpoints, ns, obj, { fieldManager: 'kube-controller-manager' })));
    if (!ok) {
      this.ctx.recordEvent({ involved: { kind: 'Endpoints', apiVersion: 'v1', namespace: ns, name }, type: 'Warning', reason: cur ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint', message: `Failed to ${cur ? 'update' : 'create'} endpoint ${ns}/${name}`, source: { component: 'endpoint-controller' } });
    }
  }

  private call(fn: () => unknown): boolean {
    try { fn(); return true; } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return e.code === 404;
    }
  }
}
