// The shared contract tests every workload runs: parallel equals serial under both strategies at 1, 2 and 3 workers.
import { STRATEGIES, type StrategyName } from '@parlab/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractProblem } from '../discover.js';
import { closePool, openPool } from '../pools.js';
import type { Workload } from '../workload.js';

/** Worker counts the contract covers: one, as many as the cores here, and an uneven split. */
export const CONTRACT_WORKERS = [1, 2, 3] as const;
const RUN_TIMEOUT_MS = 20_000;

/** Declares the contract tests of `workload` (call it at the top level of a test file). */
export function describeWorkloadContract<Size, Result>(workload: Workload<Size, Result>): void {
  describe(`workload ${workload.id}`, () => {
    let expected: Result;

    beforeAll(async () => {
      expected = await workload.serial(workload.sizes.test);
    });

    it('exports a workload of the right shape, named after its folder', () => {
      expect(contractProblem(workload, workload.id)).toBeNull();
      expect(workload.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it('gives the same serial result twice (it is deterministic)', async () => {
      expect(workload.check(await workload.serial(workload.sizes.test), expected)).toBe(true);
    });

    /** Runs `parallel` on a warm pool of that shape and checks it against the serial result. */
    const equalsSerial = async (parallel: Pick<Workload<Size, Result>, 'parallel'>, strategy: StrategyName, workers: number): Promise<void> => {
      const { pool } = await openPool(strategy, workers, AbortSignal.timeout(RUN_TIMEOUT_MS));
      try {
        const result = await parallel.parallel(workload.sizes.test, { strategy, workers, pool, signal: AbortSignal.timeout(RUN_TIMEOUT_MS) });
        expect(workload.check(result, expected)).toBe(true);
      } finally {
        await closePool(pool);
      }
    };

    describe.each(STRATEGIES)('under %s', (strategy) => {
      it.each(CONTRACT_WORKERS)('the parallel result with %i worker(s) equals the serial one', (workers) => equalsSerial(workload, strategy, workers));
    });

    for (const variant of workload.variants ?? []) {
      describe.each(variant.strategies)(`variant ${variant.id} under %s`, (strategy) => {
        it.each(CONTRACT_WORKERS)('the parallel result with %i worker(s) equals the serial one, or it says why it cannot run here', async (workers) => {
          const why = variant.unavailable?.() ?? null;
          if (why !== null) expect(why).toMatch(/\w/);
          else await equalsSerial(variant, strategy, workers);
        });
      });
    }
  });
}
