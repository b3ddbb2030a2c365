import { STRATEGIES } from '@parlab/core';
import { describe, expect, it } from 'vitest';
import * as tasks from '../dist/test/fixtures/tasks.js';
import { makePool } from './helpers.js';

/** Items 0, 1, 2, … without end; counts what was read, notes when it is closed, and refuses to be read too far. */
function endless(): { items: Generator<number>; read(): number; closed(): boolean } {
  let read = 0;
  let closed = false;
  function* generate(): Generator<number> {
    try {
      for (;;) {
        if (read >= 1_000_000) throw new Error('read a million items ahead of the consumer');
        yield read++;
      }
    } finally {
      closed = true;
    }
  }
  return { items: generate(), read: () => read, closed: () => closed };
}

async function* slowly(count: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    yield i;
  }
}

describe.each(STRATEGIES)('Pool imap / imapUnordered read their input lazily (%s)', (strategy) => {
  it('over an endless input, results come at once and the input is read only a bounded distance ahead', async () => {
    const pool = makePool({ strategy, workers: 2 });
    for (const ordered of [true, false]) {
      const source = endless();
      const seen: number[] = [];
      const stream = ordered ? pool.imap(tasks.square, source.items) : pool.imapUnordered(tasks.square, source.items);
      for await (const value of stream) {
        seen.push(value);
        if (seen.length === 20) break;
      }
      if (ordered) expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i * i));
      else expect(seen).toHaveLength(20);
      // Two workers, each with a full window (at most 256) and one more waiting.
      expect(source.read()).toBeLessThanOrEqual(20 + 2 * 257);
      expect(source.closed()).toBe(true);
    }
    expect(await pool.apply(tasks.add, [1, 2])).toBe(3);
    expect(pool.stats().queued).toBe(0);
  });

  it('an input that throws part-way yields the results before it, then the error', async () => {
    const pool = makePool({ strategy, workers: 2 });
    function* breaking(): Generator<number> {
      yield 1;
      yield 2;
      yield 3;
      throw new Error('input broke');
    }
    for (const [ordered, chunksize] of [
      [true, 1],
      [true, 2],
      [false, 1],
    ] as const) {
      const seen: number[] = [];
      let error: Error | undefined;
      try {
        const stream = ordered ? pool.imap(tasks.square, breaking(), { chunksize }) : pool.imapUnordered(tasks.square, breaking(), { chunksize });
        for await (const value of stream) seen.push(value);
      } catch (thrown) {
        error = thrown as Error;
      }
      expect(error?.message).toBe('input broke');
      expect(ordered ? seen : seen.sort((a, b) => a - b)).toEqual([1, 4, 9]);
    }
  });

  it('an async iterable is accepted, and one that rejects part-way yields the results before it, then the error', async () => {
    const pool = makePool({ strategy, workers: 2 });
    const ordered: number[] = [];
    for await (const value of pool.imap(tasks.square, slowly(25), { chunksize: 4 })) ordered.push(value);
    expect(ordered).toEqual(Array.from({ length: 25 }, (_, i) => i * i));
    // An imap still reading its input after close() keeps its workers until it has read it all.
    const closing = makePool({ strategy, workers: 2 });
    const stream = closing.imap(tasks.square, slowly(30));
    closing.close();
    const afterClose: number[] = [];
    for await (const value of stream) afterClose.push(value);
    expect(afterClose).toEqual(Array.from({ length: 30 }, (_, i) => i * i));
    await closing.join({ timeoutMs: 10_000 });
    const unordered: number[] = [];
    for await (const value of pool.imapUnordered(tasks.square, slowly(10))) unordered.push(value);
    expect(unordered.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i * i));
    async function* rejecting(): AsyncGenerator<number> {
      yield* slowly(3);
      throw new Error('async input broke');
    }
    const seen: number[] = [];
    let error: Error | undefined;
    try {
      for await (const value of pool.imap(tasks.square, rejecting())) seen.push(value);
    } catch (thrown) {
      error = thrown as Error;
    }
    expect(seen).toEqual([0, 1, 4]);
    expect(error?.message).toBe('async input broke');
  });

  it('an item that cannot be sent ends the stream after the results before it, naming the item', async () => {
    const pool = makePool({ strategy, workers: 1 });
    const seen: number[] = [];
    let error: Error | undefined;
    try {
      for await (const value of pool.imap(tasks.identity, [1, 2, () => 3, 4] as unknown[])) seen.push(value as number);
    } catch (thrown) {
      error = thrown as Error;
    }
    expect(seen).toEqual([1, 2]);
    expect(error?.name).toBe('CloneError');
    expect(error?.message).toMatch(/items\[2\]/);
  });
});
