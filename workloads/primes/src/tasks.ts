// What the workers of primes run; the serial reference runs the same function on the main thread.
import { defineTargets } from '@parlab/core';

function isPrime(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/** How many primes lie in [lo, hi), by trial division (deliberately plain: the cost is the point). */
export function countPrimes(lo: number, hi: number): number {
  let count = 0;
  for (let n = lo; n < hi; n++) if (isPrime(n)) count++;
  return count;
}

defineTargets(import.meta.url, { countPrimes });
