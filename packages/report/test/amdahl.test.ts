// The Amdahl fit recovers the parallel fraction from speedups and stays within [0, 1].

import { describe, expect, it } from 'vitest';
import { amdahlModel, amdahlSpeedup, fitAmdahl } from '../src/index.js';

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

describe('amdahlModel', () => {
  const at = (pairs: [number, number][]) => pairs.map(([workers, speedup]) => ({ workers, speedup }));

  it('fits on the worker counts up to the cores only', () => {
    // Past 2 cores the speedup cannot grow; fitted on all counts, p would be dragged down.
    const model = amdahlModel(at([[1, 1], [2, amdahlSpeedup(0.9, 2)], [4, amdahlSpeedup(0.9, 2)]]), 2);
    expect(model.fit?.p).toBeCloseTo(0.9, 3);
  });

  it('leaves the curve out, saying why, where the fit means nothing', () => {
    expect(amdahlModel(at([[1, 1], [2, 1.9], [4, 2.1]]), 1).omitted).toEqual({ reason: 'fewCounts' });
    expect(amdahlModel(at([[1, 0.9], [2, 0.8]]), 2).omitted).toEqual({ reason: 'noGain' });
    expect(amdahlModel(at([[1, 1], [2, 2.3]]), 2).omitted).toEqual({ reason: 'boundary', p: 1 });
    expect(amdahlModel(at([[1, 1.3], [2, 0.98]]), 2).omitted).toEqual({ reason: 'boundary', p: 0 });
    const poor = amdahlModel(at([[1, 1.6], [2, 1.2], [3, 2.9]]), 4).omitted;
    expect(poor?.reason).toBe('poorFit');
  });
});
