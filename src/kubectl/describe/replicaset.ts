/** kubectl describe replicaset (describe.go ReplicaSetDescriber, describeReplicaSet). */
import type { Event } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { controllerOf, formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { describePodTemplate } from './containers.js';
import { podStatusForController, type PodCounts } from './workload-pods.js';
import { messageOf } from './errors-text.js';

const REPLICASETS = { group: 'apps', resource: 'replicasets' };

export const describeReplicaSetResource: Describer = (deps, namespace, name, settings) => {
  const rs = deps.api.get(REPLICASETS, namespace, name) as unknown as ReplicaSet;
  let counts: PodCounts | string;
  try { counts = podStatusForController(deps.api, namespace, rs.spec?.selector, rs.metadata?.uid); }
  catch (err) { counts = messageOf(err); }
  const events = settings.showEvents ? searchEvents(deps.api, refFor(rs, 'ReplicaSet')) : null;
  return describeReplicaSet(rs, events, counts, deps.now);
};

export function describeReplicaSet(rs: ReplicaSet, events: Event[] | null, counts: PodCounts | string, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const controlledBy = controllerOf(rs.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    if (typeof counts === 'string') w.write(LEVEL_0, `error in fetching pods: ${counts}\n`);
    else w.write(LEVEL_0, `${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`);
    describePodTemplate(rs.spec?.template, w);
    const conds = rs.status?.conditions ?? [];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    describeEvents(events, w, now);
  });
}
