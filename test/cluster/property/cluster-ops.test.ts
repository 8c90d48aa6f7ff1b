/**
 * Random operation sequences against a kind cluster (fast-check): pods created, deleted and
 * relabelled; Deployments created, scaled, rolled and deleted; Services created, edited and
 * deleted; hand-written Endpoints; time passing. The invariants are checked after every step.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { newCluster } from '../helpers.js';
import { checkInvariants } from './invariants.js';
import { apply, opArb } from './ops.js';

let total = 0;

describe('cluster invariants under random operations', () => {
  it('hold after every step', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(opArb, { minLength: 80, maxLength: 140 }), (seed, ops) => {
      const c = newCluster('kind', seed);
      for (const op of ops) {
        apply(c, op);
        total++;
        try { checkInvariants(c); } catch (e) { throw new Error(`after ${JSON.stringify(op)}: ${(e as Error).message}`); }
      }
    }), { numRuns: 110, seed: 20251126, endOnFailure: true });
  }, 120_000);

  afterAll(() => { expect(total).toBeGreaterThanOrEqual(10_000); });
});
