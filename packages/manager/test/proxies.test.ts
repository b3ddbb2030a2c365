// Proxies from several children, errors as themselves, structured-clone values, custom types.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CloneError, STRATEGIES } from '@parlab/core';
import { BrokenBarrierError, EmptyError, IndexError, KeyError, Manager, RemoteError } from '../dist/src/index.js';
import { Counter, getSharedCounter, useEverything } from '../dist/test/fixtures/targets.js';
import { cleanup, killAll, start } from './helpers.js';

afterEach(killAll);
afterAll(cleanup);

describe.each(STRATEGIES)('Manager proxies (%s)', (strategy) => {
  it('shares dict, list, namespace, value, queue, lock, event and barrier with several children', async () => {
    await using manager = await Manager.start({ strategy });
    const shared = {
      dict: await manager.dict<string, number>(),
      list: await manager.list<string>(),
      ns: await manager.namespace(),
      value: await manager.value(0),
      queue: await manager.queue<string>(),
      lock: await manager.lock(),
      event: await manager.event(),
      barrier: await manager.barrier(3),
    };
    const children = ['a', 'b'].map((name) => start(strategy, useEverything, [shared, name, 20]));
    await shared.event.set();
    await shared.barrier.wait({ timeoutMs: 20_000 });
    expect(await Promise.all(children.map((c) => c.join(20_000)))).toEqual([0, 0]);
    expect(await shared.dict.get('total')).toBe(40);
    expect(await shared.dict.get('a')).toBe(20);
    expect(await shared.list.length()).toBe(40);
    expect(await shared.value.get()).toBe(40);
    expect(await shared.ns.get('b')).toEqual({ done: true });
    expect([await shared.queue.get({ timeoutMs: 1000 }), await shared.queue.get({ timeoutMs: 1000 })].sort()).toEqual(['a', 'b']);
    expect(await shared.lock.locked()).toBe(false);
  });

  it('errors thrown by the shared object arrive as themselves; other failures as RemoteError', async () => {
    await using manager = await Manager.start({ strategy });
    const dict = await manager.dict([['a', 1]]);
    const list = await manager.list([1, 2, 3]);
    const queue = await manager.queue();
    await expect(dict.getItem('missing')).rejects.toMatchObject({ name: 'KeyError', message: 'missing' });
    await expect(list.get(10)).rejects.toMatchObject({ name: new IndexError().name });
    await expect(list.get(1.5)).rejects.toBeInstanceOf(TypeError);
    await expect(queue.get({ timeoutMs: 0 })).rejects.toMatchObject({ name: new EmptyError().name });
    expect(await list.get(-1)).toBe(3);
    const unexposed = (dict as unknown as { constructor(): Promise<unknown> }).constructor();
    await expect(unexposed).rejects.toBeInstanceOf(RemoteError);
    await expect(dict.set('f', (() => 1) as never)).rejects.toThrow(/args/);
    await expect(dict.set('p', list as never)).rejects.toBeInstanceOf(CloneError);
    expect(new KeyError('x').name).toBe('KeyError');
  });

  it('values keep their structured-clone types (Map, Set, Date, BigInt, typed arrays)', async () => {
    await using manager = await Manager.start({ strategy });
    const value = await manager.value();
    const data = { map: new Map([[1, 'a']]), set: new Set([2]), date: new Date(5), big: 2n ** 70n, bytes: new Uint8Array([1, 2]), neg: -0 };
    await value.set(data);
    expect(await value.get()).toEqual(data);
  });

  it('register(): custom types with exposed methods, Python-style shared factories', async () => {
    const manager = new Manager({ strategy });
    manager.register('Counter', Counter, { exposed: ['increment', 'value', 'fail'] });
    manager.register('shared', getSharedCounter);
    await using started = await manager.start();
    const counter = await started.create<{ increment(by?: number): Promise<number>; fail(): Promise<never>; secret(): Promise<string> }>('Counter', 5);
    expect(await counter.increment(2)).toBe(7);
    await expect(counter.fail()).rejects.toBeInstanceOf(RangeError);
    await expect(counter.secret()).rejects.toBeInstanceOf(RemoteError);
    const one = await started.create<{ increment(): Promise<number> }>('shared');
    const two = await started.create<{ increment(): Promise<number> }>('shared');
    await one.increment();
    expect(await two.increment()).toBe(102);
    expect(() => manager.register('late', Counter)).toThrow(/before start/);
    await expect(started.create('nope')).rejects.toBeInstanceOf(RemoteError);
    expect(await counter.increment()).toBe(8);
  });

  it('a barrier wait that times out breaks it until reset; an aborted wait rejects with the reason', async () => {
    await using manager = await Manager.start({ strategy });
    const barrier = await manager.barrier(2);
    await expect(barrier.wait({ timeoutMs: 50 })).rejects.toMatchObject({ name: new BrokenBarrierError().name });
    expect(await barrier.broken()).toBe(true);
    await barrier.reset();
    expect(await barrier.broken()).toBe(false);
    const controller = new AbortController();
    const event = await manager.event();
    const waiting = event.wait({ signal: controller.signal });
    controller.abort(new Error('stop waiting'));
    await expect(waiting).rejects.toThrow('stop waiting');
    expect(await event.wait({ timeoutMs: 10 })).toBe(false);
  });
});
