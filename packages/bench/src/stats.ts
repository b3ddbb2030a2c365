// Summary statistics for a list of samples: median, percentiles and the relative margin of error.
import type { PointStats } from './types.js';

// Two-sided 95% critical values of Student's t for 1..30 degrees of freedom; 1.96 beyond.
const T_95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12,
  2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The p-th percentile (0..100) of sorted values, linearly interpolated. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}

/** Summarizes samples; `rme` is the 95% margin of error of the mean, in percent of the mean. */
export function summarize(samples: readonly number[]): PointStats {
  if (samples.length === 0) throw new RangeError('cannot summarize an empty list of samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / n;
  let rme = 0;
  if (n > 1 && mean !== 0) {
    const variance = sorted.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
    const critical = T_95[n - 2] ?? 1.96;
    rme = ((critical * Math.sqrt(variance / n)) / Math.abs(mean)) * 100;
  }
  return {
    median: percentile(sorted, 50),
    mean,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    p75: percentile(sorted, 75),
    p99: percentile(sorted, 99),
    rme,
    samples: [...samples],
  };
}
