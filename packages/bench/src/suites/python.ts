// The `python` suite: packages/bench/python/bench.py under python3, or skipped records with a note.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawnPythonTwin } from '@parlab/bench-kit';
import { speedupCeiling } from '../environment.js';
import { notMeasured, resummarized } from '../records.js';
import { benchPackageDir } from '../repo.js';
import type { BenchRecord, MachineInfo, Profile, RunStrategy } from '../types.js';

export interface PythonSuiteOptions {
  readonly profile: Profile;
  /** null when python3 was not found. */
  readonly python: string | null;
  readonly workers: readonly number[];
  readonly strategies: readonly RunStrategy[];
  readonly signal: AbortSignal;
  readonly machine: Pick<MachineInfo, 'availableCores' | 'cpuQuota'>;
  onProgress(label: string): void;
}

const SUBJECTS = ['primes', 'fibonacci', 'mandelbrot', 'queue-throughput'];
const TIMEOUT_MS: Record<Profile, number> = { quick: 90_000, full: 900_000 };

/** One record per subject when the script could not give any. */
function unmeasured(status: 'failed' | 'skipped', reason: string): BenchRecord[] {
  return SUBJECTS.map((subject) =>
    notMeasured({ suite: 'python', subject, implementation: 'python', strategy: 'serial', workers: 1, metric: subject === 'queue-throughput' ? 'msgs_per_s' : 'wall_ms' }, status, reason),
  );
}

export async function runPythonSuite(options: PythonSuiteOptions): Promise<BenchRecord[]> {
  if (options.python === null) return unmeasured('skipped', 'python3 was not found on the PATH; install Python 3 to compare with multiprocessing and threading');
  const script = join(benchPackageDir(), 'python', 'bench.py');
  const args = ['--profile', options.profile, '--workers', options.workers.join(','), '--strategies', options.strategies.join(',')];
  // Its own process group under a watchdog: stopping it (or our death) also stops the workers it started.
  const child = spawnPythonTwin(script, args, { signal: options.signal, timeoutMs: TIMEOUT_MS[options.profile] });
  let records: BenchRecord[] | null = null;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  if (child.stdout === null) throw new Error('the Python twin has no stdout');
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    try {
      const message = JSON.parse(line) as { progress?: string; records?: BenchRecord[] };
      if (typeof message.progress === 'string') options.onProgress(message.progress);
      if (Array.isArray(message.records)) records = message.records;
    } catch {
      // Not one of ours (a stray print); ignore it.
    }
  });
  const code = await new Promise<number | null>((resolve) => {
    child.once('close', (exitCode: number | null) => resolve(exitCode));
    child.once('error', () => resolve(null));
  });
  // The twin's own summaries are replaced by the one statistics module's, from its samples.
  const summarized = (list: BenchRecord[]): BenchRecord[] =>
    list.map((r) => resummarized(r, r.metric === 'speedup' ? speedupCeiling(r.workers, options.machine) : undefined));
  if (options.signal.aborted) return summarized(records ?? []);
  if (records !== null) return summarized(records);
  const reason = `python3 ${script} exited with code ${String(code)}: ${stderr.trim().split('\n').slice(-3).join(' | ') || 'no output'}`;
  return unmeasured('failed', reason);
}
