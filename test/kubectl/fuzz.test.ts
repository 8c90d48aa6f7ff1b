/**
 * Property: whatever argument vector a learner types, kubectl never throws, always exits, and a
 * failure is reported in one of kubectl's error forms on stderr with a nonzero status; output
 * never leaks JavaScript artefacts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster, getProfile } from '../../src/cluster/index.js';
import { runArgv } from './support.js';

const words = [
  'get', 'describe', 'events', 'api-resources', 'api-versions', 'version', 'config', 'view', 'get-contexts', 'use-context',
  'current-context', 'set-context', 'top', 'pod', 'auth', 'can-i', 'completion', 'bash', 'cluster-info', 'help', 'gett', 'explain',
  'pods', 'po', 'pod/nginx-pod', 'svc', 'svc,ep', 'all', 'deploy', 'deployments.apps', 'nodes', 'ns', 'events', 'endpointslices',
  'nginx-pod', 'nope', 'default', 'kube-system', 'foo', '-', '--',
  '-n', '-A', '-o', 'wide', 'yaml', 'json', 'name', 'jsonpath={.items[*].metadata.name}', 'jsonpath={.a', 'custom-columns=N:.metadata.name',
  'go-template={{.metadata.name}}', '-l', 'app=nginx', 'app in (x', '--field-selector', 'metadata.name=x', 'foo=bar',
  '--show-labels', '-L', 'app', '--no-headers', '--sort-by=.metadata.name', '--sort-by', '-w', '--watch-only', '--for', 'pod/x',
  '-f', 'svc.yaml', 'bad.yaml', 'missing.yaml', 'dir', '-R', '--ignore-not-found', '--output-watch-events', '--show-kind',
  'apply', 'create', 'delete', 'run', 'expose', 'scale', 'label', 'annotate', 'logs', 'exec', 'rollout', 'status', 'patch',
  'replace', 'wait', 'diff', 'set', 'image', 'deployment', '--image=nginx', '--replicas=2', '--port=80', '--dry-run=client', '--dry-run=server',
  '--grace-period=0', '--force', '--timeout=5s', 'app=web', '--overwrite', '-p', '{"metadata":{"labels":{"a":"b"}}}',
  '--foo', '-x', '-it', '-Ax', '---x', '--namespace', '--context', 'nope-ctx', '-v', '6', '--client', '--current', '=', '',
];

const files = {
  'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n',
  'bad.yaml': 'a:\n  b: 1\n    c: 2\n',
  'dir/x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
};

const errorForm = /^(error: |Error from server|Error: flags cannot be placed before plugin name|You must specify|Unknown help topic|the server doesn't have|unable to decode|error parsing|resource mapping not found|error validating|Error in configuration|Warning: |No resources found|No events found|[\s\S]*\nUsage:\n)/;

describe('kubectl argv fuzz', () => {
  const c = new Cluster({ seed: 3, startTime: Date.UTC(2026, 10, 26, 20, 0, 0), profile: getProfile('kind') });
  c.settle();
  c.api.create({ group: '', resource: 'pods' }, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx-pod', labels: { app: 'nginx' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
  c.settle();

  it('never throws; failures are kubectl errors with a nonzero status', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 7 }),
      async (argv) => {
        const r = await runArgv(argv, c.api, 0, { files, now: () => c.clock.now(), stdin: '',
          sleep: async (ms) => { c.advanceTo(c.clock.now() + Math.max(ms, 1)); c.settle(); } });
        expect(Number.isInteger(r.exitCode)).toBe(true);
        for (const text of [r.stdout, r.stderr]) {
          expect(text).not.toMatch(/\[object Object\]|\bundefined\b|\bNaN\b|TypeError|Cannot read prop|is not a function/);
        }
        if (r.exitCode !== 0) {
          expect(r.stderr.length).toBeGreaterThan(0);
          expect(r.stderr).toMatch(errorForm);
        }
      },
    ), { numRuns: 400, seed: 1 });
  }, 60_000);
});
