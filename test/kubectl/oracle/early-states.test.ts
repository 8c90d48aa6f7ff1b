/**
 * The same comparisons on objects caught mid-flight: the article's objects created and only a
 * few seconds of virtual time run, so pods are Pending/ContainerCreating, image pulls are under
 * way, Deployments and StatefulSets are not ready and the Job is still running.
 * describe, -o yaml/jsonpath and `kubectl events` are real oracles; `get` tables take their
 * cells from fakeapi's printers.go port (provenance TABLE).
 */
import { Cluster, getProfile } from '../../../src/cluster/index.js';
import type { KubeObject } from '../../../src/cluster/api/types.js';
import { oracleSuite } from '../../oracle/suite.js';
import { snapshot } from '../../oracle/snapshot.js';
import { SIM_START } from '../describe/simulator-objects.js';

const core = (resource: string) => ({ group: '', resource });
const apps = (resource: string) => ({ group: 'apps', resource });

function early(profile: string, runMs: number): Cluster {
  const c = new Cluster({ seed: 7, startTime: SIM_START, profile: getProfile(profile) });
  const create = (ref: { group: string; resource: string }, obj: KubeObject): void => { c.api.create(ref, 'default', obj); };
  const tpl = (app: string, image: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: app, image, ports: [{ containerPort: 80 }] }] } });
  c.advance(60_000);
  create(core('pods'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx-pod', labels: { app: 'nginx' } }, spec: tpl('nginx', 'nginx').spec });
  create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-svc' }, spec: { selector: { app: 'nginx' }, ports: [{ port: 80 }] } });
  create(apps('deployments'), { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tpl('web', 'nginx:1.27') } });
  create(apps('statefulsets'), { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' },
    spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: tpl('db', 'postgres') } });
  create({ group: 'batch', resource: 'jobs' }, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'count' },
    spec: { completions: 3, parallelism: 2, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '30'] }] } } } });
  create(core('pods'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'typo' }, spec: { containers: [{ name: 'app', image: 'ngnix:latest' }] } });
  c.advance(runMs);
  return c;
}

const ARGS: string[][] = [
  ['get', 'all', '-o', 'wide'], ['get', 'pods', '-o', 'wide', '--show-labels'], ['get', 'deploy,rs,sts,job'], ['get', 'events'], ['get', 'ep,endpointslices'],
  ['describe', 'pods'], ['describe', 'deploy'], ['describe', 'rs'], ['describe', 'sts'], ['describe', 'job'], ['describe', 'svc', 'nginx-svc'],
  ['describe', 'ep'], ['describe', 'endpointslices'], ['describe', 'nodes'],
  ['events'], ['events', '--for', 'pod/typo'], ['get', 'pods', '-o', 'yaml'], ['get', 'deploy,sts,job', '-o', 'json'],
  ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{" "}{.status.phase}{" "}{.status.containerStatuses[*].state}{"\\n"}{end}'],
  ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,READY:.status.containerStatuses[*].ready,REASON:.status.containerStatuses[*].state.waiting.reason'],
];

for (const profile of ['kind', 'eks-article']) {
  for (const runMs of [1500, 25000]) {
    oracleSuite(`mid-flight simulator objects (${profile}, ${runMs} ms after create) vs real kubectl 1.33`, () => {
      const cluster = early(profile, runMs);
      return { objects: snapshot(cluster.api), now: cluster.clock.now() };
    }, ARGS.map((argv) => ({ argv })));
  }
}
