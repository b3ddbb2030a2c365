// Primitives passed to children: blocking variants in workers and child processes, Condition and Semaphore across children.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { sharedMemoryBackend } from '@parlab/shm';
import { Barrier, Condition, Event, Lock, Semaphore } from '../dist/src/index.js';
import { blockingWork, conditionWaiter, semaphoreUser } from '../dist/test/fixtures/targets.js';
import { cleanup, killAll, read, start, tmp } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

describe.each(STRATEGIES)('primitives passed to children (%s)', (strategy) => {
  it('blocking waitSync/acquireSync work in worker threads, and in child processes with native shared memory; refused under the coordinator', async () => {
    const barrier = new Barrier(2, { strategy });
    const lock = new Lock({ strategy });
    const counter = strategy === 'thread' ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const files = [tmp(), tmp()];
    const children = files.map((f) => start(strategy, blockingWork, [barrier, lock, counter, 50, f]));
    await Promise.all(children.map((c) => c.join(20_000)));
    if (strategy === 'thread' || sharedMemoryBackend() === 'native') {
      for (const f of files) expect(read<{ indices: number[] }>(f).indices).toHaveLength(50);
      if (strategy === 'thread') expect(counter?.[0]).toBe(100);
      expect(await lock.locked()).toBe(false);
    } else {
      for (const f of files) expect(read<{ error: string; message: string }>(f)).toMatchObject({ error: 'TypeError', message: /only under the thread strategy/ });
    }
    // The main program never blocks its own event loop.
    expect(() => lock.acquireSync({ timeoutMs: 0 })).toThrow(strategy === 'thread' || sharedMemoryBackend() === 'native' ? /main/ : /only under the thread strategy/);
  });

  it('a Condition notify wakes a waiting child; a Semaphore hands its unit across', async () => {
    const cond = new Condition(new Lock({ strategy }), { strategy });
    const ready = new Event({ strategy });
    const file = tmp();
    const child = start(strategy, conditionWaiter, [cond, ready, file]);
    expect(await ready.wait({ timeoutMs: 20_000 })).toBe(true);
    // The child holds the lock until its wait() lets it go: taking it here means the child waits.
    expect((await cond.acquire({ timeoutMs: 20_000 })).acquired).toBe(true);
    await cond.notify();
    await cond.release();
    expect(await child.join(20_000)).toBe(0);
    expect(read<{ notified: boolean }>(file).notified).toBe(true);

    const sem = new Semaphore({ strategy, value: 0 });
    const file2 = tmp();
    const user = start(strategy, semaphoreUser, [sem, file2]);
    await sem.release();
    expect(await user.join(20_000)).toBe(0);
    expect(read<{ got: boolean }>(file2).got).toBe(true);
    expect(await sem.value()).toBe(1);
  });

  it('a process-strategy primitive also works from a thread child', async () => {
    if (strategy === 'thread') return;
    const sem = new Semaphore({ strategy: 'process', value: 1 });
    const file = tmp();
    const user = start('thread', semaphoreUser, [sem, file]);
    expect(await user.join(20_000)).toBe(0);
    expect(read<{ got: boolean }>(file).got).toBe(true);
  });
});
