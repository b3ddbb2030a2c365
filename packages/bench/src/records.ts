// Building results records for the runner's own suites: bench-kit's records, named by a PointKey.
import { identityOf, notOkRecord, okRecord, type RecordExtras } from '@parlab/bench-kit';
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
