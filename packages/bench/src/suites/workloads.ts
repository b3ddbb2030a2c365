// The `workloads` suite: every workload serially and under each strategy × worker count, interleaved.
import type { StrategyName } from '@parlab/core';
import type { Pool } from '@parlab/pool';
import { loadWorkload, type WorkloadEntry } from '../discover.js';
import { WrongResultError } from '../errors.js';
import { interleave, pairedRatios, type Contender } from '../interleave.js';
import { closePool, openPool } from '../pools.js';
import { measured, notMeasured, type PointKey } from '../records.js';
import type { BenchRecord, Profile, RunStrategy } from '../types.js';
import type { Workload } from '../workload.js';

/**
 * Rounds kept per point (between `minRounds` and `rounds`, as `budgetMs` allows: a loaded machine
 * gets fewer rounds rather than a longer run), and untimed rounds before them.
 */
const ROUNDS: Record<Profile, { rounds: number; minRounds: number; budgetMs: number; warmupRounds: number }> = {
  quick: { rounds: 6, minRounds: 3, budgetMs: 4_000, warmupRounds: 1 },
  full: { rounds: 20, minRounds: 10, budgetMs: 60_000, warmupRounds: 2 },
};

export interface WorkloadsSuiteOptions {
  readonly profile: Profile;
  readonly entries: readonly WorkloadEntry[];
  readonly strategies: readonly RunStrategy[];
  readonly workers: readonly number[];
  readonly signal: AbortSignal;
  /** Records of one workload, as soon as they are known. */
  onRecords(records: BenchRecord[]): void;
  /** `fraction` of this suite done (0..1) and what runs now. */
  onProgress(label: string, fraction: number): void;
  /** A workload that failed, for the log. */
  onFailure(line: string): void;
}

interface Config {
  readonly key: string;
  readonly strategy: StrategyName;
  readonly workers: number;
}

const key = (subject: string, strategy: RunStrategy, workers: number, metric: PointKey['metric']): PointKey => ({
  suite: 'workloads',
  subject,
  implementation: 'parlab',
  strategy,
  workers,
  metric,
});

function checked(workload: Workload, expected: unknown, what: string): (result: unknown) => void {
  return (result) => {
    const outcome = workload.check(result, expected);
    if (outcome !== true) throw new WrongResultError(`${what}: ${outcome}`);
  };
}

