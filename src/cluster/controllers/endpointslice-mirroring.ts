/**
 * EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): copies a
 * hand-written Endpoints object of a selector-less Service into EndpointSlices (one per
 * subset), so kube-proxy, DNS and `kubectl describe service` see it. Mirrored slices go away
 * when the Service gains a selector, is deleted, or the Endpoints is labelled skip-mirror.
 */
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { EndpointAddress, Endpoints, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import type { Informer } from './informer.js';
import { hasSelector } from './endpoints-util.js';
import { MANAGED_BY, SERVICE_NAME } from './endpointslice.js';
import { TRIGGER } from './endpoints.js';
import { R, clone, deepEqual, keyOf, ownerRef, splitKey } from './util.js';

type SvcObj = Service & KubeObject;
type EpObj = Endpoints & KubeObject;
type SliceObj = EndpointSlice & KubeObject;
const CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const MAX_ADDRESSES = 1000;
const SKIP = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER = 'control-plane.alpha.kubernetes.io/leader';

export class EndpointSliceMirroringController implements Controller {
  readonly name = 'endpointslice-mirroring';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private services!: Informer<SvcObj>;
  private endpoints!: Informer<EpObj>;
  private slices!: Informer<SliceObj>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.services = ctx.informers.for<SvcObj>(R.services);
    this.endpoints = ctx.informers.for<EpObj>(R.endpoints);
    this.slices = ctx.informers.for<SliceObj>(R.endpointslices).addIndex('service', (s) => [`${s.metadata?.namespace}/${s.metadata?.labels?.[SERVICE_NAME] ?? ''}`]);
    this.services.onChange((_t, s) => this.queue.add(keyOf(s)));
    this.endpoints.onChange((_t, e) => this.queue.add(keyOf(e)));
    this.slices.onChange((_t, sl) => {
      if (sl.metadata?.labels?.[MANAGED_BY] === CONTROLLER) this.queue.add(`${sl.metadata.namespace}/${sl.metadata.labels[SERVICE_NAME] ?? ''}`);
    });
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const e of this.endpoints.list()) this.queue.add(keyOf(e));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.services.get(ns, name);
    const ep = this.endpoints.get(ns, name);
    const existing = this.slices.byIndex('service', key).filter((s) => s.metadata?.labels?.[MANAGED_BY] === CONTROLLER && !s.metadata?.deletionTimestamp);
    const mirror = svc && !hasSelector(svc) && ep && !ep.metadata?.deletionTimestamp
      && ep.metadata?.labels?.[SKIP] !== 'true' && !ep.metadata?.annotations?.[LEADER];
    if (!mirror) { for (const s of existing) this.remove(s); return; }
    const desired: { ports: EndpointPort[]; eps: Endpoint[] }[] = [];
    let invalid = 0, skipped = 0;
    for (const ss of ep.subsets ?? []) {
      const eps: Endpoint[] = [];
      const add = (a: EndpointAddress, ready: boolean) => {
        if (!/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(a.ip) || a.ip.split('.').some((o) => Number(o) > 255)) { invalid++; return; }
        if (eps.length >= MAX_ADDRESSES) { skipped++; return; }
        const e: Endpoint = { addresses: [a.ip], conditions: { ready } };
        if (a.hostname) e.hostname = a.hostname;
        if (a.nodeName) e.nodeName = a.nodeName;
        if (a.targetRef) e.targetRef = a.targetRef;
        eps.push(e);
      };
      for (const a of ss.addresses ?? []) add(a, true);
      for (const a of ss.notReadyAddresses ?? []) add(a, false);
      const ports = (ss.ports ?? []).map((p) => {
        const o: EndpointPort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
        if (p.appProtocol) o.appProtocol = p.appProtocol;
        return o;
      });
      if (eps.length) desired.push({ ports, eps });
    }
    const epRef = { kind: 'Endpoints', apiVersion: 'v1', namespace: ns, name, uid: ep.metadata?.uid };
    if (skipped) this.ctx.recordEvent({ involved: epRef, type: 'Warning', reason: 'TooManyAddressesToMirror', message: `A max of ${MAX_ADDRESSES} addresses can be mirrored to EndpointSlices per Endpoints subset. ${skipped} addresses were skipped`, source: { component: 'endpoint-slice-mirroring-controller' } });
    if (invalid) this.ctx.recordEvent({ involved: epRef, type: 'Warning', reason: 'InvalidIPAddress', message: `Skipped ${invalid} invalid IP addresses when mirroring to EndpointSlices`, source: { component: 'endpoint-slice-mirroring-controller' } });
    const labels: Record<string, string> = { ...(ep.metadata?.labels ?? {}), [SERVICE_NAME]: name, [MANAGED_BY]: CONTROLLER };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(ep.metadata?.annotations ?? {})) if (k !== 'kubectl.kubernetes.io/last-applied-configuration' && k !== TRIGGER) annotations[k] = v;
    const pool = [...existing];
    for (const d of desired) {
      // Prefer the slice that already has this port set.
      const i = pool.findIndex((s) => deepEqual(s.ports ?? [], d.ports));
      const cur = i >= 0 ? pool.splice(i, 1)[0] : pool.shift();
      this.apply(ep, cur, labels, annotations, d.ports, d.eps);
    }
    for (const s of pool) this.remove(s);
  }

  private apply(ep: EpObj, cur: SliceObj | undefined, labels: Record<string, string>, annotations: Record<string, string>, ports: EndpointPort[], eps: Endpoint[]): void {
    if (cur && deepEqual(cur.endpoints ?? [], eps) && deepEqual(cur.ports ?? [], ports) && deepEqual(cur.metadata?.labels ?? {}, labels) && deepEqual(cur.metadata?.annotations ?? {}, annotations)) return;
    const ns = ep.metadata!.namespace!;
    const obj: SliceObj = cur ? { ...cur } : {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4', endpoints: [],
      metadata: { generateName: `${ep.metadata!.name}-`, namespace: ns, ownerReferences: [ownerRef(ep, 'v1', 'Endpoints')] },
    };
    obj.metadata = { ...obj.metadata, labels };
    if (Object.keys(annotations).length) obj.metadata.annotations = annotations; else delete obj.metadata.annotations;
    obj.endpoints = eps;
    obj.ports = ports;
    try {
      if (cur) this.ctx.api.update(R.endpointslices, ns, obj, { fieldManager: 'endpointslicemirroring-controller' });
      else this.ctx.api.create(R.endpointslices, ns, obj, { fieldManager: 'endpointslicemirroring-controller' });
    } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }

  private remove(s: SliceObj): void {
    try { this.ctx.api.delete(R.endpointslices, s.metadata!.namespace, s.metadata!.name!, { fieldManager: 'endpointslicemirroring-controller' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }
}
void clone;
