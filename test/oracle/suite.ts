/**
 * A vitest suite comparing kubelab's kubectl with real kubectl 1.33 on the same objects: one
 * test per command line. Real kubectl runs once for all cases (beforeAll, in parallel batches);
 * kubelab then renders the same objects shifted by each run's offset. Skipped, with a note on
 * the console, where fakeapi (../shared beside the repo) or the kubectl 1.33 binary is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/cluster/api/types.js';
import { Oracle, oracleUnavailable, type OracleRun } from './oracle.js';
import { apiWithObjects, runKubelab, shiftTimes } from './objects.js';

export interface OracleCase { argv: string[]; files?: Record<string, string> }

const why = oracleUnavailable();
let warned = false;

export function oracleSuite(title: string, objects: () => { objects: KubeObject[]; now: number }, cases: OracleCase[]): void {
  if (why && !warned) { console.warn(`[oracle] SKIPPED real-kubectl comparisons: ${why}`); warned = true; }
  describe.skipIf(why !== null)(title, () => {
    let oracle: Oracle | undefined;
    let runs: OracleRun[] = [];
    let now = 0;
    beforeAll(async () => {
      const o = objects();
      now = o.now;
      oracle = await Oracle.start(o.objects, o.now);
      runs = await oracle.runMany(cases);
    }, 180000);
    afterAll(async () => { await oracle?.stop(); });
    cases.forEach((c, i) => {
      it(c.argv.join(' ') + (c.files ? ` [${Object.keys(c.files).join(',')}]` : ''), async () => {
        const real = runs[i]!;
        expect(real.stdout + real.stderr).not.toBe('');
        const ours = await runKubelab(c.argv, apiWithObjects(shiftTimes(oracle!.objects, real.offsetMs)), now + real.offsetMs, c.files);
        expect(ours.stdout).toBe(real.stdout);
        expect(ours.stderr).toBe(real.stderr);
        expect(ours.exitCode).toBe(real.exitCode);
      });
    });
  });
}
