import { describe, expect, it } from 'vitest';
import { apiError, CONFIGMAPS, DEPLOYMENTS, NAMESPACES, newServer } from './helpers.js';
import type { KubeObject } from '../../../src/cluster/api/types.js';

const JOBS = { group: 'batch', resource: 'jobs' };
const RS = { group: 'apps', resource: 'replicasets' };
const tpl = (labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...extra } });
const deploy = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec });

describe('deployments', () => {
  it('default strategy, history, deadline and the template pod spec', () => {
    const { api } = newServer();
    const d = api.create(DEPLOYMENTS, 'default', deploy('web', { selector: { matchLabels: { app: 'web' } }, template: tpl({ app: 'web' }) }));
    expect(d.spec).toMatchObject({
      replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} } },
    });
    const c = (d.spec as { template: { spec: { containers: Record<string, unknown>[]; tolerations?: unknown } } }).template.spec;
    expect(c.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' });
    expect(c.tolerations).toBeUndefined();
    expect(d.metadata?.generation).toBe(1);
  });

  it('rejects a selector that does not match the template labels', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(DEPLOYMENTS, 'default', deploy('web', { selector: { matchLabels: { app: 'web' } }, template: tpl({ app: 'api' }) })));
    expect(e.message).toBe('Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`');
    expect(e.status.details).toMatchObject({ name: 'web', group: 'apps', kind: 'Deployment' });
  });

  it('requires a selector and refuses to change it', () => {
    const { api } = newServer();
    expect(apiError(() => api.create(DEPLOYMENTS, 'default', deploy('web', { template: tpl({ app: 'web' }) }))).message)
      .toBe('Deployment.apps "web" is invalid: spec.selector: Required value');
    const d = api.create(DEPLOYMENTS, 'default', deploy('web', { selector: { matchLabels: { app: 'web' } }, template: tpl({ app: 'web', v: '1' }) }));
    const e = apiError(() => api.update(DEPLOYMENTS, 'default', { ...d, spec: { ...(d.spec as object), selector: { matchLabels: { app: 'web', v: '1' } } } }));
    expect(e.message).toBe('Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"1"}}: field is immutable');
  });

  it('rejects negative replicas and a template restartPolicy other than Always', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(DEPLOYMENTS, 'default', deploy('web', { replicas: -1, selector: { matchLabels: { app: 'web' } }, template: tpl({ app: 'web' }, { restartPolicy: 'Never' }) })));
    expect(e.message).toBe('Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"]');
  });
});

describe('replicasets and jobs', () => {
  it('default ReplicaSet replicas to 1', () => {
    const { api } = newServer();
    const rs = api.create(RS, 'default', { metadata: { name: 'r' }, spec: { selector: { matchLabels: { a: 'b' } }, template: tpl({ a: 'b' }) } });
    expect((rs.spec as { replicas: number }).replicas).toBe(1);
  });

  it('generate the Job selector from its uid', () => {
    const { api } = newServer();
    const j = api.create(JOBS, 'default', { metadata: { name: 'pi' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } });
    const uid = j.metadata!.uid!;
    expect(j.spec).toMatchObject({
      completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { metadata: { labels: { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' } } },
    });
  });

  it('require a Job restartPolicy of OnFailure or Never', () => {
    const { api } = newServer();
    const e = apiError(() => api.create(JOBS, 'default', { metadata: { name: 'pi' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } } }));
    expect(e.message).toBe('Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });
});

describe('namespaces and config', () => {
  it('default namespace finalizers, phase and name label', () => {
    const { api } = newServer();
    const ns = api.create(NAMESPACES, undefined, { metadata: { name: 'team-a' } });
    expect(ns.metadata?.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(apiError(() => api.create(NAMESPACES, undefined, { metadata: { name: 'Team' } })).message)
      .toBe(`Namespace "Team" is invalid: metadata.name: Invalid value: "Team": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`);
  });

  it('validate ConfigMap keys and Secret data', () => {
    const { api } = newServer();
    expect(apiError(() => api.create(CONFIGMAPS, 'default', { metadata: { name: 'c' }, data: { 'a b': 'x' } })).message)
      .toBe(`ConfigMap "c" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`);
    const s = api.create({ group: '', resource: 'secrets' }, 'default', { metadata: { name: 's' }, stringData: { pw: 'héllo' } });
    expect(s).toMatchObject({ type: 'Opaque', data: { pw: 'aMOpbGxv' } });
    expect(s.stringData).toBeUndefined();
  });

  it('validate labels on every kind', () => {
    const { api } = newServer();
    expect(apiError(() => api.create(CONFIGMAPS, 'default', { metadata: { name: 'c', labels: { app: 'a b' } } })).message)
      .toBe(`ConfigMap "c" is invalid: metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
  });
});
