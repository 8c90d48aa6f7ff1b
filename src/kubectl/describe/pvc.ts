/** kubectl describe persistentvolumeclaim (describe.go PersistentVolumeClaimDescriber, getPodsForPVC). */
import type { Event, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatRFC1123Z, printAnnotationsMultiline, printLabelsMultiline, timestampSince } from './format.js';
import { canonicalQuantity } from './quantity.js';
import { goSort } from '../gosort.js';

const PVCS = { group: '', resource: 'persistentvolumeclaims' };
const PODS = { group: '', resource: 'pods' };

export const describePersistentVolumeClaimResource: Describer = (deps, namespace, name, settings) => {
  const pvc = deps.api.get(PVCS, namespace, name) as unknown as PersistentVolumeClaim;
  const all = deps.api.list(PODS, namespace).items as unknown as Pod[];
  const pods: Pod[] = [];
  for (const p of all) for (const v of p.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === name) pods.push(p);
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = all.find((p) => p.metadata?.uid === ref.uid);
    if (owner && !pods.some((p) => p.metadata?.uid === owner.metadata?.uid)) pods.push(owner);
  }
  const events = settings.showEvents ? searchEvents(deps.api, refFor(pvc, 'PersistentVolumeClaim')) : null;
  return describePersistentVolumeClaim(pvc, pods, events, deps.now);
};

/** storageutil.GetAccessModesAsString. */
export function accessModesString(modes: string[] | undefined): string {
  const m = new Set(modes ?? []);
  return [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']]
    .filter(([k]) => m.has(k!)).map(([, v]) => v).join(',');
}

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
}

export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, pods: Pod[], events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = pvc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
    if (pvc.metadata?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(pvc.metadata.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t[${(pvc.metadata?.finalizers ?? []).join(' ')}]\n`);
    let capacity = '', modes = '';
    if (spec.volumeName) {
      modes = accessModesString(pvc.status?.accessModes);
      const cap = pvc.status?.capacity?.storage;
      capacity = cap !== undefined ? canonicalQuantity(cap) : '0';
    }
    w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
    w.write(LEVEL_0, `Access Modes:\t${modes}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    if (spec.dataSource) {
      w.write(LEVEL_0, 'DataSource:\n');
      if (spec.dataSource.apiGroup !== undefined && spec.dataSource.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind}\n`);
      w.write(LEVEL_1, `Name:\t${spec.dataSource.name}\n`);
    }
    w.write(LEVEL_0, 'Used By:\t');
    if (pods.length === 0) w.writeLine('<none>');
    else {
      goSort([...pods], (a, b) => (a.metadata?.name ?? '') < (b.metadata?.name ?? '')).forEach((p, i) => {
        if (i !== 0) w.write(LEVEL_0, '\t');
        w.write(LEVEL_0, `${p.metadata?.name ?? ''}\n`);
      });
    }
    const conds = pvc.status?.conditions ?? [];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastProbeTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
    describeEvents(events, w, now);
  });
}
