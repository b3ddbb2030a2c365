// The one statistics module every suite uses: summaries, intervals of the median, ratios, outliers, verdicts.
// Quantiles, means and log-gamma come from simple-statistics; what is written here is the small glue
// it lacks (a distribution-free interval of the median, a seeded bootstrap of a ratio, the verdict rule).
import { gammaln, mean, quantileSorted } from 'simple-statistics';

/** The confidence every interval in the results aims for. */
export const CONFIDENCE = 0.95;

/** An interval and the confidence it really has (lower than asked when there are too few samples). */
export interface Interval {
  readonly low: number;
  readonly high: number;
  /** Coverage of the interval, 0..1; below `CONFIDENCE` when the samples cannot give more. */
  readonly level: number;
}

/** Tukey's fences: outside 1.5 IQR of the quartiles is an outlier, outside 3 IQR a severe one. */
export interface OutlierCounts {
  /** Below Q1 − 1.5 IQR. */
  readonly low: number;
  /** Above Q3 + 1.5 IQR. */
  readonly high: number;
  /** Of those, how many lie beyond 3 IQR. */
  readonly severe: number;
}

/** What a list of samples says, with how sure it is. */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly p75: number;
  readonly p99: number;
  /** Distribution-free interval of the median (order statistics). */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** The interval's real coverage (0.95 or more once n ≥ 6). */
  readonly ciLevel: number;
  /** Half the interval's width, in percent of the median: the precision reached. */
  readonly rme: number;
  readonly outliers: OutlierCounts;
}

const sortedCopy = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** P(X = i) for X ~ Binomial(n, 1/2), in log space so large n neither overflows nor underflows. */
function binomialHalfPmf(n: number, i: number): number {
  return Math.exp(gammaln(n + 1) - gammaln(i + 1) - gammaln(n - i + 1) - n * Math.LN2);
}

/**
 * The interval [x(r), x(n−r+1)] of the sorted samples that covers the population median with at
 * least `confidence` for any continuous distribution: its coverage is 1 − 2·P(B ≤ r−1), B ~ Bin(n, ½).
 * With too few samples for that confidence it is [min, max] with the coverage it really has.
 */
export function medianInterval(sorted: readonly number[], confidence = CONFIDENCE): Interval {
  const n = sorted.length;
  if (n === 0) throw new RangeError('an interval needs at least one sample');
  const alpha = 1 - confidence;
  let rank = 1;
  let tail = binomialHalfPmf(n, 0); // P(B ≤ rank − 1)
  for (let cdf = tail, i = 1; i < Math.floor(n / 2); i++) {
    cdf += binomialHalfPmf(n, i);
    if (2 * cdf > alpha) break;
    rank = i + 1;
    tail = cdf;
  }
  return { low: sorted[rank - 1] as number, high: sorted[n - rank] as number, level: Math.max(0, 1 - 2 * tail) };
}

/** Tukey's fences on sorted samples. */
export function countOutliers(sorted: readonly number[]): OutlierCounts {
  if (sorted.length < 4) return { low: 0, high: 0, severe: 0 };
  const q1 = quantileSorted(sorted as number[], 0.25);
  const q3 = quantileSorted(sorted as number[], 0.75);
  const iqr = q3 - q1;
  let low = 0;
  let high = 0;
  let severe = 0;
  for (const x of sorted) {
    if (x < q1 - 1.5 * iqr) low++;
    else if (x > q3 + 1.5 * iqr) high++;
    else continue;
    if (x < q1 - 3 * iqr || x > q3 + 3 * iqr) severe++;
  }
  return { low, high, severe };
}

/** Half the interval's width in percent of the median (0 when the median is 0). */
export function precisionPercent(interval: Pick<Interval, 'low' | 'high'>, median: number): number {
  return median === 0 ? 0 : ((interval.high - interval.low) / 2 / Math.abs(median)) * 100;
}

/** Summarizes samples: the median with its interval, quantiles, extremes and outliers. */
export function summarize(samples: readonly number[], confidence = CONFIDENCE): Summary {
  if (samples.length === 0) throw new RangeError('cannot summarize an empty list of samples');
  for (const x of samples) if (!Number.isFinite(x)) throw new RangeError(`a sample is not a finite number: ${String(x)}`);
  const sorted = sortedCopy(samples);
  const median = quantileSorted(sorted, 0.5);
  const interval = medianInterval(sorted, confidence);
  return {
    n: sorted.length,
    median,
    mean: mean(sorted),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    p75: quantileSorted(sorted, 0.75),
    p99: quantileSorted(sorted, 0.99),
    ciLow: interval.low,
    ciHigh: interval.high,
    ciLevel: interval.level,
    rme: precisionPercent(interval, median),
    outliers: countOutliers(sorted),
  };
}

/** Per-pair ratios `numerator[i] / denominator[i]` over the pairs both lists have. */
export function pairedRatios(numerator: readonly number[], denominator: readonly number[]): number[] {
  const n = Math.min(numerator.length, denominator.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) ratios.push((numerator[i] as number) / (denominator[i] as number));
  return ratios;
}

/** mulberry32: a small seeded generator, so a bootstrap (or a shuffle) gives the same answer every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resampledMedian(values: readonly number[], scratch: number[], random: () => number): number {
  for (let i = 0; i < values.length; i++) scratch[i] = values[Math.floor(random() * values.length)] as number;
  scratch.sort((a, b) => a - b);
  return quantileSorted(scratch, 0.5);
}

/** A ratio of two medians with its interval. */
export interface RatioEstimate extends Interval {
  readonly median: number;
}

/**
 * median(numerator) / median(denominator) for two independent sets of samples (not paired in time),
 * with a percentile-bootstrap interval. Seeded, so the same samples always give the same interval.
 */
export function ratioOfMedians(
  numerator: readonly number[],
  denominator: readonly number[],
  options: { confidence?: number; resamples?: number; seed?: number } = {},
): RatioEstimate {
  if (numerator.length === 0 || denominator.length === 0) throw new RangeError('a ratio needs samples on both sides');
  const confidence = options.confidence ?? CONFIDENCE;
  const resamples = options.resamples ?? 2000;
  const random = seededRandom(options.seed ?? 0x5eed);
  const a: number[] = new Array<number>(numerator.length);
  const b: number[] = new Array<number>(denominator.length);
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i++) ratios.push(resampledMedian(numerator, a, random) / resampledMedian(denominator, b, random));
  ratios.sort((x, y) => x - y);
  const tail = (1 - confidence) / 2;
  // One sample on a side has no spread to resample: the interval is the point, and says so.
  const level = numerator.length === 1 && denominator.length === 1 ? 0 : confidence;
  return {
    median: quantileSorted(sortedCopy(numerator), 0.5) / quantileSorted(sortedCopy(denominator), 0.5),
    low: quantileSorted(ratios, tail),
    high: quantileSorted(ratios, 1 - tail),
    level,
  };
}

/** How an interval of a ratio stands against 1: significantly above, below, or a tie within noise. */
export type Verdict = 'above' | 'below' | 'tie';

/** The verdict rule: a difference is called only when the ratio's interval excludes 1. */
export function verdictOf(interval: Pick<Interval, 'low' | 'high'>): Verdict {
  if (interval.low > 1) return 'above';
  if (interval.high < 1) return 'below';
  return 'tie';
}

/** True when two intervals share at least one value. */
export function overlaps(a: Pick<Interval, 'low' | 'high'>, b: Pick<Interval, 'low' | 'high'>): boolean {
  return a.low <= b.high && b.low <= a.high;
}
