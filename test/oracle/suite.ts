/**
 * A vitest suite comparing kubelab's kubectl with real kubectl 1.33 on the same objects: one
 * test per command line. Real kubectl runs once for all cases (beforeAll, in parallel batches);
 * kubelab then renders the same (time-shifted) objects at the second real kubectl's clock read.
 * Works for any kubectl command, not only describe. Skipped, with a note on the console, where
 * fakeapi (../shared beside the repo) or the kubectl 1.33 binary is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/cluster/api/types.js';
import { Oracle, oracleUnavailable, type OracleCase, type OracleRun } from './oracle.js';
import { apiWithObjects, runKubelab, type RunResult } from './objects.js';
import { closestRender, monotoneLineMatch } from './clock-match.js';

export type { OracleCase } from './oracle.js';

const why = oracleUnavailable();
let warned = false;

export function oracleSuite(title: string, objects: () => { objects: KubeObject[]; now: number }, cases: OracleCase[]): void {
  if (why && !warned) { console.warn(`[oracle] SKIPPED real-kubectl comparisons: ${why}`); warned = true; }
  describe.skipIf(why !== null)(title, () => {
    let oracle: Oracle | undefined;
    let runs: OracleRun[] = [];
    beforeAll(async () => {
      const o = objects();
      oracle = await Oracle.start(o.objects, o.now);
      runs = await oracle.runMany(cases);
    }, 180000);
    afterAll(async () => { await oracle?.stop(); });
    cases.forEach((c, i) => {
      it(c.argv.join(' ') + (c.files ? ` [${Object.keys(c.files).join(',')}]` : ''), async () => {
        const real = runs[i]!;
        expect(real.stdout + real.stderr).not.toBe('');
        // Real kubectl's clock read candidate seconds only; kubelab must explain its stdout with
        // one of them, or (a run across a second boundary) with a clock moving forward through them.
        expect(real.nowCandidates.length).toBeGreaterThan(0);
        const renders: RunResult[] = [];
        for (const now of real.nowCandidates) {
          renders.push(await runKubelab(c.argv, apiWithObjects(oracle!.objects), now + 500, c.files));
          if (renders.at(-1)!.stdout === real.stdout) break;
        }
        const outs = renders.map((r) => r.stdout);
        let ours = renders.at(-1)!;
        if (ours.stdout !== real.stdout) {
          if (monotoneLineMatch(real.stdout, outs)) ours = { ...ours, stdout: real.stdout };
          else ours = renders[closestRender(real.stdout, outs)]!;
        }
        expect(ours.stdout).toBe(real.stdout);
        expect(ours.stderr).toBe(real.stderr);
        expect(ours.exitCode).toBe(real.exitCode);
      });
    });
  });
}
