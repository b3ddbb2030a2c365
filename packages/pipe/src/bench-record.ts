// Benchmark records in the results schema of shared/DESIGN.md, made from raw samples.
export interface BenchRecord {
  suite: 'primitives';
  subject: string;
  implementation: 'parlab' | 'raw' | 'python';
  strategy: 'process' | 'thread' | 'serial';
  workers: number;
  metric: 'msgs_per_s' | 'round_trip_us' | 'bytes_per_s';
  unit: '1/s' | 'us' | 'B/s';
  better: 'higher' | 'lower';
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
  note?: string;
  median: number;
  mean: number;
  min: number;
  max: number;
  p75: number;
  p99: number;
  rme: number;
  samples: number[];
}

export type BenchMetric = BenchRecord['metric'];

const UNITS: Record<BenchMetric, { unit: BenchRecord['unit']; better: BenchRecord['better'] }> = {
  msgs_per_s: { unit: '1/s', better: 'higher' },
  bytes_per_s: { unit: 'B/s', better: 'higher' },
  round_trip_us: { unit: 'us', better: 'lower' },
};

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low);
}

export interface RecordWhat {
  readonly subject: string;
  readonly implementation: BenchRecord['implementation'];
  readonly strategy: BenchRecord['strategy'];
  readonly metric: BenchMetric;
}

/** A record from samples (rme: relative margin of error at 95 %, in percent). */
export function benchRecord(what: RecordWhat, samples: readonly number[]): BenchRecord {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, n);
  const variance = n > 1 ? sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  const rme = n > 1 && mean !== 0 ? ((1.96 * Math.sqrt(variance / n)) / mean) * 100 : 0;
  return {
    suite: 'primitives',
    ...what,
    workers: what.strategy === 'serial' ? 1 : 2,
    ...UNITS[what.metric],
    status: 'ok',
    median: quantile(sorted, 0.5),
    mean,
    min: sorted[0] ?? 0,
    max: sorted[n - 1] ?? 0,
    p75: quantile(sorted, 0.75),
    p99: quantile(sorted, 0.99),
    rme,
    samples: [...samples],
  };
}

/** A record for a measurement that did not run (or failed), with why. */
export function missingRecord(what: RecordWhat, status: 'failed' | 'skipped', why: string): BenchRecord {
  return { ...benchRecord(what, []), status, ...(status === 'failed' ? { error: why } : { note: why }) };
}

/** Prints records as JSON, then a table with each parlab figure's ratio to the others of its subject. */
export function printRecords(records: readonly BenchRecord[]): void {
  process.stdout.write(`${JSON.stringify(records, null, 2)}\n\n`);
  for (const r of records) {
    const figure = r.status === 'ok' ? r.median.toPrecision(4) : r.status;
    process.stdout.write(`${r.subject.padEnd(18)} ${r.implementation.padEnd(7)} ${r.strategy.padEnd(8)} ${figure.padStart(12)} ${r.unit.padEnd(4)} ±${r.rme.toFixed(1)}%${r.note !== undefined ? `  (${r.note})` : ''}\n`);
  }
}
