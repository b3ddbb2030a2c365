// Barrier under both strategies: Python's cases (release together, indices, action, timeout, abort, reset).
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { Barrier, BrokenBarrierError } from '../dist/src/index.js';
import { failingAction, hookedAction, markAction, setActionHook, waitRounds } from '../dist/test/fixtures/targets.js';
import { cleanup, killAll, read, start, tmp, until } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

describe.each(STRATEGIES)('Barrier (%s)', (strategy) => {
  it('releases the parties together, each with a distinct index, round after round', async () => {
    const barrier = new Barrier(3, { strategy });
    const files = [tmp(), tmp()];
    const children = files.map((file) => start(strategy, waitRounds, [barrier, 5, file]));
    const mine: number[] = [];
    for (let i = 0; i < 5; i++) mine.push(await barrier.wait({ timeoutMs: 20_000 }));
    // Each child ends by itself once its target returns: the barrier's handles do not hold it.
    expect(await Promise.all(children.map((c) => c.join(20_000)))).toEqual([0, 0]);
    const theirs = files.map((f) => read<{ indices: number[] }>(f).indices);
    for (let round = 0; round < 5; round++) {
      expect([mine[round], theirs[0]?.[round], theirs[1]?.[round]].sort()).toEqual([0, 1, 2]);
    }
    expect(await barrier.nWaiting()).toBe(0);
    expect(await barrier.broken()).toBe(false);
  });

  it('runs the action in one party per round, and a failing action breaks it', async () => {
    const log = tmp();
    process.env['PARLAB_TEST_ACTION_LOG'] = log;
    const barrier = new Barrier(2, { strategy, action: markAction });
    const file = tmp();
    const child = start(strategy, waitRounds, [barrier, 3, file]);
    for (let i = 0; i < 3; i++) await barrier.wait({ timeoutMs: 20_000 });
    await child.join(20_000);
    expect(read<{ indices: number[] }>(file).indices).toHaveLength(3);
    expect(readFileSync(log, 'utf8')).toBe('ran\nran\nran\n');

    const failing = new Barrier(2, { strategy, action: failingAction });
    const file2 = tmp();
    const other = start(strategy, waitRounds, [failing, 1, file2]);
    const mine = await failing.wait({ timeoutMs: 20_000 }).then(
      () => 'ok',
      (error: Error) => error.name,
    );
    await other.join(20_000);
    const theirs = read<{ error?: string }>(file2).error ?? 'ok';
    // The party that ran the action gets its error; the other gets BrokenBarrierError.
    expect([mine, theirs].sort()).toEqual(['BrokenBarrierError', 'RangeError']);
    expect(await failing.broken()).toBe(true);
  });

  it('a timeout breaks it for every waiter, and it stays broken until reset', async () => {
    const barrier = new Barrier(3, { strategy });
    const file = tmp();
    const child = start(strategy, waitRounds, [barrier, 1, file]);
    await expect(barrier.wait({ timeoutMs: 300 })).rejects.toBeInstanceOf(BrokenBarrierError);
    await child.join(20_000);
    expect(read<{ broken: boolean }>(file).broken).toBe(true);
    expect(await barrier.broken()).toBe(true);
    await expect(barrier.wait({ timeoutMs: 1000 })).rejects.toBeInstanceOf(BrokenBarrierError);
    await barrier.reset();
    expect(await barrier.broken()).toBe(false);
  });

  it('uses the default timeout given at construction', async () => {
    const barrier = new Barrier(2, { strategy, timeoutMs: 100 });
    await expect(barrier.wait()).rejects.toBeInstanceOf(BrokenBarrierError);
  });

  it('abort() and reset() fail the parties that wait', async () => {
    const barrier = new Barrier(3, { strategy });
    const waiting = barrier.wait({ timeoutMs: 20_000 });
    const assertion = expect(waiting).rejects.toBeInstanceOf(BrokenBarrierError);
    await barrier.abort();
    await assertion;
    expect(await barrier.broken()).toBe(true);
    await barrier.reset();
    const again = barrier.wait({ timeoutMs: 20_000 });
    const assertion2 = expect(again).rejects.toBeInstanceOf(BrokenBarrierError);
    await barrier.reset();
    await assertion2;
    expect(await barrier.broken()).toBe(false);
  });

  it.each(['abort', 'reset'] as const)('%s() while the last party runs the action fails that round for every party, the last one too', async (how) => {
    const barrier = new Barrier(2, { strategy, action: hookedAction });
    const file = tmp();
    const child = start(strategy, waitRounds, [barrier, 1, file]);
    await until(async () => (await barrier.nWaiting()) === 1);
    // This party arrives last, so the action (and the hook) runs here.
    setActionHook(() => (how === 'abort' ? barrier.abort() : barrier.reset()));
    try {
      await expect(barrier.wait({ timeoutMs: 20_000 })).rejects.toBeInstanceOf(BrokenBarrierError);
    } finally {
      setActionHook(null);
    }
    await child.join(20_000);
    expect(read<{ broken: boolean }>(file).broken).toBe(true);
    expect(await barrier.broken()).toBe(how === 'abort');
  });

  it('an aborted signal rejects with its reason and breaks the barrier', async () => {
    const barrier = new Barrier(2, { strategy });
    const controller = new AbortController();
    const waiting = barrier.wait({ signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(await barrier.broken()).toBe(true);
  });

  it('a negative timeout is 0, as in Python: the wait times out at once and breaks the barrier', async () => {
    const barrier = new Barrier(2, { strategy });
    await expect(barrier.wait({ timeoutMs: -1 })).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(await barrier.broken()).toBe(true);
    const byDefault = new Barrier(2, { strategy, timeoutMs: -1 });
    await expect(byDefault.wait()).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(await byDefault.broken()).toBe(true);
  });

  it('rejects bad arguments with clear errors', () => {
    expect(() => new Barrier(0, { strategy })).toThrow(/parties must be an integer/);
    expect(() => new Barrier(2, { strategy, timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => new Barrier(2, { strategy, action: () => {} })).toThrow(/defineTargets/);
  });
});
