// Runs another package's own benchmark (`runBenchmarks` in its bench/bench.ts) as part of a suite.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withDeadline } from '@parlab/core';
import { repoRoot } from '../repo.js';
import { notMeasured } from '../records.js';
import { SUITES, type BenchRecord, type PackageBenchOptions, type SuiteName } from '../types.js';

type RunBenchmarks = (options: PackageBenchOptions) => Promise<unknown[]>;

/** Packages whose benchmarks the runner includes, and the suite each belongs to. */
export const PACKAGE_BENCHES: Record<string, SuiteName> = {
  queue: 'primitives',
  pipe: 'primitives',
  barrier: 'primitives',
  manager: 'primitives',
  pool: 'peers',
};

/**
 * A package's benchmark sits beside its library (`packages/<pkg>/bench/`, built to `dist/bench/`),
 * never in what the package exports: its users do not install it, so it is loaded from the workspace.
 */
async function importBench(pkg: string): Promise<RunBenchmarks | string> {
  const file = join(repoRoot(), 'packages', pkg, 'dist', 'bench', 'bench.js');
  try {
    const module = (await import(pathToFileURL(file).href)) as { runBenchmarks?: unknown };
    if (typeof module.runBenchmarks === 'function') return module.runBenchmarks as RunBenchmarks;
    return `@parlab/${pkg}'s benchmark (${file}) has no runBenchmarks export`;
  } catch (error) {
    return `@parlab/${pkg} has no built benchmark (${file}: ${(error as { code?: string }).code ?? (error as Error).message})`;
  }
}

function isRecord(value: unknown): value is BenchRecord {
  const r = value as Partial<BenchRecord> | null;
  return typeof r === 'object' && r !== null && typeof r.subject === 'string' && typeof r.metric === 'string' && typeof r.status === 'string';
}

/** The package's records (their `suite` kept when valid, else `suite`), or one skipped/failed record. */
export async function runPackageBench(pkg: string, suite: SuiteName, options: Required<Omit<PackageBenchOptions, 'onProgress'>> & Pick<PackageBenchOptions, 'onProgress'>): Promise<BenchRecord[]> {
  const placeholder = { suite, subject: pkg, implementation: 'parlab', strategy: 'serial', workers: 1, metric: 'wall_ms' } as const;
  const run = await importBench(pkg);
  if (typeof run === 'string') return [notMeasured(placeholder, 'skipped', run)];
  try {
    // The package may not watch the signal; the race lets the runner stop anyway (its workers die with us).
    const records = await withDeadline(run(options), `@parlab/${pkg} benchmarks`, { signal: options.signal });
    return records.filter(isRecord).map((r) => ({ ...r, suite: (SUITES as readonly string[]).includes(r.suite) ? r.suite : suite }));
  } catch (error) {
    if (options.signal.aborted) return [];
    return [notMeasured(placeholder, 'failed', error)];
  }
}
