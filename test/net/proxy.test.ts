import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/cluster/rng.js';
import { Network } from '../../src/net/index.js';
import { articleCluster, KIND_PROFILE, slice, svc, type FakeApi } from './fake-api.js';

let now = Date.UTC(2025, 5, 1, 10, 5, 12);
function net(api: FakeApi, seed = 1): Network {
  return new Network({ api, profile: KIND_PROFILE, clock: { now: () => now }, rng: new SeededRandom(seed) });
}
const client = { ip: '10.244.0.9', namespace: 'default', pod: 'ubuntu' };

describe('kube-proxy routing', () => {
  it('spreads connections to a ClusterIP over every ready endpoint, at random', () => {
    const n = net(articleCluster());
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = n.proxy.route(client.ip, '10.96.113.142', 80);
      if (r.kind === 'dnat') seen.push(r.ip);
    }
    expect(seen.length).toBe(30);
    expect(new Set(seen)).toEqual(new Set(['10.244.0.5', '10.244.0.6', '10.244.0.7']));
    // Random, not round-robin: some consecutive pair repeats.
    expect(seen.some((ip, i) => i > 0 && seen[i - 1] === ip)).toBe(true);
  });

  it('resolves targetPort through the slice port (named container port)', () => {
    const api = articleCluster();
    api.add('services', svc('web', { clusterIP: '10.96.7.7', clusterIPs: ['10.96.7.7'], selector: { app: 'nginx' }, ports: [{ name: 'http', port: 8080, targetPort: 'web' }] }));
    api.add('endpointslices', slice('web', [{ ip: '10.244.0.5' }], [{ name: 'http', port: 80 }]));
    expect(net(api).proxy.route(client.ip, '10.96.7.7', 8080)).toMatchObject({ kind: 'dnat', ip: '10.244.0.5', port: 80 });
  });

  it('rejects a Service with no endpoints and drops a port it does not define', () => {
    const api = articleCluster();
    api.add('services', svc('lonely', { clusterIP: '10.96.9.9', clusterIPs: ['10.96.9.9'], selector: { app: 'x' }, ports: [{ port: 80, targetPort: 80 }] }));
    const n = net(api);
    expect(n.proxy.route(client.ip, '10.96.9.9', 80)).toEqual({ kind: 'reject', service: 'default/lonely' });
    expect(n.proxy.route(client.ip, '10.96.113.142', 8080)).toEqual({ kind: 'drop' });
    expect(n.proxy.route(client.ip, '10.244.0.5', 80)).toEqual({ kind: 'direct' });
  });

  it('connect(): refused at once, timeout after ~130 s, open to nginx', () => {
    const api = articleCluster();
    api.add('services', svc('lonely', { clusterIP: '10.96.9.9', clusterIPs: ['10.96.9.9'], selector: { app: 'x' }, ports: [{ port: 80, targetPort: 80 }] }));
    const n = net(api);
    expect(n.connect(client, '10.96.9.9', 80).kind).toBe('refused');
    const t = n.connect(client, '10.96.113.142', 8080);
    expect(t.kind).toBe('timeout');
    expect(t.kind === 'timeout' && t.afterMs).toBeGreaterThan(128000);
    const o = n.connect(client, '10.96.113.142', 80);
    expect(o.kind).toBe('open');
    // A pod IP without a listener on that port answers RST.
    expect(n.connect(client, '10.244.0.5', 81).kind).toBe('refused');
  });

  it('routes hand-written Endpoints to the internet site', () => {
    const n = net(articleCluster());
    const c = n.connect(client, '10.96.45.77', 80);
    expect(c.kind === 'open' && c.peer.ip).toBe('139.59.205.180');
  });

  it('keeps one endpoint per client with sessionAffinity ClientIP, until the timeout', () => {
    const api = articleCluster();
    api.add('services', svc('sticky', { clusterIP: '10.96.8.8', clusterIPs: ['10.96.8.8'], selector: { app: 'nginx' }, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }, ports: [{ port: 80, targetPort: 80 }] }));
    api.add('endpointslices', slice('sticky', [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }, { ip: '10.244.0.7' }], [{ port: 80 }]));
    const n = net(api, 3);
    const first = n.proxy.route(client.ip, '10.96.8.8', 80);
    for (let i = 0; i < 10; i++) expect(n.proxy.route(client.ip, '10.96.8.8', 80)).toEqual(first);
    now += 61_000;
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) { now += 61_000; const r = n.proxy.route(client.ip, '10.96.8.8', 80); if (r.kind === 'dnat') seen.add(r.ip); }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('ping: pods answer, ClusterIPs do not', () => {
    const n = net(articleCluster());
    expect(n.ping(client, '10.244.0.5').reply).toBe(true);
    expect(n.ping(client, '10.96.113.142').reply).toBe(false);
  });
});
