// The `workloads` suite: every workload serially and under each strategy × worker count, sampled in adjacent pairs.
import { performance } from 'node:perf_hooks';
import { summarize } from '@parlab/bench-kit';
import type { StrategyName } from '@parlab/core';
import type { Pool } from '@parlab/pool';
import { loadWorkload, type WorkloadEntry } from '../discover.js';
import { WrongResultError } from '../errors.js';
import { speedupCeiling } from '../environment.js';
import type { HostMonitor } from '../host.js';
import { closePool, openPool } from '../pools.js';
import { measured, notMeasured, type PointKey } from '../records.js';
import { sampleAgainstReference, seedOf, type Contender, type SamplerOptions } from '../sampler.js';
import type { BenchRecord, MachineInfo, Profile, RunStrategy } from '../types.js';
import type { Workload, WorkloadVariant } from '../workload.js';
import type { SubjectInfo } from '@parlab/report';

/** Precision every point aims at: its interval's half-width in percent of its median. */
export const TARGET_PERCENT = 5;

/**
 * How each profile samples. The suite's budget is shared out as it goes: a workload that reaches
 * the precision target early leaves its time to the noisier ones after it (never more than
 * `perWorkloadMaxMs` each).
 */
export const SAMPLING: Record<Profile, { suiteBudgetMs: number; perWorkloadMaxMs: number; minRounds: number; maxRounds: number; warmupRounds: number; targetSampleMs: number }> = {
  quick: { suiteBudgetMs: 72_000, perWorkloadMaxMs: 14_000, minRounds: 6, maxRounds: 40, warmupRounds: 1, targetSampleMs: 50 },
  full: { suiteBudgetMs: 600_000, perWorkloadMaxMs: 90_000, minRounds: 10, maxRounds: 120, warmupRounds: 2, targetSampleMs: 250 },
};

/** `PARLAB_BENCH_WORKLOAD_BUDGET_MS` caps each workload's budget (the runner's own tests use it to stay short). */
function workloadBudgetCap(): number {
  const cap = Number(process.env['PARLAB_BENCH_WORKLOAD_BUDGET_MS']);
  return Number.isFinite(cap) && cap >= 0 ? cap : Number.POSITIVE_INFINITY;
}

