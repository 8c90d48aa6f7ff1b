/**
 * kubectl describe persistentvolume (describe.go describePersistentVolume). Sources modelled:
 * hostPath, nfs, local, csi (others print as kubectl prints an unknown source).
 */
import type { Event, NodeSelectorRequirement, PersistentVolume } from 'kubernetes-types/core/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline, sortedKeys, timestampSince } from './format.js';
import { canonicalQuantity } from './quantity.js';
import { accessModesString } from './pvc.js';

const PVS = { group: '', resource: 'persistentvolumes' };
const MAX_ANNOTATION_LEN = 140;

export const describePersistentVolumeResource: Describer = (deps, _namespace, name, settings) => {
  const pv = deps.api.get(PVS, undefined, name) as unknown as PersistentVolume;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(pv, 'PersistentVolume')) : null;
  return describePersistentVolume(pv, events, deps.now);
};

function printTerm(w: PrefixWriter, title: string, reqs: NodeSelectorRequirement[] | undefined): void {
  w.write(LEVEL_2, `${title}:\t`);
  if (!reqs || reqs.length === 0) { w.writeLine('<none>'); return; }
  reqs.forEach((r, i) => {
    if (i !== 0) w.write(LEVEL_2, '\t');
    let s = `${r.key} ${r.operator.toLowerCase()}`;
    if (r.values && r.values.length > 0) s += ` [${r.values.join(', ')}]`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

export function describePersistentVolume(pv: PersistentVolume, events: Event[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = pv.spec ?? {};
    w.write(LEVEL_0, `Name:\t${pv.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t[${(pv.metadata?.finalizers ?? []).join(' ')}]\n`);
    w.write(LEVEL_0, `StorageClass:\t${pv.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName ?? ''}\n`);
    if (pv.metadata?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(pv.metadata.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${canonicalQuantity(spec.capacity?.storage ?? 0)}\n`);
    w.write(LEVEL_0, 'Node Affinity:\t');
    const req = spec.nodeAffinity?.required;
    if (!req) w.writeLine('<none>');
    else {
      w.writeLine('');
      w.write(LEVEL_1, 'Required Terms:\t');
      if ((req.nodeSelectorTerms ?? []).length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        req.nodeSelectorTerms.forEach((t, i) => printTerm(w, `Term ${i}`, t.matchExpressions));
      }
    }
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    if (spec.hostPath) {
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`);
    } else if (spec.nfs) {
      w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`);
    } else if (spec.local) {
      w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
    } else if (spec.csi) {
      const c = spec.csi;
      w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${c.driver}\n    FSType:\t${c.fsType ?? ''}\n    VolumeHandle:\t${c.volumeHandle}\n    ReadOnly:\t${c.readOnly === true}\n`);
      w.write(LEVEL_2, 'VolumeAttributes:\t');
      const keys = sortedKeys(c.volumeAttributes);
      if (keys.length === 0) w.writeLine('<none>');
      keys.forEach((k, i) => {
        if (i !== 0) { w.write(LEVEL_2, ''); w.write(LEVEL_2, '\t'); }
        const line = `${k}=${c.volumeAttributes![k]}`;
        w.write(LEVEL_2, line.length > MAX_ANNOTATION_LEN ? `${line.slice(0, MAX_ANNOTATION_LEN)}...\n` : `${line}\n`);
      });
    } else {
      w.write(LEVEL_1, '<unknown>\n');
    }
    describeEvents(events, w, now);
  });
}
