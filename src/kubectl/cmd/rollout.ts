/**
 * kubectl rollout status|history|undo|pause|resume|restart for Deployments
 * (pkg/cmd/rollout/*, pkg/polymorphichelpers rollout_status.go, history.go, rollback.go,
 * objectpauser.go, objectresumer.go, objectrestarter.go).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../cluster/api/types.js';
import { KubectlError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import { describePodTemplate } from '../describe/containers.js';
import { PrefixWriter } from '../describe/prefix-writer.js';
import { TabWriter } from '../printers/tabwriter.js';
import type { Invocation, VerbSpec } from '../registry.js';
import { parseDuration } from './internal/duration.js';
import { dryRunFlag, dryRunOf, filenameFlags, outputFlags, printOp, refOf, selectorFlag, throwCollected } from './internal/kit.js';
import { pollUntil } from './internal/poll.js';
import { resolveTargets, type Target } from './internal/targets.js';
import { deepEqual } from './internal/three-way.js';

const REVISION = 'deployment.kubernetes.io/revision';
const RS = { group: 'apps', resource: 'replicasets' };

function targetsOf(inv: Invocation): Target[] {
  if (inv.args.length === 0 && inv.flags.strings('filename').length === 0) throw new KubectlError('required resource not specified');
  const { targets, errors } = resolveTargets(inv, inv.args, { requireObject: true, selector: inv.flags.string('selector') || undefined });
  throwCollected(errors);
  return targets;
}

function requireDeployment(t: Target, what: string): void {
  if (t.info.kind !== 'Deployment') throw new KubectlError(`no ${what} has been implemented for "${t.info.kind}${t.info.group ? '.' + t.info.group : ''}"`);
}

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: Deployment): { msg: string; done: boolean } {
  const name = d.metadata?.name ?? '';
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = st.conditions?.find((c) => c.type === 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment "${name}" exceeded its progress deadline`);
    const want = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0, total = st.replicas ?? 0, available = st.availableReplicas ?? 0;
    if (updated < want) return { msg: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
    if (total > updated) return { msg: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...\n`, done: false };
    if (available < updated) return { msg: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    return { msg: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { msg: 'Waiting for deployment spec update to be observed...\n', done: false };
}

const statusCmd: VerbSpec = {
  name: 'status', group: 'deploy', short: 'Show the status of the rollout',
  flags: [...filenameFlags, selectorFlag, { name: 'watch', short: 'w', type: 'bool', default: true }, { name: 'revision', type: 'int', default: 0 }, { name: 'timeout', type: 'duration', default: '0s' }],
  async run(inv) {
    if (inv.flags.int('revision') < 0) throw new KubectlError(`revision must be a positive integer: ${inv.flags.int('revision')}`);
    for (const t of targetsOf(inv)) {
      requireDeployment(t, 'status viewer');
      const timeout = parseDuration(inv.flags.string('timeout')) || 7 * 24 * 3600_000;
      let lastRV = '';
      const ok = await pollUntil(inv, timeout, () => {
        let d: Deployment;
        try { d = inv.ctx.api.get(refOf(t.info), t.namespace, t.name) as Deployment; } catch {
          throw new KubectlError('object has been deleted');
        }
        if (d.metadata?.resourceVersion === lastRV) return undefined;
        lastRV = d.metadata?.resourceVersion ?? '';
        const s = deploymentStatus(d);
        inv.ctx.stdout(s.msg);
        if (s.done || !inv.flags.bool('watch')) return true;
        return undefined;
      });
      if (!ok) {
        if (inv.ctx.signal?.aborted) return 130;
        throw new KubectlError('timed out waiting for the condition');
      }
    }
  },
};

/** The deployment's ReplicaSets by revision (deploymentutil.GetAllReplicaSets + revision annotation). */
function history(inv: Invocation, d: Deployment): Map<number, ReplicaSet> {
  const uid = d.metadata?.uid;
  const all = inv.ctx.api.list(RS, d.metadata?.namespace).items as ReplicaSet[];
  const out = new Map<number, ReplicaSet>();
  for (const rs of all) {
    if (!rs.metadata?.ownerReferences?.some((o) => o.uid === uid && o.controller)) continue;
    const rev = Number(rs.metadata?.annotations?.[REVISION] ?? '0');
    out.set(rev, rs);
  }
  return out;
}

const historyCmd: VerbSpec = {
  name: 'history', group: 'deploy', short: 'View rollout history',
  flags: [...filenameFlags, selectorFlag, ...outputFlags, { name: 'revision', type: 'int', default: 0 }],
  async run(inv) {
    const revision = inv.flags.int('revision');
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    for (const t of targetsOf(inv)) {
      requireDeployment(t, 'history viewer');
      const h = history(inv, t.object as Deployment);
      const prefix = `${t.info.kind.toLowerCase()}.${t.info.group}/${t.name}`;
      if (h.size === 0) { inv.ctx.stdout(`${prefix} \nNo rollout history found.\n`); continue; }
      if (revision > 0) {
        const rs = h.get(revision);
        if (!rs) throw new KubectlError('unable to find the specified revision');
        inv.ctx.stdout(`${prefix} with revision #${revision}\n${templateText(rs.spec?.template)}\n`);
        continue;
      }
      const rows = [['REVISION', 'CHANGE-CAUSE'], ...[...h.keys()].sort((a, b) => a - b)
        .map((r) => [String(r), h.get(r)!.metadata?.annotations?.['kubernetes.io/change-cause'] || '<none>'])];
      inv.ctx.stdout(`${prefix} \n${new TabWriter({ padding: 2 }).format(rows)}\n`);
    }
  },
};

