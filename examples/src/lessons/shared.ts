// Small helpers the lessons share: a CPU-bound job, sleeping, and the words for "child process" / "thread".
import { loadavg } from 'node:os';
import type { StrategyName } from '@parlab/core';
import type { Text } from '../text.js';

/** Counts primes below `limit` by trial division: honest CPU work that no runtime can skip. */
export function countPrimes(limit: number): number {
  return countPrimesStriped(limit, 0, 1);
}

/** Numbers go to the stripes in blocks of this many, so that every stripe gets small and big numbers alike. */
const STRIPE_BLOCK = 64;

/** Counts the primes n < `limit` whose block (n / 64) is `part` modulo `parts`: `parts` shares of about equal work. */
export function countPrimesStriped(limit: number, part: number, parts: number): number {
  let count = 0;
  for (let block = part; block * STRIPE_BLOCK < limit; block += parts) {
    const end = Math.min(limit, (block + 1) * STRIPE_BLOCK);
    for (let n = Math.max(2, block * STRIPE_BLOCK); n < end; n++) {
      let prime = true;
      for (let d = 2; d * d <= n; d++) {
        if (n % d === 0) {
          prime = false;
          break;
        }
      }
      if (prime) count++;
    }
  }
  return count;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What one worker is under each strategy, as a noun for sentences. */
export function unitOf(strategy: StrategyName): Text {
  return strategy === 'process' ? { en: 'child process', es: 'proceso hijo' } : { en: 'thread', es: 'hilo' };
}

/** How long a lesson waits for anything at most: a stuck lesson fails with a message instead of hanging. */
export const WAIT_MS = 20_000;

/** Said when a parallel run came out slower than the serial one, which happens, and why. */
export const SLOWER: Text = {
  en: 'Here the parallel run was slower: starting the workers cost more than the work they shared, or other programs kept the cores busy (this machine’s load average: {load} on {cores}). Bigger jobs, or a quieter machine, show the gain.',
  es: 'Aquí la ejecución en paralelo fue más lenta: arrancar los trabajadores costó más que el trabajo que se repartieron, u otros programas tenían ocupados los núcleos (carga media de esta máquina: {load} en {cores}). Con tareas más grandes, o una máquina más tranquila, se ve la ganancia.',
};

/** The system's one-minute load average (processes ready to run, on average); 0 where the system does not tell. */
export function loadAverage(): number {
  return loadavg()[0] ?? 0;
}
