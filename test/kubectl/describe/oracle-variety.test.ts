/**
 * Real kubectl 1.33 vs kubelab on objects made through the API server with every describe
 * variant (variety.ts): each type with -A, plus single objects. Same JSON on both sides.
 */
import { snapshot } from '../../oracle/snapshot.js';
import { oracleSuite } from '../../oracle/suite.js';
import { buildVariety } from './variety.js';

const TYPES = ['pods', 'services', 'endpoints', 'endpointslices', 'deployments', 'replicasets', 'statefulsets', 'daemonsets',
  'jobs', 'cronjobs', 'replicationcontrollers', 'ingresses', 'ingressclasses', 'persistentvolumeclaims', 'persistentvolumes',
  'horizontalpodautoscalers', 'networkpolicies', 'poddisruptionbudgets',
  'nodes', 'namespaces', 'configmaps', 'secrets', 'serviceaccounts', 'events', 'resourcequotas', 'limitranges', 'leases'];
const ARGS: string[][] = [
  ...TYPES.map((t) => ['describe', t, '-A']),
  ['describe', 'pod', 'web-1'], ['describe', 'po', 'crash'], ['describe', 'svc/web-lb', 'svc/docs'], ['describe', 'deploy', 'web', '--show-events=false'],
  ['describe', 'node', 'node-2'], ['describe', 'ns', 'team-a'], ['describe', 'pods', '-n', 'team-a'], ['describe', 'sa', 'builder'],
  ['describe', 'pods', '-l', 'app in (web,crash)'], ['describe', 'endpoints', 'web', '-n', 'default'], ['describe', 'job', 'migrate'], ['describe', 'cm', 'escapes'],
];

oracleSuite('describe vs real kubectl 1.33: every variant', () => {
  const { api, now } = buildVariety();
  return { objects: snapshot(api), now };
}, ARGS.map((argv) => ({ argv })));
