/** kubectl describe daemonset (describe.go DaemonSetDescriber, describeDaemonSet). */
import type { Event } from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline, selectorString } from './format.js';
import { describePodTemplate } from './containers.js';
import { podStatusForController, type PodCounts } from './workload-pods.js';

const DAEMONSETS = { group: 'apps', resource: 'daemonsets' };

export const describeDaemonSetResource: Describer = (deps, namespace, name, settings) => {
  const ds = deps.api.get(DAEMONSETS, namespace, name) as unknown as DaemonSet;
  const counts = podStatusForController(deps.api, namespace, ds.spec?.selector, ds.metadata?.uid);
  const events = settings.showEvents ? searchEvents(deps.api, refFor(ds, 'DaemonSet')) : null;
  return describeDaemonSet(ds, events, counts, deps.now);
};

export function describeDaemonSet(ds: DaemonSet, events: Event[] | null, c: PodCounts, now: number): string {
  return tabbedString((w) => {
    const st = ds.status;
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
    describePodTemplate(ds.spec?.template, w);
    describeEvents(events, w, now);
  });
}
