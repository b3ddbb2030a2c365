// The Amdahl fit recovers the parallel fraction from speedups and stays within [0, 1].

import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl } from '../src/index.js';

describe('fitAmdahl', () => {
  it('recovers p from exact speedups', () => {
    const samples = [1, 2, 4, 8].map((workers) => ({ workers, speedup: amdahlSpeedup(0.9, workers) }));
    expect(fitAmdahl(samples)?.p).toBeCloseTo(0.9, 4);
    expect(fitAmdahl(samples)?.rmse).toBeLessThan(1e-6);
  });

  it('gives p = 0 when parallel runs are slower than serial', () => {
    const samples = [1, 2, 4].map((workers) => ({ workers, speedup: 0.8 }));
    expect(fitAmdahl(samples)?.p).toBeCloseTo(0, 3);
  });

  it('gives p = 1 for perfect scaling and nothing for no samples', () => {
    expect(fitAmdahl([1, 2, 4].map((workers) => ({ workers, speedup: workers })))?.p).toBeCloseTo(1, 3);
    expect(fitAmdahl([])).toBeUndefined();
  });
});
