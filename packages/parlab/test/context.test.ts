import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getContext, STRATEGIES } from '../dist/src/index.js';
import { square, touchShared, whoAmI } from '../dist/test/fixtures/tasks.js';

describe('getContext', () => {
  it('refuses an unknown strategy and returns one context per strategy', () => {
    expect(() => getContext('fork' as never)).toThrow(/'process' or 'thread'/);
    expect(getContext('thread')).toBe(getContext('thread'));
    expect(getContext('thread')).not.toBe(getContext('process'));
  });
});

describe.each(STRATEGIES)('a %s context', (strategy) => {
  const ctx = getContext(strategy);

  it('starts Processes under its strategy', async () => {
    const path = join(tmpdir(), `parlab-ctx-${process.pid}-${strategy}.json`);
    const p = new ctx.Process({ target: whoAmI, args: [path] });
    expect(p.strategy).toBe(strategy);
    p.start();
    expect(await p.join(10_000)).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ name: p.name, strategy });
    rmSync(path, { force: true });
  });

  it('hands out a Pool, a Lock, a Queue, a Pipe and a Manager that work', async () => {
    const pool = ctx.Pool({ workers: 2 });
    try {
      expect(await pool.map(square, [1, 2, 3])).toEqual([1, 4, 9]);
    } finally {
      pool.terminate();
      await pool.join({ timeoutMs: 10_000 });
    }

    const lock = ctx.Lock();
    expect(await lock.acquire({ timeoutMs: 5_000 })).toMatchObject({ acquired: true });
    await lock.release();

    const queue = ctx.Queue(2);
    await queue.put('item', { timeoutMs: 5_000 });
    expect(await queue.get({ timeoutMs: 5_000 })).toBe('item');
    queue.close();

    const [a, b] = await ctx.Pipe();
    await a.send({ n: 1 });
    expect(await b.recv({ timeoutMs: 5_000 })).toEqual({ n: 1 });
    a.close();
    b.close();

    const manager = await ctx.Manager();
    try {
      const dict = await manager.dict();
      await dict.set('k', 42);
      expect(await dict.get('k')).toBe(42);
    } finally {
      await manager.shutdown();
    }
  });

  it('hands out Value, Array, RawValue, RawArray, SharedMemory and ShareableList of its strategy, usable by its Processes', async () => {
    const value = ctx.Value('i', 41);
    const array = ctx.Array('d', [1, 2]);
    expect(ctx.RawValue('q', 5n).value).toBe(5n);
    expect(ctx.RawArray('i', 3).toArray()).toEqual([0, 0, 0]);
    const block = ctx.SharedMemory({ create: true, size: 16 });
    const list = ctx.ShareableList([1, 'two']);
    try {
      expect(block.kind).toBe(strategy === 'thread' ? 'thread' : ctx.sharedMemoryBackend() === 'native' ? 'native' : 'file');
      expect(ctx.SharedMemory(block.name).size).toBe(16);
      const child = new ctx.Process({ target: touchShared, args: [value, block, 'hi'] });
      child.start();
      expect(await child.join(10_000)).toBe(0);
      expect(value.value).toBe(42);
      expect(new TextDecoder().decode(block.read(0, 2))).toBe('hi');
      expect(array.toArray()).toEqual([1, 2]);
      expect(list.toArray()).toEqual([1, 'two']);
    } finally {
      block.unlink();
      list.shm.unlink();
    }
  });
});
