/**
 * Namespace controller (pkg/controller/namespace/deletion): a namespace being deleted has
 * every namespaced object in it deleted; once nothing is left, the `kubernetes` finalizer is
 * removed through the finalize subresource and the API server drops the namespace.
 */
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, ResourceRef } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import type { Informer } from './informer.js';
import { R, clone, keyOf } from './util.js';

type NsObj = Namespace & KubeObject;

export class NamespaceController implements Controller {
  readonly name = 'namespace';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private namespaces!: Informer<NsObj>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.namespaces = ctx.informers.for<NsObj>(R.namespaces);
    this.namespaces.onChange((t, n) => { if (t !== 'DELETED' && n.metadata?.deletionTimestamp) this.queue.add(keyOf(n)); });
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const n of this.namespaces.list()) if (n.metadata?.deletionTimestamp) this.queue.add(keyOf(n));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(name: string): void {
    const ns = this.namespaces.get(undefined, name);
    if (!ns || !ns.metadata?.deletionTimestamp) return;
    let remaining = 0;
    // estimateGracefulTerminationForPods: the longest grace period of pods not yet finished.
    let estimate = 0;
    const refs: ResourceRef[] = this.ctx.api.discovery()
      .filter((r) => r.namespaced && r.verbs.includes('list') && r.verbs.includes('delete'))
      .map((r) => ({ group: r.group, resource: r.plural }));
    for (const ref of refs) {
      let items: KubeObject[];
      try { items = this.ctx.api.list(ref, name).items; } catch (e) { if (!(e instanceof ApiError)) throw e; continue; }
      if (ref.group === '' && ref.resource === 'pods') {
        for (const p of items as Pod[]) {
          if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
          estimate = Math.max(estimate, p.spec?.terminationGracePeriodSeconds ?? 30);
        }
      }
      for (const o of items) {
        remaining++;
        if (o.metadata?.deletionTimestamp) continue;
        try { this.ctx.api.delete(ref, name, o.metadata!.name!, { propagationPolicy: 'Background', fieldManager: 'namespace-controller' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
      }
    }
    if (remaining > 0) {
      // ResourcesRemainingError: the worker looks again after estimate/2+1 s (namespace_controller.go),
      // 16 s for pods with the default 30 s grace period; other content is retried at once (rate-limited).
      const wait = estimate > 0 ? (Math.floor(estimate / 2) + 1) * 1000 : 1000;
      this.ctx.wakeAt(this.name, name, this.ctx.clock.now() + wait);
      return;
    }
    const cur = this.namespaces.get(undefined, name);
    if (!cur || !(cur.spec?.finalizers ?? []).includes('kubernetes')) return;
    const upd = clone(cur);
    upd.spec = { ...upd.spec, finalizers: (upd.spec?.finalizers ?? []).filter((f) => f !== 'kubernetes') };
    try {
      this.ctx.api.update(R.namespaces, undefined, upd, { subresource: 'finalize', fieldManager: 'namespace-controller' });
    } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }
}
