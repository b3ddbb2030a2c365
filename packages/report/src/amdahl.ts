// Amdahl's law and a least-squares fit of its parallel fraction p to measured speedups.

/** One measured speedup at a worker count. */
export interface SpeedupSample {
  workers: number;
  speedup: number;
}

/** The fitted parallel fraction and how far the measurements sit from the curve. */
export interface AmdahlFit {
  /** Fraction of the work that runs in parallel, 0..1. */
  p: number;
  /** Root-mean-square distance between measured and fitted speedup. */
  rmse: number;
}

/** Speedup Amdahl's law predicts for parallel fraction `p` on `workers` workers. */
export function amdahlSpeedup(p: number, workers: number): number {
  return 1 / (1 - p + p / workers);
}

function sumOfSquares(samples: readonly SpeedupSample[], p: number): number {
  return samples.reduce((sum, s) => sum + (s.speedup - amdahlSpeedup(p, s.workers)) ** 2, 0);
}

/**
 * Fits p in [0, 1] by least squares. The error is not guaranteed to have a single minimum
 * when measurements are noisy, so a coarse grid finds the right valley and a golden-section
 * search then refines inside it.
 */
export function fitAmdahl(samples: readonly SpeedupSample[]): AmdahlFit | undefined {
  if (samples.length === 0) return undefined;
  const steps = 200;
  let best = 0;
  for (let i = 1; i <= steps; i++) {
    if (sumOfSquares(samples, i / steps) < sumOfSquares(samples, best / steps)) best = i;
  }
  let lo = Math.max(0, (best - 1) / steps);
  let hi = Math.min(1, (best + 1) / steps);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (sumOfSquares(samples, a) <= sumOfSquares(samples, b)) hi = b;
    else lo = a;
  }
  const p = (lo + hi) / 2;
  return { p, rmse: Math.sqrt(sumOfSquares(samples, p) / samples.length) };
}

/** A best-fit p this close to 0 or 1 sits at the edge of the law: the curve would explain nothing. */
export const AMDAHL_BOUNDARY = 0.01;
/** A fit whose rms error exceeds this share of the mean speedup misses the measurements. */
export const AMDAHL_POOR_FIT = 0.1;

/** Why a fit is not drawn. */
export type AmdahlOmission =
  | { reason: 'fewCounts' }
  | { reason: 'noGain' }
  | { reason: 'boundary'; p: number }
  | { reason: 'poorFit'; relativeError: number };

/** A fit worth drawing, or why there is none. */
export type AmdahlModel = { fit: AmdahlFit; omitted?: undefined } | { fit?: undefined; omitted: AmdahlOmission };

/**
 * Fits Amdahl's law on the worker counts up to `cores` only (past the core count workers share
 * cores, which the law does not model), and says when the fit means nothing: fewer than two such
 * counts, no speedup above 1, p at the boundary, or a curve that misses the points.
 */
export function amdahlModel(samples: readonly SpeedupSample[], cores: number): AmdahlModel {
  const usable = samples.filter((s) => s.workers <= cores);
  if (new Set(usable.map((s) => s.workers)).size < 2) return { omitted: { reason: 'fewCounts' } };
  if (usable.every((s) => s.speedup <= 1)) return { omitted: { reason: 'noGain' } };
  const fit = fitAmdahl(usable) as AmdahlFit;
  if (fit.p < AMDAHL_BOUNDARY || fit.p > 1 - AMDAHL_BOUNDARY) return { omitted: { reason: 'boundary', p: Math.round(fit.p) } };
  const meanSpeedup = usable.reduce((sum, s) => sum + s.speedup, 0) / usable.length;
  const relativeError = fit.rmse / meanSpeedup;
  if (relativeError > AMDAHL_POOR_FIT) return { omitted: { reason: 'poorFit', relativeError } };
  return { fit };
}
