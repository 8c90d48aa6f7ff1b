import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESOURCES, resourceFor, resourceForKind } from '../../../src/cluster/api/discovery.js';
import { generate, OUT } from './gen-schema.js';

describe('discovery', () => {
  it('advertises the resources of a stock v1.33 server', () => {
    const names = RESOURCES.map((r) => `${r.plural}.${r.group || 'core'}`);
    for (const n of ['pods.core', 'services.core', 'endpoints.core', 'deployments.apps', 'jobs.batch', 'events.events.k8s.io',
      'endpointslices.discovery.k8s.io', 'leases.coordination.k8s.io', 'ipaddresses.networking.k8s.io', 'servicecidrs.networking.k8s.io',
      'horizontalpodautoscalers.autoscaling', 'roles.rbac.authorization.k8s.io', 'storageclasses.storage.k8s.io']) expect(names).toContain(n);
    const pods = resourceFor('po')!;
    expect(pods).toMatchObject({ group: '', version: 'v1', kind: 'Pod', singular: 'pod', shortNames: ['po'], namespaced: true, categories: ['all'] });
    expect(pods.subresources).toEqual(expect.arrayContaining(['status', 'log', 'exec', 'binding', 'eviction']));
    expect(resourceFor('deploy')).toMatchObject({ group: 'apps', plural: 'deployments', subresources: ['scale', 'status'] });
    expect(resourceFor('ep')?.singular).toBe('endpoints');
    expect(resourceFor('ns')).toMatchObject({ namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] });
    expect(resourceFor('events')?.group).toBe('');
    expect(resourceFor('events.events.k8s.io')?.group).toBe('events.k8s.io');
    expect(resourceFor('deployments.apps')?.kind).toBe('Deployment');
    expect(resourceFor('foo')).toBeUndefined();
    expect(resourceForKind('apps/v1', 'Deployment')?.plural).toBe('deployments');
    expect(resourceForKind('apps/v1', 'Pod')).toBeUndefined();
    expect(resourceForKind('autoscaling/v1', 'HorizontalPodAutoscaler')?.plural).toBe('horizontalpodautoscalers');
  });
});

describe('generated schema', () => {
  it('is current with kubernetes-types and the served kinds', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(generate());
  });
});
