/**
 * `kubectl explain` and the page's YAML editor read ONE schema (src/generated/k8s.schema.json):
 * for every kind the server serves and a sample of nested paths, the fields explain lists and
 * their descriptions are the editor schema's, read here straight from the JSON file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster, getProfile } from '../../src/cluster/index.js';
import { RESOURCES } from '../../src/cluster/api/discovery.js';
import { runArgv } from './support.js';

interface Def {
  $ref?: string; type?: string | string[]; description?: string; items?: Def; additionalProperties?: Def | boolean;
  properties?: Record<string, Def>; 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
}
const doc = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/generated/k8s.schema.json'), 'utf8')) as
  { oneOf: { $ref: string }[]; definitions: Record<string, Def> };
const defs = doc.definitions;
const api = new Cluster({ seed: 1, startTime: Date.UTC(2026, 10, 26), profile: getProfile('kind') }).api;

const deref = (d: Def): Def => (d.$ref ? defs[d.$ref.slice('#/definitions/'.length)]! : d);
/** The struct a property leads to, through lists and maps, as the editor resolves it. */
const structOf = (d: Def): Def => {
  const t = deref(d);
  if (t.items) return structOf(t.items);
  if (t.additionalProperties && typeof t.additionalProperties === 'object') return structOf(t.additionalProperties);
  return t;
};
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** FIELDS of explain's output: name → [type text, description with whitespace normalised]. */
function fieldsOf(out: string): Record<string, [string, string]> {
  const at = out.indexOf('\nFIELDS:\n');
  if (at < 0) return {};
  const res: Record<string, [string, string]> = {};
  let cur: string | undefined;
  for (const line of out.slice(at + 9).split('\n')) {
    const m = /^ {2}(\S+)\t<([^>]+)>/.exec(line);
    if (m) { cur = m[1]!; res[cur] = [m[2]!, '']; } else if (cur && line.trim()) res[cur]![1] = norm(`${res[cur]![1]} ${line}`);
  }
  return res;
}

/** Explain's fields for a struct must be the editor schema's, with the same descriptions. */
function expectAgree(out: string, struct: Def): void {
  const got = fieldsOf(out);
  const props = struct.properties ?? {};
  expect(Object.keys(got).sort()).toEqual(Object.keys(props).sort());
  for (const [name, p] of Object.entries(props)) {
    expect(got[name]![1], name).toBe(norm(p.description || '<no description>'));
    const target = deref(p);
    if (p.$ref && (target.type === 'object' || !target.type)) expect(got[name]![0], name).toBe(p.$ref.slice(p.$ref.lastIndexOf('.') + 1));
  }
}

const roots = doc.oneOf.map((r) => deref(r));
const served = RESOURCES.filter((r) => roots.some((d) => d['x-kubernetes-group-version-kind']?.some((g) => g.group === r.group && g.kind === r.kind)));

describe('kubectl explain reads the YAML editor schema', () => {
  it('covers every kind the server serves that kubernetes-types declares', () => {
    expect(served.length).toBeGreaterThanOrEqual(55);
    for (const k of ['Pod', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'Role', 'Lease']) {
      expect(served.map((r) => r.kind)).toContain(k);
    }
  });

  it.each(served.map((r) => [`${r.plural}${r.group ? `.${r.version}.${r.group}` : ''}`, r] as const))('%s', async (_n, r) => {
    const out = await runArgv(['explain', r.plural], api, 0);
    expect(out.stderr).toBe('');
    // `explain events` finds the core Event: compare with the schema of the kind explain chose.
    const head = /^(?:GROUP:\s+(\S+)\n)?KIND:\s+(\S+)/.exec(out.stdout)!;
    const group = head[1] ?? '';
    const root = roots.find((d) => d['x-kubernetes-group-version-kind']!.some((g) => g.group === group && g.kind === head[2]))!;
    expect(out.stdout).toContain(`DESCRIPTION:\n    ${root.description!.slice(0, 20)}`);
    expectAgree(out.stdout, root);
  });

  const PATHS = ['pods.spec', 'pods.metadata', 'pods.spec.containers', 'pods.spec.containers.ports', 'pods.spec.volumes.configMap',
    'pods.status.containerStatuses.state.terminated', 'deployments.spec.template.spec.affinity.nodeAffinity',
    'services.spec.ports', 'ingresses.spec.rules.http.paths.backend.service.port', 'cronjobs.spec.jobTemplate.spec.template.metadata',
    'endpointslices.endpoints', 'endpoints.subsets.ports', 'persistentvolumeclaims.spec.resources', 'horizontalpodautoscalers.spec.metrics.resource.target',
    'networkpolicies.spec.ingress.from.ipBlock', 'statefulsets.spec.volumeClaimTemplates.spec'];
  it.each(PATHS)('%s', async (path) => {
    const [plural, ...fields] = path.split('.');
    const r = RESOURCES.find((x) => x.plural === plural)!;
    let d = roots.find((x) => x['x-kubernetes-group-version-kind']!.some((g) => g.group === r.group && g.kind === r.kind))!;
    for (const f of fields) d = structOf(d.properties![f]!);
    const out = await runArgv(['explain', path], api, 0);
    expect(out.stderr).toBe('');
    expect(Object.keys(d.properties ?? {}).length).toBeGreaterThan(0);
    expectAgree(out.stdout, d);
  });
});
