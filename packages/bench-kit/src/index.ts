// @parlab/bench-kit: benchmark records in the results schema (DESIGN.md), their statistics, and Python twins.
// The Python twins run as plain commands: that is a benchmark's business, not a strategy's.
import { execFile } from 'node:child_process';

/** One point of results.json (structurally the schema's ResultPoint). */
export interface BenchRecord {
  readonly suite: 'primitives';
  readonly subject: string;
  readonly implementation: string;
  readonly strategy: 'serial' | 'process' | 'thread';
  readonly workers: number;
  readonly metric: 'round_trip_us' | 'msgs_per_s' | 'items_per_s' | 'bytes_per_s' | 'rss_bytes';
  readonly unit: 'us' | '1/s' | 'B/s' | 'B';
  readonly better: 'lower' | 'higher';
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly error?: string;
  readonly median?: number;
  readonly mean?: number;
  readonly min?: number;
  readonly max?: number;
  readonly p75?: number;
  readonly p99?: number;
  readonly rme?: number;
  readonly samples?: number[];
}

export interface BenchOptions {
  readonly profile: 'quick' | 'full';
  readonly signal?: AbortSignal;
  readonly onProgress?: (label: string) => void;
}

export type Identity = Pick<BenchRecord, 'subject' | 'implementation' | 'strategy' | 'workers' | 'metric' | 'unit' | 'better'>;

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

/** A measured point: summary statistics of `samples` (rme: 95% margin of the mean, in percent). */
export function okRecord(identity: Identity, samples: number[]): BenchRecord {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const variance = samples.length > 1 ? samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (samples.length - 1) : 0;
  const rme = mean === 0 ? 0 : ((1.96 * Math.sqrt(variance / samples.length)) / mean) * 100;
  return {
    suite: 'primitives',
    ...identity,
    status: 'ok',
    median: quantile(sorted, 0.5),
    mean,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    p75: quantile(sorted, 0.75),
    p99: quantile(sorted, 0.99),
    rme,
    samples,
  };
}

export function notOkRecord(identity: Identity, status: 'failed' | 'skipped', error: string): BenchRecord {
  return { suite: 'primitives', ...identity, status, error };
}

/** Runs one measurement; a failure becomes a failed record rather than ending the suite. */
export async function measure(identity: Identity, options: BenchOptions, run: () => Promise<number[]>): Promise<BenchRecord> {
  options.signal?.throwIfAborted();
  options.onProgress?.(`${identity.subject} ${identity.implementation} ${identity.strategy}`);
  try {
    return okRecord(identity, await run());
  } catch (error) {
    return notOkRecord(identity, 'failed', (error as Error).message);
  }
}

function figure(r: BenchRecord): string {
  const median = r.median as number;
  if (r.unit === 'us') return `${median.toFixed(1)} µs`;
  if (r.unit === 'B/s') return `${(median / 1e9).toFixed(2)} GB/s`;
  if (r.unit === 'B') return `${(median / 2 ** 20).toFixed(1)} MiB`;
  return `${median.toFixed(0)} ${r.metric.replace('_per_s', '')}/s`;
}

/** Prints the records as JSON, then a table for people. */
export function printRecords(records: readonly BenchRecord[]): void {
  process.stdout.write(`${JSON.stringify(records, null, 2)}\n\n`);
  const rows = records.map((r) => [
    r.subject,
    r.implementation,
    r.strategy,
    String(r.workers),
    r.status === 'ok' ? figure(r) : `${r.status}: ${r.error ?? ''}`,
    r.status === 'ok' ? `±${(r.rme as number).toFixed(1)}%` : '',
  ]);
  const header = ['subject', 'implementation', 'strategy', 'workers', 'median', 'rme'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ')}\n`);
}

/**
 * Runs a Python twin (`python3 <script> args…`) that prints a JSON object of figure lists, e.g.
 * {"round_trip_us": [...], "bytes_per_s": [...]}; null when python3 is missing.
 */
export async function runPythonFigures(script: string, args: readonly string[], signal?: AbortSignal): Promise<Record<string, number[]> | null> {
  return new Promise((resolve, reject) => {
    execFile('python3', [script, ...args], { timeout: 60_000, ...(signal !== undefined ? { signal } : {}) }, (error, stdout) => {
      if (error !== null) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') resolve(null);
        else reject(error);
        return;
      }
      try {
        resolve(JSON.parse(stdout) as Record<string, number[]>);
      } catch (parseError) {
        reject(parseError as Error);
      }
    });
  });
}

/** Runs a Python twin that prints {"samples": [...]}; null when python3 is missing. */
export async function runPython(script: string, args: readonly string[], signal?: AbortSignal): Promise<number[] | null> {
  const figures = await runPythonFigures(script, args, signal);
  if (figures === null) return null;
  const samples = figures['samples'];
  if (!Array.isArray(samples)) throw new Error(`python3 ${script} printed no "samples" list`);
  return samples;
}
