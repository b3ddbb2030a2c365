// Workload primes: count the primes below a limit by trial division, the range split over a Pool.
import { defineWorkload } from '@parlab/bench';
import { countPrimes } from './tasks.js';

export interface Size {
  /** Primes below this are counted. */
  readonly limit: number;
  /** Pieces the range is cut into; later pieces cost more, so many pieces keep workers evenly busy. */
  readonly chunks: number;
}

function ranges(size: Size): [number, number][] {
  const step = Math.ceil(size.limit / size.chunks);
  const out: [number, number][] = [];
  for (let lo = 0; lo < size.limit; lo += step) out.push([lo, Math.min(size.limit, lo + step)]);
  return out;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export const workload = defineWorkload<Size, number>({
  id: 'primes',
  title: { en: 'Counting primes', es: 'Contar primos' },
  description: {
    en: 'Counts the primes below a limit by trial division; the range is cut into pieces that pool.starmap hands to the workers. Pure compute, tiny messages: the textbook case for parallelism.',
    es: 'Cuenta los primos por debajo de un límite por división de prueba; el rango se corta en trozos que pool.starmap reparte entre los workers. Cálculo puro y mensajes mínimos: el caso de manual del paralelismo.',
  },
  primitives: ['pool'],
  sizes: {
    test: { limit: 20_000, chunks: 8 },
    quick: { limit: 1_500_000, chunks: 48 },
    full: { limit: 8_000_000, chunks: 128 },
  },
  serial: (size) => sum(ranges(size).map(([lo, hi]) => countPrimes(lo, hi))),
  async parallel(size, { pool, signal }) {
    return sum(await pool.starmap(countPrimes, ranges(size), { chunksize: 1, signal }));
  },
  check: (result, expected) => (result === expected ? true : `counted ${result} primes, serial counted ${expected}`),
});
