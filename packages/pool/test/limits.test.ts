import { STRATEGIES, WorkerExitError } from '@parlab/core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool, PoolStateError, QueueFullError, WorkerStartError } from '../dist/src/index.js';
import * as tasks from '../dist/test/fixtures/tasks.js';
import { makePool, rejection } from './helpers.js';

let directory: string;
let dirs = 0;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'parlab-pool-limits-'));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe.each(STRATEGIES)('Pool limits (%s)', (strategy) => {
  it('maxQueue 0 accepts a task while a worker is free for it and refuses it otherwise; map waits for room', async () => {
    const pool = makePool({ strategy, workers: 2, maxQueue: 0 });
    expect(pool.isFull).toBe(false);
    const busy = [pool.applyAsync(tasks.spin, [100]), pool.applyAsync(tasks.spin, [100])];
    expect(pool.isFull).toBe(true);
    expect(() => pool.applyAsync(tasks.add, [1, 1])).toThrow(QueueFullError);
    await pool.whenDrained({ timeoutMs: 10_000 });
    expect(pool.isFull).toBe(false);
    expect(await pool.applyAsync(tasks.add, [1, 1]).get(10_000)).toBe(2);
    for (const result of busy) await result.get(10_000);
    expect(await pool.map(tasks.square, [1, 2, 3, 4, 5], { chunksize: 1 })).toEqual([1, 4, 9, 16, 25]);
  });

  it('refuses a worker count above its bound with a clear error, before starting any', () => {
    expect(() => new Pool({ strategy, workers: 1_000_000 })).toThrow(RangeError);
    expect(() => new Pool({ strategy, workers: 1_000_000 })).toThrow(/options.workers must be at most \d+ .*got 1000000/);
  });

  it('a worker that dies before it is ready is replaced after a backoff; the pool goes on', async () => {
    const starts = join(directory, `starts-${strategy}-${dirs++}`);
    mkdirSync(starts);
    const pool = makePool({ strategy, workers: 1, initializer: tasks.exitInFirstStarts, initArgs: [starts, 2] });
    expect(await pool.applyAsync(tasks.add, [1, 2]).get(10_000)).toBe(3);
    expect(pool.stats().workersStarted).toBe(3);
    expect(pool.stats().workersLost).toBe(2);
  });

  it.runIf(strategy === 'process')('a replacement worker killed before it is ready (no initializer) is replaced in turn', async () => {
    const pool = makePool({ strategy, workers: 1 });
    expect(await pool.applyAsync(tasks.add, [1, 2]).get(10_000)).toBe(3);
    expect(await rejection(pool.applyAsync(tasks.exitNow, [7]).get(10_000))).toBeInstanceOf(WorkerExitError);
    // The replacement has just been started: it is far from ready.
    const [replacement] = pool.workers;
    process.kill(replacement?.pid ?? 0, 'SIGKILL');
    expect(await pool.applyAsync(tasks.add, [2, 3]).get(10_000)).toBe(5);
    expect(pool.stats().workersStarted).toBe(3);
  });

  it('workers that keep dying before they are ready break the pool after several attempts, with the real cause', async () => {
    const pool = makePool({ strategy, workers: 1, initializer: tasks.exitWhileStarting, initArgs: [5] });
    const error = await rejection(pool.applyAsync(tasks.add, [1, 2]).get(20_000));
    expect(error).toBeInstanceOf(WorkerStartError);
    expect(error.message).toMatch(/workers ended before they were ready 5 times in a row/);
    const cause = error.cause as WorkerExitError;
    expect(cause).toBeInstanceOf(WorkerExitError);
    expect(cause.exitCode).toBe(5);
    expect(cause.message).toMatch(/exited with code 5 while starting/);
    expect(pool.stats().workersStarted).toBe(5);
    expect(() => pool.applyAsync(tasks.add, [1, 2])).toThrow(PoolStateError);
    await pool.join({ timeoutMs: 10_000 });
  });
});
