// The table printed at the end: per workload, the serial time and the best speedup of each strategy.
import type { BenchRecord } from './types.js';

interface Best {
  readonly workers: number;
  readonly speedup: number;
}

function best(records: readonly BenchRecord[], subject: string, strategy: 'process' | 'thread'): Best | null {
  let found: Best | null = null;
  for (const r of records) {
    if (r.suite !== 'workloads' || r.subject !== subject || r.strategy !== strategy || r.metric !== 'speedup') continue;
    if (r.status !== 'ok' || r.median === undefined) continue;
    if (found === null || r.median > found.speedup) found = { workers: r.workers, speedup: r.median };
  }
  return found;
}

const cell = (b: Best | null): string => (b === null ? '—' : `${b.speedup.toFixed(2)}× @${b.workers}`);

/** Plain-text table (no colours, no control characters). */
export function summaryTable(records: readonly BenchRecord[]): string {
  const subjects = [...new Set(records.filter((r) => r.suite === 'workloads' && r.metric === 'speedup' || (r.suite === 'workloads' && r.strategy === 'serial')).map((r) => r.subject))];
  if (subjects.length === 0) return '';
  const rows: string[][] = [['workload', 'serial ms', 'process best', 'thread best', 'winner']];
  for (const subject of subjects) {
    const serial = records.find((r) => r.suite === 'workloads' && r.subject === subject && r.strategy === 'serial' && r.metric === 'wall_ms');
    const process = best(records, subject, 'process');
    const thread = best(records, subject, 'thread');
    const failed = records.some((r) => r.suite === 'workloads' && r.subject === subject && r.status === 'failed');
    const candidates = [
      ...(process !== null ? [{ name: 'process', ...process }] : []),
      ...(thread !== null ? [{ name: 'thread', ...thread }] : []),
    ].sort((a, b) => b.speedup - a.speedup);
    const top = candidates[0];
    const winner = top === undefined ? 'serial' : top.speedup < 1 ? 'serial' : `${top.name} ×${top.workers}`;
    rows.push([
      subject,
      serial?.status === 'ok' && serial.median !== undefined ? serial.median.toFixed(1) : 'failed',
      cell(process),
      cell(thread),
      failed ? `${winner} (some points failed)` : winner,
    ]);
  }
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]): string => row.map((text, i) => text.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(rows[0] as string[]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
