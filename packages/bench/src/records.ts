// Building results records: a measured point from samples, or a failed/skipped point with its reason.
import { summarize } from './stats.js';
import type { BenchRecord, Metric, RunStrategy, SuiteName, Unit } from './types.js';

/** What names a point, without its status and numbers. */
export interface PointKey {
  suite: SuiteName;
  subject: string;
  implementation: string;
  strategy: RunStrategy;
  workers: number;
  metric: Metric;
}

const METRIC_UNITS: Record<Metric, { unit: Unit; better: 'lower' | 'higher' }> = {
  wall_ms: { unit: 'ms', better: 'lower' },
  tasks_per_s: { unit: '1/s', better: 'higher' },
  items_per_s: { unit: '1/s', better: 'higher' },
  msgs_per_s: { unit: '1/s', better: 'higher' },
  bytes_per_s: { unit: 'B/s', better: 'higher' },
  round_trip_us: { unit: 'us', better: 'lower' },
  spawn_ms: { unit: 'ms', better: 'lower' },
  rss_bytes: { unit: 'B', better: 'lower' },
  speedup: { unit: 'x', better: 'higher' },
};

/** A measured point; with no samples it becomes a failed one. */
export function measured(key: PointKey, samples: readonly number[]): BenchRecord {
  if (samples.length === 0) return notMeasured(key, 'failed', 'no sample was taken');
  return { ...key, ...METRIC_UNITS[key.metric], status: 'ok', ...summarize(samples) };
}

export function notMeasured(key: PointKey, status: 'failed' | 'skipped', reason: unknown): BenchRecord {
  const error = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  return { ...key, ...METRIC_UNITS[key.metric], status, error };
}

/** Round-trips a record's numbers to a sane precision so results.json stays readable. */
export function rounded(record: BenchRecord): BenchRecord {
  const round = (x: number): number => (Math.abs(x) >= 1000 ? Math.round(x * 10) / 10 : Number(x.toPrecision(6)));
  const out: BenchRecord = { ...record };
  for (const key of ['median', 'mean', 'min', 'max', 'p75', 'p99', 'rme'] as const) {
    const value = out[key];
    if (value !== undefined) out[key] = round(value);
  }
  if (out.samples !== undefined) out.samples = out.samples.map(round);
  return out;
}
