// Workload monte-carlo-pi: estimate π from seeded random points, one seeded batch per Pool task.
import { defineWorkload } from '@parlab/bench';
import { countHits } from './tasks.js';

export interface Size {
  /** Points per batch. */
  readonly samples: number;
  /** Batches; batch i draws from seed i, so the split does not change the numbers. */
  readonly batches: number;
}

export interface Estimate {
  readonly hits: number;
  readonly samples: number;
  readonly pi: number;
}

function batches(size: Size): [number, number][] {
  return Array.from({ length: size.batches }, (_, i) => [i + 1, size.samples]);
}

function estimate(hits: readonly number[], size: Size): Estimate {
  const total = hits.reduce((a, b) => a + b, 0);
  const samples = size.samples * size.batches;
  return { hits: total, samples, pi: (4 * total) / samples };
}

export const workload = defineWorkload<Size, Estimate>({
  id: 'monte-carlo-pi',
  title: { en: 'Monte Carlo π', es: 'π por Monte Carlo' },
  description: {
    en: 'Estimates π by throwing seeded random points at a square and counting those inside the circle; each batch has its own seed, so pool.starmap can run the batches anywhere and the count stays exact.',
    es: 'Estima π lanzando puntos aleatorios con semilla sobre un cuadrado y contando los que caen dentro del círculo; cada lote tiene su semilla, así que pool.starmap puede ejecutarlos en cualquier worker y la cuenta sigue siendo exacta.',
  },
  primitives: ['pool'],
  sizes: {
    test: { samples: 20_000, batches: 6 },
    quick: { samples: 160_000, batches: 24 },
    full: { samples: 1_000_000, batches: 64 },
  },
  serial: (size) => estimate(batches(size).map(([seed, n]) => countHits(seed, n)), size),
  async parallel(size, { pool, signal }) {
    return estimate(await pool.starmap(countHits, batches(size), { chunksize: 1, signal }), size);
  },
  check: (result, expected) =>
    result.hits === expected.hits && result.samples === expected.samples
      ? true
      : `got ${result.hits} hits of ${result.samples}, serial got ${expected.hits} of ${expected.samples}`,
});
