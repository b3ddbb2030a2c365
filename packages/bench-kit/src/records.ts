// Building results records: a measured point from samples (statistics and flags included), or a failed/skipped one.
import { pointFlags, type FlagContext } from './flags.js';
import type { Metric, NotOkPoint, OkPoint, PointIdentity, ResultPoint, Unit } from './schema.js';
import { summarize } from './stats.js';

/** One point of results.json. */
export type BenchRecord = ResultPoint;

/** What names a point, with its unit and direction. */
export type Identity = Omit<PointIdentity, 'suite'> & { readonly suite?: PointIdentity['suite']; readonly unit: Unit; readonly better: 'lower' | 'higher' };

/** What a point needs beyond its samples: flags' context and the extras a runner records. */
export interface RecordExtras extends FlagContext {
  readonly iterations?: number | undefined;
  readonly hostIndex?: number | undefined;
}

export const METRIC_UNITS: Record<Metric, { unit: Unit; better: 'lower' | 'higher' }> = {
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

/** The identity of a point with the unit and direction its metric implies. */
export function identityOf(key: PointIdentity): Identity & { suite: PointIdentity['suite'] } {
  return { ...key, ...METRIC_UNITS[key.metric] };
}

/** A measured point: the summary of `samples` and its flags. Suite defaults to `primitives`. */
export function okRecord(identity: Identity, samples: readonly number[], extras: RecordExtras = {}): BenchRecord {
  if (samples.length === 0) return notOkRecord(identity, 'failed', 'no sample was taken');
  const summary = summarize(samples);
  const point: OkPoint = {
    suite: 'primitives',
    ...identity,
    status: 'ok',
    ...summary,
    outliers: { ...summary.outliers },
    samples: [...samples],
    flags: pointFlags(summary, extras),
    ...(extras.ceiling !== undefined ? { ceiling: extras.ceiling } : {}),
    ...(extras.hostIndex !== undefined ? { hostIndex: extras.hostIndex } : {}),
    ...(extras.iterations !== undefined && extras.iterations > 1 ? { iterations: extras.iterations } : {}),
  };
  return point;
}

/** A failed or skipped point; `reason` becomes its one-line `error`. */
export function notOkRecord(identity: Identity, status: 'failed' | 'skipped', reason: unknown): BenchRecord {
  const error = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  const point: NotOkPoint = { suite: 'primitives', ...identity, status, error: error.split('\n')[0] ?? error };
  return point;
}

/** Round-trips a record's numbers to a sane precision so results.json stays readable. */
export function rounded(record: BenchRecord): BenchRecord {
  const round = (x: number): number => (Math.abs(x) >= 1000 ? Math.round(x * 10) / 10 : Number(x.toPrecision(6)));
  const out = { ...record } as Record<string, unknown>;
  for (const key of ['median', 'mean', 'min', 'max', 'p75', 'p99', 'ciLow', 'ciHigh', 'ciLevel', 'rme', 'hostIndex', 'ceiling'] as const) {
    const value = out[key];
    if (typeof value === 'number') out[key] = round(value);
  }
  if (Array.isArray(out['samples'])) out['samples'] = (out['samples'] as number[]).map(round);
  return out as unknown as BenchRecord;
}
