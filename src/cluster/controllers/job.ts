/**
 * Job controller (pkg/controller/job), basic: keeps `parallelism` pods running until
 * `completions` have succeeded, counts failures against backoffLimit, and sets the
 * SuccessCriteriaMet/Complete or FailureTarget/Failed conditions. Left out: indexed jobs,
 * pod failure policy, TTL, suspend.
 */
import type { Job } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../api/types.js';
import type { Controller, ControllerContext } from './controller.js';
import { WorkQueue } from './controller.js';
import { controlledBy, enqueueControllerOf, ownerUids, type Informer } from './informer.js';
import { createPodFromTemplate, isPodReady, type PodObj } from './pod-control.js';
import { R, keyOf, ownerRef, rfc3339, splitKey } from './util.js';
import { writeStatus } from './workload-status.js';

type JobObj = Job & KubeObject;

export class JobController implements Controller {
  readonly name = 'job';
  private ctx!: ControllerContext;
  private queue = new WorkQueue();
  private jobs!: Informer<JobObj>;
  private pods!: Informer<PodObj>;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.jobs = ctx.informers.for<JobObj>(R.jobs).addIndex('uid', (o) => [o.metadata?.uid ?? '']);
    this.pods = ctx.informers.for<PodObj>(R.pods).addIndex('owner', ownerUids);
    this.jobs.onChange((_t, j) => this.queue.add(keyOf(j)));
    enqueueControllerOf(this.pods, 'Job', this.jobs, (k) => this.queue.add(k));
    this.resync();
  }

  /** Re-queues every object this controller owns (an informer resync). */
  resync(): void {
    for (const j of this.jobs.list()) this.queue.add(keyOf(j));
  }

  enqueue(key: string): void { this.queue.add(key); }
  drain(): boolean { return this.queue.drain((k) => this.sync(k)); }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const job = this.jobs.get(ns, name);
    if (!job || job.metadata?.deletionTimestamp) return;
    const uid = job.metadata!.uid!;
    const now = rfc3339(this.ctx.clock.now());
    const pods = controlledBy(this.pods, uid);
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length
      + pods.reduce((s, p) => s + (p.spec?.restartPolicy === 'OnFailure' ? (p.status?.containerStatuses ?? []).reduce((a, c) => a + c.restartCount, 0) : 0), 0);
    const active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata?.deletionTimestamp);
    const completions = job.spec?.completions ?? 1;
    const parallelism = job.spec?.parallelism ?? 1;
    const backoffLimit = job.spec?.backoffLimit ?? 6;
    const status: Record<string, unknown> = { ...(job.status ?? {}) };
    const conds = [...((job.status?.conditions ?? []) as unknown[])] as Record<string, unknown>[];
    const finished = conds.some((c) => (c['type'] === 'Complete' || c['type'] === 'Failed') && c['status'] === 'True');
    const ref = { kind: 'Job', apiVersion: 'batch/v1', namespace: ns, name, uid };
    if (!status['startTime']) status['startTime'] = now;
    if (!finished) {
      if (succeeded >= completions) {
        conds.push({ lastProbeTime: now, lastTransitionTime: now, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'SuccessCriteriaMet' });
        conds.push({ lastProbeTime: now, lastTransitionTime: now, message: 'Reached expected number of succeeded pods', reason: 'CompletionsReached', status: 'True', type: 'Complete' });
        status['completionTime'] = now;
        this.ctx.recordEvent({ involved: ref, type: 'Normal', reason: 'Completed', message: 'Job completed', source: { component: 'job-controller' } });
      } else if (failed > backoffLimit) {
        conds.push({ lastProbeTime: now, lastTransitionTime: now, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'FailureTarget' });
        conds.push({ lastProbeTime: now, lastTransitionTime: now, message: 'Job has reached the specified backoff limit', reason: 'BackoffLimitExceeded', status: 'True', type: 'Failed' });
        this.ctx.recordEvent({ involved: ref, type: 'Warning', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', source: { component: 'job-controller' } });
        for (const p of active) try { this.ctx.api.delete(R.pods, ns, p.metadata!.name!); } catch { /* already gone */ }
      } else {
        const want = Math.min(parallelism, completions - succeeded) - active.length;
        for (let i = 0; i < want; i++) {
          const p = createPodFromTemplate(this.ctx, ns!, job.spec!.template, ownerRef(job, 'batch/v1', 'Job'), `${name}-`,
            { labels: { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name } });
          if (p) this.ctx.recordEvent({ involved: ref, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${p.metadata!.name}`, source: { component: 'job-controller' } });
        }
      }
    }
    const live = controlledBy(this.pods, uid).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata?.deletionTimestamp);
    const set = (k: string, v: number) => { if (v) status[k] = v; else delete status[k]; };
    set('active', live.length);
    set('succeeded', succeeded);
    set('failed', failed);
    status['ready'] = live.filter(isPodReady).length;
    status['terminating'] = 0;
    status['uncountedTerminatedPods'] = {};
    if (conds.length) status['conditions'] = conds;
    writeStatus(this.ctx, R.jobs, job, status);
  }
}
