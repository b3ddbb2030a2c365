// Warm pools for the workloads suite and the contract tests: start, wait until every worker answered, close.
import { performance } from 'node:perf_hooks';
import type { StrategyName } from '@parlab/core';
import { Pool } from '@parlab/pool';
import { warmUp } from './warm-up.js';

const CLOSE_TIMEOUT_MS = 10_000;

/**
 * Starts a pool and runs one warm-up task per worker (chunksize 1, so the tasks spread over
 * the workers). `startupMs` is the time from the constructor to the last warm-up answer.
 */
export async function openPool(strategy: StrategyName, workers: number, signal?: AbortSignal): Promise<{ pool: Pool; startupMs: number }> {
  const started = performance.now();
  const pool = new Pool({ strategy, workers });
  try {
    const indices = Array.from({ length: workers }, (_, i) => i);
    await pool.map(warmUp, indices, { chunksize: 1, ...(signal !== undefined ? { signal } : {}) });
    return { pool, startupMs: performance.now() - started };
  } catch (error) {
    await closePool(pool);
    throw error;
  }
}

/** Terminates the pool's workers and waits (bounded) until they are gone. */
export async function closePool(pool: Pool): Promise<void> {
  pool.terminate();
  await pool.join({ timeoutMs: CLOSE_TIMEOUT_MS }).catch(() => undefined);
}
