// `pnpm bench` for the pool package: runs the peers suite, prints the records as JSON, a summary, and the targets with their intervals.
import { ratioOfMedians, type OkPoint } from '@parlab/bench-kit';
import { runBenchmarks, type BenchRecord } from './bench.js';

const ok = (r: BenchRecord): r is OkPoint => r.status === 'ok';

function find(records: readonly BenchRecord[], subject: string, implementation: string, strategy: string): OkPoint | undefined {
  return records.filter(ok).find((r) => r.subject === subject && r.implementation === implementation && r.strategy === strategy);
}

function best(records: readonly BenchRecord[], subject: string, strategy: string): OkPoint | undefined {
  return records
    .filter(ok)
    .filter((r) => r.subject === subject && r.strategy === strategy && r.implementation !== 'parlab' && r.implementation !== 'raw')
    .sort((a, b) => b.median - a.median)[0];
}

/** a ÷ b with its bootstrap interval (the samples of the two were taken in interleaved rounds, not side by side). */
function ratio(a: OkPoint | undefined, b: OkPoint | undefined): string {
  if (a === undefined || b === undefined || b.median <= 0) return 'n/a';
  const r = ratioOfMedians(a.samples, b.samples);
  return `${r.median.toFixed(2)} [${r.low.toFixed(2)}–${r.high.toFixed(2)}]`;
}

const args = process.argv.slice(2);
const profile = args.includes('--full') || args.includes('full') ? 'full' : 'quick';
const records = await runBenchmarks({ profile, onProgress: (label) => process.stderr.write(`  ${label}\n`) });
console.log(JSON.stringify(records, null, 2));

const rows = records.map((r) => ({
  subject: r.subject,
  implementation: r.implementation,
  strategy: r.strategy,
  status: r.status,
  median: r.status === 'ok' ? `${Math.round(r.median * 100) / 100} ${r.unit}` : r.error,
  interval: r.status === 'ok' ? `±${r.rme.toFixed(1)}% (n=${r.n})` : '',
  flags: r.status === 'ok' ? r.flags.join(' ') : '',
}));
console.table(rows);

const threadBest = best(records, 'dispatch-noop', 'thread');
const targets = [
  [`thread dispatch vs best thread peer (${threadBest?.implementation ?? '?'}), target ≥ 2`, ratio(find(records, 'dispatch-noop', 'parlab', 'thread'), threadBest)],
  ['process dispatch vs worker-farm, target ≥ 2', ratio(find(records, 'dispatch-noop', 'parlab', 'process'), find(records, 'dispatch-noop', 'worker-farm', 'process'))],
  ['map-noop thread, target ≥ 3M items/s', String(Math.round(find(records, 'map-noop', 'parlab', 'thread')?.median ?? 0))],
  ['map-noop process, target ≥ 3M items/s', String(Math.round(find(records, 'map-noop', 'parlab', 'process')?.median ?? 0))],
  ['cpu-primes speedup thread vs raw, target ≥ 0.97', ratio(find(records, 'cpu-primes', 'parlab', 'thread'), find(records, 'cpu-primes', 'raw', 'thread'))],
  ['cpu-primes speedup process vs raw, target ≥ 0.97', ratio(find(records, 'cpu-primes', 'parlab', 'process'), find(records, 'cpu-primes', 'raw', 'process'))],
];
const MB = 1e6;
for (const r of records.filter(ok).filter((record) => record.metric === 'rss_bytes')) {
  // The record's samples follow the warm-up: their median is the steady state, their max the peak.
  const steady = r.median / MB;
  const peak = r.max / MB;
  targets.push([`${r.subject} ${r.strategy}: peak − steady RSS, target ≤ 50 MB`, `${(peak - steady).toFixed(1)} MB (peak ${peak.toFixed(1)}, steady ${steady.toFixed(1)})`]);
}
console.table(targets.map(([target, value]) => ({ target, value })));
