// Running one measurement into a record, and printing records for people.
import { notOkRecord, okRecord, type BenchRecord, type Identity } from './records.js';

export interface BenchOptions {
  readonly profile: 'quick' | 'full';
  readonly signal?: AbortSignal;
  readonly onProgress?: (label: string) => void;
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
    r.status === 'ok' ? `±${r.rme.toFixed(1)}% (n=${r.n})` : '',
    r.status === 'ok' ? r.flags.join(' ') : '',
  ]);
  const header = ['subject', 'implementation', 'strategy', 'workers', 'median', 'interval', 'flags'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ')}\n`);
}

