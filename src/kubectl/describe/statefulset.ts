/** kubectl describe statefulset (describe.go StatefulSetDescriber, describeStatefulSet). */
import type { Event } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatRFC1123Z, printAnnotationsMultiline, printLabelsMultiline, selectorString } from './format.js';
import { describePodTemplate } from './containers.js';
import { podStatusForController, type PodCounts } from './workload-pods.js';
import { canonicalQuantity } from './quantity.js';

const STATEFULSETS = { group: 'apps', resource: 'statefulsets' };

export const describeStatefulSetResource: Describer = (deps, namespace, name, settings) => {
  const ss = deps.api.get(STATEFULSETS, namespace, name) as unknown as StatefulSet;
  const counts = podStatusForController(deps.api, namespace, ss.spec?.selector, ss.metadata?.uid);
  const events = settings.showEvents ? searchEvents(deps.api, refFor(ss, 'StatefulSet')) : null;
  return describeStatefulSet(ss, events, counts, deps.now);
};

function describeVolumeClaimTemplates(templates: NonNullable<StatefulSet['spec']>['volumeClaimTemplates'], w: PrefixWriter): void {
  if (!templates || templates.length === 0) { w.write(LEVEL_0, 'Volume Claims:\t<none>\n'); return; }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    // storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over the field.
    const cls = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
    w.write(LEVEL_1, `StorageClass:\t${cls}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? canonicalQuantity(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeStatefulSet(ss: StatefulSet, events: Event[] | null, counts: PodCounts, now: number): string {
  return tabbedString((w) => {
    const spec = ss.spec;
    w.write(LEVEL_0, `Name:\t${ss.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(ss.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec?.updateStrategy?.type ?? ''}\n`);
    const ru = spec?.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`);
    describePodTemplate(spec?.template, w);
    describeVolumeClaimTemplates(spec?.volumeClaimTemplates, w);
    describeEvents(events, w, now);
  });
}
