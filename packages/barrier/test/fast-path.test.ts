// The process strategy's fast path on native shared memory: uncontended operations send the coordinator nothing, and the guarantees hold.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES, toHandle, type HandleDescriptor } from '@parlab/core';
import { sharedMemoryBackend } from '@parlab/shm';
import { Barrier, Event, Lock, RLock, Semaphore } from '../dist/src/index.js';
import { localCoordinator } from '../dist/src/coordinator.js';
import { acquireThenDie, addMany } from '../dist/test/fixtures/targets.js';
import { cleanup, killAll, read, start, tmp } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

const native = sharedMemoryBackend() === 'native';

describe('the fast path (process)', () => {
  it(`uncontended Lock, RLock, Semaphore, Event and Barrier operations send the coordinator ${native ? 'no message' : 'a request each (the coordinator backend)'}`, async () => {
    const strategy = 'process';
    const lock = new Lock({ strategy });
    const rlock = new RLock({ strategy });
    const sem = new Semaphore({ strategy, value: 1 });
    const event = new Event({ strategy });
    const barrier = new Barrier(1, { strategy });
    const before = localCoordinator().served;
    for (let i = 0; i < 10; i++) {
      expect((await lock.acquire()).acquired).toBe(true);
      await lock.release();
      await rlock.acquire();
      await rlock.acquire();
      await rlock.release();
      await rlock.release();
      expect(await sem.acquire()).toBe(true);
      await sem.release();
      await event.set();
      expect(await event.isSet()).toBe(true);
      expect(await event.wait({ timeoutMs: 0 })).toBe(true);
      await event.clear();
      expect(await barrier.wait()).toBe(0);
    }
    // A child's 100 uncontended pairs: its connection says hello and attaches the lock, nothing more.
    const file = tmp();
    const child = start(strategy, addMany, [null, file, lock, 100]);
    expect(await child.join(20_000)).toBe(0);
    expect(read<{ done: boolean }>(file).done).toBe(true);
    const served = localCoordinator().served - before;
    if (native) expect(served).toBeLessThanOrEqual(2);
    else expect(served).toBeGreaterThanOrEqual(10 * 13 + 200);
  });
});

describe('the fast path keeps the guarantees (process)', () => {
  it('a process that takes the lock and dies in that same tick, before its event loop ever ran, still frees it', async () => {
    const lock = new Lock({ strategy: 'process' });
    const { state } = (lock as unknown as { [toHandle]: (context: object) => HandleDescriptor })[toHandle]({
      strategy: 'process',
      transfer: () => 0,
    });
    const script = fileURLToPath(new URL('../dist/test/fixtures/revive-and-die.js', import.meta.url));
    const child = spawnSync(process.execPath, [script, JSON.stringify(state)], { encoding: 'utf8', timeout: 20_000 });
    expect(child.signal).toBe('SIGKILL');
    // Native: its token reached the coordinator with the connection (the addon wrote the hello before
    // returning), so the coordinator frees the lock when that connection closes. Coordinator backend:
    // the child's acquire was a request it never sent, so the lock was never taken.
    expect(await lock.acquire({ timeoutMs: 20_000 })).toEqual({ acquired: true, ownerDied: native });
    await lock.release();
  });
});

describe.each(STRATEGIES)('guarantees on shared words (%s)', (strategy) => {
  it.each([
    ['Lock', (): Lock | RLock => new Lock({ strategy })],
    ['RLock', (): Lock | RLock => new RLock({ strategy })],
  ])('a %s holder that ends right after an uncontended acquire frees it for the next acquirer, flagged', async (_name, make) => {
    const lock = make();
    const child = start(strategy, acquireThenDie, [lock, strategy]);
    await child.join(20_000);
    expect(await lock.acquire({ timeoutMs: 20_000 })).toEqual({ acquired: true, ownerDied: true });
    await lock.release();
    expect(await lock.locked()).toBe(false);
  });
});
