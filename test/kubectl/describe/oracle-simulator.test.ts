/**
 * The issue's Done-when: `kubectl describe` of every kind on objects produced by the real
 * simulator is byte-identical to real kubectl 1.33's describe of the same JSON. Runs the article
 * (plus a rollout, a broken image, deletions) on both cluster profiles, dumps every object, and
 * compares each type with -A plus single objects. Also checks that describing through the live
 * cluster API equals describing its JSON dump (that part needs no real kubectl).
 */
import { describe, expect, it } from 'vitest';
import { apiWithObjects, runKubelab } from '../../oracle/objects.js';
import { snapshot } from '../../oracle/snapshot.js';
import { oracleSuite } from '../../oracle/suite.js';
import { runArticle } from './simulator-objects.js';

const TYPES = ['pods', 'services', 'endpoints', 'endpointslices', 'deployments', 'replicasets', 'statefulsets', 'daemonsets',
  'jobs', 'nodes', 'namespaces', 'configmaps', 'secrets', 'serviceaccounts', 'events', 'leases'];
const ARGS: string[][] = [
  ...TYPES.map((t) => ['describe', t, '-A']),
  ['describe', 'pod', 'nginx-pod'], ['describe', 'svc', 'nginx-svc'], ['describe', 'svc', 'external-svc'], ['describe', 'svc', 'rtfm-service'],
  ['describe', 'svc', 'nginx-lb'], ['describe', 'svc', 'nginx-np'], ['describe', 'ep', 'nginx-svc'], ['describe', 'deploy', 'nginx-deploy'],
  ['describe', 'pods', 'nginx-deploy'], ['describe', 'pod', 'broken'], ['describe', 'rs'], ['describe', 'pod', 'sleeper'],
  ['describe', 'pods', '-l', 'app=nginx'], ['describe', 'ns', 'default'], ['describe', 'sa', 'default'],
];

for (const profile of ['kind', 'eks-article']) {
  const cluster = runArticle(profile);
  const now = cluster.clock.now();
  const objects = snapshot(cluster.api);

  describe(`describe on simulator objects (${profile})`, () => {
    it('the live API and its JSON dump describe identically', async () => {
      for (const argv of ARGS) {
        const live = await runKubelab(argv, cluster.api, now);
        const dumped = await runKubelab(argv, apiWithObjects(objects), now);
        expect(dumped, argv.join(' ')).toEqual(live);
      }
    });
  });

  oracleSuite(`describe vs real kubectl 1.33 on simulator objects (${profile})`, () => ({ objects, now }), ARGS.map((argv) => ({ argv })));
}
