/**
 * Cluster benchmark: 5,000 pods (1,000 Deployments × 5) behind 1,000 Services on a 50-node
 * cluster; time and heap to create and settle, one idle reconcile pass, API throughput.
 * Run: npx tsx bench/cluster.ts (the lead wires it into `npm run bench`).
 */
import { Cluster } from '../src/cluster/cluster.js';
import type { ClusterProfile, NodeProfile } from '../src/cluster/profile.js';
import { getProfile } from '../src/cluster/profiles/index.js';

function benchProfile(nodes: number): ClusterProfile {
  const base = getProfile('kind');
  const tpl = base.nodes[0]!;
  const list: NodeProfile[] = Array.from({ length: nodes }, (_v, i) => {
    const name = i === 0 ? 'kind-control-plane' : `kind-worker${i === 1 ? '' : i}`;
    return { ...structuredClone(tpl), name, hostname: name, internalIP: `172.18.${Math.floor((i + 2) / 256)}.${(i + 2) % 256}`, podCIDR: `10.244.${i}.0/24`,
      roles: i === 0 ? ['control-plane'] : [], labels: { ...tpl.labels, 'kubernetes.io/hostname': name } };
  });
  return { ...base, id: 'bench', nodes: list, clusterAgeSeconds: 60 };
}

const heapMB = () => process.memoryUsage().heapUsed / 1048576;
const gc = (globalThis as { gc?: () => void }).gc;

export async function benchCluster(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  gc?.();
  const heap0 = heapMB();
  let t = performance.now();
  const c = new Cluster({ seed: 1, startTime: Date.parse('2025-06-01T10:00:00Z'), profile: benchProfile(50) });
  out['bootstrap 50 nodes (ms)'] = Math.round(performance.now() - t);

  const SERVICES = 1000, PER = 5;
  t = performance.now();
  for (let i = 0; i < SERVICES; i++) {
    const labels = { app: `app-${i}` };
    c.api.create({ group: 'apps', resource: 'deployments' }, 'default', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `web-${i}` },
      spec: { replicas: PER, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ name: 'web', containerPort: 80 }] }] } } } });
    c.api.create({ group: '', resource: 'services' }, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}` }, spec: { selector: labels, ports: [{ port: 80, targetPort: 'web' }] } });
  }
  const tCreate = performance.now() - t;
  c.advance(120_000);
  const tAll = performance.now() - t;
  const pods = c.api.list({ group: '', resource: 'pods' }, 'default').items;
  const running = pods.filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').length;
  const eps = c.api.list({ group: '', resource: 'endpoints' }, 'default').items
    .reduce((s, e) => s + (((e as { subsets?: { addresses?: unknown[] }[] }).subsets ?? [])[0]?.addresses?.length ?? 0), 0);
  gc?.();
  out['pods running'] = running;
  out['ready endpoint addresses'] = eps;
  out['create 1000 deploy+svc via API (ms)'] = Math.round(tCreate);
  out['create + settle 5000 pods / 1000 svcs (ms)'] = Math.round(tAll);
  out['heap after settle (MB)'] = Math.round(heapMB() - heap0);

  t = performance.now();
  const rounds = c.resyncAll();
  out['idle reconcile pass, all controllers (ms)'] = Math.round(performance.now() - t);
  out['idle reconcile rounds'] = rounds;
  t = performance.now();
  c.advance(60_000);
  out['advance 60s idle (ms)'] = Math.round(performance.now() - t);

  const N = 2000;
  c.api.create({ group: '', resource: 'namespaces' }, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } });
  t = performance.now();
  for (let i = 0; i < N; i++) c.api.create({ group: '', resource: 'configmaps' }, 'bench', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { k: 'v' } });
  out['API create (ops/s)'] = Math.round(N / ((performance.now() - t) / 1000));
  t = performance.now();
  const L = 20;
  for (let i = 0; i < L; i++) c.api.list({ group: '', resource: 'pods' }, 'default');
  out['API list 5000 pods (ms/list)'] = Math.round((performance.now() - t) / L);
  t = performance.now();
  for (let i = 0; i < 200; i++) c.api.list({ group: '', resource: 'pods' }, 'default', { labelSelector: `app=app-${i}` });
  out['API list by label selector (ms/list)'] = +((performance.now() - t) / 200).toFixed(2);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchCluster().then((r) => { for (const [k, v] of Object.entries(r)) console.log(`${k.padEnd(48)} ${v}`); });
}
