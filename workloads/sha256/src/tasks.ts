// What the workers of sha256 run (and the hashing the serial reference shares with them).
import { createHash } from 'node:crypto';
import { defineTargets } from '@parlab/core';
import type { Queue } from '@parlab/queue';

/** `rounds` chained SHA-256 digests of `block`, as hex: enough work per block to be worth a message. */
export function hashBlock(block: Uint8Array, rounds: number): string {
  let digest = createHash('sha256').update(block).digest();
  for (let r = 1; r < rounds; r++) digest = createHash('sha256').update(digest).update(block).digest();
  return digest.toString('hex');
}

/** Deterministic pseudo-random bytes for block `index` (xorshift32). */
export function makeBlock(index: number, bytes: number): Uint8Array {
  const block = new Uint8Array(bytes);
  let x = (index + 1) * 2654435761;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block[i] = x & 0xff;
  }
  return block;
}

/** A pipeline stage: takes [index, block] from `tasks` until a null, puts [index, digest] on `results`. */
export async function hashStage(tasks: Queue, results: Queue, rounds: number): Promise<void> {
  for (;;) {
    const item = (await tasks.get({ timeoutMs: 60_000 })) as [number, Uint8Array] | null;
    if (item === null) break;
    await results.put([item[0], hashBlock(item[1], rounds)]);
  }
  tasks.close();
  results.close();
}

defineTargets(import.meta.url, { hashStage });
