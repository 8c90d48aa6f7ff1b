/**
 * Garbage collector (pkg/controller/garbagecollector): a graph of ownerReferences across the
 * kinds controllers own. When every owner of a dependent is gone, the dependent is deleted
 * (background); dangling references next to live owners are removed. Owners deleted with
 * propagationPolicy Foreground keep the `foregroundDeletion` finalizer until their dependents
 * are gone; Orphan strips the references from dependents, then drops the `orphan` finalizer.
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject, ResourceRef } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import { ownerUids, type Informer } from './informer.js';
import { R, clone, keyOf } from './util.js';

/** The kinds that take part in ownership here, keyed by Kind. */
const KINDS: Record<string, ResourceRef> = {
  Pod: R.pods, ReplicaSet: R.replicasets, Deployment: R.deployments, StatefulSet: R.statefulsets,
  DaemonSet: R.daemonsets, Job: R.jobs, EndpointSlice: R.endpointslices, Endpoints: R.endpoints,
  Service: R.services, Node: R.nodes, Lease: R.leases, ControllerRevision: R.controllerrevisions, ConfigMap: R.configmaps,
};

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private informers = new Map<string, Informer>();
  /** uid → [kind, key] of every live object of the tracked kinds. */
  private byUid = new Map<string, [string, string]>();

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    for (const [kind, ref] of Object.entries(KINDS)) {
      const inf = ctx.informers.for(ref).addIndex('owner', ownerUids);
      this.informers.set(kind, inf);
      inf.onChange((type, o) => {
        const uid = o.metadata?.uid;
        if (!uid) return;
        if (type === 'DELETED') {
          this.byUid.delete(uid);
          // Dependents of a vanished owner need attention.
          for (const [k, i] of this.informers) for (const d of i.indexValues('owner', uid)) this.queue.add(`${k}|${keyOf(d)}`);
          // An owner waiting in the foreground for its dependents may now finish.
          for (const r of o.metadata?.ownerReferences ?? []) {
            const hit = this.byUid.get(r.uid);
            if (hit) this.queue.add(`${hit[0]}|${hit[1]}`);
          }
        } else {
          this.byUid.set(uid, [kind, keyOf(o)]);
          if (o.metadata?.ownerReferences?.length || o.metadata?.deletionTimestamp) this.queue.add(`${kind}|${keyOf(o)}`);
        }
      });
    }
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  /** Seeds the uid map from the caches (after start, once informers have listed). */
  resync(): void { this.prime(); }

  prime(): void {
    for (const [kind, inf] of this.informers) for (const o of inf.values()) {
      if (o.metadata?.uid) this.byUid.set(o.metadata.uid, [kind, keyOf(o)]);
      if (o.metadata?.ownerReferences?.length || o.metadata?.deletionTimestamp) this.queue.add(`${kind}|${keyOf(o)}`);
    }
  }

  private ownerExists(ref: OwnerReference): boolean {
    if (!KINDS[ref.kind]) return true; // a kind we do not track: assume it exists
    const hit = this.byUid.get(ref.uid);
    return !!hit && hit[0] === ref.kind;
  }

  sync(item: string): void {
    const bar = item.indexOf('|');
    const kind = item.slice(0, bar), key = item.slice(bar + 1);
    const inf = this.informers.get(kind);
    const o = inf?.getByKey(key);
    if (!o) return;
    const ref = KINDS[kind]!;
    const m = o.metadata!;
    const fins = m.finalizers ?? [];
    if (m.deletionTimestamp && fins.includes('orphan')) { this.orphanDependents(kind, o); return; }
    if (m.deletionTimestamp && fins.includes('foregroundDeletion')) { this.foreground(kind, o); }
    const owners = m.ownerReferences ?? [];
    if (!owners.length) return;
    const live = owners.filter((r) => this.ownerExists(r));
    if (live.length === owners.length) {
      // Owner being deleted in the foreground: dependents go first.
      for (const r of owners) {
        const hit = this.byUid.get(r.uid);
        const owner = hit && this.informers.get(hit[0])?.getByKey(hit[1]);
        if (owner?.metadata?.deletionTimestamp && owner.metadata.finalizers?.includes('foregroundDeletion') && !m.deletionTimestamp) {
          this.del(ref, o, 'Foreground');
          return;
        }
      }
      return;
    }
    if (live.length === 0) { if (!m.deletionTimestamp) this.del(ref, o, 'Background'); return; }
    // Some owners remain: drop the dangling references.
    const upd = clone(o);
    upd.metadata!.ownerReferences = live;
    try { this.ctx.api.update(ref, m.namespace, upd, { fieldManager: 'garbage-collector' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }

  private dependents(uid: string): [string, KubeObject][] {
    const out: [string, KubeObject][] = [];
    for (const [k, i] of this.informers) for (const d of i.byIndex('owner', uid)) out.push([k, d]);
    return out;
  }

  private foreground(kind: string, o: KubeObject): void {
    const deps = this.dependents(o.metadata!.uid!);
    for (const [k, d] of deps) if (!d.metadata?.deletionTimestamp) this.del(KINDS[k]!, d, 'Foreground');
    if (deps.length === 0) this.dropFinalizer(KINDS[kind]!, o, 'foregroundDeletion');
  }

  private orphanDependents(kind: string, o: KubeObject): void {
    const uid = o.metadata!.uid!;
    for (const [k, d] of this.dependents(uid)) {
      const upd = clone(d);
      const refs = (upd.metadata!.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (refs.length) upd.metadata!.ownerReferences = refs; else delete upd.metadata!.ownerReferences;
      try { this.ctx.api.update(KINDS[k]!, d.metadata!.namespace, upd, { fieldManager: 'garbage-collector' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
    }
    this.dropFinalizer(KINDS[kind]!, o, 'orphan');
  }

  private dropFinalizer(ref: ResourceRef, o: KubeObject, f: string): void {
    const upd = clone(o);
    const fins = (upd.metadata!.finalizers ?? []).filter((x) => x !== f);
    if (fins.length) upd.metadata!.finalizers = fins; else delete upd.metadata!.finalizers;
    try { this.ctx.api.update(ref, o.metadata!.namespace, upd, { fieldManager: 'garbage-collector' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }

  private del(ref: ResourceRef, o: KubeObject, policy: 'Background' | 'Foreground'): void {
    try {
      this.ctx.api.delete(ref, o.metadata!.namespace, o.metadata!.name!, { propagationPolicy: policy, fieldManager: 'garbage-collector' });
    } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }
}
