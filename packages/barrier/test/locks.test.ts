// Each lock's rules: Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { BoundedSemaphore, Condition, Event, Lock, RLock, Semaphore, SyncStateError } from '../dist/src/index.js';
import { addMany } from '../dist/test/fixtures/targets.js';
import { cleanup, killAll, read, start, tmp } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

describe.each(STRATEGIES)('locks (%s)', (strategy) => {
  it('Lock: one holder at a time, a try reports failure, releasing an unlocked lock is an error', async () => {
    const lock = new Lock({ strategy });
    expect(await lock.acquire()).toEqual({ acquired: true, ownerDied: false });
    expect(await lock.locked()).toBe(true);
    expect(await lock.acquire({ timeoutMs: 0 })).toEqual({ acquired: false, ownerDied: false });
    expect((await lock.acquire({ timeoutMs: 50 })).acquired).toBe(false);
    await lock.release();
    await expect(lock.release()).rejects.toBeInstanceOf(SyncStateError);
    const controller = new AbortController();
    await lock.acquire();
    const waiting = lock.acquire({ signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    await lock.release();
    expect(await lock.locked()).toBe(false);
  });

  it('Lock guards a counter that children update', async () => {
    if (strategy === 'process') return; // the shared counter is a SharedArrayBuffer: thread only
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const lock = new Lock({ strategy });
    const files = [tmp(), tmp(), tmp()];
    const children = files.map((f) => start(strategy, addMany, [counter, f, lock, 200]));
    await Promise.all(children.map((c) => c.join(20_000)));
    expect(counter[0]).toBe(600);
  });

  it('Lock works across children (each child finishes while others contend)', async () => {
    const lock = new Lock({ strategy });
    const files = [tmp(), tmp()];
    const children = files.map((f) => start(strategy, addMany, [null, f, lock, 50]));
    await Promise.all(children.map((c) => c.join(20_000)));
    for (const f of files) expect(read<{ done: boolean }>(f).done).toBe(true);
    expect(await lock.locked()).toBe(false);
  });

  it('RLock: re-entrant for its holder, released as many times as taken', async () => {
    const lock = new RLock({ strategy });
    await lock.acquire();
    await lock.acquire();
    await lock.release();
    expect(await lock.locked()).toBe(true);
    await lock.release();
    expect(await lock.locked()).toBe(false);
    await expect(lock.release()).rejects.toBeInstanceOf(SyncStateError);
  });

  it('Semaphore counts; BoundedSemaphore refuses to be released too often', async () => {
    const sem = new Semaphore({ strategy, value: 2 });
    expect(await sem.acquire()).toBe(true);
    expect(await sem.acquire()).toBe(true);
    expect(await sem.acquire({ timeoutMs: 0 })).toBe(false);
    expect(await sem.acquire({ timeoutMs: 30 })).toBe(false);
    await sem.release(3);
    expect(await sem.value()).toBe(3);
    const bounded = new BoundedSemaphore({ strategy, value: 1 });
    await expect(bounded.release()).rejects.toBeInstanceOf(SyncStateError);
    expect(await bounded.acquire()).toBe(true);
    await bounded.release();
    expect(() => new Semaphore({ strategy, value: -1 })).toThrow(RangeError);
  });

  it('Event: set, clear, isSet, wait with a timeout', async () => {
    const event = new Event({ strategy });
    expect(await event.isSet()).toBe(false);
    expect(await event.wait({ timeoutMs: 30 })).toBe(false);
    const waiting = event.wait({ timeoutMs: 20_000 });
    await event.set();
    expect(await waiting).toBe(true);
    expect(await event.isSet()).toBe(true);
    await event.clear();
    expect(await event.isSet()).toBe(false);
  });

  it('Condition: notify wakes a waiter, wait times out, and the lock must be held', async () => {
    const cond = new Condition(undefined, { strategy });
    await expect(cond.wait({ timeoutMs: 10 })).rejects.toBeInstanceOf(SyncStateError);
    await expect(cond.notify()).rejects.toBeInstanceOf(SyncStateError);
    await cond.acquire();
    expect(await cond.wait({ timeoutMs: 30 })).toBe(false);
    expect(await cond.waitFor(() => 'ready', { timeoutMs: 10 })).toBe('ready');
    expect(await cond.waitFor(() => false, { timeoutMs: 30 })).toBe(false);
    // wait() lets the lock go before its first await, so this same party can take it and notify.
    const waiter = cond.wait({ timeoutMs: 20_000 });
    expect((await cond.acquire({ timeoutMs: 20_000 })).acquired).toBe(true);
    await cond.notify();
    await cond.release();
    expect(await waiter).toBe(true);
    await cond.release();
    expect(await cond.lock.locked()).toBe(false);
  });

  it('a negative timeout is 0, as in multiprocessing: each call tries once and returns at once', async () => {
    const lock = new Lock({ strategy });
    expect(await lock.acquire({ timeoutMs: -1 })).toEqual({ acquired: true, ownerDied: false });
    expect(await lock.acquire({ timeoutMs: -1 })).toEqual({ acquired: false, ownerDied: false });
    await lock.release();
    const rlock = new RLock({ strategy });
    expect((await rlock.acquire({ timeoutMs: -1 })).acquired).toBe(true);
    expect((await rlock.acquire({ timeoutMs: -1 })).acquired).toBe(true);
    await rlock.release();
    await rlock.release();
    expect(await new Semaphore({ strategy, value: 0 }).acquire({ timeoutMs: -1 })).toBe(false);
    expect(await new BoundedSemaphore({ strategy, value: 1 }).acquire({ timeoutMs: -1 })).toBe(true);
    const event = new Event({ strategy });
    expect(await event.wait({ timeoutMs: -1 })).toBe(false);
    await event.set();
    expect(await event.wait({ timeoutMs: -1 })).toBe(true);
    const cond = new Condition(undefined, { strategy });
    await cond.acquire();
    expect(await cond.wait({ timeoutMs: -1 })).toBe(false);
    expect(await cond.waitFor(() => false, { timeoutMs: -1 })).toBe(false);
    // As in Python, the lock is held again when wait() returns.
    await cond.release();
    await expect(lock.acquire({ timeoutMs: Number.NaN })).rejects.toThrow(/timeoutMs/);
  });
});