/** Measures one workload; returns its records (failed ones included). Pools are closed before it returns. */
async function measureWorkload(
  entry: WorkloadEntry,
  configs: readonly Config[],
  options: WorkloadsSuiteOptions,
  startup: Map<string, number[]>,
  progress: (round: number, key: string) => void,
): Promise<BenchRecord[]> {
  const allKeys = [key(entry.id, 'serial', 1, 'wall_ms'), ...configs.flatMap((c) => [key(entry.id, c.strategy, c.workers, 'wall_ms'), key(entry.id, c.strategy, c.workers, 'speedup')])];
  let workload: Workload;
  let expected: unknown;
  try {
    workload = await loadWorkload(entry);
    // The reference result; this first call also warms the serial code.
    expected = await workload.serial(workload.sizes[options.profile]);
  } catch (error) {
    return allKeys.map((k) => notMeasured(k, 'failed', error));
  }
  const size = workload.sizes[options.profile];
  const pools = new Map<string, Pool>();
  const records: BenchRecord[] = [];
  try {
    for (const config of configs) {
      if (options.signal.aborted) break;
      try {
        const opened = await openPool(config.strategy, config.workers, options.signal);
        pools.set(config.key, opened.pool);
        const list = startup.get(config.key) ?? [];
        list.push(opened.startupMs);
        startup.set(config.key, list);
      } catch (error) {
        if (options.signal.aborted) break;
        records.push(...(['wall_ms', 'speedup'] as const).map((metric) => notMeasured(key(entry.id, config.strategy, config.workers, metric), 'failed', error)));
        options.onFailure(`${entry.id} ${config.strategy} × ${config.workers}: the pool did not start: ${(error as Error).message}`);
      }
    }
    const contenders: Contender[] = [
      { key: 'serial', run: () => workload.serial(size), after: checked(workload, expected, 'serial run differs from the first serial run') },
      ...configs
        .filter((c) => pools.has(c.key))
        .map((c): Contender => {
          const pool = pools.get(c.key) as Pool;
          return {
            key: c.key,
            run: () => workload.parallel(size, { strategy: c.strategy, workers: c.workers, pool, signal: options.signal }),
            after: checked(workload, expected, `${c.strategy} × ${c.workers} differs from serial`),
          };
        }),
    ];
    const { samples, errors } = await interleave(contenders, { ...ROUNDS[options.profile], signal: options.signal, onRun: progress });
    // A point Ctrl-C stopped before its first sample is skipped, not failed.
    const point = (k: PointKey, values: number[]): BenchRecord =>
      values.length === 0 && options.signal.aborted ? notMeasured(k, 'skipped', 'interrupted before it was measured') : measured(k, values);
    const serial = samples.get('serial') ?? [];
    const serialError = errors.get('serial');
    records.push(serialError === undefined ? point(key(entry.id, 'serial', 1, 'wall_ms'), serial) : notMeasured(key(entry.id, 'serial', 1, 'wall_ms'), 'failed', serialError));
    for (const c of configs) {
      if (!pools.has(c.key)) continue;
      const wall = key(entry.id, c.strategy, c.workers, 'wall_ms');
      const speedup = key(entry.id, c.strategy, c.workers, 'speedup');
      const error = errors.get(c.key) ?? serialError;
      if (error !== undefined) {
        records.push(notMeasured(wall, 'failed', error), notMeasured(speedup, 'failed', error));
        options.onFailure(`${entry.id} ${c.strategy} × ${c.workers}: ${error.name}: ${error.message}`);
        continue;
      }
      const own = samples.get(c.key) ?? [];
      records.push(point(wall, own), point(speedup, pairedRatios(serial, own)));
    }
    return records;
  } finally {
    await Promise.all([...pools.values()].map((pool) => closePool(pool)));
  }
}

/** Runs the suite; records go out through `onRecords` per workload, so an abort loses none. */
export async function runWorkloadsSuite(options: WorkloadsSuiteOptions): Promise<void> {
  const parallel = options.strategies.filter((s): s is StrategyName => s !== 'serial');
  const configs: Config[] = parallel.flatMap((strategy) =>
    options.workers.map((workers) => ({ key: `${strategy}-${workers}`, strategy, workers })),
  );
  const { rounds, warmupRounds } = ROUNDS[options.profile];
  const runsPerWorkload = (rounds + warmupRounds) * (configs.length + 1);
  const startup = new Map<string, number[]>();
  for (const [index, entry] of options.entries.entries()) {
    if (options.signal.aborted) return;
    let runs = 0;
    const progress = (round: number, runKey: string): void => {
      const fraction = (index + runs++ / runsPerWorkload) / options.entries.length;
      const roundText = round < 0 ? 'warm-up' : `round ${round + 1}/${rounds}`;
      options.onProgress(`workloads · ${entry.id} · ${runKey.replace('-', ' × ')} · ${roundText}`, fraction);
    };
    options.onProgress(`workloads · ${entry.id} · starting pools`, index / options.entries.length);
    const records = await measureWorkload(entry, configs, options, startup, progress);
    for (const record of records) {
      if (record.status === 'failed' && record.strategy === 'serial') options.onFailure(`${entry.id}: ${record.error ?? 'failed'}`);
    }
    options.onRecords(records);
  }
  // Pool start-up (start + first task on every worker), one sample per workload: its own subject.
  options.onRecords(
    configs.map((c) => measured({ suite: 'workloads', subject: 'pool-startup', implementation: 'parlab', strategy: c.strategy, workers: c.workers, metric: 'spawn_ms' }, startup.get(c.key) ?? [])),
  );
}
