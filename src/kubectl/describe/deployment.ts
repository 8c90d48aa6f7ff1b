/** kubectl describe deployment (describe.go DeploymentDescriber, describeDeployment; pkg/util/deployment). */
import type { Event, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatRFC1123Z, goCompare, parseTime, printAnnotationsMultiline, printLabelsMultiline, selectorString } from './format.js';
import { describePodTemplate } from './containers.js';
import { semanticEqual } from './workload-pods.js';

const DEPLOYMENTS = { group: 'apps', resource: 'deployments' };
const REPLICASETS = { group: 'apps', resource: 'replicasets' };
const HASH_LABEL = 'pod-template-hash';

export const describeDeploymentResource: Describer = (deps, namespace, name, settings) => {
  const d = deps.api.get(DEPLOYMENTS, namespace, name) as unknown as Deployment;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(d, 'Deployment')) : null;
  let oldRSs: ReplicaSet[] = [], newRSs: ReplicaSet[] = [];
  try {
    const all = (deps.api.list(REPLICASETS, namespace, { labelSelector: selectorString(d.spec?.selector) }).items as unknown as ReplicaSet[])
      .filter((rs) => rs.metadata?.ownerReferences?.some((r) => r.controller === true && r.uid === d.metadata?.uid));
    all.sort(byCreation);
    const newRS = all.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    if (newRS) newRSs = [newRS];
    oldRSs = all.filter((rs) => rs !== newRS);
  } catch { /* kubectl shows no ReplicaSet lines when the list fails */ }
  return describeDeployment(d, oldRSs, newRSs, events, deps.now);
};

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = parseTime(a.metadata?.creationTimestamp) ?? 0, tb = parseTime(b.metadata?.creationTimestamp) ?? 0;
  return ta === tb ? goCompare(a.metadata?.name ?? '', b.metadata?.name ?? '') : ta - tb;
}

function withoutHash(t: PodTemplateSpec | undefined): unknown {
  if (!t) return t;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b));
}

function rsList(rss: ReplicaSet[]): string {
  const s = rss.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return s || '<none>';
}

export function describeDeployment(d: Deployment, oldRSs: ReplicaSet[], newRSs: ReplicaSet[], events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = d.spec, status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrStringPtr(ru.maxUnavailable)} max unavailable, ${intOrStringPtr(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec?.template, w);
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRSs)}\n`);
    }
    describeEvents(events, w, now);
  });
}

/** (*intstr.IntOrString).String() on a nil pointer prints "<nil>". */
function intOrStringPtr(v: number | string | undefined | null): string {
  return v === undefined || v === null ? '<nil>' : String(v);
}
