// What the queue benchmark runs in its children.
import { defineTargets } from '@parlab/core';
import type { Queue } from '../src/queue.js';

/** The benchmark's item, about 100 bytes; the raw baseline makes its messages the same way. */
export const BENCH_ITEM = { id: 0, name: 'item', payload: 'x'.repeat(64), tags: [1, 2, 3] };

/** Puts `count` objects of about 100 bytes as fast as it can, `rounds` times, each after a go from `go`. */
export async function benchProduce(queue: Queue, go: Queue, count: number, rounds: number): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    await go.get();
    for (let i = 0; i < count; i++) await queue.put({ ...BENCH_ITEM, id: i });
  }
  queue.close();
}

defineTargets(import.meta.url, { benchProduce });
