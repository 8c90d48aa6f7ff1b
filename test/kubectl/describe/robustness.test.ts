/**
 * Describe never fails on odd objects: every object of the variety cluster, with each of its
 * fields (to depth 3) removed in turn, still describes with exit status 0 and nothing on stderr
 * (real kubectl prints zero values for missing fields; it never crashes on them).
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/cluster/api/types.js';
import { apiWithObjects, runKubelab } from '../../oracle/objects.js';
import { snapshot } from '../../oracle/snapshot.js';
import { buildVariety } from './variety.js';

const { api, now } = buildVariety();
const objects = snapshot(api);
const PLURAL: Record<string, string> = Object.fromEntries(api.discovery().map((r) => [`${r.group}/${r.kind}`, r.plural]));

function paths(v: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (!v || typeof v !== 'object' || depth >= 3) return [];
  const out: string[][] = [];
  for (const k of Object.keys(v)) {
    if (prefix.length === 0 && ['apiVersion', 'kind', 'metadata'].includes(k)) { if (k === 'metadata') out.push(...paths((v as Record<string, unknown>)[k], [k], depth + 1)); continue; }
    if (prefix.length === 1 && prefix[0] === 'metadata' && ['name', 'namespace'].includes(k)) continue;
    out.push([...prefix, k], ...paths((v as Record<string, unknown>)[k], [...prefix, k], depth + 1));
  }
  return out;
}

function without(o: KubeObject, path: string[]): KubeObject {
  const copy = structuredClone(o) as Record<string, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  if (Array.isArray(cur)) cur.splice(Number(path[path.length - 1]), 1);
  else delete cur[path[path.length - 1]!];
  return copy as KubeObject;
}

describe('describe is total over partial objects', () => {
  it('every object with any one field removed describes cleanly', async () => {
    let runs = 0;
    const failures: string[] = [];
    for (const obj of objects) {
      const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '';
      const plural = PLURAL[`${group}/${obj.kind}`]!;
      const ref = group ? `${plural}.${group}` : plural;
      const ns = obj.metadata?.namespace;
      for (const p of paths(obj)) {
        const mutated = without(obj, p);
        const others = objects.filter((o) => o !== obj);
        const argv = ['describe', ref, obj.metadata!.name!, ...(ns ? ['-n', ns] : [])];
        const r = await runKubelab(argv, apiWithObjects([...others, mutated]), now);
        const stderr = r.stderr.replace(/^Warning: .*\n/gm, '');
        if (stderr !== '' || r.exitCode !== 0) failures.push(`${argv.join(' ')} without ${p.join('.')}: ${stderr.trim()}`);
        runs++;
      }
    }
    expect(failures).toEqual([]);
    expect(runs).toBeGreaterThan(1000);
  }, 120000);
});
