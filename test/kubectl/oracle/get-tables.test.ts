/**
 * `kubectl get` tables. NOTE: the server builds table CELLS (fakeapi's port of printers.go,
 * provenance TABLE); real kubectl 1.33 only lays them out. So this compares kubelab's printers
 * with fakeapi's port, plus real kubectl's layout, wide/labels columns and multi-type output.
 */
import { oracleSuite } from '../../oracle/suite.js';
import { snapshot } from '../../oracle/snapshot.js';
import { runArticle } from '../describe/simulator-objects.js';
import { KINDS } from './kinds.js';

const ARGS: string[][] = [
  ...KINDS.flatMap((t) => [['get', t, '-A'], ['get', t, '-A', '-o', 'wide']]),
  ['get', 'all'], ['get', 'all', '-A'], ['get', 'svc,ep'], ['get', 'svc,ep', '-o', 'wide'], ['get', 'pods', '-o', 'wide', '--show-labels'],
  ['get', 'pods', '--show-labels'], ['get', 'events'], ['get', 'endpointslices'], ['get', 'pods', '-l', 'app=nginx'],
  ['get', 'deploy,rs', '--show-labels'], ['get', 'svc', 'nginx-svc', 'external-svc'], ['get', 'pods', '--no-headers'],
  ['get', 'pod', 'broken', 'nginx-pod'], ['get', 'nodes', '--show-labels'],
];

for (const profile of ['kind', 'eks-article']) {
  oracleSuite(`get tables vs real kubectl 1.33 layout + fakeapi's printers.go port (simulator, ${profile})`, () => {
    const cluster = runArticle(profile);
    return { objects: snapshot(cluster.api), now: cluster.clock.now() };
  }, ARGS.map((argv) => ({ argv })));
}
