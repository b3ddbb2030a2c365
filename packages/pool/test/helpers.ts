// Shared test helpers: pools that are always cleaned up, and a check that no worker survives.
import { afterEach } from 'vitest';
import { Pool, type PoolOptions } from '../dist/src/index.js';

const open = new Set<Pool>();

/** A pool that afterEach terminates and joins (with a bound) whatever the test did. */
export function makePool(options: PoolOptions): Pool {
  const pool = new Pool(options);
  open.add(pool);
  return pool;
}

afterEach(async () => {
  const pools = [...open];
  open.clear();
  for (const pool of pools) {
    pool.terminate();
    await pool.join({ timeoutMs: 10_000 });
  }
});

/** Whether a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with what `promise` rejects with; fails if it resolves. */
export async function rejection(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
