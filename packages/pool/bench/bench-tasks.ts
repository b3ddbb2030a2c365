// The benchmark's task functions for parlab pools: the same jobs the peers' workers run.
import { defineTargets } from '@parlab/core';
import { createRequire } from 'node:module';

interface Jobs {
  countPrimes(lo: number, hi: number): number;
  primes(range: { lo: number; hi: number }): number;
  noop<T>(value: T): T;
}

const jobs = createRequire(import.meta.url)('../../bench-fixtures/primes.cjs') as Jobs;

export function noop<T>(value: T): T {
  return jobs.noop(value);
}

export function primes(range: { lo: number; hi: number }): number {
  return jobs.primes(range);
}

export const countPrimes = jobs.countPrimes;

defineTargets(import.meta.url, { noop, primes });
