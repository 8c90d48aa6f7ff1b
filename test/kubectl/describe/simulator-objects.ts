/**
 * Drives the real simulator (engineer B's Cluster) through the article's steps and a few more
 * kinds, so describe can be compared on objects the controllers and kubelet actually wrote.
 */
import { Cluster, getProfile } from '../../../src/cluster/index.js';
import type { KubeObject } from '../../../src/cluster/api/types.js';

export const SIM_START = Date.parse('2026-03-13T08:37:55Z');

const core = (resource: string) => ({ group: '', resource });

export function runArticle(profile: string, seed = 42): Cluster {
  const c = new Cluster({ seed, startTime: SIM_START, profile: getProfile(profile) });
  const api = c.api;
  const create = (ref: { group: string; resource: string }, obj: KubeObject): void => { api.create(ref, 'default', obj); };
  create(core('pods'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx-pod', labels: { app: 'nginx' } },
    spec: { containers: [{ name: 'nginx-container', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }] } });
  create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-svc' },
    spec: { selector: { app: 'nginx' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] } });
  c.advance(4000);
  c.advance(11 * 60_000);
  create({ group: 'apps', resource: 'deployments' }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nginx-deploy', labels: { app: 'nginx' } },
    spec: { replicas: 2, selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx-container', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }] } } } });
  c.advance(90_000);
  create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'external-svc' },
    spec: { ports: [{ name: 'web', protocol: 'TCP', port: 80, targetPort: 80 }] } });
  create(core('endpoints'), { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-svc' },
    subsets: [{ addresses: [{ ip: '139.59.205.180' }], ports: [{ port: 80, name: 'web' }] }] });
  create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'rtfm-service' },
    spec: { type: 'ExternalName', externalName: 'rtfm.co.ua', ports: [{ port: 80 }] } });
  create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-np' },
    spec: { type: 'NodePort', selector: { app: 'nginx' }, ports: [{ port: 80, targetPort: 80 }] } });
  create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-lb' },
    spec: { type: 'LoadBalancer', selector: { app: 'nginx' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] } });
  create(core('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-headless' },
    spec: { clusterIP: 'None', selector: { app: 'nginx' } } });
  create(core('configmaps'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'site' }, data: { 'index.html': '<h1>hello</h1>\n' } });
  create(core('secrets'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, stringData: { token: 's3cr3t' } });
  create(core('serviceaccounts'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'deployer' } });
  create({ group: 'batch', resource: 'jobs' }, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'busybox', command: ['sh', '-c', 'echo 3.14'] }] } } } });
  create({ group: 'apps', resource: 'statefulsets' }, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' },
    spec: { serviceName: 'nginx-headless', replicas: 2, selector: { matchLabels: { app: 'sts' } },
      template: { metadata: { labels: { app: 'sts' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } } });
  create(core('pods'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sleeper' }, spec: { containers: [{ name: 'sh', image: 'busybox', command: ['sleep', '3600'] }] } });
  create(core('pods'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'broken' }, spec: { containers: [{ name: 'app', image: 'nosuchimage:9.9' }] } });
  c.advance(60_000);
  // A scale-down leaves events on the Deployment and a terminating pod behind.
  api.patch({ group: 'apps', resource: 'deployments' }, 'default', 'nginx-deploy', 'merge', { spec: { replicas: 3 } });
  c.advance(10 * 60_000 + 5000);
  // A rollout to a new image (old ReplicaSet scaled to 0), then a pod deleted mid-grace-period.
  api.patch({ group: 'apps', resource: 'deployments' }, 'default', 'nginx-deploy', 'strategic',
    { spec: { template: { spec: { containers: [{ name: 'nginx-container', image: 'nginx:1.27' }] } } } });
  c.advance(3 * 60_000);
  api.delete(core('pods'), 'default', 'nginx-pod');
  api.delete(core('pods'), 'default', 'sleeper');
  c.advance(2000);
  return c;
}
