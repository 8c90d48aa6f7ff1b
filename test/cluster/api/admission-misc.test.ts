import { describe, expect, it } from 'vitest';
import { apiError, newServer, PODS } from './helpers.js';
import { cronScheduleError } from '../../../src/cluster/api/admission/job.js';

const CRONJOBS = { group: 'batch', resource: 'cronjobs' };
const INGRESSES = { group: 'networking.k8s.io', resource: 'ingresses' };
const withResources = (resources: unknown) => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', resources }] } });

describe('container resources', () => {
  it('compare requests with limits and default requests from limits', () => {
    const { api } = newServer();
    expect(apiError(() => api.create(PODS, 'default', withResources({ limits: { cpu: '1' }, requests: { cpu: '2' } }))).message)
      .toBe('Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1');
    const p = api.create(PODS, 'default', withResources({ limits: { cpu: '500m', memory: '128Mi' } }));
    expect((p.spec as { containers: { resources: unknown }[] }).containers[0]!.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('reject malformed quantities while decoding', () => {
    const { api } = newServer();
    expect(apiError(() => api.create(PODS, 'default', withResources({ limits: { memory: '1GB' } }))).message)
      .toBe("Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(apiError(() => api.create(PODS, 'default', withResources({ limits: { memory: '1GG' } }))).message)
      .toBe("Pod in version \"v1\" cannot be handled as a Pod: unable to parse quantity's suffix");
  });
});

describe('cron schedules', () => {
  it('explain bad schedules as robfig/cron does', () => {
    expect(cronScheduleError('*/5 * * * *')).toBeUndefined();
    expect(cronScheduleError('@hourly')).toBeUndefined();
    expect(cronScheduleError('bad')).toBe('expected exactly 5 fields, found 1: [bad]');
    expect(cronScheduleError('61 * * * *')).toBe('end of range (61) above maximum (59): 61');
    const { api } = newServer();
    const e = apiError(() => api.create(CRONJOBS, 'default', {
      metadata: { name: 'c' },
      spec: { schedule: '* * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } },
    }));
    expect(e.message).toBe('CronJob.batch "c" is invalid: spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]');
  });
});

describe('ingresses', () => {
  it('require pathType', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(INGRESSES, 'default', {
      metadata: { name: 'i' },
      spec: { rules: [{ host: 'example.com', http: { paths: [{ path: '/', backend: { service: { name: 's', port: { number: 80 } } } }] } }] },
    }));
    expect(e.message).toBe('Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
  });
});

describe('other kinds', () => {
  it('default HPA metrics, NetworkPolicy types and PVC volume mode; check node taints', () => {
    const { api } = newServer();
    const hpa = api.create({ group: 'autoscaling', resource: 'horizontalpodautoscalers' }, 'default', {
      metadata: { name: 'h' }, spec: { maxReplicas: 3, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } },
    });
    expect(hpa.spec).toMatchObject({ minReplicas: 1, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] });
    const np = api.create({ group: 'networking.k8s.io', resource: 'networkpolicies' }, 'default', { metadata: { name: 'n' }, spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] } });
    expect(np.spec).toEqual({ podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: 'TCP' }] }], policyTypes: ['Ingress'] });
    const pvc = api.create({ group: '', resource: 'persistentvolumeclaims' }, 'default', { metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    expect(pvc).toMatchObject({ spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    const NODES = { group: '', resource: 'nodes' };
    api.create(NODES, undefined, { metadata: { name: 'n1' } });
    expect(apiError(() => api.patch(NODES, undefined, 'n1', 'merge', { spec: { taints: [{ key: 'k', effect: 'Sometimes' }] } })).message)
      .toBe('Node "n1" is invalid: spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"');
  });
});

describe('endpoints', () => {
  it('refuse loopback addresses and bad IPs, and warn about the deprecation', () => {
    const { api } = newServer();
    const EP = { group: '', resource: 'endpoints' };
    const warnings: string[] = [];
    const e = apiError(() => api.create(EP, 'default', { metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '127.0.0.1' }, { ip: 'nope' }], ports: [{ port: 80 }] }] }, { warnings }));
    expect(e.message).toBe('Endpoints "e" is invalid: [subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128), subsets[0].addresses[1].ip: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)]');
    expect(warnings).toEqual(['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']);
    const ok = api.create(EP, 'default', { metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '93.184.216.34' }], ports: [{ port: 80 }] }] });
    expect(ok.subsets).toEqual([{ addresses: [{ ip: '93.184.216.34' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
  });
});