/**
 * printTemplate (polymorphichelpers/history.go): DescribePodTemplate through a PrefixWriter
 * without the tabwriter, so the tabs stay raw as real kubectl prints them.
 */
function templateText(t: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(t, w);
  return w.raw();
}

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const c = JSON.parse(JSON.stringify(t ?? {})) as PodTemplateSpec & { metadata?: { labels?: Record<string, string> } };
  if (c.metadata?.labels) delete c.metadata.labels['pod-template-hash'];
  return c;
}

const undoCmd: VerbSpec = {
  name: 'undo', group: 'deploy', short: 'Undo a previous rollout',
  flags: [...filenameFlags, selectorFlag, dryRunFlag, ...outputFlags, { name: 'to-revision', type: 'int', default: 0 }],
  async run(inv) {
    const dryRun = dryRunOf(inv);
    const errors: unknown[] = [];
    for (const t of targetsOf(inv)) {
      try {
        requireDeployment(t, 'rollbacker');
        const d = inv.ctx.api.get(refOf(t.info), t.namespace, t.name) as Deployment;
        const h = history(inv, d);
        const toRevision = inv.flags.int('to-revision');
        const { rs, rev } = deploymentRevision(h, t.name, toRevision);
        if (dryRun === 'client') {
          // rollback.go prints the template it would restore instead of patching.
          printOp(inv, d as KubeObject, t.info, templateText(rs.spec?.template), dryRun);
          continue;
        }
        if (d.spec?.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        const target = withoutHash(rs.spec?.template);
        if (deepEqual(target, withoutHash(d.spec?.template))) {
          printOp(inv, d as KubeObject, t.info, `skipped rollback (current template already matches revision ${rev})`, dryRun);
          continue;
        }
        const annotations: Record<string, string> = {};
        for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) {
          if (![REVISION, 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'kubectl.kubernetes.io/last-applied-configuration'].includes(k)) annotations[k] = v;
        }
        const patch = [
          { op: 'replace', path: '/spec/template', value: target },
          { op: 'replace', path: '/metadata/annotations', value: { ...keep(d.metadata?.annotations), ...annotations } },
        ];
        inv.ctx.api.patch(refOf(t.info), t.namespace, t.name, 'json', patch, { dryRun: dryRun === 'server' });
        printOp(inv, d as KubeObject, t.info, 'rolled back', dryRun);
      } catch (err) { errors.push(err); }
    }
    throwCollected(errors);
  },
};

/** rollback.go deploymentRevision: the given revision, or the one before the highest. */
function deploymentRevision(h: Map<number, ReplicaSet>, name: string, toRevision: number): { rs: ReplicaSet; rev: number } {
  if (toRevision > 0) {
    const rs = h.get(toRevision);
    if (!rs) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
    return { rs, rev: toRevision };
  }
  const revs = [...h.keys()].sort((a, b) => b - a);
  if (revs.length < 2) throw new KubectlError(`no rollout history found for deployment "${name}"`);
  return { rs: h.get(revs[1]!)!, rev: revs[1]! };
}

/** annotationsToSkip that the deployment keeps across a rollback. */
function keep(a: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [REVISION, 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas', 'kubectl.kubernetes.io/last-applied-configuration']) {
    if (a?.[k] !== undefined) out[k] = a[k]!;
  }
  return out;
}

function toggle(name: 'pause' | 'resume' | 'restart', short: string): VerbSpec {
  const flags: FlagSpec[] = [...filenameFlags, selectorFlag, ...outputFlags, { name: 'field-manager', type: 'string', default: 'kubectl-rollout' }];
  return {
    name, group: 'deploy', short, flags,
    async run(inv) {
      const errors: unknown[] = [];
      const targets = targetsOf(inv);
      if (targets.length === 0) { inv.ctx.stderr(`No resources found in ${inv.namespace} namespace.\n`); return; }
      for (const t of targets) {
        const rs = `${t.info.plural}${t.info.group ? '.' + t.info.group : ''}`;
        try {
          if (t.info.kind !== 'Deployment' && name !== 'restart') {
            errors.push(new KubectlError(`error: ${rs} "${t.name}" ${name === 'pause' ? 'pausing' : 'resuming'} is not supported`));
            continue;
          }
          const d = t.object as Deployment;
          let patch: unknown;
          if (name === 'restart') {
            if (d.spec?.paused) { errors.push(new KubectlError(`error: ${rs} "${t.name}" can't restart paused deployment (run rollout resume first)`)); continue; }
            const at = new Date(Math.floor(inv.ctx.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
            patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } };
          } else {
            const want = name === 'pause';
            if (!!d.spec?.paused === want) { printOp(inv, d as KubeObject, t.info, `already ${name === 'pause' ? 'paused' : 'resumed'}`, 'none'); continue; }
            patch = { spec: { paused: want } };
          }
          const out = inv.ctx.api.patch(refOf(t.info), t.namespace, t.name, 'strategic', patch, { fieldManager: inv.flags.string('field-manager') });
          printOp(inv, out, t.info, name === 'pause' ? 'paused' : name === 'resume' ? 'resumed' : 'restarted', 'none');
        } catch (err) { errors.push(err instanceof KubectlError ? err : new KubectlError(`failed to patch: ${err instanceof Error ? err.message : String(err)}`)); }
      }
      throwCollected(errors);
    },
  };
}

export const rolloutVerb: VerbSpec = {
  name: 'rollout', group: 'deploy', short: 'Manage the rollout of a resource', flags: [],
  subcommands: [
    historyCmd, toggle('pause', 'Mark the provided resource as paused'), toggle('restart', 'Restart a resource'),
    toggle('resume', 'Resume a paused resource'), statusCmd, undoCmd,
  ],
};
