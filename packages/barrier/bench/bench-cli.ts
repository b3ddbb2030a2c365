// `pnpm bench` for this package: runs the benchmarks and prints the records as JSON and a table.
import { printRecords } from '@parlab/bench-kit';
import { backendInfo } from '@parlab/shm';
import { runBenchmarks } from './bench.js';

const profile = process.argv.includes('--full') ? 'full' : 'quick';
const { backend, reason } = backendInfo();
process.stderr.write(`shared memory backend: ${backend} (${reason})\n`);
printRecords(await runBenchmarks({ profile, onProgress: (label) => process.stderr.write(`… ${label}\n`) }));
