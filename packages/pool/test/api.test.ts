import { STRATEGIES, TimeoutError } from '@parlab/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncResult, Pool, PoolStateError, QueueFullError } from '../dist/src/index.js';
import * as tasks from '../dist/test/fixtures/tasks.js';
import { makePool, rejection } from './helpers.js';

describe.each(STRATEGIES)('Pool API (%s)', (strategy) => {
  // Tests that leave the pool as they found it share one; the others make their own.
  let shared: Pool;
  beforeAll(() => {
    shared = new Pool({ strategy, workers: 2 });
  });
  afterAll(async () => {
    shared.terminate();
    await shared.join({ timeoutMs: 10_000 });
  });

  it('apply runs a task in a worker and returns its value', async () => {
    const pool = shared;
    expect(await pool.apply(tasks.add, [2, 3])).toBe(5);
    expect(await pool.apply(tasks.addLater, [4, 5])).toBe(9);
    const who = await pool.apply(tasks.whoAmI);
    const worker = pool.workers.find((candidate) => candidate.pid === who.pid && candidate.threadId === who.threadId);
    expect(worker).toBeDefined();
  });

  it('applyAsync gives an AsyncResult: get, wait, ready, successful, callbacks, await', async () => {
    const pool = shared;
    const seen: number[] = [];
    const errors: Error[] = [];
    const ok = pool.applyAsync(tasks.add, [1, 2], { callback: (value) => seen.push(value) });
    const bad = pool.applyAsync(tasks.fail, ['nope'], { errorCallback: (error) => errors.push(error) });
    expect(ok).toBeInstanceOf(AsyncResult);
    expect(() => ok.successful()).toThrow(PoolStateError);
    expect(await ok.wait(10_000)).toBe(true);
    expect(ok.ready()).toBe(true);
    expect(ok.successful()).toBe(true);
    expect(await ok.get(10_000)).toBe(3);
    expect(await ok).toBe(3);
    expect(seen).toEqual([3]);
    expect(await bad.wait({ timeoutMs: 10_000 })).toBe(true);
    expect(bad.successful()).toBe(false);
    expect((await rejection(bad.get())).message).toBe('nope');
    expect(errors.map((error) => error.message)).toEqual(['nope']);
  });

  it('get(timeoutMs) rejects with TimeoutError and wait(timeoutMs) resolves false while the task runs', async () => {
    const pool = shared;
    const slow = pool.applyAsync(tasks.spin, [400]);
    expect(await slow.wait(1)).toBe(false);
    expect(await rejection(slow.get(1))).toBeInstanceOf(TimeoutError);
    expect(await slow.get(10_000)).toBeGreaterThan(0);
  });

  it('errors cross with their name, message, own fields, stack and cause', async () => {
    const pool = shared;
    const error = (await rejection(pool.apply(tasks.fail, ['boom']))) as Error & { code?: number };
    expect(error.name).toBe('TaskFailure');
    expect(error.message).toBe('boom');
    expect(error.code).toBe(42);
    expect(error.stack).toContain('fail');
    expect((error.cause as Error).name).toBe('RangeError');
    expect((error.cause as Error).message).toBe('the cause');
  });

  it('shareable objects cross as handles in both directions, as queues and locks do', async () => {
    const pool = shared;
    expect(await pool.apply(tasks.describeToken, [new tasks.Token('a')])).toBe('Token revived:a');
    const token = await pool.apply(tasks.makeToken, ['b']);
    expect(token).toBeInstanceOf(tasks.Token);
    expect(token.label).toBe('revived:b');
    expect(await pool.map(tasks.describeToken, [new tasks.Token('c'), new tasks.Token('d')])).toEqual([
      'Token revived:c',
      'Token revived:d',
    ]);
  });

  it('map and mapAsync keep input order, with any chunksize', async () => {
    const pool = shared;
    const items = Array.from({ length: 101 }, (_, i) => i);
    const squares = items.map((x) => x * x);
    expect(await pool.map(tasks.square, items)).toEqual(squares);
    expect(await pool.map(tasks.square, items, { chunksize: 1 })).toEqual(squares);
    expect(await pool.map(tasks.square, items, { chunksize: 7 })).toEqual(squares);
    expect(await pool.map(tasks.square, new Set(items))).toEqual(squares);
    let called: number[] | null = null;
    const result = pool.mapAsync(tasks.square, items, {
      callback: (values) => {
        called = values;
      },
    });
    expect(await result.get(10_000)).toEqual(squares);
    expect(called).toEqual(squares);
  });

  it('large numeric chunks keep every number exactly (NaN, -0, fractions) and mixed chunks stay as they are', async () => {
    const pool = shared;
    const numbers = Array.from({ length: 1000 }, (_, i) => (i === 3 ? Number.NaN : i === 4 ? -0 : i / 3));
    const back = await pool.map(tasks.identity, numbers);
    expect(back).toHaveLength(numbers.length);
    expect(back.every((value, i) => Object.is(value, numbers[i]))).toBe(true);
    expect(Array.isArray(back)).toBe(true);
    const streamed: number[] = [];
    for await (const value of pool.imap(tasks.square, numbers.slice(5), { chunksize: 200 })) streamed.push(value);
    expect(streamed).toEqual(numbers.slice(5).map((x) => x * x));
    const mixed = [...numbers.slice(5, 200), 'text', null];
    expect(await pool.map(tasks.identity, mixed, { chunksize: 500 })).toEqual(mixed);
  });

  it('chunksize edges: no items, one item, chunksize larger than the input', async () => {
    const pool = shared;
    expect(await pool.map(tasks.square, [])).toEqual([]);
    expect(await pool.map(tasks.square, [3])).toEqual([9]);
    expect(await pool.map(tasks.square, [1, 2, 3], { chunksize: 100 })).toEqual([1, 4, 9]);
    expect(await pool.starmap(tasks.add, [])).toEqual([]);
    const none: number[] = [];
    for await (const value of pool.imap(tasks.square, [])) none.push(value);
    expect(none).toEqual([]);
    expect(() => pool.mapAsync(tasks.square, [1], { chunksize: 0 })).toThrow(RangeError);
  });

  it('map rejects with the first error a task throws', async () => {
    const pool = shared;
    const error = await rejection(pool.map(tasks.failOnOdd, [0, 2, 3, 4], { chunksize: 1 }));
    expect(error.message).toBe('odd: 3');
    expect(await pool.apply(tasks.add, [1, 1])).toBe(2);
  });

  it('starmap and starmapAsync spread each argument list', async () => {
    const pool = shared;
    const pairs: [number, number][] = Array.from({ length: 20 }, (_, i) => [i, 10 * i]);
    expect(await pool.starmap(tasks.add, pairs)).toEqual(pairs.map(([a, b]) => a + b));
    expect(await pool.starmapAsync(tasks.addLater, pairs, { chunksize: 3 }).get(10_000)).toEqual(pairs.map(([a, b]) => a + b));
    expect(() => pool.starmapAsync(tasks.add, [[1, 2], 3 as unknown as [number, number]])).toThrow(/items\[1\]/);
  });

  it('imap yields in input order; imapUnordered yields every item once', async () => {
    const pool = shared;
    const items = Array.from({ length: 40 }, (_, i) => i);
    const ordered: number[] = [];
    for await (const value of pool.imap(tasks.square, items)) ordered.push(value);
    expect(ordered).toEqual(items.map((x) => x * x));
    const chunked: number[] = [];
    for await (const value of pool.imap(tasks.square, items, { chunksize: 6 })) chunked.push(value);
    expect(chunked).toEqual(items.map((x) => x * x));
    const unordered: number[] = [];
    for await (const value of pool.imapUnordered(tasks.square, items, { chunksize: 3 })) unordered.push(value);
    expect(unordered.sort((a, b) => a - b)).toEqual(items.map((x) => x * x));
  });

  it('an imap left early withdraws its remaining chunks', async () => {
    const pool = shared;
    for await (const value of pool.imap(tasks.identity, [1, 2, 3, 4, 5, 6])) {
      expect(value).toBe(1);
      break;
    }
    expect(await pool.apply(tasks.add, [2, 2])).toBe(4);
    expect(pool.stats().queued).toBe(0);
  });

  it('runs the initializer with its arguments in every worker', async () => {
    const pool = makePool({ strategy, workers: 2, initializer: tasks.initialize, initArgs: [{ ready: true }] });
    expect(await pool.map(tasks.readInitialized, [1, 2, 3, 4], { chunksize: 1 })).toEqual(Array(4).fill({ ready: true }));
  });

  it('close then join waits for every queued task; later calls are errors', async () => {
    const pool = makePool({ strategy, workers: 2 });
    const results = Array.from({ length: 10 }, (_, i) => pool.applyAsync(tasks.add, [i, 1]));
    await expect(pool.join()).rejects.toThrow(PoolStateError);
    pool.close();
    await pool.join({ timeoutMs: 10_000 });
    expect(await Promise.all(results)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(pool.workers).toEqual([]);
    expect(() => pool.applyAsync(tasks.add, [1, 2])).toThrow(PoolStateError);
    await expect(pool.map(tasks.square, [1])).rejects.toThrow(PoolStateError);
    expect(() => pool.imap(tasks.square, [1])).toThrow(PoolStateError);
  });

  it('await using terminates and joins the pool', async () => {
    let pids: number[] = [];
    {
      await using pool = makePool({ strategy, workers: 2 });
      expect(await pool.apply(tasks.add, [1, 2])).toBe(3);
      pids = pool.workers.map((worker) => worker.pid);
      expect(pids).toHaveLength(2);
    }
    expect(pids.length).toBe(2);
  });

  it('maxQueue bounds the queue: QueueFullError, then drain', async () => {
    const pool = makePool({ strategy, workers: 1, maxQueue: 2 });
    const running = pool.applyAsync(tasks.spin, [50]);
    await new Promise((resolve) => setImmediate(resolve));
    const queued = [pool.applyAsync(tasks.add, [1, 1]), pool.applyAsync(tasks.add, [2, 2])];
    expect(pool.isFull).toBe(true);
    expect(() => pool.applyAsync(tasks.add, [3, 3])).toThrow(QueueFullError);
    const drained = new Promise<void>((resolve) => pool.once('drain', resolve));
    await pool.whenDrained({ timeoutMs: 10_000 });
    await drained;
    expect(pool.isFull).toBe(false);
    expect(await Promise.all(queued)).toEqual([2, 4]);
    await running;
    // map waits for room instead of throwing.
    expect(await pool.map(tasks.square, [1, 2, 3, 4, 5], { chunksize: 1 })).toEqual([1, 4, 9, 16, 25]);
  });

  it('stats count tasks and record queue-wait and run-time histograms', async () => {
    const pool = makePool({ strategy, workers: 2 });
    await pool.map(tasks.square, [1, 2, 3, 4], { chunksize: 1 });
    await rejection(pool.apply(tasks.fail, ['x']));
    const stats = pool.stats();
    expect(stats.tasksCompleted).toBe(4);
    expect(stats.tasksFailed).toBe(1);
    expect(stats.queued).toBe(0);
    expect(stats.running).toBe(0);
    expect(stats.workersStarted).toBe(2);
    expect(stats.queueWaitMs.count).toBe(5);
    expect(stats.runTimeMs.count).toBe(5);
    expect(stats.runTimeMs.maxMs).toBeGreaterThanOrEqual(stats.runTimeMs.p50Ms);
  });

  it('bad input gets a clear error at the call', async () => {
    const pool = shared;
    const unregistered = (x: number): number => x;
    expect(() => pool.applyAsync(unregistered, [1])).toThrow(/not registered/);
    expect(() => pool.applyAsync(tasks.add, 1 as unknown as [number, number])).toThrow(/args must be an array/);
    expect(() => pool.applyAsync(tasks.identity, [() => 1])).toThrow(/args\[0\].*function/);
    expect(() => pool.mapAsync(tasks.identity, [1, Symbol('s')])).toThrow(/items\[1\]/);
    class Holder {
      readonly callback = (): number => 1;
    }
    const uncloneable = await rejection(pool.apply(tasks.identity, [{ holder: new Holder() }]));
    expect(uncloneable.name).toBe('CloneError');
    expect(await pool.apply(tasks.add, [1, 1])).toBe(2);
    expect(() => makePool({ strategy, workers: 0 })).toThrow(/options.workers/);
    expect(() => makePool({ strategy: "fork" as "thread" })).toThrow(/strategy/);
  });
});
