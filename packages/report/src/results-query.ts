// Questions the charts ask of a results file: which points are usable, their identity, speedup series.

import type { OkPoint, PointIdentity, ResultsFile, Strategy, Suite } from './schema.js';

/** Points that measured successfully and match every given identity field. Failed points never enter chart math. */
export function okPoints(results: ResultsFile, match: Partial<PointIdentity>): OkPoint[] {
  return results.points.filter((point): point is OkPoint => {
    if (point.status !== 'ok') return false;
    return Object.entries(match).every(([key, value]) => point[key as keyof PointIdentity] === value);
  });
}

/** One string per identity: two points with the same key measure the same thing (in one run, or across two). */
export function pointKey(p: PointIdentity): string {
  return [p.suite, p.subject, p.implementation, p.strategy, p.workers, p.metric].join('/');
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

/** The series' speedup records (each with its paired-ratio interval), by ascending worker count. */
export function speedupSeries(results: ResultsFile, key: SeriesKey): OkPoint[] {
  return okPoints(results, { ...key, metric: 'speedup' }).sort((a, b) => a.workers - b.workers);
}

/** Subjects of the workloads suite that have parlab wall-time measurements, in run order. */
export function workloadSubjects(results: ResultsFile): string[] {
  return distinct(okPoints(results, { suite: 'workloads', implementation: 'parlab', metric: 'wall_ms' }).map((p) => p.subject));
}
