// What the workers of word-count run, and the counting the serial reference shares with them.
import { defineTargets } from '@parlab/core';
import type { DictProxy, LockProxy } from '@parlab/manager';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'su', 'ra', 'te', 'vo'];

/** Document `index`: `words` pseudo-random words (2–3 syllables, at most 576 distinct) with punctuation and capitals. */
export function makeDocument(index: number, words: number): string {
  let x = (index + 1) * 2654435761;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    let word = '';
    const syllables = 2 + (next() % 2);
    for (let s = 0; s < syllables; s++) word += SYLLABLES[next() % SYLLABLES.length];
    if (next() % 10 === 0) word = word[0]?.toUpperCase() + word.slice(1);
    out.push(next() % 12 === 0 ? `${word},` : word);
  }
  return `${out.join(' ')}.`;
}

/** Adds the words of `text` (lower-cased, punctuation dropped) to `counts`. */
export function countWords(text: string, counts: Map<string, number>): void {
  for (const raw of text.split(/\s+/)) {
    const word = raw.toLowerCase().replace(/[^a-z]/g, '');
    if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1);
  }
}

/**
 * A worker: counts documents [first, last) locally, then merges its counts into the manager's
 * dict. The merge reads, adds and writes back, so it holds the manager's lock: without it two
 * workers could read the same old counts and one worker's words would be lost.
 */
export async function countStage(counts: DictProxy<string, number>, lock: LockProxy, first: number, last: number, words: number): Promise<void> {
  const local = new Map<string, number>();
  for (let d = first; d < last; d++) countWords(makeDocument(d, words), local);
  await lock.acquire({ timeoutMs: 60_000 });
  try {
    const shared = await counts.copy();
    for (const [word, n] of local) shared.set(word, (shared.get(word) ?? 0) + n);
    await counts.update(shared);
  } finally {
    await lock.release();
  }
}

defineTargets(import.meta.url, { countStage });
