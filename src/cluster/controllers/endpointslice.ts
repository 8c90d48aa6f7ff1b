/**
 * EndpointSlice controller (pkg/controller/endpointslice + staging/src/k8s.io/endpointslice
 * reconciler.go): slices named <svc>-xxxxx per port set, at most 100 endpoints each, keeping
 * endpoints in the slice they are already in (updated in place), terminating pods kept with
 * their conditions; one placeholder slice when nothing matches. Deleted with the Service by
 * the garbage collector (owner reference).
 */
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import { labelPairs, type Informer } from './informer.js';
import { endpointsRelevant, podsForService, selectorPairs, servicesForPod, TRIGGER } from './endpoints.js';
import { findPort, hasSelector, isHeadless, podEligible } from './endpoints-util.js';
import { isPodReady } from './pod-control.js';
import { R, clone, deepEqual, keyOf, ownerRef, parseTime, rfc3339, splitKey } from './util.js';

type SvcObj = Service & KubeObject;
type SliceObj = EndpointSlice & KubeObject;
type PodObj = Pod & KubeObject;
export const SERVICE_NAME = 'kubernetes.io/service-name';
export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const CONTROLLER = 'endpointslice-controller.k8s.io';
const MAX_PER_SLICE = 100;

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private services!: Informer<SvcObj>;
  private pods!: Informer<PodObj>;
  private slices!: Informer<SliceObj>;
  private nodes!: Informer<Node & KubeObject>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.services = ctx.informers.for<SvcObj>(R.services).addIndex('selector', selectorPairs);
    this.pods = ctx.informers.for<PodObj>(R.pods).addIndex('labels', labelPairs);
    this.slices = ctx.informers.for<SliceObj>(R.endpointslices).addIndex('service', (s) => [`${s.metadata?.namespace}/${s.metadata?.labels?.[SERVICE_NAME] ?? ''}`]);
    this.nodes = ctx.informers.for<Node & KubeObject>(R.nodes);
    this.services.onChange((_t, s) => this.queue.add(keyOf(s)));
    this.pods.onChange((type, pod, old) => {
      if (type === 'MODIFIED' && deepEqual(endpointsRelevant(pod), endpointsRelevant(old))) return;
      for (const s of servicesForPod(this.services, pod)) this.queue.add(keyOf(s));
      for (const s of servicesForPod(this.services, old)) this.queue.add(keyOf(s));
    });
    this.slices.onChange((_t, sl) => {
      if (sl.metadata?.labels?.[MANAGED_BY] === CONTROLLER) this.queue.add(`${sl.metadata.namespace}/${sl.metadata.labels[SERVICE_NAME] ?? ''}`);
    });
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const s of this.services.list()) this.queue.add(keyOf(s));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  private owned(key: string): SliceObj[] {
    return this.slices.byIndex('service', key).filter((s) => s.metadata?.labels?.[MANAGED_BY] === CONTROLLER && !s.metadata?.deletionTimestamp);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.services.get(ns, name);
    const existing = this.owned(key);
    if (!svc || svc.metadata?.deletionTimestamp) return; // garbage collection removes the slices
    if (svc.spec?.type === 'ExternalName' || !hasSelector(svc)) {
      for (const s of existing) this.remove(s);
      return;
    }
    // Desired endpoints grouped by their resolved port set.
    const groups = new Map<string, { ports: EndpointPort[]; eps: Map<string, Endpoint> }>();
    let trigger = parseTime(svc.metadata?.creationTimestamp) ?? 0;
    for (const pod of podsForService(this.pods, svc)) {
      if (!podEligible(pod, true)) continue;
      const ports: EndpointPort[] = [];
      let skip = false;
      for (const sp of svc.spec?.ports ?? []) {
        const port = findPort(pod, sp);
        if (port === undefined) { skip = true; break; } // pods missing a named port are left out
        const p: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
        if (sp.appProtocol) p.appProtocol = sp.appProtocol;
        ports.push(p);
      }
      if (skip) continue;
      const readyCond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      trigger = Math.max(trigger, parseTime(readyCond?.lastTransitionTime) ?? 0, parseTime(pod.metadata?.deletionTimestamp) ?? 0);
      const serving = isPodReady(pod);
      const terminating = !!pod.metadata?.deletionTimestamp;
      const ep: Endpoint = {
        addresses: [pod.status!.podIP!],
        conditions: { ready: !!svc.spec?.publishNotReadyAddresses || (serving && !terminating), serving, terminating },
        targetRef: { kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid },
      };
      if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
      const zone = pod.spec?.nodeName ? this.nodes.get(undefined, pod.spec.nodeName)?.metadata?.labels?.['topology.kubernetes.io/zone'] : undefined;
      if (zone) ep.zone = zone;
      if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata!.name) ep.hostname = pod.spec.hostname;
      const gk = JSON.stringify(ports);
      let g = groups.get(gk);
      if (!g) { g = { ports, eps: new Map() }; groups.set(gk, g); }
      g.eps.set(pod.metadata!.uid!, ep);
    }
    const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}), [SERVICE_NAME]: name, [MANAGED_BY]: CONTROLLER };
    if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
    const triggerStr = trigger ? rfc3339(trigger) : undefined;

    const toDelete: SliceObj[] = [];
    const byPorts = new Map<string, SliceObj[]>();
    for (const s of existing) {
      const k = JSON.stringify(s.ports ?? []);
      if (!groups.has(k) || s.endpoints === null || (s.ports ?? null) === null) { toDelete.push(s); continue; }
      (byPorts.get(k) ?? byPorts.set(k, []).get(k)!).push(s);
    }
    let wrote = false;
    for (const [gk, g] of groups) {
      const slices = byPorts.get(gk) ?? [];
      const remaining = new Map(g.eps);
      const plans: { slice?: SliceObj; eps: Endpoint[] }[] = [];
      for (const s of slices) {
        const eps: Endpoint[] = [];
        for (const e of s.endpoints ?? []) {
          const uid = e.targetRef?.uid ?? '';
          const want = remaining.get(uid);
          if (want) { eps.push(want); remaining.delete(uid); }
        }
        plans.push({ slice: s, eps });
      }
      for (const [, e] of remaining) {
        let p = plans.find((x) => x.eps.length < MAX_PER_SLICE);
        if (!p) { p = { eps: [] }; plans.push(p); }
        p.eps.push(e);
      }
      for (const p of plans) {
        if (p.slice && p.eps.length === 0) { toDelete.push(p.slice); continue; }
        wrote = this.apply(svc, p.slice ?? toDelete.shift(), labels, g.ports, p.eps, triggerStr) || wrote;
      }
    }
    if (groups.size === 0) {
      // Placeholder: one slice with no endpoints and no ports (reusing one we would delete).
      const keep = existing.find(isPlaceholder) ?? toDelete[0];
      const idx = keep ? toDelete.indexOf(keep) : -1;
      if (idx >= 0) toDelete.splice(idx, 1);
      this.apply(svc, keep, labels, null, null, triggerStr);
    }
    for (const s of toDelete) this.remove(s);
    void wrote;
  }

  /** Creates or updates one slice; true if it wrote. */
  private apply(svc: SvcObj, cur: SliceObj | undefined, labels: Record<string, string>, ports: EndpointPort[] | null, eps: Endpoint[] | null, trigger: string | undefined): boolean {
    if (cur && deepEqual(cur.endpoints ?? null, eps) && deepEqual(cur.ports ?? null, ports) && deepEqual(cur.metadata?.labels ?? {}, labels)) return false;
    const ns = svc.metadata!.namespace!;
    const obj: SliceObj = cur ? { ...cur } : {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', endpoints: [],
      metadata: { generateName: `${svc.metadata!.name}-`, namespace: ns, ownerReferences: [ownerRef(svc, 'v1', 'Service')] },
    };
    obj.metadata = { ...obj.metadata, labels };
    const ann = { ...(obj.metadata.annotations ?? {}) };
    if (trigger) ann[TRIGGER] = trigger; else delete ann[TRIGGER];
    if (Object.keys(ann).length) obj.metadata.annotations = ann; else delete obj.metadata.annotations;
    (obj as Record<string, unknown>)['endpoints'] = eps;
    (obj as Record<string, unknown>)['ports'] = ports;
    try {
      if (cur) this.ctx.api.update(R.endpointslices, ns, obj, { fieldManager: 'endpointslice-controller' });
      else this.ctx.api.create(R.endpointslices, ns, obj, { fieldManager: 'endpointslice-controller' });
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return false;
    }
  }

  private remove(s: SliceObj): void {
    try { this.ctx.api.delete(R.endpointslices, s.metadata!.namespace, s.metadata!.name!, { fieldManager: 'endpointslice-controller' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }
}

function isPlaceholder(s: SliceObj): boolean { return (s.endpoints ?? null) === null || ((s.endpoints ?? []).length === 0 && (s.ports ?? null) === null); }
