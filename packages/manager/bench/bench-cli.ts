// `pnpm bench` for this package: runs the benchmarks, prints the records as JSON and a table, then parlab ÷ Python for the awaited calls with their intervals.
import { printRecords, ratioOfMedians, type OkPoint } from '@parlab/bench-kit';
import { runBenchmarks, SUBJECTS, type BenchRecord } from './bench.js';

/** The target for an awaited call: parlab at least this many times Python's proxy round trips, same run. */
const TARGET = 1.5;

const profile = process.argv.includes('--full') ? 'full' : 'quick';
const records = await runBenchmarks({ profile, onProgress: (label) => process.stderr.write(`… ${label}\n`) });
printRecords(records);

const find = (subject: string, implementation: string, strategy: string): OkPoint | undefined =>
  records.find((r: BenchRecord): r is OkPoint => r.status === 'ok' && r.subject === subject && r.implementation === implementation && r.strategy === strategy);

// Samples of the two sides come from interleaved turns, not pairs: bench-kit's bootstrap of the ratio of medians.
const rows = [];
for (const subject of [SUBJECTS.awaitedSet, SUBJECTS.awaitedGet]) {
  const python = find(subject, 'python', 'process');
  for (const strategy of ['process', 'thread']) {
    const parlab = find(subject, 'parlab', strategy);
    if (parlab === undefined || python === undefined) {
      rows.push({ subject, strategy, 'parlab ÷ python': 'n/a', target: `≥ ${TARGET}`, verdict: 'not measured' });
      continue;
    }
    const r = ratioOfMedians(parlab.samples, python.samples);
    const verdict = r.low >= TARGET ? 'met (interval above)' : r.median >= TARGET ? 'met (median; interval reaches below)' : 'missed';
    rows.push({ subject, strategy, 'parlab ÷ python': `${r.median.toFixed(2)} [${r.low.toFixed(2)}–${r.high.toFixed(2)}]`, target: `≥ ${TARGET}`, verdict });
  }
}
console.table(rows);
