/**
 * Describers for kinds fakeapi cannot serve (so no real-kubectl oracle): expected text written
 * from describe.go's format strings and the tabwriter rules the oracle tests verify elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { apiWithObjects, runKubelab } from '../../oracle/objects.js';

const NOW = Date.parse('2026-03-13T09:00:00Z');
const api = apiWithObjects([
  { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high', uid: 'u1', annotations: { b: '2', a: '1' } },
    value: 1000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority', description: 'important pods' },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard', uid: 'u2', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'read-pods', namespace: 'default', uid: 'u3' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
    subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'builder', namespace: 'default' }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader', namespace: 'default', uid: 'u4' },
    rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list'] }, { apiGroups: [''], resources: ['pods'], verbs: ['watch', 'get'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web', 'api'], verbs: ['get'] }] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'viewer', uid: 'u5' },
    rules: [{ nonResourceURLs: ['/healthz', '/version'], verbs: ['get'] }, { apiGroups: ['*'], resources: ['*'], verbs: ['list'] }] },
]);

describe('describe of cluster configuration kinds', () => {
  it('Role: rules broken down per resource and verb, merged again, sorted by their String()', async () => {
    const r = await runKubelab(['describe', 'role', 'pod-reader'], api, NOW);
    expect(r.stdout).toBe([
      'Name:         pod-reader',
      'Labels:       <none>',
      'Annotations:  <none>',
      'PolicyRule:',
      '  Resources         Non-Resource URLs  Resource Names  Verbs',
      '  ---------         -----------------  --------------  -----',
      // The sort key starts with the verbs: "[get list " sorts before "[get]" (' ' < ']').
      '  pods              []                 []              [get list watch]',
      '  pods/log          []                 []              [get list]',
      '  deployments.apps  []                 [api]           [get]',
      '  deployments.apps  []                 [web]           [get]', ''].join('\n'));
  });
  it('ClusterRole with non-resource URLs', async () => {
    const r = await runKubelab(['describe', 'clusterrole', 'viewer'], api, NOW);
    expect(r.stdout).toBe([
      'Name:         viewer',
      'Labels:       <none>',
      'Annotations:  <none>',
      'PolicyRule:',
      '  Resources  Non-Resource URLs  Resource Names  Verbs',
      '  ---------  -----------------  --------------  -----',
      '             [/healthz]         []              [get]',
      '             [/version]         []              [get]',
      '  *.*        []                 []              [list]', ''].join('\n'));
  });
  it('PriorityClass', async () => {
    const r = await runKubelab(['describe', 'priorityclass', 'high'], api, NOW);
    expect(r.stdout).toBe([
      'Name:              high',
      'Value:             1000',
      'GlobalDefault:     false',
      'PreemptionPolicy:  PreemptLowerPriority',
      'Description:       important pods',
      'Annotations:       a=1,b=2',
      'Events:            <none>', ''].join('\n'));
  });
  it('StorageClass', async () => {
    const r = await runKubelab(['describe', 'sc', 'standard'], api, NOW);
    expect(r.stdout).toBe([
      'Name:                  standard',
      'IsDefaultClass:        Yes',
      'Annotations:           storageclass.kubernetes.io/is-default-class=true',
      'Provisioner:           rancher.io/local-path',
      'Parameters:            <none>',
      'AllowVolumeExpansion:  <unset>',
      'MountOptions:          <none>',
      'ReclaimPolicy:         Delete',
      'VolumeBindingMode:     WaitForFirstConsumer',
      'Events:                <none>', ''].join('\n'));
  });
  it('RoleBinding', async () => {
    const r = await runKubelab(['describe', 'rolebinding', 'read-pods'], api, NOW);
    expect(r.stdout).toBe([
      'Name:         read-pods',
      'Labels:       <none>',
      'Annotations:  <none>',
      'Role:',
      '  Kind:  Role',
      '  Name:  pod-reader',
      'Subjects:',
      '  Kind            Name     Namespace',
      '  ----            ----     ---------',
      '  User            jane     ',
      '  ServiceAccount  builder  default', ''].join('\n'));
  });
});
