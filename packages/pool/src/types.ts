// Public options and results of the pool.
import type { ResourceLimits, StrategyName, Target, TargetRef } from '@parlab/core';

/**
 * A task: a function exported by a built module and registered with `defineTargets`, or a
 * `{ module, export }` reference (see `targetRef`). It runs in a pool worker, never in the caller.
 */
export type TaskFunction<A extends readonly unknown[] = readonly unknown[], R = unknown> =
  | ((...args: A) => R)
  | TargetRef;

export interface PoolOptions {
  /** `process` (child processes) or `thread` (worker threads); defaults to core's default strategy. */
  readonly strategy?: StrategyName;
  /** How many workers run tasks at once (Python's `processes`); defaults to `cpuCount()`; at most 8 per CPU (never fewer than 256). */
  readonly workers?: number;
  /** Runs once in every worker before its first task (Python's `initializer`). */
  readonly initializer?: Target;
  /** Arguments for the initializer (Python's `initargs`); they cross like task arguments. */
  readonly initArgs?: readonly unknown[];
  /** A worker runs this many tasks, then is replaced by a fresh one (Python's `maxtasksperchild`). */
  readonly maxTasksPerChild?: number;
  /**
   * Most tasks that may wait in the queue beyond those idle workers take at once. Submitting beyond
   * it throws `QueueFullError`; the `drain` event (and `whenDrained()`) says when there is room
   * again. `map`-style calls wait for room instead of throwing. `0`: a task is accepted only when a
   * worker is free for it (piscina's meaning). Unbounded by default.
   */
  readonly maxQueue?: number;
  /** Heap limits for each worker; a task that exceeds them ends its worker and rejects. */
  readonly resourceLimits?: ResourceLimits;
  /** Prefix of the workers' names (`<name>-Worker-N`); defaults to `Pool-N`. */
  readonly name?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly execArgv?: readonly string[];
}

/** Per-call limits that Python's Pool does not have. */
export interface TaskOptions {
  /** Aborting drops a queued task, or ends (and replaces) the worker running it; rejects with the reason. */
  readonly signal?: AbortSignal;
  /** Like `signal`, fired this many milliseconds after the call; rejects with core's `TimeoutError`. */
  readonly timeoutMs?: number;
}

/** Options of `applyAsync` and `starmapAsync`/`mapAsync`: Python's `callback` and `error_callback`. */
export interface CallbackOptions<R> {
  /** Called with the result once it is ready (an exception thrown here is rethrown as uncaught). */
  readonly callback?: (value: R) => void;
  /** Called with the error if the call fails. */
  readonly errorCallback?: (error: Error) => void;
}

export interface MapOptions extends TaskOptions {
  /**
   * Items per task sent to a worker. `map`/`starmap` default to Python's heuristic,
   * `ceil(items / (4 × workers))`; `imap`/`imapUnordered` default to 1.
   */
  readonly chunksize?: number;
}

/** A distribution of durations, in milliseconds (bucketed; percentiles are within ~10 %). */
export interface HistogramSummary {
  readonly count: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
}

export interface PoolStats {
  /** Tasks (a chunk of `map` counts as one) that returned a value. */
  readonly tasksCompleted: number;
  /** Tasks that threw or were ended with their worker. */
  readonly tasksFailed: number;
  /** Tasks waiting for a worker now. */
  readonly queued: number;
  /** Tasks handed to workers and not finished yet. */
  readonly running: number;
  /** Workers started so far, replacements included. */
  readonly workersStarted: number;
  /** Workers that ended unexpectedly (crash, kill, out of memory, abort of their task). */
  readonly workersLost: number;
  /** From submission to being handed to a worker. */
  readonly queueWaitMs: HistogramSummary;
  /** Time the task ran inside its worker. */
  readonly runTimeMs: HistogramSummary;
}

/** One live worker of a pool. */
export interface PoolWorkerInfo {
  readonly name: string;
  /** OS pid of the worker (the pool's own pid under `thread`). */
  readonly pid: number;
  /** Worker thread id (0 under `process`). */
  readonly threadId: number;
  /** Tasks handed to it and not finished yet. */
  readonly running: number;
  /** Tasks it has finished. */
  readonly tasksDone: number;
}

/** What the `workerError` event reports: a worker that ended while it was not running a task. */
export interface WorkerErrorEvent {
  readonly worker: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly error: Error;
}
