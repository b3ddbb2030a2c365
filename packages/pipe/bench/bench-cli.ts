// `pnpm bench` in this package: runs the pipe benchmark and prints its records and a summary.
import { printRecords } from '@parlab/bench-kit';
import { runBenchmarks } from './bench.js';

const profile = process.argv.includes('--full') ? 'full' : 'quick';
const records = await runBenchmarks({ profile, onProgress: (label) => process.stderr.write(`… ${label}\n`) });
printRecords(records);
