/**
 * StatefulSet controller (pkg/controller/statefulset), basic: pods <name>-0..N-1 created in
 * order (OrderedReady waits for each to be Running and Ready; Parallel does not), removed from
 * the highest ordinal, recreated when deleted; hostname/subdomain for the governing Service.
 * Left out: rolling template updates, volumeClaimTemplates.
 */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import { controlledBy, enqueueControllerOf, ownerUids, type Informer } from './informer.js';
import { createPodFromTemplate, deletePod, isPodReady, type PodObj } from './pod-control.js';
import { computeHash } from './pod-template-hash.js';
import { R, keyOf, ownerRef, splitKey } from './util.js';
import { writeStatus } from './workload-status.js';

type StsObj = StatefulSet & KubeObject;

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private sets!: Informer<StsObj>;
  private pods!: Informer<PodObj>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.sets = ctx.informers.for<StsObj>(R.statefulsets).addIndex('uid', (o) => [o.metadata?.uid ?? '']);
    this.pods = ctx.informers.for<PodObj>(R.pods).addIndex('owner', ownerUids);
    this.sets.onChange((_t, s) => this.queue.add(keyOf(s)));
    enqueueControllerOf(this.pods, 'StatefulSet', this.sets, (k) => this.queue.add(k));
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const s of this.sets.list()) this.queue.add(keyOf(s));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const sts = this.sets.get(ns, name);
    if (!sts) return;
    const uid = sts.metadata!.uid!;
    const pods = controlledBy(this.pods, uid);
    const byOrdinal = new Map<number, PodObj>();
    for (const p of pods) {
      const m = new RegExp(`^${name}-(\\d+)$`).exec(p.metadata!.name!);
      if (m) byOrdinal.set(Number(m[1]), p);
    }
    const replicas = sts.spec?.replicas ?? 1;
    const revision = `${name}-${computeHash(sts.spec?.template)}`;
    const parallel = sts.spec?.podManagementPolicy === 'Parallel';
    const ref = { kind: 'StatefulSet', apiVersion: 'apps/v1', namespace: ns, name, uid };
    if (!sts.metadata?.deletionTimestamp) {
      for (let i = 0; i < replicas; i++) {
        const p = byOrdinal.get(i);
        if (p) {
          if (!parallel && (p.metadata?.deletionTimestamp || !isPodReady(p))) break;
          continue;
        }
        const podName = `${name}-${i}`;
        const created = createPodFromTemplate(this.ctx, ns!, sts.spec!.template!, ownerRef(sts, 'apps/v1', 'StatefulSet'), '', {
          name: podName, hostname: podName, subdomain: sts.spec?.serviceName || undefined,
          labels: { 'apps.kubernetes.io/pod-index': String(i), 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': podName },
        });
        if (created) this.ctx.recordEvent({ involved: ref, type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${podName} in StatefulSet ${name} successful`, source: { component: 'statefulset-controller' } });
        if (!parallel) break;
      }
      const extra = [...byOrdinal.keys()].filter((i) => i >= replicas).sort((a, b) => b - a);
      for (const i of parallel ? extra : extra.slice(0, 1)) {
        const p = byOrdinal.get(i)!;
        if (p.metadata?.deletionTimestamp) continue;
        if (deletePod(this.ctx, p)) this.ctx.recordEvent({ involved: ref, type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod ${p.metadata!.name} in StatefulSet ${name} successful`, source: { component: 'statefulset-controller' } });
      }
    }
    const live = controlledBy(this.pods, uid).filter((p) => !p.metadata?.deletionTimestamp);
    const ready = live.filter(isPodReady).length;
    const status: Record<string, unknown> = {
      availableReplicas: ready, collisionCount: 0, currentReplicas: live.length, currentRevision: revision,
      observedGeneration: sts.metadata?.generation ?? 1, replicas: live.length, updateRevision: revision, updatedReplicas: live.length,
    };
    if (ready) status['readyReplicas'] = ready;
    writeStatus(this.ctx, R.statefulsets, sts, status);
  }
}
