// Faults beyond Python: a party killed at the barrier, a lock holder killed.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { STRATEGIES } from '@parlab/core';
import { Barrier, BrokenBarrierError, Event, Lock, RLock } from '../dist/src/index.js';
import { holdForever, waitForever } from '../dist/test/fixtures/targets.js';
import { cleanup, killAll, start, until } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

describe.each(STRATEGIES)('faults beyond Python (%s)', (strategy) => {
  it('a party killed while others wait at the barrier breaks it for them at once', async () => {
    const barrier = new Barrier(3, { strategy });
    const child = start(strategy, waitForever, [barrier]);
    const mine = barrier.wait({ timeoutMs: 20_000 });
    const assertion = expect(mine).rejects.toBeInstanceOf(BrokenBarrierError);
    await until(async () => (await barrier.nWaiting()) === 2);
    child.kill();
    await assertion;
    expect(await barrier.broken()).toBe(true);
  });

  it.each([
    ['Lock', (): Lock | RLock => new Lock({ strategy })],
    ['RLock', (): Lock | RLock => new RLock({ strategy })],
  ])('a %s whose holder is killed goes to the next acquirer, who is told the owner died', async (_name, make) => {
    const lock = make();
    const held = new Event({ strategy });
    const child = start(strategy, holdForever, [lock, held]);
    expect(await held.wait({ timeoutMs: 20_000 })).toBe(true);
    expect(await lock.acquire({ timeoutMs: 0 })).toEqual({ acquired: false, ownerDied: false });
    const next = lock.acquire({ timeoutMs: 20_000 });
    child.kill();
    expect(await next).toEqual({ acquired: true, ownerDied: true });
    await lock.release();
    expect(await lock.acquire({ timeoutMs: 0 })).toEqual({ acquired: true, ownerDied: false });
    await lock.release();
  });

  if (strategy === 'thread') {
    it('a primitive made for threads cannot be sent to a child process', () => {
      const lock = new Lock({ strategy: 'thread' });
      expect(() => start('process', holdForever, [lock, new Event({ strategy: 'process' })])).toThrow(/strategy: 'process'/);
    });
  }
});
