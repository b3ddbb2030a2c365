// The statistics module on synthetic samples whose answers are known: coverage, ratios, outliers, verdicts.
import { describe, expect, it } from 'vitest';
import { countOutliers, medianInterval, overlaps, pairedRatios, pointFlags, ratioOfMedians, seededRandom, summarize, verdictOf } from '../dist/src/index.js';

// Seeded, so every test draws the same samples on every run.
const random = seededRandom(20261202);
const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const cauchy = (): number => Math.tan(Math.PI * (random() - 0.5));
const draw = (n: number, one: () => number): number[] => Array.from({ length: n }, one);

/** Share of `trials` intervals from `n` samples of `sample()` that contain `truth`. */
function coverage(n: number, trials: number, sample: () => number, truth: number): { share: number; level: number } {
  let hits = 0;
  let level = 0;
  for (let t = 0; t < trials; t++) {
    const s = summarize(draw(n, sample));
    if (s.ciLow <= truth && truth <= s.ciHigh) hits++;
    level = s.ciLevel;
  }
  return { share: hits / trials, level };
}

describe('interval of the median', () => {
  it('has the order-statistic ranks and exact coverage the binomial gives', () => {
    const sorted = Array.from({ length: 10 }, (_, i) => i + 1);
    // n = 10: [x(2), x(9)] covers with 1 − 2·P(B ≤ 1) = 1 − 2·11/1024.
    expect(medianInterval(sorted)).toEqual({ low: 2, high: 9, level: 1 - 22 / 1024 });
    // n = 6 is the smallest n with a 95 % interval: [min, max], 1 − 2/64.
    expect(medianInterval([1, 2, 3, 4, 5, 6])).toEqual({ low: 1, high: 6, level: 1 - 2 / 64 });
    // Fewer samples cannot reach 95 %: the interval is [min, max] and says how much it covers.
    expect(medianInterval([1, 2, 3, 4, 5]).level).toBeCloseTo(1 - 2 / 32, 12);
    expect(medianInterval([7]).level).toBe(0);
  });

  it('covers the true median of normal samples at least as often as it claims', () => {
    for (const n of [6, 10, 25]) {
      const { share, level } = coverage(n, 1500, () => 100 + 10 * normal(), 100);
      expect(level).toBeGreaterThanOrEqual(0.95);
      // 1500 trials: a binomial standard error of about 0.006 around the claimed level.
      expect(share).toBeGreaterThan(level - 0.025);
    }
  });

  it('covers the true median of heavy-tailed (Cauchy) samples too, and is narrower than a mean-based margin', () => {
    const { share, level } = coverage(12, 1500, () => 50 + 5 * cauchy(), 50);
    expect(share).toBeGreaterThan(level - 0.025);
    // The t-interval of the mean (what the old rme measured) is wider on the same kind of samples, and over-covers by accident.
    const medianWidths: number[] = [];
    const meanWidths: number[] = [];
    for (let t = 0; t < 500; t++) {
      const s = draw(12, () => 50 + 5 * cauchy());
      const summary = summarize(s);
      medianWidths.push(summary.ciHigh - summary.ciLow);
      const sd = Math.sqrt(s.reduce((a, b) => a + (b - summary.mean) ** 2, 0) / (s.length - 1));
      meanWidths.push((2 * 2.201 * sd) / Math.sqrt(s.length));
    }
    const middle = (xs: number[]): number => summarize(xs).median;
    expect(middle(medianWidths)).toBeLessThan(middle(meanWidths));
  });
});

describe('summaries', () => {
  it('reports n, quantiles, the interval and its precision in percent of the median', () => {
    const s = summarize([10, 12, 11, 13, 9, 10, 11, 12, 10, 11]);
    expect(s).toMatchObject({ n: 10, median: 11, min: 9, max: 13, ciLow: 10, ciHigh: 12 });
    expect(s.rme).toBeCloseTo(((12 - 10) / 2 / 11) * 100, 12);
  });

  it('refuses no samples and samples that are not finite numbers', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => summarize([1, Number.NaN])).toThrow(/not a finite number/);
  });
});

describe('outliers (Tukey fences)', () => {
  it('counts mild and severe outliers on each side', () => {
    // Quartiles 10 and 11 (IQR 1): fences at 8.5/12.5 (mild) and 7/14 (severe).
    const sorted = [5, 8, 10, 10, 10, 10, 11, 11, 11, 11, 13, 20].sort((a, b) => a - b);
    expect(countOutliers(sorted)).toEqual({ low: 2, high: 2, severe: 2 });
    expect(countOutliers([1, 2, 3])).toEqual({ low: 0, high: 0, severe: 0 });
  });
});

describe('ratios', () => {
  it('pairs samples index by index over the rounds both have', () => {
    expect(pairedRatios([10, 20, 30], [5, 10])).toEqual([2, 2]);
  });

  it('bootstraps the ratio of two independent medians, the same way every time', () => {
    const a = [200, 210, 190, 205, 195, 202, 198];
    const b = [100, 104, 96, 101, 99, 103, 97];
    const first = ratioOfMedians(a, b);
    expect(first).toEqual(ratioOfMedians(a, b));
    expect(first.median).toBeCloseTo(200 / 100, 12);
    expect(first.low).toBeLessThan(2);
    expect(first.high).toBeGreaterThan(2);
  });

  it('covers the true ratio of log-normal medians about as often as it claims', () => {
    let hits = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const x = draw(12, () => 200 * Math.exp(0.2 * normal()));
      const y = draw(12, () => 100 * Math.exp(0.2 * normal()));
      const e = ratioOfMedians(x, y, { resamples: 600, seed: t + 1 });
      if (e.low <= 2 && 2 <= e.high) hits++;
    }
    expect(hits / trials).toBeGreaterThan(0.9);
  });
});

describe('the verdict rule', () => {
  it('calls a difference only when the interval excludes 1', () => {
    expect(verdictOf({ low: 1.02, high: 1.3 })).toBe('above');
    expect(verdictOf({ low: 0.7, high: 0.98 })).toBe('below');
    expect(verdictOf({ low: 0.96, high: 1.12 })).toBe('tie');
    // A 1.04 ratio whose interval spans 1 is a tie, not "threads win ×1".
    const s = summarize([1.04, 0.93, 1.15, 1.0, 1.08, 0.97, 1.1, 1.02]);
    expect(s.median).toBeGreaterThan(1);
    expect(verdictOf({ low: s.ciLow, high: s.ciHigh })).toBe('tie');
  });

  it('tells overlapping intervals from disjoint ones', () => {
    expect(overlaps({ low: 1, high: 2 }, { low: 2, high: 3 })).toBe(true);
    expect(overlaps({ low: 1, high: 2 }, { low: 2.1, high: 3 })).toBe(false);
  });
});

describe('flags', () => {
  it('flags noisy, few-sample, above-ceiling and drifting points', () => {
    const precise = summarize([100, 101, 99, 100, 100, 101, 99, 100]);
    expect(pointFlags(precise)).toEqual([]);
    expect(pointFlags(summarize([100, 150, 70, 120, 90, 130, 60, 110]))).toEqual(['noisy']);
    expect(pointFlags(summarize([100, 101, 99]))).toEqual(['fewSamples']);
    const speedup = summarize([2.2, 2.3, 2.25, 2.21, 2.28, 2.24, 2.26]);
    expect(pointFlags(speedup, { ceiling: 2 })).toEqual(['aboveCeiling']);
    expect(pointFlags(speedup, { ceiling: 4 })).toEqual([]);
    expect(pointFlags(precise, { hostIndices: [1.02, 0.85] })).toEqual(['hostDrift']);
  });
});
