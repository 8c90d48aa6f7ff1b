/**
 * The article's manifests applied with kubelab's own `kubectl apply -f` on the real simulator,
 * so objects carry what a learner's objects carry: the long last-applied-configuration
 * annotation (YAML line folding), managedFields from a client-side apply.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Cluster, getProfile } from '../../../src/cluster/index.js';
import type { KubeObject } from '../../../src/cluster/api/types.js';
import { runKubelab } from '../../oracle/objects.js';
import { snapshot } from '../../oracle/snapshot.js';
import { SIM_START } from '../describe/simulator-objects.js';

const MANIFESTS = ['svc-example.yaml', 'deploy-example.yaml', 'external-endpoint.yaml', 'rtfm-service.yaml', 'new-svc.yaml'];

export async function appliedArticle(profile: string): Promise<{ objects: KubeObject[]; now: number }> {
  const c = new Cluster({ seed: 11, startTime: SIM_START, profile: getProfile(profile) });
  for (const m of MANIFESTS) {
    const text = readFileSync(resolve(import.meta.dirname, '../manifests', m), 'utf8');
    const r = await runKubelab(['apply', '-f', m], c.api, c.clock.now(), { [m]: text });
    if (r.exitCode !== 0) throw new Error(`apply ${m}: ${r.stderr}`);
    c.advance(20_000);
  }
  c.advance(5 * 60_000);
  return { objects: snapshot(c.api), now: c.clock.now() };
}
