// Sizes a new workload on the machine it is created on: quick ≈ 200 ms serially (the bench's 100–400 ms), full ≈ 1.5 s.
import { performance } from 'node:perf_hooks';
import { summarize } from '@parlab/bench-kit';
import type { Limits } from './template.js';

export const QUICK_TARGET_MS = 200;
export const FULL_TARGET_MS = 1_500;

export interface CalibrateOptions {
  /** The `test` limit, kept as it is (contract tests stay small). */
  readonly testLimit: number;
  /** The clock serial runs are timed with (performance.now); tests give a simulated one. */
  readonly clock?: () => number;
  /** Largest limit tried. */
  readonly maxLimit?: number;
}

/** Two significant digits: 183_456 → 180_000. */
function round2(x: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.max(1, Math.round(x / magnitude) * magnitude);
}

/**
 * Finds limits whose serial run takes about QUICK_TARGET_MS and FULL_TARGET_MS here: doubles the
 * limit until a run is long enough to time well, scales linearly to the targets, then checks the
 * quick one once and corrects it. `serialAt(limit)` runs the workload's serial reference.
 */
export async function calibrateLimits(serialAt: (limit: number) => unknown, options: CalibrateOptions): Promise<Limits & { measured: { limit: number; ms: number } }> {
  const now = options.clock ?? (() => performance.now());
  const maxLimit = options.maxLimit ?? 2 ** 40;
  const time = async (limit: number): Promise<number> => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = now();
      await serialAt(limit);
      runs.push(now() - started);
    }
    return summarize(runs).median;
  };
  let limit = options.testLimit;
  let ms = await time(limit);
  while (ms < QUICK_TARGET_MS / 4 && limit * 2 <= maxLimit) {
    limit *= 2;
    ms = await time(limit);
  }
  const first = round2(Math.min(maxLimit, (limit * QUICK_TARGET_MS) / Math.max(ms, 1e-3)));
  const firstMs = await time(first);
  // Costs are rarely linear in the limit: one correction from a run at the first guess.
  const quick = Math.max(round2(Math.min(maxLimit, (first * QUICK_TARGET_MS) / Math.max(firstMs, 1e-3))), options.testLimit * 2);
  const full = Math.max(round2(Math.min(maxLimit, (quick * FULL_TARGET_MS) / QUICK_TARGET_MS)), quick * 2);
  return { test: options.testLimit, quick, full, measured: { limit: first, ms: firstMs } };
}
