/**
 * Real oracle on objects a learner makes: the article's manifests applied with kubelab's
 * `kubectl apply -f` (last-applied-configuration annotations fold in -o yaml), then describe,
 * -o yaml/json/jsonpath; tables take cells from fakeapi's printers.go port (provenance TABLE).
 */
import { oracleSuite } from '../../oracle/suite.js';
import { appliedArticle } from './applied.js';

const ARGS: string[][] = [
  ['get', 'svc', '-o', 'yaml'], ['get', 'deploy', '-o', 'yaml'], ['get', 'ep', '-o', 'yaml'], ['get', 'svc', '-o', 'json'],
  ['get', 'pods', '-o', 'yaml'], ['get', 'deploy', '-o', 'jsonpath={.items[0].metadata.annotations}'],
  ['get', 'svc', 'nginx-svc', '-o', 'go-template={{index .metadata.annotations "kubectl.kubernetes.io/last-applied-configuration"}}'],
  ['describe', 'svc'], ['describe', 'deploy'], ['describe', 'ep'], ['describe', 'pods'], ['get', 'all'], ['get', 'svc,ep', '-o', 'wide'],
];

for (const profile of ['kind', 'eks-article']) {
  // The cluster is built (asynchronously, through kubelab's apply) before the suite starts.
  const applied = await appliedArticle(profile);
  oracleSuite(`objects applied from the article's manifests (${profile}) vs real kubectl 1.33`, () => applied, ARGS.map((argv) => ({ argv })));
}
