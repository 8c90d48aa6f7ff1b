/**
 * Real kubectl 1.33 vs kubelab on the article's cluster (every object of the fakeapi fixture:
 * nodes, system pods, DaemonSets, leases, events, ...): each type, argument forms, errors, -f.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeObject } from '../../../src/cluster/api/types.js';
import { oracleSuite } from '../../oracle/suite.js';

const fx = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/endpoints-article.json'), 'utf8')) as { items: KubeObject[]; fixtureNow: string };

const ARGS: string[][] = [
  ['describe', 'pods', '-A'], ['describe', 'services', '-A'], ['describe', 'endpoints', '-A'],
  ['describe', 'endpointslices', '-A'], ['describe', 'deployments', '-A'], ['describe', 'replicasets', '-A'],
  ['describe', 'nodes'], ['describe', 'namespaces'], ['describe', 'configmaps', '-A'], ['describe', 'serviceaccounts', '-A'],
  ['describe', 'events', '-A'], ['describe', 'leases', '-A'], ['describe', 'daemonsets', '-A'], ['describe', 'secrets', '-A'],
  ['describe', 'pods', 'nginx'], ['describe', 'pods', 'nope'], ['describe', 'pod', 'nginx-pod', '--show-events=false'],
  ['describe', 'svc', '-l', 'component=apiserver'], ['describe', 'pods', '-n', 'empty-ns'], ['describe', 'pods', '-l', 'app=nope'],
  ['describe', 'pod', 'nginx-pod', 'nope'], ['describe', 'pod', 'nope', 'nginx-pod'],
  ['describe', 'pod', 'nginx-pod', '-A'], ['describe', 'svc,ep', 'nginx-svc'], ['describe', 'svc,ep'], ['describe', 'deploy/nope'],
  ['describe', 'pods/nginx-pod', 'svc/nginx-svc'], ['describe', 'nodes', 'ip-10-21'], ['describe', 'ns', 'kube'], ['describe', 'pod'],
  ['describe', 'po', 'nginx', '-n', 'kube-system'], ['describe', 'pods', '-l', 'app=nginx', '-A'], ['describe', 'pods', 'nginx-pod', '-l', 'app=nginx'],
  ['describe', 'foo'], ['describe', 'pods', '-l', 'app='], ['describe', 'pods', '-l', '!!bad'], ['describe', 'all'],
  ['describe', 'svc', 'nginx-svc', '-o', 'yaml'], ['describe', 'pod/'], ['describe', 'deployments.apps', 'nginx-deploy'],
  ['describe', 'endpointslice', 'nginx-svc'], ['describe', 'events', 'nginx-pod'],
];

const FILES: Record<string, string> = {
  'svc-example.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx-pod\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nginx-svc\n',
  'missing.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nope\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-deploy\n',
  'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n',
};
const FILE_ARGS: string[][] = [
  ['describe', '-f', 'svc-example.yaml'], ['describe', '-f', 'missing.yaml'], ['describe', '-f', 'bad.yaml'], ['describe', '-f', 'nothere.yaml'],
  ['describe', '-f', 'svc-example.yaml', 'pods'], ['describe', '-f', 'svc-example.yaml', '--show-events=false'],
];

oracleSuite('describe vs real kubectl 1.33: article cluster',
  () => ({ objects: fx.items, now: Date.parse(fx.fixtureNow) }),
  [...ARGS.map((argv) => ({ argv })), ...FILE_ARGS.map((argv) => ({ argv, files: FILES }))]);
