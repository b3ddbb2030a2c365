// `pnpm bench` for this package: runs the benchmarks and prints the records as JSON and a table.
import { printRecords } from '@parlab/bench-kit';
import { runBenchmarks } from './bench.js';

const profile = process.argv.includes('--full') ? 'full' : 'quick';
printRecords(await runBenchmarks({ profile, onProgress: (label) => process.stderr.write(`… ${label}\n`) }));
