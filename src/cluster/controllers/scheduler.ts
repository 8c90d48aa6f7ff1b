/**
 * default-scheduler (pkg/scheduler), reduced to the filters a learner can hit: nodeName,
 * nodeSelector, taints/tolerations, unschedulable nodes, pod count and cpu/memory requests.
 * Scores by fewest pods (least allocated), ties broken at random like selectHost.
 * Unschedulable pods are retried when pods or nodes change, and every 5 minutes.
 */
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import type { Informer } from './informer.js';
import { R, keyOf, rfc3339, splitKey } from './util.js';
import { parseQuantity } from './quantity.js';

type PodObj = Pod & KubeObject;
type NodeObj = Node & KubeObject;

export class Scheduler implements Controller {
  readonly name = 'scheduler';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private pods!: Informer<PodObj>;
  private nodes!: Informer<NodeObj>;
  /** Pods that did not fit: retried on any pod deletion or node change. */
  private unschedulable = new Set<string>();

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.pods = ctx.informers.for<PodObj>(R.pods).addIndex('nodeName', (p) => [p.spec?.nodeName ?? ''])
      .addIndex('finishedOnNode', (p) => (p.spec?.nodeName && (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') ? [p.spec.nodeName] : []));
    this.nodes = ctx.informers.for<NodeObj>(R.nodes);
    this.pods.onChange((type, pod, old) => {
      if (!pod.spec?.nodeName && (pod.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler') {
        if (type !== 'DELETED') this.queue.add(keyOf(pod));
      }
      if (type === 'DELETED') this.unschedulable.delete(keyOf(pod));
      if ((type === 'DELETED' && pod.spec?.nodeName) || (old && old.spec?.nodeName && !old.metadata?.deletionTimestamp && pod.metadata?.deletionTimestamp)) this.retryUnschedulable();
    });
    this.nodes.onChange(() => this.retryUnschedulable());
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const p of this.pods.byIndex('nodeName', '')) this.queue.add(keyOf(p));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  private retryUnschedulable(): void { for (const k of [...this.unschedulable].sort()) this.queue.add(k); }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.pods.get(ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) { this.unschedulable.delete(key); return; }
    if ((pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
    const nodes = this.nodes.list();
    const reasons = new Map<string, number>();
    let onlyResources = true;
    const fits: NodeObj[] = [];
    for (const n of nodes) {
      const why = this.filter(pod, n);
      if (why.length === 0) { fits.push(n); continue; }
      for (const r of why) {
        reasons.set(r, (reasons.get(r) ?? 0) + 1);
        if (!/^(Insufficient |Too many pods)/.test(r)) onlyResources = false;
      }
    }
    if (fits.length === 0) { this.fail(pod, nodes.length, reasons, onlyResources); return; }
    // Least allocated: fewest pods; random among equals (selectHost's reservoir sampling).
    const counts = fits.map((n) => this.activeCount(n.metadata!.name!));
    const best = Math.min(...counts);
    const top = fits.filter((_n, i) => counts[i] === best);
    const node = top.length === 1 ? top[0]! : this.ctx.rng.pick(top);
    this.bind(pod, node.metadata!.name!);
  }

  /** Pods on the node that still hold a slot (O(1) through the indexes). */
  private activeCount(node: string): number {
    return this.pods.indexCount('nodeName', node) - this.pods.indexCount('finishedOnNode', node);
  }

  private activePods(node: string): PodObj[] {
    const out: PodObj[] = [];
    for (const p of this.pods.indexValues('nodeName', node)) if (p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') out.push(p);
    return out;
  }

  /** Reasons this node cannot take the pod, worded as the scheduler's plugins word them. */
  private filter(pod: PodObj, node: NodeObj): string[] {
    const out: string[] = [];
    const spec = pod.spec!;
    const labels = node.metadata?.labels ?? {};
    if (spec.nodeName && spec.nodeName !== node.metadata?.name) return ["node(s) didn't match the requested node name"];
    if (node.spec?.unschedulable && !tolerates(spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return ['node(s) were unschedulable'];
    for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
      if (labels[k] !== v) { out.push("node(s) didn't match Pod's node affinity/selector"); return out; }
    }
    const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    const fieldOk = (t: { matchFields?: { key: string; operator: string; values?: string[] }[] }) => (t.matchFields ?? []).every((f) =>
      f.key === 'metadata.name' && (f.operator === 'In' ? (f.values ?? []).includes(node.metadata!.name!) : f.operator === 'NotIn' ? !(f.values ?? []).includes(node.metadata!.name!) : false));
    if (terms && !terms.some((t) => fieldOk(t) && (t.matchExpressions ?? []).every((e) => {
      const has = k(labels, e.key); const v = labels[e.key];
      switch (e.operator) {
        case 'In': return has && (e.values ?? []).includes(v!);
        case 'NotIn': return !has || !(e.values ?? []).includes(v!);
        case 'Exists': return has;
        case 'DoesNotExist': return !has;
        default: return false;
      }
    }))) { out.push("node(s) didn't match Pod's node affinity/selector"); return out; }
    for (const t of node.spec?.taints ?? []) {
      if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
      if (!tolerates(spec.tolerations, t)) { out.push(`node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`); return out; }
    }
    const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
    const maxPods = Number(alloc['pods'] ?? 110);
    if (this.activeCount(node.metadata!.name!) + 1 > maxPods) out.push('Too many pods');
    for (const res of ['cpu', 'memory']) {
      const want = podRequest(pod, res);
      if (want === 0) continue;
      const active = this.activePods(node.metadata!.name!);
      const have = parseQuantity(String(alloc[res] ?? '0'));
      const used = active.reduce((s, p) => s + podRequest(p, res), 0);
      if (used + want > have) out.push(`Insufficient ${res}`);
    }
    return out;
  }

  private fail(pod: PodObj, total: number, reasons: Map<string, number>, onlyResources: boolean): void {
    const parts = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
    const pre = onlyResources && total > 0
      ? `preemption: 0/${total} nodes are available: ${total} No preemption victims found for incoming pod.`
      : `preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
    const message = total === 0 ? 'no nodes available to schedule pods' : `0/${total} nodes are available: ${parts.join(', ')}. ${pre}`;
    const key = keyOf(pod);
    const first = !this.unschedulable.has(key);
    this.unschedulable.add(key);
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (!existing || existing.status !== 'False' || existing.message !== message) {
      const upd = pod; // read only: the update below spreads it into a new body
      const conds = (upd.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conds.push({ lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.clock.now()), message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' } as never);
      try { this.ctx.api.update(R.pods, pod.metadata!.namespace, { ...upd, status: { ...(upd.status ?? {}), conditions: conds } }, { subresource: 'status', fieldManager: 'kube-scheduler' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
    }
    if (first || !existing || existing.message !== message) {
      this.ctx.recordEvent({ involved: podRef(pod), type: 'Warning', reason: 'FailedScheduling', message, source: { component: 'default-scheduler' } });
    }
    // Backoff-queue flush: unschedulable pods are retried at least every 5 minutes.
    this.ctx.wakeAt(this.name, key, this.ctx.clock.now() + 300_000);
  }

  private bind(pod: PodObj, node: string): void {
    const ns = pod.metadata!.namespace!;
    const name = pod.metadata!.name!;
    // The pods/binding subresource: the API server lets spec.nodeName be set once.
    const upd = { ...pod, spec: { ...pod.spec!, nodeName: node } };
    try { this.ctx.api.update(R.pods, ns, upd, { fieldManager: 'kube-scheduler' }); } catch (e) { if (!(e instanceof ApiError)) throw e; return; }
    this.unschedulable.delete(`${ns}/${name}`);
    const cur = this.pods.get(ns, name);
    if (cur && !cur.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'True')) {
      const upd = cur; // read only, as above
      const conds = (upd.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
      conds.push({ lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.clock.now()), status: 'True', type: 'PodScheduled' } as never);
      try { this.ctx.api.update(R.pods, ns, { ...upd, status: { ...(upd.status ?? {}), conditions: conds } }, { subresource: 'status', fieldManager: 'kube-scheduler' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
    }
    this.ctx.recordEvent({ involved: podRef(pod), type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${ns}/${name} to ${node}`, source: { component: 'default-scheduler' }, reportingController: 'default-scheduler' });
  }
}

function k(o: Record<string, string>, key: string): boolean { return Object.prototype.hasOwnProperty.call(o, key); }

function podRef(p: PodObj) {
  return { kind: 'Pod', apiVersion: 'v1', namespace: p.metadata!.namespace, name: p.metadata!.name!, uid: p.metadata!.uid };
}

export function tolerates(tols: Toleration[] | undefined, t: Pick<Taint, 'key' | 'effect'> & { value?: string }): boolean {
  return (tols ?? []).some((tol) => {
    if (tol.effect && tol.effect !== t.effect) return false;
    if (!tol.key) return tol.operator === 'Exists';
    if (tol.key !== t.key) return false;
    return tol.operator === 'Exists' || (tol.value ?? '') === (t.value ?? '');
  });
}

function podRequest(p: Pod, res: string): number {
  let sum = 0;
  for (const c of p.spec?.containers ?? []) {
    const v = c.resources?.requests?.[res] ?? c.resources?.limits?.[res];
    if (v !== undefined) sum += parseQuantity(String(v));
  }
  return sum;
}
