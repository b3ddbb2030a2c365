// CPython's barrier reset and event wake-up tests (test_multiprocessing, lock_tests), ported: no lost round, no lost wake-up.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { Barrier, Event } from '../dist/src/index.js';
import { abortAndResetRounds, reportAbortAndReset, reportReset, resetRounds, setEvent, waitEventReport, type ResetCounts } from '../dist/test/fixtures/targets.js';
import { cleanup, killAll, read, start, tmp } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

/** CPython's _TestBarrier.N is 5; four parties (three children and this one) are enough to race. */
const PARTIES = 4;
const ROUNDS = 30;
/** CPython's defaultTimeout: every wait is bounded, and a timeout shows as a broken round. */
const BARRIER_TIMEOUT_MS = 20_000;

function collect(mine: ResetCounts, files: string[]): ResetCounts[] {
  return [mine, ...files.map((file) => read<ResetCounts>(file))];
}

describe.each(STRATEGIES)('CPython barrier and event races (%s)', (strategy) => {
  it(`_TestBarrier.test_reset, ${ROUNDS} rounds: reset() frees the waiters and the next round passes`, async () => {
    const barrier = new Barrier(PARTIES, { strategy, timeoutMs: BARRIER_TIMEOUT_MS });
    const files = Array.from({ length: PARTIES - 1 }, tmp);
    const children = files.map((file) => start(strategy, reportReset, [barrier, ROUNDS, file]));
    const mine = await resetRounds(barrier, ROUNDS);
    // Each child ends by itself once its target returns: the barrier's connection does not hold it.
    expect(await Promise.all(children.map((child) => child.join(BARRIER_TIMEOUT_MS)))).toEqual(Array<number>(PARTIES - 1).fill(0));
    const all = collect(mine, files);
    expect(all.map((c) => c.error ?? 'ok')).toEqual(Array<string>(PARTIES).fill('ok'));
    const sum = (key: 'released' | 'broken' | 'passed'): number => all.reduce((total, c) => total + c[key], 0);
    // results1 empty, results2 N-1 per round, results3 N per round.
    expect([sum('released'), sum('broken'), sum('passed')]).toEqual([0, (PARTIES - 1) * ROUNDS, PARTIES * ROUNDS]);
    expect(await barrier.broken()).toBe(false);
  });

  it(`_TestBarrier.test_abort_and_reset, ${ROUNDS} rounds: a barrier broken by abort() works again after reset()`, async () => {
    const barrier = new Barrier(PARTIES, { strategy, timeoutMs: BARRIER_TIMEOUT_MS });
    const barrier2 = new Barrier(PARTIES, { strategy, timeoutMs: BARRIER_TIMEOUT_MS });
    const files = Array.from({ length: PARTIES - 1 }, tmp);
    const children = files.map((file) => start(strategy, reportAbortAndReset, [barrier, barrier2, ROUNDS, file]));
    const mine = await abortAndResetRounds(barrier, barrier2, ROUNDS);
    // Each child ends by itself once its target returns: the barrier's connection does not hold it.
    expect(await Promise.all(children.map((child) => child.join(BARRIER_TIMEOUT_MS)))).toEqual(Array<number>(PARTIES - 1).fill(0));
    const all = collect(mine, files);
    expect(all.map((c) => c.error ?? 'ok')).toEqual(Array<string>(PARTIES).fill('ok'));
    const sum = (key: 'released' | 'broken' | 'passed'): number => all.reduce((total, c) => total + c[key], 0);
    expect([sum('released'), sum('broken'), sum('passed')]).toEqual([0, (PARTIES - 1) * ROUNDS, PARTIES * ROUNDS]);
  });

  it('lock_tests.EventTests.test_set_and_clear: set() then clear() at once still wakes every waiter, with true', async () => {
    const waiters = 5;
    const event = new Event({ strategy });
    const ready = new Barrier(waiters, { strategy, timeoutMs: BARRIER_TIMEOUT_MS });
    const files = Array.from({ length: waiters - 1 }, tmp);
    const children = files.map((file) => start(strategy, waitEventReport, [event, ready, file]));
    const local = event.wait({ timeoutMs: BARRIER_TIMEOUT_MS });
    // The last to arrive: every child is waiting on the event once this returns (see waitEventReport).
    await ready.wait();
    await setEvent(event, true);
    expect(await local).toBe(true);
    expect(await Promise.all(children.map((child) => child.join(BARRIER_TIMEOUT_MS)))).toEqual(Array<number>(waiters - 1).fill(0));
    expect(files.map((file) => read<{ woken: boolean }>(file).woken)).toEqual(Array<boolean>(waiters - 1).fill(true));
    expect(await event.isSet()).toBe(false);
  });

  it('_TestEvent.test_event: wait(0) and wait(t) are false while unset, true once set; a child sets it', async () => {
    const event = new Event({ strategy });
    expect(await event.isSet()).toBe(false);
    expect(await event.wait({ timeoutMs: 0 })).toBe(false);
    expect(await event.wait({ timeoutMs: 50 })).toBe(false);
    await event.set();
    expect(await event.isSet()).toBe(true);
    expect(await event.wait()).toBe(true);
    expect(await event.wait({ timeoutMs: 50 })).toBe(true);
    await event.clear();
    expect(await event.isSet()).toBe(false);
    const child = start(strategy, setEvent, [event, false]);
    expect(await event.wait({ timeoutMs: BARRIER_TIMEOUT_MS })).toBe(true);
    expect(await child.join(BARRIER_TIMEOUT_MS)).toBe(0);
  });
});
