/**
 * Deployment controller (pkg/controller/deployment: sync.go, rolling.go, recreate.go,
 * progress.go): one ReplicaSet per pod template (named <deploy>-<pod-template-hash>),
 * rolling updates bounded by maxSurge/maxUnavailable, Recreate, pause, revisions (a template
 * that matches an old ReplicaSet reuses it with the next revision: that is a rollback),
 * history cleanup and the Available/Progressing conditions.
 */
import type { Deployment, DeploymentCondition, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types.js';
import { ApiError } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import { controlledBy, enqueueControllerOf, ownerUids, type Informer } from './informer.js';
import { computeHash } from './pod-template-hash.js';
import { R, clone, deepEqual, keyOf, ownerRef, parseTime, rfc3339, scaledValue, splitKey } from './util.js';

type DeployObj = Deployment & KubeObject;
type RSObj = ReplicaSet & KubeObject;
const REV = 'deployment.kubernetes.io/revision';
const REV_HISTORY = 'deployment.kubernetes.io/revision-history';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX = 'deployment.kubernetes.io/max-replicas';

export class DeploymentController implements Controller {
  readonly name = 'deployment';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private deps!: Informer<DeployObj>;
  private rss!: Informer<RSObj>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.deps = ctx.informers.for<DeployObj>(R.deployments).addIndex('uid', (o) => [o.metadata?.uid ?? '']);
    this.rss = ctx.informers.for<RSObj>(R.replicasets).addIndex('owner', ownerUids);
    this.deps.onChange((_t, d) => this.queue.add(keyOf(d)));
    enqueueControllerOf(this.rss, 'Deployment', this.deps, (k) => this.queue.add(k));
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const d of this.deps.list()) this.queue.add(keyOf(d));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const d = this.deps.get(ns, name);
    if (!d || d.metadata?.deletionTimestamp) return;
    const uid = d.metadata!.uid!;
    const all = controlledBy(this.rss, uid)
      .sort((a, b) => (parseTime(a.metadata?.creationTimestamp) ?? 0) - (parseTime(b.metadata?.creationTimestamp) ?? 0) || (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    let newRS = all.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const olds = all.filter((rs) => rs !== newRS);
    const paused = !!d.spec?.paused;
    const conds: DeploymentCondition[] = clone(d.status?.conditions ?? []);
    const now = this.ctx.clock.now();

    if (!paused) {
      const maxRev = Math.max(0, ...olds.map(revisionOf));
      if (!newRS) {
        newRS = this.createNewRS(d, olds, maxRev + 1, conds);
        if (!newRS) return;
      } else if (revisionOf(newRS) <= maxRev) {
        // Rolled back to an old template: it becomes the newest revision, remembering its old ones.
        const old = newRS.metadata?.annotations?.[REV];
        const hist = newRS.metadata?.annotations?.[REV_HISTORY];
        newRS = this.annotate(newRS, { [REV]: String(maxRev + 1), ...(old ? { [REV_HISTORY]: hist ? `${hist},${old}` : old } : {}) });
      }
      this.ensureDeploymentRevision(d, revisionOf(newRS));
      const surge = this.limits(d);
      if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'Recreate') this.recreate(d, newRS, olds, surge);
      else this.rolling(d, newRS, olds, surge);
      this.cleanup(d, olds);
    } else if (newRS) {
      // Paused: only proportional scaling of the current ReplicaSet.
      const want = d.spec?.replicas ?? 1;
      const activeOld = olds.filter((o) => (o.spec?.replicas ?? 0) > 0);
      if (activeOld.length === 0 && (newRS.spec?.replicas ?? 0) !== want) this.scale(d, newRS, want);
    }
    this.updateStatus(d, newRS ? this.rss.get(ns, newRS.metadata!.name!) : undefined, olds.map((o) => this.rss.get(ns, o.metadata!.name!)!).filter(Boolean), conds, now);
  }

  private limits(d: DeployObj): { surge: number; unavailable: number } {
    const replicas = d.spec?.replicas ?? 1;
    const ru = d.spec?.strategy?.rollingUpdate;
    if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'Recreate') return { surge: 0, unavailable: 0 };
    let surge = scaledValue(ru?.maxSurge as number | string | undefined, replicas, true, '25%');
    let unavailable = scaledValue(ru?.maxUnavailable as number | string | undefined, replicas, false, '25%');
    if (surge === 0 && unavailable === 0) unavailable = 1;
    return { surge, unavailable };
  }

  private createNewRS(d: DeployObj, olds: RSObj[], revision: number, conds: DeploymentCondition[]): RSObj | undefined {
    const replicas = d.spec?.replicas ?? 1;
    const { surge } = this.limits(d);
    const template = clone(d.spec!.template!) as PodTemplateSpec;
    const hash = computeHash(template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash } };
    const selector = clone(d.spec!.selector!);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), 'pod-template-hash': hash };
    const oldTotal = olds.reduce((s, o) => s + (o.spec?.replicas ?? 0), 0);
    let initial = replicas;
    if (oldTotal > 0) {
      initial = (d.spec?.strategy?.type ?? 'RollingUpdate') === 'Recreate' ? 0 : Math.max(0, Math.min(replicas + surge - oldTotal, replicas));
    }
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (k !== 'kubectl.kubernetes.io/last-applied-configuration' && k !== REV) annotations[k] = v;
    annotations[DESIRED] = String(replicas);
    annotations[MAX] = String(replicas + surge);
    annotations[REV] = String(revision);
    const rsName = `${d.metadata!.name}-${hash}`;
    const obj: KubeObject = {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: rsName, namespace: d.metadata!.namespace, labels: template.metadata.labels, annotations, ownerReferences: [ownerRef(d, 'apps/v1', 'Deployment')] },
      spec: { replicas: initial, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
    };
    let created: RSObj;
    try {
      created = this.ctx.api.create(R.replicasets, d.metadata!.namespace, obj, { fieldManager: 'kube-controller-manager' }) as RSObj;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 409) {
        // Hash collision with a ReplicaSet we do not own: bump collisionCount and retry later.
        const upd = clone(d);
        upd.status = { ...(upd.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
        try { this.ctx.api.update(R.deployments, d.metadata!.namespace, upd, { subresource: 'status' }); } catch (e2) { if (!(e2 instanceof ApiError)) throw e2; }
      }
      return undefined;
    }
    setCondition(conds, this.ctx.clock.now(), 'Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${rsName}"`);
    if (initial > 0) this.event(d, `Scaled up replica set ${rsName} from 0 to ${initial}`);
    return created;
  }

  private rolling(d: DeployObj, newRS: RSObj, olds: RSObj[], lim: { surge: number; unavailable: number }): void {
    const replicas = d.spec?.replicas ?? 1;
    const sum = (l: RSObj[]) => l.reduce((s, o) => s + (o.spec?.replicas ?? 0), 0);
    // reconcileNewReplicaSet
    const cur = newRS.spec?.replicas ?? 0;
    if (cur > replicas) newRS = this.scale(d, newRS, replicas);
    else if (cur < replicas) {
      const total = sum(olds) + cur;
      const maxTotal = replicas + lim.surge;
      if (total < maxTotal) newRS = this.scale(d, newRS, cur + Math.min(maxTotal - total, replicas - cur));
    }
    // reconcileOldReplicaSets
    let oldTotal = sum(olds);
    if (oldTotal === 0) return;
    const allTotal = oldTotal + (newRS.spec?.replicas ?? 0);
    const minAvailable = replicas - lim.unavailable;
    const newUnavailable = (newRS.spec?.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
    let maxScaledDown = allTotal - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return;
    // cleanupUnhealthyReplicas: old pods that are not available go first.
    for (const o of olds) {
      if (maxScaledDown <= 0) break;
      const r = o.spec?.replicas ?? 0;
      const unhealthy = r - (o.status?.availableReplicas ?? 0);
      if (r === 0 || unhealthy <= 0) continue;
      const down = Math.min(unhealthy, maxScaledDown);
      this.scale(d, o, r - down);
      maxScaledDown -= down; oldTotal -= down;
    }
    // scaleDownOldReplicaSetsForRollingUpdate
    const current = olds.map((o) => this.rss.get(o.metadata!.namespace, o.metadata!.name!)!).filter(Boolean);
    const newNow = this.rss.get(newRS.metadata!.namespace, newRS.metadata!.name!) ?? newRS;
    const available = current.reduce((s, o) => s + (o.status?.availableReplicas ?? 0), 0) + (newNow.status?.availableReplicas ?? 0);
    let toDown = Math.min(available - minAvailable, maxScaledDown);
    for (const o of current) {
      if (toDown <= 0) break;
      const r = o.spec?.replicas ?? 0;
      if (r === 0) continue;
      const down = Math.min(r, toDown);
      this.scale(d, o, r - down);
      toDown -= down;
    }
  }

  private recreate(d: DeployObj, newRS: RSObj, olds: RSObj[], _l: unknown): void {
    let oldRunning = false;
    for (const o of olds) {
      if ((o.spec?.replicas ?? 0) > 0) { this.scale(d, o, 0); oldRunning = true; }
      if ((o.status?.replicas ?? 0) > 0) oldRunning = true;
    }
    if (oldRunning) return;
    const want = d.spec?.replicas ?? 1;
    if ((newRS.spec?.replicas ?? 0) !== want) this.scale(d, newRS, want);
  }

  private scale(d: DeployObj, rs: RSObj, to: number): RSObj {
    const from = rs.spec?.replicas ?? 0;
    const replicas = d.spec?.replicas ?? 1;
    const { surge } = this.limits(d);
    const ann = { ...(rs.metadata?.annotations ?? {}), [DESIRED]: String(replicas), [MAX]: String(replicas + surge) };
    if (from === to && deepEqual(ann, rs.metadata?.annotations ?? {})) return rs;
    const upd = clone(rs);
    upd.spec = { ...upd.spec!, replicas: to };
    upd.metadata = { ...upd.metadata, annotations: ann };
    try {
      const out = this.ctx.api.update(R.replicasets, rs.metadata!.namespace, upd, { fieldManager: 'kube-controller-manager' }) as RSObj;
      if (from !== to) this.event(d, `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata!.name} from ${from} to ${to}`);
      return out;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return rs;
    }
  }

  private annotate(rs: RSObj, ann: Record<string, string>): RSObj {
    const upd = clone(rs);
    upd.metadata = { ...upd.metadata, annotations: { ...(upd.metadata?.annotations ?? {}), ...ann } };
    try { return this.ctx.api.update(R.replicasets, rs.metadata!.namespace, upd, { fieldManager: 'kube-controller-manager' }) as RSObj; } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return rs;
    }
  }

  private ensureDeploymentRevision(d: DeployObj, rev: number): void {
    if (d.metadata?.annotations?.[REV] === String(rev)) return;
    const cur = this.deps.get(d.metadata!.namespace, d.metadata!.name!)!;
    const upd = clone(cur);
    upd.metadata = { ...upd.metadata, annotations: { ...(upd.metadata?.annotations ?? {}), [REV]: String(rev) } };
    try { this.ctx.api.update(R.deployments, d.metadata!.namespace, upd, { fieldManager: 'kube-controller-manager' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
  }

  /** Deletes old ReplicaSets beyond revisionHistoryLimit (only fully scaled-down ones). */
  private cleanup(d: DeployObj, olds: RSObj[]): void {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const idle = olds.map((o) => this.rss.get(o.metadata!.namespace, o.metadata!.name!)).filter((o): o is RSObj => !!o && !o.metadata?.deletionTimestamp && (o.spec?.replicas ?? 0) === 0 && (o.status?.replicas ?? 0) === 0);
    const extra = idle.length - limit;
    if (extra <= 0) return;
    idle.sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const o of idle.slice(0, extra)) {
      try { this.ctx.api.delete(R.replicasets, o.metadata!.namespace, o.metadata!.name!, { fieldManager: 'kube-controller-manager' }); } catch (e) { if (!(e instanceof ApiError)) throw e; }
    }
  }

  private updateStatus(d0: DeployObj, newRS: RSObj | undefined, olds: RSObj[], conds: DeploymentCondition[], now: number): void {
    const d = this.deps.get(d0.metadata!.namespace, d0.metadata!.name!) ?? d0;
    const all = [...olds, ...(newRS ? [newRS] : [])];
    const replicas = d.spec?.replicas ?? 1;
    const lim = this.limits(d);
    const sum = (f: (r: RSObj) => number | undefined) => all.reduce((s, r) => s + (f(r) ?? 0), 0);
    const total = sum((r) => r.status?.replicas);
    const available = sum((r) => r.status?.availableReplicas);
    const updated = newRS?.status?.replicas ?? 0;
    const status: Record<string, unknown> = { observedGeneration: d.metadata?.generation ?? 1 };
    const put = (k: string, v: number) => { if (v) status[k] = v; };
    put('replicas', total);
    put('updatedReplicas', updated);
    put('readyReplicas', sum((r) => r.status?.readyReplicas));
    put('availableReplicas', available);
    put('unavailableReplicas', Math.max(0, replicas - available));
    if (d.status?.collisionCount !== undefined) status['collisionCount'] = d.status.collisionCount;
    if (available >= replicas - lim.unavailable) setCondition(conds, now, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.');
    else setCondition(conds, now, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.');
    if (d.spec?.paused) {
      setCondition(conds, now, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused');
    } else if (newRS) {
      const prog = conds.find((c) => c.type === 'Progressing');
      const n = newRS.metadata!.name!;
      void prog;
      const oldPods = olds.reduce((s, r) => s + (r.status?.replicas ?? 0), 0);
      const complete = updated === replicas && (newRS.status?.availableReplicas ?? 0) >= replicas && oldPods === 0 && total === replicas;
      if (complete) setCondition(conds, now, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${n}" has successfully progressed.`);
      else if (prog?.reason === 'DeploymentPaused') setCondition(conds, now, 'Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed');
      else {
        const deadline = (d.spec?.progressDeadlineSeconds ?? 600) * 1000;
        const old = d.status ?? {};
        const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
        const progressed = updated > (old.updatedReplicas ?? 0) || (status['readyReplicas'] as number ?? 0) > (old.readyReplicas ?? 0)
          || available > (old.availableReplicas ?? 0) || total - updated < oldOld;
        if (progressed) setCondition(conds, now, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${n}" is progressing.`, now);
        const p2 = conds.find((c) => c.type === 'Progressing');
        const since = parseTime(p2?.lastUpdateTime) ?? now;
        if (p2 && p2.status === 'True' && now >= since + deadline) {
          setCondition(conds, now, 'Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${n}" has timed out progressing.`);
        } else if (p2?.status === 'True') this.ctx.wakeAt(this.name, keyOf(d), since + deadline);
      }
    }
    status['conditions'] = conds;
    const cur = d.status ?? {};
    if (deepEqual(status, cur)) return;
    const upd = { ...d, status };
    try { this.ctx.api.update(R.deployments, d.metadata!.namespace, upd, { subresource: 'status', fieldManager: 'kube-controller-manager' }); } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 409) this.queue.add(keyOf(d));
    }
  }

  private event(d: DeployObj, message: string): void {
    this.ctx.recordEvent({ involved: { kind: 'Deployment', apiVersion: 'apps/v1', namespace: d.metadata!.namespace, name: d.metadata!.name!, uid: d.metadata!.uid }, type: 'Normal', reason: 'ScalingReplicaSet', message, source: { component: 'deployment-controller' } });
  }
}

/** SetDeploymentCondition: same status and reason → unchanged; else replace, keeping transition time if status is the same. */
function setCondition(conds: DeploymentCondition[], now: number, type: string, status: string, reason: string, message: string, updateAt?: number): void {
  const i = conds.findIndex((c) => c.type === type);
  const cur = i >= 0 ? conds[i] : undefined;
  if (cur && cur.status === status && cur.reason === reason) {
    if (updateAt !== undefined) cur.lastUpdateTime = rfc3339(updateAt);
    if (cur.message !== message) cur.message = message;
    return;
  }
  const t = rfc3339(now);
  const c: DeploymentCondition = { lastTransitionTime: cur && cur.status === status ? cur.lastTransitionTime! : t, lastUpdateTime: t, message, reason, status, type };
  if (i >= 0) conds.splice(i, 1);
  conds.push(c);
}

function revisionOf(rs: RSObj): number { return Number(rs.metadata?.annotations?.[REV] ?? 0) || 0; }

/** EqualIgnoreHash: templates equal once the pod-template-hash label is removed. */
function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  // Shallow copies only: deepEqual treats undefined fields as absent.
  const strip = (t: PodTemplateSpec | undefined): unknown => {
    const labels: Record<string, string> = { ...(t?.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return { ...(t ?? {}), metadata: { ...(t?.metadata ?? {}), labels: Object.keys(labels).length ? labels : undefined, creationTimestamp: undefined } };
  };
  return deepEqual(strip(a), strip(b));
}
