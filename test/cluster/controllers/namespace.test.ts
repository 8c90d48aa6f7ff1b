/** Namespace deletion empties the namespace, then the namespace goes. */
import { describe, expect, it } from 'vitest';
import { R, deployment, list, newCluster, svc, type Any } from '../helpers.js';

describe('namespace controller', () => {
  it('deletes everything inside, waits for pods to stop, then removes the namespace', () => {
    const c = newCluster();
    c.api.create(R.namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'test' } });
    c.settle();
    c.api.create(R.deployments, 'test', deployment('web', 2));
    c.api.create(R.services, 'test', svc('web', { app: 'nginx' }));
    c.advance(30_000);
    c.api.delete(R.namespaces, undefined, 'test');
    c.settle();
    expect((c.api.get(R.namespaces, undefined, 'test') as Any).status.phase).toBe('Terminating');
    expect(() => c.api.create(R.services, 'test', svc('late', undefined))).toThrow(/because it is being terminated/);
    // The controller looks again after 30/2+1 s (pods' grace period estimate): Terminating till then.
    c.advance(15_000);
    expect(list(c, R.pods, 'test')).toEqual([]);
    expect((c.api.get(R.namespaces, undefined, 'test') as Any).status.phase).toBe('Terminating');
    c.advance(1_500);
    expect(() => c.api.get(R.namespaces, undefined, 'test')).toThrow(/not found/);
    expect(list(c, R.pods, 'test')).toEqual([]);
    expect(list(c, R.events, 'test')).toEqual([]);
  });
});
