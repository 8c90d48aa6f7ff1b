/** Random cluster operations for the property tests: the op model, its generator, and how to apply one. */
import fc from 'fast-check';
import type { Cluster } from '../../../src/cluster/cluster.js';
import { R, type Any } from '../helpers.js';

const APPS = ['a', 'b', 'c'];
const IMAGES = ['nginx', 'nginx:1.27', 'httpd', 'busybox', 'nginxx'];
const N = 4; // name slots per kind

export type Op =
  | { t: 'pod'; i: number; app: string; image: string; named: boolean }
  | { t: 'delPod'; i: number; grace: boolean }
  | { t: 'relabel'; i: number; app: string }
  | { t: 'relabelOwned'; i: number; app: string }
  | { t: 'deploy'; i: number; app: string; replicas: number; image: string }
  | { t: 'scale'; i: number; replicas: number }
  | { t: 'roll'; i: number; image: string }
  | { t: 'delDeploy'; i: number; policy: 'Background' | 'Foreground' | 'Orphan' }
  | { t: 'svc'; i: number; app: string | null; named: boolean; headless: boolean; externalName: boolean }
  | { t: 'editSvc'; i: number; app: string | null }
  | { t: 'delSvc'; i: number }
  | { t: 'ep'; i: number; ip: number }
  | { t: 'delEp'; i: number }
  | { t: 'advance'; ms: number };

const idx = fc.integer({ min: 0, max: N - 1 });
const app = fc.constantFrom(...APPS);
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('pod' as const), i: idx, app, image: fc.constantFrom(...IMAGES), named: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delPod' as const), i: idx, grace: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('relabel' as const), i: idx, app }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('relabelOwned' as const), i: idx, app }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('deploy' as const), i: idx, app, replicas: fc.integer({ min: 0, max: 4 }), image: fc.constantFrom(...IMAGES) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('scale' as const), i: idx, replicas: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('roll' as const), i: idx, image: fc.constantFrom(...IMAGES) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delDeploy' as const), i: idx, policy: fc.constantFrom('Background' as const, 'Foreground' as const, 'Orphan' as const) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('svc' as const), i: idx, app: fc.option(app, { nil: null }), named: fc.boolean(), headless: fc.boolean(), externalName: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('editSvc' as const), i: idx, app: fc.option(app, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delSvc' as const), i: idx }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('ep' as const), i: idx, ip: fc.integer({ min: 1, max: 254 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delEp' as const), i: idx }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('advance' as const), ms: fc.constantFrom(50, 400, 1500, 5000, 20_000, 40_000) }) },
);

const podSpec = (image: string, named: boolean) => ({ containers: [{ name: 'c', image, ports: [{ name: named ? 'web' : 'http', containerPort: named ? 80 : 8080, protocol: 'TCP' }] }] });

/** Applies one op; API errors (not found, already exists, invalid) are part of the game. */
export function apply(c: Cluster, op: Op): void {
  const ns = 'default';
  try {
    switch (op.t) {
      case 'pod': c.api.create(R.pods, ns, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${op.i}`, labels: { app: op.app } }, spec: podSpec(op.image, op.named) }); break;
      case 'delPod': c.api.delete(R.pods, ns, `pod-${op.i}`, op.grace ? {} : { gracePeriodSeconds: 0 }); break;
      case 'relabel': c.api.patch(R.pods, ns, `pod-${op.i}`, 'merge', { metadata: { labels: { app: op.app } } }); break;
      case 'relabelOwned': {
        const owned = (c.api.list(R.pods, ns).items as Any[]).filter((p) => p.metadata.ownerReferences);
        const p = owned[op.i % Math.max(1, owned.length)];
        if (p) c.api.patch(R.pods, ns, p.metadata.name, 'merge', { metadata: { labels: { app: op.app } } });
        break;
      }
      case 'deploy': c.api.create(R.deployments, ns, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `dep-${op.i}` },
        spec: { replicas: op.replicas, selector: { matchLabels: { app: op.app, dep: String(op.i) } }, template: { metadata: { labels: { app: op.app, dep: String(op.i) } }, spec: podSpec(op.image, true) } } }); break;
      case 'scale': c.api.patch(R.deployments, ns, `dep-${op.i}`, 'merge', { spec: { replicas: op.replicas } }); break;
      case 'roll': c.api.patch(R.deployments, ns, `dep-${op.i}`, 'strategic', { spec: { template: { spec: { containers: [{ name: 'c', image: op.image }] } } } }); break;
      case 'delDeploy': c.api.delete(R.deployments, ns, `dep-${op.i}`, { propagationPolicy: op.policy }); break;
      case 'svc': c.api.create(R.services, ns, { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${op.i}` }, spec: op.externalName
        ? { type: 'ExternalName', externalName: 'example.com', ports: [{ port: 80 }] }
        : { ...(op.app ? { selector: { app: op.app } } : {}), ...(op.headless ? { clusterIP: 'None' } : {}), ports: [{ name: 'web', port: 80, targetPort: op.named ? 'web' : 80 }] } }); break;
      case 'editSvc': {
        const s = c.api.get(R.services, ns, `svc-${op.i}`) as Any;
        if (s.spec.type === 'ExternalName') break;
        const spec = { ...s.spec };
        if (op.app) spec.selector = { app: op.app }; else delete spec.selector;
        c.api.update(R.services, ns, { ...s, spec });
        break;
      }
      case 'delSvc': c.api.delete(R.services, ns, `svc-${op.i}`); break;
      case 'ep': c.api.create(R.endpoints, ns, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: `svc-${op.i}` }, subsets: [{ addresses: [{ ip: `203.0.113.${op.ip}` }], ports: [{ name: 'web', port: 80 }] }] }); break;
      case 'delEp': c.api.delete(R.endpoints, ns, `svc-${op.i}`); break;
      case 'advance': c.advance(op.ms); break;
    }
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'ApiError') throw e;
  }
  c.settle();
}

