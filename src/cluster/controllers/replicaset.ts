/**
 * ReplicaSet controller (pkg/controller/replicaset/replica_set.go): keeps spec.replicas
 * active pods, adopts matching orphans, releases pods whose labels no longer match, and
 * reports replicas / fullyLabeled / ready / available in status.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import { controlledBy, labelPairKey, labelPairs, ownerUids, type Informer } from './informer.js';
import { createPodFromTemplate, deletePod, isPodActive, isPodAvailable, isPodReady, patchOwner, rankForDeletion, type PodObj } from './pod-control.js';
import { R, clone, controllerOf, deepEqual, keyOf, matchesSelector, ownerRef, splitKey } from './util.js';

type RSObj = ReplicaSet & KubeObject;
const BURST = 500;

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private rss!: Informer<RSObj>;
  private pods!: Informer<PodObj>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.rss = ctx.informers.for<RSObj>(R.replicasets).addIndex('uid', (o) => [o.metadata?.uid ?? '']).addIndex('labels', labelPairs);
    this.pods = ctx.informers.for<PodObj>(R.pods).addIndex('owner', ownerUids).addIndex('labels', labelPairs);
    this.rss.onChange((_t, rs) => this.queue.add(keyOf(rs)));
    this.pods.onChange((type, pod, old) => {
      const owners = new Set<string>();
      for (const p of [pod, old]) {
        const c = p && controllerOf(p);
        if (c && c.kind === 'ReplicaSet') owners.add(c.uid);
      }
      for (const uid of owners) for (const rs of this.rss.byIndex('uid', uid)) this.queue.add(keyOf(rs));
      // Orphans (or relabelled pods) may be adopted by a matching ReplicaSet.
      if (type !== 'DELETED' && !controllerOf(pod)) for (const rs of this.matchingSets(pod)) this.queue.add(keyOf(rs));
    });
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const rs of this.rss.list()) this.queue.add(keyOf(rs));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  private matchingSets(pod: PodObj): RSObj[] {
    const ns = pod.metadata?.namespace ?? '';
    const seen = new Map<string, RSObj>();
    for (const [k, v] of Object.entries(pod.metadata?.labels ?? {})) {
      for (const rs of this.rss.indexValues('labels', labelPairKey(ns, k, v))) {
        if (!rs.metadata?.deletionTimestamp && matchesSelector(rs.spec?.selector, pod.metadata?.labels)) seen.set(keyOf(rs), rs);
      }
    }
    return [...seen.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.rss.get(ns, name);
    if (!rs) return;
    const uid = rs.metadata!.uid!;
    const now = this.ctx.clock.now();
    let owned = controlledBy(this.pods, uid);
    if (!rs.metadata?.deletionTimestamp) {
      // Release pods that no longer match; adopt matching orphans (ClaimPods).
      for (const p of owned) if (!matchesSelector(rs.spec?.selector, p.metadata?.labels) && !p.metadata?.deletionTimestamp) patchOwner(this.ctx, R.pods, p, undefined, uid);
      const sel = rs.spec?.selector;
      const first = Object.entries(sel?.matchLabels ?? {})[0];
      const candidates = first ? this.pods.byIndex('labels', labelPairKey(ns!, first[0], first[1])) : this.pods.list(ns);
      for (const p of candidates) {
        if (!controllerOf(p) && !p.metadata?.deletionTimestamp && matchesSelector(sel, p.metadata?.labels)) patchOwner(this.ctx, R.pods, p, ownerRef(rs, 'apps/v1', 'ReplicaSet'), uid);
      }
      owned = controlledBy(this.pods, uid).filter((p) => matchesSelector(sel, p.metadata?.labels));
    }
    const active = owned.filter(isPodActive);
    if (!rs.metadata?.deletionTimestamp) this.manageReplicas(rs, active);
    this.updateStatus(rs, now);
  }

  private manageReplicas(rs: RSObj, active: PodObj[]): void {
    const want = rs.spec?.replicas ?? 1;
    const diff = active.length - want;
    const rsRef = { kind: 'ReplicaSet', apiVersion: 'apps/v1', namespace: rs.metadata!.namespace, name: rs.metadata!.name!, uid: rs.metadata!.uid };
    if (diff < 0) {
      const n = Math.min(-diff, BURST);
      for (let i = 0; i < n; i++) {
        let failure = '';
        const pod = createPodFromTemplate(this.ctx, rs.metadata!.namespace!, rs.spec!.template!, ownerRef(rs, 'apps/v1', 'ReplicaSet'), `${rs.metadata!.name}-`, undefined, (m) => { failure = m; });
        if (!pod) {
          this.ctx.recordEvent({ involved: rsRef, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${failure}`, source: { component: 'replicaset-controller' } });
          break;
        }
        this.ctx.recordEvent({ involved: rsRef, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata!.name}`, source: { component: 'replicaset-controller' } });
      }
    } else if (diff > 0) {
      const victims = [...active].sort(rankForDeletion).slice(0, Math.min(diff, BURST));
      for (const p of victims) {
        if (deletePod(this.ctx, p)) this.ctx.recordEvent({ involved: rsRef, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${p.metadata!.name}`, source: { component: 'replicaset-controller' } });
      }
    }
  }

  private updateStatus(rs: RSObj, now: number): void {
    const uid = rs.metadata!.uid!;
    const owned = controlledBy(this.pods, uid).filter((p) => isPodActive(p));
    const tmplLabels = rs.spec?.template?.metadata?.labels ?? {};
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const status: Record<string, unknown> = { ...(rs.status ?? {}) };
    const set = (k: string, v: number) => { if (v) status[k] = v; else delete status[k]; };
    status['replicas'] = owned.length;
    set('fullyLabeledReplicas', owned.filter((p) => Object.entries(tmplLabels).every(([k, v]) => p.metadata?.labels?.[k] === v)).length);
    set('readyReplicas', owned.filter(isPodReady).length);
    set('availableReplicas', owned.filter((p) => isPodAvailable(p, minReady, now)).length);
    status['observedGeneration'] = rs.metadata?.generation ?? 1;
    if (minReady) {
      // Re-check when a ready pod becomes available.
      for (const p of owned) {
        const c = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
        const t = c ? Date.parse(c.lastTransitionTime ?? '') + minReady * 1000 : NaN;
        if (t > now) this.ctx.wakeAt(this.name, keyOf(rs), t);
      }
    }
    if (deepEqual(status, rs.status ?? {})) return;
    const upd = { ...rs, status };
    try { this.ctx.api.update(R.replicasets, rs.metadata!.namespace, upd, { subresource: 'status', fieldManager: 'kube-controller-manager' }); } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 409) this.queue.add(keyOf(rs));
    }
  }
}
