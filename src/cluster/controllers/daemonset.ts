/**
 * DaemonSet controller (pkg/controller/daemon), basic: one pod per node whose taints the pod
 * tolerates, pinned to it with a matchFields node affinity that the scheduler honours, with
 * the tolerations the controller adds.
 * Left out: rolling updates, surge.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import { controlledBy, enqueueControllerOf, ownerUids, type Informer } from './informer.js';
import { deletePod, isPodReady, type PodObj } from './pod-control.js';
import { computeHash } from './pod-template-hash.js';
import { tolerates } from './scheduler.js';
import { R, clone, keyOf, ownerRef, splitKey } from './util.js';
import { writeStatus } from './workload-status.js';
import { ApiError } from '../api/types.js';

type DsObj = DaemonSet & KubeObject;

/** The node a daemon pod is for: its binding, or the node its affinity pins it to. */
function podNode(p: PodObj): string {
  if (p.spec?.nodeName) return p.spec.nodeName;
  const t = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0];
  return t?.matchFields?.find((f) => f.key === 'metadata.name')?.values?.[0] ?? '';
}

const DS_TOLERATIONS: Toleration[] = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists' },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/disk-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/memory-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/pid-pressure', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', operator: 'Exists' },
];

export class DaemonSetController implements Controller {
  readonly name = 'daemonset';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private sets!: Informer<DsObj>;
  private pods!: Informer<PodObj>;
  private nodes!: Informer<Node & KubeObject>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.sets = ctx.informers.for<DsObj>(R.daemonsets).addIndex('uid', (o) => [o.metadata?.uid ?? '']);
    this.pods = ctx.informers.for<PodObj>(R.pods).addIndex('owner', ownerUids);
    this.nodes = ctx.informers.for<Node & KubeObject>(R.nodes);
    this.sets.onChange((_t, s) => this.queue.add(keyOf(s)));
    this.nodes.onChange(() => { for (const s of this.sets.list()) this.queue.add(keyOf(s)); });
    enqueueControllerOf(this.pods, 'DaemonSet', this.sets, (k) => this.queue.add(k));
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
    const ds = this.sets.get(ns, name);
    if (!ds || ds.metadata?.deletionTimestamp) return;
    const uid = ds.metadata!.uid!;
    const pods = controlledBy(this.pods, uid).filter((p) => !p.metadata?.deletionTimestamp);
    const tpl = ds.spec!.template;
    const tolerations = [...(tpl.spec?.tolerations ?? []), ...DS_TOLERATIONS];
    const eligible = this.nodes.list().filter((n) => (n.spec?.taints ?? []).every((t) => t.effect === 'PreferNoSchedule' || tolerates(tolerations, t))
      && Object.entries(tpl.spec?.nodeSelector ?? {}).every(([k, v]) => n.metadata?.labels?.[k] === v));
    const hash = computeHash(tpl).slice(0, 10);
    const ref = { kind: 'DaemonSet', apiVersion: 'apps/v1', namespace: ns, name, uid };
    for (const n of eligible) {
      const node = n.metadata!.name!;
      if (pods.some((p) => podNode(p) === node)) continue;
      const t = clone(tpl);
      // A matchFields node affinity pins the pod; the scheduler binds it (and says so in an event).
      const spec = { ...(t.spec ?? { containers: [] }), tolerations,
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } } };
      const metadata = { generateName: `${name}-`, namespace: ns, labels: { ...(t.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata?.generation ?? 1) }, ownerReferences: [ownerRef(ds, 'apps/v1', 'DaemonSet')] };
      try {
        const p = this.ctx.api.create(R.pods, ns, { apiVersion: 'v1', kind: 'Pod', metadata, spec }, { fieldManager: 'kube-controller-manager' });
        this.ctx.recordEvent({ involved: ref, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${p.metadata!.name}`, source: { component: 'daemonset-controller' } });
      } catch (e) { if (!(e instanceof ApiError)) throw e; }
    }
    const names = new Set(eligible.map((n) => n.metadata!.name!));
    for (const p of pods) if (!names.has(podNode(p))) deletePod(this.ctx, p);
    const live = controlledBy(this.pods, uid).filter((p) => !p.metadata?.deletionTimestamp);
    const ready = live.filter(isPodReady).length;
    writeStatus(this.ctx, R.daemonsets, ds, {
      currentNumberScheduled: live.length, desiredNumberScheduled: eligible.length, numberAvailable: ready,
      numberMisscheduled: 0, numberReady: ready, observedGeneration: ds.metadata?.generation ?? 1, updatedNumberScheduled: live.length,
      ...(eligible.length - ready > 0 ? { numberUnavailable: eligible.length - ready } : {}),
    });
    void deletePod;
  }
}
