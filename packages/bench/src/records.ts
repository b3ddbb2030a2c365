// Building results records for the runner's own suites: bench-kit's records, named by a PointKey.
import { DRIFT_LIMIT, identityOf, notOkRecord, okRecord, summarize, type RecordExtras } from '@parlab/bench-kit';
import type { BenchRecord, Metric, RunStrategy, SuiteName } from './types.js';

export { rounded } from '@parlab/bench-kit';

/** What names a point, without its status and numbers. */
export interface PointKey {
  suite: SuiteName;
  subject: string;
  implementation: string;
  strategy: RunStrategy;
  workers: number;
  metric: Metric;
}

/** A measured point with its statistics and flags; with no samples it becomes a failed one. */
export function measured(key: PointKey, samples: readonly number[], extras: RecordExtras = {}): BenchRecord {
  return okRecord(identityOf(key), samples, extras);
}

export function notMeasured(key: PointKey, status: 'failed' | 'skipped', reason: unknown): BenchRecord {
  return notOkRecord(identityOf(key), status, reason);
}

/**
 * A record measured by another package, with the host's speed around it: its median index is
 * kept, and a speed that moved past the drift limit while it ran flags it `hostDrift`.
 */
export function withHostIndices(record: BenchRecord, indices: readonly number[]): BenchRecord {
  if (record.status !== 'ok' || indices.length === 0) return record;
  const drifted = indices.some((index) => Math.abs(index - 1) > DRIFT_LIMIT);
  const flags = drifted && !record.flags.includes('hostDrift') ? [...record.flags, 'hostDrift' as const] : record.flags;
  return { ...record, flags, hostIndex: summarize(indices).median };
}

/** A record whose statistics were computed elsewhere (a Python twin), summarized here from its samples. */
export function resummarized(record: BenchRecord, ceiling?: number): BenchRecord {
  const key: PointKey = { suite: record.suite, subject: record.subject, implementation: record.implementation, strategy: record.strategy, workers: record.workers, metric: record.metric };
  if (record.status !== 'ok') return notMeasured(key, record.status, record.error ?? 'no reason was recorded');
  return measured(key, record.samples, ceiling !== undefined ? { ceiling } : {});
}
