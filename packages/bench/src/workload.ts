// The workload contract: what every workloads/<id> package exports as `workload`.
import type { StrategyName } from '@parlab/core';
import type { Pool } from '@parlab/pool';

/** A text in the two languages the course is taught in. */
export interface Localized {
  readonly en: string;
  readonly es: string;
}

/** The parlab primitives a workload's parallel version is built on. */
export type PrimitiveName = 'process' | 'pool' | 'queue' | 'pipe' | 'barrier' | 'lock' | 'manager' | 'shared-memory';

/** How big a run is, per profile; `test` is the small size the contract tests use. */
export interface WorkloadSizes<Size> {
  readonly test: Size;
  readonly quick: Size;
  readonly full: Size;
}

/** What the runner hands a parallel run. */
export interface ParallelOptions {
  readonly strategy: StrategyName;
  /** How many workers to use (processes or threads). */
  readonly workers: number;
  /**
   * A started and warmed Pool of exactly `workers` workers under `strategy`, so pool start-up
   * stays outside the timed part. Workloads built on other primitives start their own
   * processes (that start-up is then part of their time, as it is in Python) and ignore it.
   */
  readonly pool: Pool;
  /** Aborts the run (Ctrl-C): stop every process or thread the run started and reject. */
  readonly signal: AbortSignal;
}

/**
 * `true` when the result is right; otherwise a short sentence saying what differs.
 * A check compares with the serial reference, so it should be exact for exact results and
 * use a stated tolerance only where floating-point order really differs.
 */
export type CheckOutcome = true | string;

/**
 * Another way to run the same job in parallel, measured as a contender of its own beside the
 * workload's `parallel` (its points' implementation is `parlab-<id>`): e.g. processes that share
 * memory instead of copying it, so the charts separate the cost of copying from the cost of being
 * a process.
 */
export interface WorkloadVariant<Size = unknown, Result = unknown> {
  /** Kebab-case, e.g. `shared-memory`. */
  readonly id: string;
  /** What the contender is, for the charts' legends: e.g. "Processes + shared memory". */
  readonly title: Localized;
  /** What it does differently, for the report's explanation. */
  readonly description: Localized;
  /** The strategies it runs under. */
  readonly strategies: readonly StrategyName[];
  /** null when it can run on this machine, else why not (its points are then skipped with that reason). */
  unavailable?(): string | null;
  /** The job, as `parallel` runs it, with the same warm pool. */
  parallel(size: Size, options: ParallelOptions): Promise<Result>;
}

/** One CPU-bound, deterministic job with a serial reference and a parallel version. */
export interface Workload<Size = unknown, Result = unknown> {
  /** Kebab-case, stable; equals the folder name under workloads/. */
  readonly id: string;
  readonly title: Localized;
  readonly description: Localized;
  /** The primitives the parallel version uses; the bench lists them and checks coverage. */
  readonly primitives: readonly PrimitiveName[];
  readonly sizes: WorkloadSizes<Size>;
  /** The reference: plain code on the main thread. */
  serial(size: Size): Result | Promise<Result>;
  /** The same job under `options.strategy` with `options.workers` workers. */
  parallel(size: Size, options: ParallelOptions): Promise<Result>;
  check(result: Result, expected: Result): CheckOutcome;
  /** Other parallel versions, each measured as its own contender. */
  readonly variants?: readonly WorkloadVariant<Size, Result>[];
}

/** Identity helper that keeps a workload's Size and Result types checked. */
export function defineWorkload<Size, Result>(workload: Workload<Size, Result>): Workload<Size, Result> {
  return workload;
}
