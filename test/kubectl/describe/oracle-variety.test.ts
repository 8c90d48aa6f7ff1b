/**
 * Real kubectl 1.33 vs kubelab on objects made through the API server with every describe
 * variant (variety.ts): each type with -A, plus single objects. Same JSON on both sides.
 * Skipped, with a note, where ../shared/tools/fakeapi or the kubectl 1.33 binary is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/cluster/api/types.js';
import { Oracle, oracleUnavailable } from '../../oracle/oracle.js';
import { apiWithObjects, runKubelab, shiftTimes } from '../../oracle/objects.js';
import { snapshot } from '../../oracle/snapshot.js';
import { buildVariety } from './variety.js';

const why = oracleUnavailable();
if (why) console.warn(`[oracle] SKIPPED real-kubectl comparison: ${why}`);

const { api, now: NOW } = buildVariety();
const OBJECTS: KubeObject[] = snapshot(api);

const TYPES = ['pods', 'services', 'endpoints', 'endpointslices', 'deployments', 'replicasets', 'statefulsets', 'daemonsets',
  'jobs', 'cronjobs', 'replicationcontrollers', 'ingresses', 'ingressclasses', 'persistentvolumeclaims', 'persistentvolumes', 'horizontalpodautoscalers', 'networkpolicies', 'poddisruptionbudgets',
  'nodes', 'namespaces', 'configmaps', 'secrets', 'serviceaccounts', 'events', 'resourcequotas', 'limitranges', 'leases'];
const CASES: string[][] = [
  ...TYPES.map((t) => ['describe', t, '-A']),
  ['describe', 'pod', 'web-1'], ['describe', 'po', 'crash'], ['describe', 'svc/web-lb', 'svc/docs'], ['describe', 'deploy', 'web', '--show-events=false'],
  ['describe', 'node', 'node-2'], ['describe', 'ns', 'team-a'], ['describe', 'pods', '-n', 'team-a'], ['describe', 'sa', 'builder'],
  ['describe', 'pods', '-l', 'app in (web,crash)'], ['describe', 'endpoints', 'web', '-n', 'default'], ['describe', 'job', 'migrate'],
];

describe.skipIf(why !== null)('describe vs real kubectl 1.33: every variant', () => {
  let oracle: Oracle | undefined;
  beforeAll(async () => { oracle = await Oracle.start(OBJECTS, NOW); }, 30000);
  afterAll(async () => { await oracle?.stop(); });

  for (const argv of CASES) {
    it(argv.join(' '), async () => {
      const real = await oracle!.run(argv);
      expect(real.stdout + real.stderr).not.toBe('');
      const ours = await runKubelab(argv, apiWithObjects(shiftTimes(oracle!.objects, real.offsetMs)), NOW + real.offsetMs);
      expect(ours.stdout).toBe(real.stdout);
      expect(ours.stderr).toBe(real.stderr);
      expect(ours.exitCode).toBe(real.exitCode);
    }, 30000);
  }
});
