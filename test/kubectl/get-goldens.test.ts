/**
 * The `kubectl get` (and other core verb) goldens of real kubectl 1.33, reproduced from the same
 * fixture objects (the article's cluster) served through the API server's own discovery,
 * selectors and errors; kubectl's clock at the capture time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badRequest } from '../../src/cluster/api/errors.js';
import { ApiError, type KubeList, type KubeObject, type ListOptions, type ResourceRef } from '../../src/cluster/api/types.js';
import { ObjectsApi } from '../oracle/objects-api.js';
import { readGolden, type Golden } from '../oracle/golden.js';
import { shiftTimes } from '../oracle/objects.js';

/** The fixture API with the server's answer to unparsable selectors (400 BadRequest). */
class FixtureApi extends ObjectsApi {
  override list(ref: ResourceRef, namespace: string | undefined, opts?: ListOptions): KubeList {
    try { return super.list(ref, namespace, opts); } catch (e) {
      if (e instanceof ApiError) throw e;
      throw badRequest(e instanceof Error ? e.message : String(e));
    }
  }
}
import { runArgv, splitCommand } from './support.js';

const GOLDENS = join(import.meta.dirname, '../goldens');
const FIXTURES = join(import.meta.dirname, 'describe/fixtures');

/** Goldens that need something a fixed object list cannot give. */
const SKIP = new Set<string>([]);

const files = readdirSync(GOLDENS).filter((f) => /^kubectl_(get|foo|gett|version|events)/.test(f) && !SKIP.has(f)).sort();

function fixture(name: string): { items: KubeObject[]; fixtureNow: string } {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { items: KubeObject[]; fixtureNow: string };
}

async function runAt(g: Golden & { raw: string }, now: number) {
  const fx = fixture(g.fixture || 'endpoints-article.json');
  const items = shiftTimes(fx.items, now - Date.parse(fx.fixtureNow));
  const tty = g.raw.includes('# terminal:');
  // A server without Table support makes kubectl print its own NAME/AGE table, as --server-print=false does.
  const argv = [...splitCommand(g.command), ...(g.raw.includes('server --no-tables') ? ['--server-print=false'] : [])];
  const r = await runArgv(argv, new FixtureApi(items), now + 500, { tty });
  // On a terminal, stdout and stderr arrive merged with CRLF line ends.
  if (tty) return { stdout: (r.stderr + r.stdout).replace(/\n/g, '\r\n'), stderr: '', exitCode: r.exitCode };
  return r;
}

describe('kubectl get goldens', () => {
  it('has the goldens', () => { expect(files.length).toBeGreaterThan(90); });
  for (const file of files) {
    it(file, async () => {
      const g = { ...readGolden(join(GOLDENS, file)), raw: readFileSync(join(GOLDENS, file), 'utf8') };
      let r = await runAt(g, Date.parse(g.captured));
      if (r.stdout !== g.stdout) r = await runAt(g, Date.parse(g.captured) - 1000);
      expect(r.stdout).toBe(g.stdout);
      expect(r.stderr).toBe(g.stderr);
      expect(r.exitCode).toBe(g.exitStatus === 124 ? 0 : g.exitStatus);
    });
  }
});