export interface WorkloadsSuiteOptions {
  readonly profile: Profile;
  readonly entries: readonly WorkloadEntry[];
  readonly strategies: readonly RunStrategy[];
  readonly workers: readonly number[];
  readonly signal: AbortSignal;
  readonly machine: Pick<MachineInfo, 'availableCores' | 'cpuQuota'>;
  /** Read before every round: the host's speed while each point was measured. */
  readonly host: HostMonitor;
  /** A workload's title and description, once it is loaded. */
  onSubject(id: string, info: SubjectInfo): void;
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

/** A contender: the workload's own parallel version, or one of its variants, on the pool of `pool`'s key. */
interface Run extends Config {
  /** `parlab`, or `parlab-<variant id>`. */
  readonly implementation: string;
  readonly pool: string;
  readonly variant: WorkloadVariant | null;
}

const key = (subject: string, strategy: RunStrategy, workers: number, metric: PointKey['metric'], implementation = 'parlab'): PointKey => ({
  suite: 'workloads',
  subject,
  implementation,
  strategy,
  workers,
  metric,
});

/** The workload's own runs, then each variant's on the same pools (a variant's strategies only). */
function runsOf(workload: Workload, configs: readonly Config[]): Run[] {
  const own = configs.map((c): Run => ({ ...c, implementation: 'parlab', pool: c.key, variant: null }));
  const variants = (workload.variants ?? []).flatMap((variant) =>
    configs
      .filter((c) => variant.strategies.includes(c.strategy))
      .map((c): Run => ({ ...c, key: `${variant.id}:${c.key}`, implementation: `parlab-${variant.id}`, pool: c.key, variant })),
  );
  return [...own, ...variants];
}

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
  budgetMs: number,
): Promise<BenchRecord[]> {
  const allKeys = [key(entry.id, 'serial', 1, 'wall_ms'), ...configs.flatMap((c) => [key(entry.id, c.strategy, c.workers, 'wall_ms'), key(entry.id, c.strategy, c.workers, 'speedup')])];
  let workload: Workload;
  let expected: unknown;
  try {
    workload = await loadWorkload(entry);
    const variants = Object.fromEntries((workload.variants ?? []).map((v) => [`parlab-${v.id}`, { title: { ...v.title }, description: { ...v.description } }]));
    options.onSubject(entry.id, { title: { ...workload.title }, description: { ...workload.description }, ...(Object.keys(variants).length > 0 ? { variants } : {}) });
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
    const reference: Contender = { key: 'serial', run: () => workload.serial(size), after: checked(workload, expected, 'serial run differs from the first serial run') };
    const runs = runsOf(workload, configs);
    // A variant this machine cannot run (e.g. no native shared memory) is recorded as skipped, with why.
    const unavailable = new Map((workload.variants ?? []).map((v) => [v.id, v.unavailable?.() ?? null]));
    const runnable = runs.filter((r) => pools.has(r.pool) && (r.variant === null || unavailable.get(r.variant.id) === null));
    const contenders = runnable.map((r): Contender => {
      const pool = pools.get(r.pool) as Pool;
      const parallel = r.variant ?? workload;
      return {
        key: r.key,
        run: () => parallel.parallel(size, { strategy: r.strategy, workers: r.workers, pool, signal: options.signal }),
        after: checked(workload, expected, `${r.implementation} ${r.strategy} × ${r.workers} differs from serial`),
      };
    });
    const hostIndices: number[] = [];
    const plan = SAMPLING[options.profile];
    const sampling: SamplerOptions = {
      minRounds: plan.minRounds,
      maxRounds: plan.maxRounds,
      warmupRounds: plan.warmupRounds,
      targetSampleMs: plan.targetSampleMs,
      targetPercent: TARGET_PERCENT,
      budgetMs,
      seed: seedOf(entry.id),
      signal: options.signal,
      onRun: progress,
      onRound: () => hostIndices.push(options.host.reading()),
    };
    const result = await sampleAgainstReference(reference, contenders, sampling);
    const extras = (k: string): { hostIndices: number[]; hostIndex: number | undefined; iterations: number | undefined; targetPercent: number } => ({
      hostIndices,
      hostIndex: hostIndices.length > 0 ? summarize(hostIndices).median : undefined,
      iterations: result.iterations.get(k),
      targetPercent: TARGET_PERCENT,
    });
    // A point Ctrl-C stopped before its first sample is skipped, not failed.
    const point = (k: PointKey, values: number[], more: Parameters<typeof measured>[2]): BenchRecord =>
      values.length === 0 && options.signal.aborted ? notMeasured(k, 'skipped', 'interrupted before it was measured') : measured(k, values, more);
    const serialError = result.errors.get('serial');
    records.push(
      serialError === undefined ? point(key(entry.id, 'serial', 1, 'wall_ms'), result.reference, extras('serial')) : notMeasured(key(entry.id, 'serial', 1, 'wall_ms'), 'failed', serialError),
    );
    for (const c of runs) {
      if (!pools.has(c.pool)) continue;
      const wall = key(entry.id, c.strategy, c.workers, 'wall_ms', c.implementation);
      const speedup = key(entry.id, c.strategy, c.workers, 'speedup', c.implementation);
      const why = c.variant === null ? null : (unavailable.get(c.variant.id) ?? null);
      if (why !== null) {
        records.push(notMeasured(wall, 'skipped', why), notMeasured(speedup, 'skipped', why));
        continue;
      }
      const error = result.errors.get(c.key) ?? serialError;
      if (error !== undefined) {
        records.push(notMeasured(wall, 'failed', error), notMeasured(speedup, 'failed', error));
        options.onFailure(`${entry.id} ${c.implementation} ${c.strategy} × ${c.workers}: ${error.name}: ${error.message}`);
        continue;
      }
      const ceiling = speedupCeiling(c.workers, options.machine);
      records.push(
        point(wall, result.samples.get(c.key) ?? [], extras(c.key)),
        point(speedup, result.ratios.get(c.key) ?? [], { ...extras(c.key), iterations: undefined, ceiling }),
      );
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
  const plan = SAMPLING[options.profile];
  // Progress counts runs against a typical round count (the sampler may stop earlier or go on).
  const expectedRuns = (plan.minRounds * 2 + plan.warmupRounds) * (configs.length + Math.ceil(configs.length / 2) + 1);
  const startup = new Map<string, number[]>();
  const suiteStarted = performance.now();
  for (const [index, entry] of options.entries.entries()) {
    if (options.signal.aborted) return;
    let runs = 0;
    const progress = (round: number, runKey: string): void => {
      const fraction = (index + Math.min(0.95, runs++ / expectedRuns)) / options.entries.length;
      const roundText = round < 0 ? 'warm-up' : `round ${round + 1}`;
      options.onProgress(`workloads · ${entry.id} · ${runKey.replace('-', ' × ')} · ${roundText}`, fraction);
    };
    options.onProgress(`workloads · ${entry.id} · starting pools`, index / options.entries.length);
    // This workload's share of what is left of the suite's budget.
    const left = plan.suiteBudgetMs - (performance.now() - suiteStarted);
    const budgetMs = Math.max(0, Math.min(plan.perWorkloadMaxMs, workloadBudgetCap(), left / (options.entries.length - index)));
    const records = await measureWorkload(entry, configs, options, startup, progress, budgetMs);
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
