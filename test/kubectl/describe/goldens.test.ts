/**
 * Every `kubectl describe` golden of real kubectl 1.33 (test/goldens/kubectl_describe*.txt),
 * reproduced from the same fixture objects: the fixture's timestamps are shifted so that its
 * "now" is the capture time, exactly as fakeapi served them, and kubelab's kubectl runs at that time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/cluster/api/types.js';
import { readGolden } from '../../oracle/golden.js';
import { apiWithObjects, argvOf, runKubelab, shiftTimes } from '../../oracle/objects.js';

const GOLDENS = join(import.meta.dirname, '../../goldens');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const files = readdirSync(GOLDENS).filter((f) => f.startsWith('kubectl_describe')).sort();

function loadFixture(name: string): { items: KubeObject[]; fixtureNow: string } {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { items: KubeObject[]; fixtureNow: string };
}

async function runAt(g: ReturnType<typeof readGolden>, fx: { items: KubeObject[]; fixtureNow: string }, now: number) {
  const items = shiftTimes(fx.items, now - Date.parse(fx.fixtureNow));
  return runKubelab(argvOf(g.command), apiWithObjects(items), now + 500);
}

describe('kubectl describe goldens', () => {
  it('has the goldens', () => { expect(files.length).toBeGreaterThanOrEqual(31); });
  for (const file of files) {
    it(file, async () => {
      const g = readGolden(join(GOLDENS, file));
      const fx = loadFixture(g.fixture);
      // `# captured:` is stamped when the file is written, up to a second after fakeapi mapped
      // the fixture's "now" to the clock; use the response second that reproduces the dates.
      let r = await runAt(g, fx, Date.parse(g.captured));
      if (r.stdout !== g.stdout) r = await runAt(g, fx, Date.parse(g.captured) - 1000);
      expect(r.stdout).toBe(g.stdout);
      expect(r.stderr).toBe(g.stderr);
      expect(r.exitCode).toBe(g.exitStatus);
    });
  }
});
