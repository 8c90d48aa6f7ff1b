/** kubectl describe replicationcontroller (describe.go ReplicationControllerDescriber). */
import type { Event, ReplicationController } from 'kubernetes-types/core/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { describePodTemplate } from './containers.js';
import { podStatusForController, type PodCounts } from './workload-pods.js';

const RCS = { group: '', resource: 'replicationcontrollers' };

export const describeReplicationControllerResource: Describer = (deps, namespace, name, settings) => {
  const rc = deps.api.get(RCS, namespace, name) as unknown as ReplicationController;
  // labels.SelectorFromSet: an empty set selects everything.
  const counts = podStatusForController(deps.api, namespace, { matchLabels: rc.spec?.selector ?? {} }, rc.metadata?.uid);
  const events = settings.showEvents ? searchEvents(deps.api, refFor(rc, 'ReplicationController')) : null;
  return describeReplicationController(rc, events, counts, deps.now);
};

export function describeReplicationController(rc: ReplicationController, events: Event[] | null, c: PodCounts, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
    describePodTemplate(rc.spec?.template, w);
    const conds = rc.status?.conditions ?? [];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const cd of conds) w.write(LEVEL_1, `${cd.type} \t${cd.status}\t${cd.reason ?? ''}\n`);
    }
    describeEvents(events, w, now);
  });
}
