import { describe, expect, it } from 'vitest';
import { apiError, newServer, SERVICES } from './helpers.js';
import type { KubeObject } from '../../../src/cluster/api/types.js';

const svc = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
type Spec = Record<string, unknown> & { ports: Record<string, unknown>[] };

describe('service defaulting and allocation', () => {
  it('defaults a ClusterIP service like a stored real one', () => {
    const { api } = newServer();
    const s = api.create(SERVICES, 'default', svc('nginx-svc', { selector: { app: 'nginx' }, ports: [{ port: 80 }] }));
    const spec = s.spec as Spec;
    expect(spec).toMatchObject({
      type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
    expect(s.status).toEqual({ loadBalancer: {} });
    // KEP-3070: dynamic addresses come from above the reserved low band (first 256 of a /16).
    const last2 = (spec.clusterIP as string).split('.').slice(2).map(Number);
    expect(last2[0]! * 256 + last2[1]!).toBeGreaterThan(256);
  });

  it('honours a requested clusterIP and refuses one in use or out of range', () => {
    const { api } = newServer();
    api.create(SERVICES, 'default', svc('kubernetes', { clusterIP: '10.96.0.1', ports: [{ port: 443 }] }));
    const e = apiError(() => api.create(SERVICES, 'default', svc('x', { clusterIP: '10.96.0.1', ports: [{ port: 80 }] })));
    expect(e.message).toBe('Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.1"]: failed to allocate IP 10.96.0.1: provided IP is already allocated');
    const o = apiError(() => api.create(SERVICES, 'default', svc('y', { clusterIP: '10.0.0.1', ports: [{ port: 80 }] })));
    expect(o.message).toBe('Service "y" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.1"]: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/16');
  });

  it('allocates node ports above the static band and sets externalTrafficPolicy', () => {
    const { api } = newServer();
    const s = api.create(SERVICES, 'default', svc('np', { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    const spec = s.spec as Spec;
    expect(spec.externalTrafficPolicy).toBe('Cluster');
    const np = spec.ports[0]!.nodePort as number;
    expect(np).toBeGreaterThanOrEqual(30086);
    expect(np).toBeLessThanOrEqual(32767);
    const taken = apiError(() => api.create(SERVICES, 'default', svc('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: np }] })));
    expect(taken.message).toBe(`Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: ${np}: provided port is already allocated`);
  });

  it('gives LoadBalancer services node ports and an empty status', () => {
    const { api } = newServer();
    const s = api.create(SERVICES, 'default', svc('lb', { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    expect(s.spec).toMatchObject({ allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' });
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('handles headless and ExternalName services', () => {
    const { api } = newServer();
    const h = api.create(SERVICES, 'default', svc('h', { clusterIP: 'None', selector: { app: 'x' }, ports: [{ port: 80 }] })).spec as Spec;
    expect(h).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    const hs = api.create(SERVICES, 'default', svc('hs', { clusterIP: 'None' })).spec as Spec;
    expect(hs).toMatchObject({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' });
    const en = api.create(SERVICES, 'default', svc('ext', { type: 'ExternalName', externalName: 'example.com' })).spec as Spec;
    expect(en).toEqual({ type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' });
  });

  it('frees nothing and stores nothing when validation fails', () => {
    const { api } = newServer();
    apiError(() => api.create(SERVICES, 'default', svc('bad', { type: 'Nope', ports: [{ port: 80 }] })));
    expect(api.list(SERVICES, 'default').items).toHaveLength(0);
  });

  it('keeps allocated values on update when the client omits them', () => {
    const { api } = newServer();
    const s = api.create(SERVICES, 'default', svc('s', { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    const u = api.update(SERVICES, 'default', svc('s', { type: 'NodePort', selector: { app: 'y' }, ports: [{ port: 80 }] }));
    expect((u.spec as Spec).clusterIP).toBe((s.spec as Spec).clusterIP);
    expect((u.spec as Spec).ports[0]!.nodePort).toBe((s.spec as Spec).ports[0]!.nodePort);
  });
});

describe('service validation', () => {
  it('uses the DNS-1035 message for names', () => {
    const { api } = newServer();
    expect(apiError(() => api.create(SERVICES, 'default', svc('Nginx_Svc', { ports: [{ port: 80, targetPort: 80 }] }))).message)
      .toBe(`Service "Nginx_Svc" is invalid: metadata.name: Invalid value: "Nginx_Svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`);
  });

  it('takes port names as DNS-1123 labels (kubectl create service names them 80-80)', () => {
    const { api } = newServer();
    const s = api.create(SERVICES, 'default', svc('digits', { selector: { app: 'x' }, ports: [{ name: '80-80', port: 80, targetPort: 80 }] }));
    expect((s.spec as Spec).ports[0]!.name).toBe('80-80');
    expect(apiError(() => api.create(SERVICES, 'default', svc('bad', { ports: [{ name: 'Web_1', port: 80 }] }))).message)
      .toBe(`Service "bad" is invalid: spec.ports[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`);
  });

  it('checks ports', () => {
    const { api } = newServer();
    expect(apiError(() => api.create(SERVICES, 'default', svc('x', { ports: [{ port: 0, targetPort: 80 }] }))).message)
      .toBe('Service "x" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive');
    expect(apiError(() => api.create(SERVICES, 'default', svc('x', { ports: [{ port: 80 }, { port: 81 }] }))).message)
      .toBe('Service "x" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]');
    expect(apiError(() => api.create(SERVICES, 'default', svc('x', {}))).message)
      .toBe('Service "x" is invalid: spec.ports: Required value');
    expect(apiError(() => api.create(SERVICES, 'default', svc('x', { ports: [{ port: 80, protocol: 'HTTP' }] }))).message)
      .toBe('Service "x" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"');
    expect(apiError(() => api.create(SERVICES, 'default', svc('x', { ports: [{ port: 80, nodePort: 30001 }] }))).message)
      .toBe("Service \"x\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    expect(apiError(() => api.create(SERVICES, 'default', svc('x', { type: 'ExternalName' }))).message)
      .toBe('Service "x" is invalid: spec.externalName: Required value');
  });
});

describe('IPAddress objects', () => {
  it('record each allocated ClusterIP and go with the Service', () => {
    const { api } = newServer();
    const IPS = { group: 'networking.k8s.io', resource: 'ipaddresses' };
    const s = api.create(SERVICES, 'default', svc('web', { selector: { app: 'x' }, ports: [{ port: 80 }] }));
    const ip = (s.spec as Spec).clusterIP as string;
    expect(api.get(IPS, undefined, ip)).toMatchObject({
      kind: 'IPAddress',
      metadata: { name: ip, labels: { 'ipaddress.kubernetes.io/ip-family': 'IPv4', 'ipaddress.kubernetes.io/managed-by': 'ipallocator.k8s.io' } },
      spec: { parentRef: { group: '', resource: 'services', namespace: 'default', name: 'web' } },
    });
    api.create(SERVICES, 'default', svc('dry', { ports: [{ port: 80 }] }), { dryRun: true });
    expect(api.list(IPS, undefined).items).toHaveLength(1);
    api.delete(SERVICES, 'default', 'web');
    expect(api.list(IPS, undefined).items).toHaveLength(0);
  });
});

describe('service type changes', () => {
  it('drop what the old type needed when the client leaves it alone', () => {
    const { api } = newServer();
    api.create(SERVICES, 'default', svc('s', { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    const c = api.patch(SERVICES, 'default', 's', 'strategic', { spec: { type: 'ClusterIP' } }).spec as Spec;
    expect(c.ports[0]!.nodePort).toBeUndefined();
    expect(c.externalTrafficPolicy).toBeUndefined();
    const e = api.patch(SERVICES, 'default', 's', 'strategic', { spec: { type: 'ExternalName', externalName: 'example.com' } }).spec as Spec;
    expect(e.clusterIP).toBeUndefined();
    expect(e.ipFamilies).toBeUndefined();
    expect(api.list({ group: 'networking.k8s.io', resource: 'ipaddresses' }, undefined).items).toHaveLength(0);
    const back = api.patch(SERVICES, 'default', 's', 'merge', { spec: { type: 'ClusterIP', externalName: null } }).spec as Spec;
    expect(back.clusterIP).toMatch(/^10\.96\./);
  });
});
