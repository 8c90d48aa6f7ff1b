/**
 * Describers of cluster configuration kinds: PriorityClass, StorageClass, RoleBinding,
 * ClusterRoleBinding (describe.go describePriorityClass, describeStorageClass, RoleBindingDescriber,
 * ClusterRoleBindingDescriber). Written from the source; fakeapi does not serve these kinds.
 */
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ClusterRoleBinding, RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Describer } from './describer.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';
import { describeEvents, refFor, searchEvents } from './events.js';
import { formatLabels, printAnnotationsMultiline, printLabelsMultiline } from './format.js';

export const describePriorityClassResource: Describer = (deps, _namespace, name, settings) => {
  const pc = deps.api.get({ group: 'scheduling.k8s.io', resource: 'priorityclasses' }, undefined, name) as unknown as PriorityClass;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(pc, 'PriorityClass')) : null;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`);
    describeEvents(events, w, deps.now);
  });
};

export const describeStorageClassResource: Describer = (deps, _namespace, name, settings) => {
  const sc = deps.api.get({ group: 'storage.k8s.io', resource: 'storageclasses' }, undefined, name) as unknown as StorageClass;
  const events = settings.showEvents ? searchEvents(deps.api, refFor(sc, 'StorageClass')) : null;
  return tabbedString((w) => {
    const ann = sc.metadata?.annotations ?? {};
    const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined || sc.allowVolumeExpansion === null ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
    if (!sc.mountOptions || sc.mountOptions.length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else { w.write(LEVEL_0, 'MountOptions:\n'); for (const o of sc.mountOptions) w.write(LEVEL_1, `${o}\n`); }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (sc.allowedTopologies.length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs = term.matchLabelExpressions ?? [];
          if (reqs.length === 0) { w.writeLine('<none>'); return; }
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            w.write(LEVEL_0, `${r.key} in${r.values.length > 0 ? ` [${r.values.join(', ')}]` : ''}\n`);
          });
        });
      }
    }
    describeEvents(events, w, deps.now);
  });
};

function describeBinding(b: RoleBinding | ClusterRoleBinding): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${b.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', b.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', b.metadata?.annotations);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  });
}

export const describeRoleBindingResource: Describer = (deps, namespace, name) =>
  describeBinding(deps.api.get({ group: 'rbac.authorization.k8s.io', resource: 'rolebindings' }, namespace, name) as unknown as RoleBinding);

export const describeClusterRoleBindingResource: Describer = (deps, _namespace, name) =>
  describeBinding(deps.api.get({ group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' }, undefined, name) as unknown as ClusterRoleBinding);
