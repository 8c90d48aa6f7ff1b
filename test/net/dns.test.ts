import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../src/cluster/rng.js';
import { Network } from '../../src/net/index.js';
import { articleCluster, EKS_PROFILE, KIND_PROFILE, pod, slice, svc, type FakeApi } from './fake-api.js';

function net(api: FakeApi, profile = KIND_PROFILE): Network {
  return new Network({ api, profile, clock: { now: () => Date.UTC(2025, 5, 1, 10, 5, 12) }, rng: new SeededRandom(7) });
}

describe('resolv.conf', () => {
  it('has the namespace search path, the kube-dns nameserver and ndots:5 (kind)', () => {
    expect(net(articleCluster()).dns.resolvConf('default')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
  it('appends the node search domain on EKS and falls back to the 10th service IP', () => {
    const api = articleCluster();
    api.remove('services', 'kube-system', 'kube-dns');
    expect(net(api, EKS_PROFILE).dns.resolvConf('prod')).toBe(
      'search prod.svc.cluster.local svc.cluster.local cluster.local us-east-2.compute.internal\nnameserver 172.20.0.10\noptions ndots:5\n');
  });
});

describe('CoreDNS records', () => {
  const n = net(articleCluster());
  it('A for a ClusterIP Service, authoritative', () => {
    const r = n.dns.query('nginx-svc.default.svc.cluster.local', 'A');
    expect(r.rcode).toBe('NOERROR');
    expect(r.aa).toBe(true);
    expect(r.answer).toEqual([{ name: 'nginx-svc.default.svc.cluster.local.', type: 'A', ttl: 30, data: '10.96.113.142' }]);
  });
  it('CNAME plus the chased A for an ExternalName Service', () => {
    const r = n.dns.query('rtfm-service.default.svc.cluster.local.', 'A');
    expect(r.answer.map((x) => `${x.name} ${x.type} ${x.data}`)).toEqual([
      'rtfm-service.default.svc.cluster.local. CNAME rtfm.co.ua.',
      'rtfm.co.ua. A 139.59.205.180',
    ]);
  });
  it('NXDOMAIN for unknown names, namespaces and other zones', () => {
    expect(n.dns.query('nope.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(n.dns.query('nginx-svc.prod.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(n.dns.query('nope.example.invalid', 'A').rcode).toBe('NXDOMAIN');
    expect(n.dns.query('nginx-svc.default.svc.cluster.local', 'AAAA')).toMatchObject({ rcode: 'NOERROR', answer: [] });
  });
  it('pod A records for any dashed IP (pods insecure)', () => {
    expect(n.dns.query('10-244-0-5.default.pod.cluster.local', 'A').answer[0]!.data).toBe('10.244.0.5');
    expect(n.dns.query('10-244-0.default.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });
  it('SRV for a named port, NXDOMAIN for an unknown one', () => {
    const r = n.dns.query('_web._tcp.external-svc.default.svc.cluster.local', 'SRV');
    expect(r.answer.map((x) => x.data)).toEqual(['0 100 80 external-svc.default.svc.cluster.local.']);
    expect(r.additional[0]!.data).toBe('10.96.45.77');
    expect(n.dns.query('_http._tcp.external-svc.default.svc.cluster.local', 'SRV').rcode).toBe('NXDOMAIN');
  });
  it('PTR for a ClusterIP', () => {
    expect(n.dns.query('142.113.96.10.in-addr.arpa', 'PTR').answer[0]!.data).toBe('nginx-svc.default.svc.cluster.local.');
  });
});

describe('headless Services', () => {
  function headless(publishNotReady = false): Network {
    const api = articleCluster();
    api.add('services', svc('db', { clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'db' }, publishNotReadyAddresses: publishNotReady, ports: [{ name: 'pg', port: 5432, targetPort: 5432 }] }));
    api.add('pods', pod('db-0', '10.244.0.20', { labels: { app: 'db' }, image: 'postgres' }));
    api.add('pods', pod('db-1', '10.244.0.21', { labels: { app: 'db' }, image: 'postgres', ready: false }));
    api.add('endpointslices', slice('db', [
      { ip: '10.244.0.20', hostname: 'db-0', pod: 'db-0' }, { ip: '10.244.0.21', hostname: 'db-1', pod: 'db-1', ready: publishNotReady },
    ], [{ name: 'pg', port: 5432 }]));
    return net(api);
  }
  it('answers ready pod IPs only', () => {
    expect(headless().dns.query('db.default.svc.cluster.local', 'A').answer.map((x) => x.data)).toEqual(['10.244.0.20']);
  });
  it('answers every address with publishNotReadyAddresses', () => {
    expect(headless(true).dns.query('db.default.svc.cluster.local', 'A').answer.map((x) => x.data).sort()).toEqual(['10.244.0.20', '10.244.0.21']);
  });
  it('has per-endpoint hostname records and SRV targets', () => {
    const n = headless();
    expect(n.dns.query('db-0.db.default.svc.cluster.local', 'A').answer[0]!.data).toBe('10.244.0.20');
    expect(n.dns.query('db-1.db.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(n.dns.query('_pg._tcp.db.default.svc.cluster.local', 'SRV').answer.map((x) => x.data)).toEqual(['0 100 5432 db-0.db.default.svc.cluster.local.']);
  });
  it('is NXDOMAIN with no ready endpoint', () => {
    const api = articleCluster();
    api.add('services', svc('empty', { clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'none' } }));
    expect(net(api).dns.query('empty.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });
});

describe('stub resolver (search path, ndots:5)', () => {
  const n = net(articleCluster());
  it('finds a short name at the first search domain', () => {
    const r = n.dns.lookup('nginx-svc', 'default');
    expect(r).toMatchObject({ ok: true, name: 'nginx-svc.default.svc.cluster.local', addresses: ['10.96.113.142'] });
    expect(r.tried).toEqual(['nginx-svc.default.svc.cluster.local.']);
  });
  it('tries every search domain before a 4-dot FQDN itself', () => {
    const r = n.dns.lookup('external-svc.default.svc.cluster.local', 'default');
    expect(r.tried).toEqual([
      'external-svc.default.svc.cluster.local.default.svc.cluster.local.',
      'external-svc.default.svc.cluster.local.svc.cluster.local.',
      'external-svc.default.svc.cluster.local.cluster.local.',
      'external-svc.default.svc.cluster.local.',
    ]);
    expect(r.ok && r.addresses).toEqual(['10.96.45.77']);
  });
  it('resolves `svc.ns` from another namespace, not a bare name', () => {
    expect(n.dns.lookup('nginx-svc', 'prod').ok).toBe(false);
    expect(n.dns.lookup('nginx-svc.default', 'prod')).toMatchObject({ ok: true, addresses: ['10.96.113.142'] });
  });
  it('follows the ExternalName CNAME to the outside address', () => {
    expect(n.dns.lookup('rtfm-service', 'default')).toMatchObject({
      ok: true, canonical: 'rtfm.co.ua', addresses: ['139.59.205.180'],
      cnames: [{ from: 'rtfm-service.default.svc.cluster.local', to: 'rtfm.co.ua' }],
    });
  });
  it('forwards outside names after the cluster suffixes', () => {
    const r = n.dns.lookup('rtfm.co.ua', 'default');
    expect(r.tried.length).toBe(4);
    expect(r).toMatchObject({ ok: true, addresses: ['139.59.205.180'] });
  });
  it('fails with NXDOMAIN after the whole search list', () => {
    expect(n.dns.lookup('nope', 'default')).toEqual({ ok: false, rcode: 'NXDOMAIN', tried: [
      'nope.default.svc.cluster.local.', 'nope.svc.cluster.local.', 'nope.cluster.local.', 'nope.'] });
  });
});
