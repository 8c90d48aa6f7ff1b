/**
 * Table cells per kind, following printers.go, for states the article's fixture does not show:
 * crash loops, init containers, deletion, restarts with their age, load balancers, long endpoint
 * lists, cordoned nodes, jobs, default storage classes, RBAC bindings.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/cluster/api/types.js';
import { buildTable } from '../../src/kubectl/tables/index.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const ago = (s: number): string => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', creationTimestamp: ago(600), ...extra });
const cells = (group: string, plural: string, o: KubeObject): string[] => buildTable({ group, plural }, [o], NOW).rows[0]!.cells;

describe('pod cells', () => {
  const pod = (status: Record<string, unknown>, extra: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): KubeObject => ({
    metadata: meta('p', extra), spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: 'node-1', ...spec }, status,
  });

  it('shows a crash loop with restarts and when the last one ended', () => {
    const c = cells('', 'pods', pod({ phase: 'Running', podIP: '10.0.0.5', containerStatuses: [{ name: 'c', ready: false, restartCount: 3,
      state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(41) } } }] }));
    expect(c.slice(0, 5)).toEqual(['p', '0/1', 'CrashLoopBackOff', '3 (41s ago)', '10m']);
    expect(c.slice(5)).toEqual(['10.0.0.5', 'node-1', '<none>', '<none>']);
  });

  it('shows init progress, then Terminating for a deleted running pod', () => {
    const init = pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i', state: { running: {} }, restartCount: 0 }],
      containerStatuses: [{ name: 'c', state: { waiting: { reason: 'PodInitializing' } } }] }, {}, { initContainers: [{ name: 'i', image: 'busybox' }] });
    expect(cells('', 'pods', init)[2]).toBe('Init:0/1');
    const deleting = pod({ phase: 'Running', containerStatuses: [{ name: 'c', ready: true, state: { running: {} } }] }, { deletionTimestamp: ago(1) });
    expect(cells('', 'pods', deleting).slice(1, 3)).toEqual(['1/1', 'Terminating']);
  });

  it('reports Completed and error exit codes of finished containers', () => {
    expect(cells('', 'pods', pod({ phase: 'Succeeded', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }))[2]).toBe('Completed');
    expect(cells('', 'pods', pod({ phase: 'Failed', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 2 } } }] }))[2]).toBe('ExitCode:2');
  });
});

describe('network cells', () => {
  it('shows <pending> for a LoadBalancer without ingress and node ports in PORT(S)', () => {
    const svc: KubeObject = { metadata: meta('lb'), spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.20'], selector: { app: 'web' },
      ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }] } };
    expect(cells('', 'services', svc)).toEqual(['lb', 'LoadBalancer', '10.96.0.20', '<pending>', '80:31234/TCP', '10m', 'app=web']);
  });

  it('lists three endpoints then + N more..., and leaves not-ready-only subsets empty', () => {
    const ep: KubeObject = { metadata: meta('web'), subsets: [{ addresses: ['1', '2', '3', '4'].map((i) => ({ ip: `10.0.0.${i}` })), ports: [{ port: 80 }] }] };
    expect(cells('', 'endpoints', ep)[1]).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...');
    const notReady: KubeObject = { metadata: meta('web'), subsets: [{ notReadyAddresses: [{ ip: '10.0.0.9' }], ports: [{ port: 80 }] }] };
    expect(cells('', 'endpoints', notReady)[1]).toBe('');
    expect(cells('', 'endpoints', { metadata: meta('none') })[1]).toBe('<none>');
  });

  it('prints EndpointSlice ports and addresses, <unset> when empty', () => {
    const s: KubeObject = { metadata: meta('web-abc'), addressType: 'IPv4', ports: [{ port: 80 }, { name: 'x' }, {}], endpoints: [{ addresses: ['10.0.0.1'] }] };
    expect(cells('discovery.k8s.io', 'endpointslices', s)).toEqual(['web-abc', 'IPv4', '80,x,*', '10.0.0.1', '10m']);
    expect(cells('discovery.k8s.io', 'endpointslices', { metadata: meta('e'), addressType: 'IPv4' }).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });
});

describe('cluster and workload cells', () => {
  it('marks a cordoned control-plane node', () => {
    const node: KubeObject = { metadata: { name: 'n1', creationTimestamp: ago(7200), labels: { 'node-role.kubernetes.io/control-plane': '' } },
      spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.33.1' } } };
    expect(cells('', 'nodes', node).slice(0, 5)).toEqual(['n1', 'Ready,SchedulingDisabled', 'control-plane', '120m', 'v1.33.1']);
  });

  it('shows job completions, duration and status', () => {
    const job: KubeObject = { metadata: meta('pi'), spec: { completions: 1, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } }, selector: { matchLabels: { 'job-name': 'pi' } } },
      status: { succeeded: 1, startTime: ago(100), completionTime: ago(40), conditions: [{ type: 'Complete', status: 'True' }] } };
    expect(cells('batch', 'jobs', job)).toEqual(['pi', 'Complete', '1/1', '60s', '10m', 'pi', 'perl', 'job-name=pi']);
  });

  it('marks the default storage class and fills defaults', () => {
    const sc: KubeObject = { metadata: { name: 'standard', creationTimestamp: ago(60), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' };
    expect(cells('storage.k8s.io', 'storageclasses', sc)).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', 'false', '60s']);
  });

  it('shows a role binding with its subjects in the wide cells', () => {
    const rb: KubeObject = { metadata: meta('rb'), roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'default', namespace: 'dev' }] };
    expect(cells('rbac.authorization.k8s.io', 'rolebindings', rb)).toEqual(['rb', 'ClusterRole/view', '10m', 'jane', '', 'dev/default']);
  });

  it('falls back to NAME and CREATED AT for kinds without a printer', () => {
    const t = buildTable({ group: 'rbac.authorization.k8s.io', plural: 'clusterroles' }, [{ metadata: { name: 'admin', creationTimestamp: ago(5) } }], NOW);
    expect(t.columns.map((c) => c.name)).toEqual(['Name', 'Created At']);
    expect(t.rows[0]!.cells).toEqual(['admin', ago(5)]);
  });
});
