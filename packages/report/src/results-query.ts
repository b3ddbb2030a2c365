// Questions the charts ask of a results file: which points are usable, baselines and speedups.

import type { SpeedupSample } from './amdahl.js';
import type { OkPoint, PointIdentity, ResultsFile, Strategy, Suite } from './schema.js';

/** Points that measured successfully and match every given identity field. Failed points never enter chart math. */
export function okPoints(results: ResultsFile, match: Partial<PointIdentity>): OkPoint[] {
  return results.points.filter((point): point is OkPoint => {
    if (point.status !== 'ok') return false;
    return Object.entries(match).every(([key, value]) => point[key as keyof PointIdentity] === value);
  });
}

/** Distinct values in first-seen order, so charts follow the order the runner measured in. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Ascending distinct worker counts of some points. */
export function workerCounts(points: readonly OkPoint[]): number[] {
  return distinct(points.map((p) => p.workers)).sort((a, b) => a - b);
}

/** What a speedup series is about. */
export interface SeriesKey {
  suite: Suite;
  subject: string;
  implementation: string;
  strategy: Exclude<Strategy, 'serial'>;
}

/**
 * Median wall time the speedup of `key` is measured against: the serial point of the same
 * suite, subject and implementation, or when there is none, the strategy's own smallest run.
 */
export function baselineMs(results: ResultsFile, key: SeriesKey): number | undefined {
  const base = { suite: key.suite, subject: key.subject, implementation: key.implementation, metric: 'wall_ms' } as const;
  const serial = okPoints(results, { ...base, strategy: 'serial' })[0];
  if (serial !== undefined) return serial.median;
  const own = okPoints(results, { ...base, strategy: key.strategy }).sort((a, b) => a.workers - b.workers)[0];
  return own?.median;
}

/**
 * Speedup per worker count. Records with metric "speedup" win where the runner wrote them;
 * otherwise speedup = baseline median ÷ parallel median.
 */
export function speedupSeries(results: ResultsFile, key: SeriesKey): SpeedupSample[] {
  const { suite, subject, implementation, strategy } = key;
  const recorded = okPoints(results, { suite, subject, implementation, strategy, metric: 'speedup' });
  const byWorkers = new Map<number, number>(recorded.map((p) => [p.workers, p.median]));
  const baseline = baselineMs(results, key);
  if (baseline !== undefined) {
    for (const p of okPoints(results, { suite, subject, implementation, strategy, metric: 'wall_ms' })) {
      if (!byWorkers.has(p.workers) && p.median > 0) byWorkers.set(p.workers, baseline / p.median);
    }
  }
  return [...byWorkers.entries()]
    .map(([workers, speedup]) => ({ workers, speedup }))
    .sort((a, b) => a.workers - b.workers);
}

/** Lowest median wall time a strategy reached with any worker count. */
export function bestMs(results: ResultsFile, suite: Suite, subject: string, strategy: Strategy): number | undefined {
  const medians = okPoints(results, { suite, subject, implementation: 'parlab', strategy, metric: 'wall_ms' }).map((p) => p.median);
  return medians.length === 0 ? undefined : Math.min(...medians);
}

/** Subjects of the workloads suite that have parlab wall-time measurements, in run order. */
export function workloadSubjects(results: ResultsFile): string[] {
  return distinct(okPoints(results, { suite: 'workloads', implementation: 'parlab', metric: 'wall_ms' }).map((p) => p.subject));
}
