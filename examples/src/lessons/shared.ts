// Small helpers the lessons share: a CPU-bound job, sleeping, and printing from a child.
import { currentProcess } from '@parlab/core';
import { fill, type Lang, type Text } from '../lesson.js';

/** Counts primes below `limit` by trial division: honest CPU work that no runtime can skip. */
export function countPrimes(limit: number): number {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Prints a line from inside a child, prefixed with who is speaking. */
export function childSay(lang: Lang, text: Text, values: Record<string, string | number | boolean | null> = {}): void {
  const me = currentProcess();
  const who = me.strategy === 'thread' ? `${me.name} pid=${me.pid} thread=${me.threadId}` : `${me.name} pid=${me.pid}`;
  console.log(`  [${who}] ${fill(text[lang], values)}`);
}

export function ms(start: number): string {
  return (performance.now() - start).toFixed(0);
}
