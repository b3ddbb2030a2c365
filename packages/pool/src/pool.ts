// Pool: Python's multiprocessing.Pool over either strategy — the public API and the pool's state;
// dispatch.ts hands tasks out and sorts out answers, workers.ts keeps the workers.
import { checkStrategy, cpuCount, getDefaultStrategy, toTargetRef, withDeadline, type StrategyName, type WaitOptions } from '@parlab/core';
import { EventEmitter } from 'node:events';
import { AsyncResult, settleResult } from './async-result.js';
import { checkChunksize, defaultChunksize, toList } from './chunks.js';
import { watchDeadline } from './deadline.js';
import { Dispatch } from './dispatch.js';
import { PoolStateError, PoolTerminatedError, QueueFullError } from './errors.js';
import { ListFeed, StreamFeed, streamSource, type FeedTarget } from './feeds.js';
import { MapJob, StreamJob } from './jobs.js';
import { pack } from './payload.js';
import { KIND_APPLY, KIND_MAP, KIND_STARMAP } from './protocol.js';
import type { Task } from './task.js';
import type {
  CallbackOptions,
  MapOptions,
  PoolOptions,
  PoolStats,
  PoolWorkerInfo,
  TaskFunction,
  TaskOptions,
  WorkerErrorEvent,
} from './types.js';
import { Workers, type PoolState } from './workers.js';

const NO_ARGS: readonly unknown[] = [];

/** More workers than this is a mistake (each is a process or a thread with its own heap), not a pool. */
function maxWorkers(): number {
  return Math.max(256, 8 * cpuCount());
}

let poolCount = 0;

function positiveInteger(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be an integer ≥ 1, got ${String(value)}`);
  }
  return value;
}

function workerCount(value: unknown): number {
  const count = positiveInteger(value, 'options.workers') ?? cpuCount();
  const most = maxWorkers();
  if (count > most) throw new RangeError(`options.workers must be at most ${most} (8 per CPU, and never fewer than 256), got ${count}`);
  return count;
}

export interface Pool {
  on(event: 'drain', listener: () => void): this;
  on(event: 'workerError', listener: (event: WorkerErrorEvent) => void): this;
  once(event: 'drain', listener: () => void): this;
  once(event: 'workerError', listener: (event: WorkerErrorEvent) => void): this;
}

/**
 * Python's `multiprocessing.Pool`: a fixed number of workers (child processes or worker threads)
 * that run exported functions. Emits `drain` when a full queue (see `maxQueue`) has room again,
 * and `workerError` when a worker dies while it was not running a task.
 */
export class Pool extends EventEmitter implements AsyncDisposable {
  readonly strategy: StrategyName;
  /** Number of workers (Python's `processes`). */
  readonly size: number;
  readonly name: string;
  #state: PoolState = 'running';
  #brokenBy: Error | null = null;
  readonly #maxQueue: number | undefined;
  readonly #dispatch: Dispatch;
  readonly #workers: Workers;
  /** imap jobs still reading their input: after close() they keep the workers. */
  readonly #streams = new Set<StreamJob>();
  readonly #feedTarget: FeedTarget;
  readonly #joined: Promise<void>;
  #markJoined: () => void = () => {};
  readonly #withdrawTask = (task: Task): void => this.#dispatch.withdraw(task);

  constructor(options: PoolOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) throw new TypeError('Pool options must be an object');
    this.strategy = checkStrategy(options.strategy ?? getDefaultStrategy(), 'options.strategy');
    this.size = workerCount(options.workers);
    const maxTasks = positiveInteger(options.maxTasksPerChild, 'options.maxTasksPerChild') ?? 0;
    if (options.maxQueue !== undefined && (!Number.isInteger(options.maxQueue) || options.maxQueue < 0)) {
      throw new RangeError(`options.maxQueue must be an integer ≥ 0, got ${String(options.maxQueue)}`);
    }
    this.#maxQueue = options.maxQueue;
    if (options.initArgs !== undefined && !Array.isArray(options.initArgs)) throw new TypeError('options.initArgs must be an array');
    const initializer = options.initializer === undefined ? null : toTargetRef(options.initializer, 'options.initializer');
    poolCount++;
    this.name = options.name ?? `Pool-${poolCount}`;
    this.#joined = new Promise<void>((resolve) => {
      this.#markJoined = resolve;
    });
    const dispatch = new Dispatch(this.strategy, maxTasks, options.maxQueue, {
      slots: () => this.#workers.slots,
      handingOut: () => this.#state === 'running' || this.#state === 'closed',
      retire: (slot) => this.#workers.retire(slot),
      end: (slot) => this.#workers.end(slot),
      answered: (slot) => {
        if (!slot.gone && slot.running === 0 && !slot.stopping) slot.setReferenced(false);
        if (this.#state === 'closed') this.#workers.stopIdle();
      },
      drained: () => this.emit('drain'),
    });
    this.#dispatch = dispatch;
    this.#workers = new Workers(
      {
        strategy: this.strategy,
        size: this.size,
        name: this.name,
        init: { initializer, initArgs: options.initArgs ?? [], maxTasks },
        env: options.env,
        execArgv: options.execArgv,
        resourceLimits: options.resourceLimits,
      },
      dispatch,
      {
        state: () => this.#state,
        hasWork: () => this.#hasWork(),
        break: (error) => this.#break(error),
        workerError: (event) => this.emit('workerError', event),
        exited: () => this.#checkJoined(),
      },
    );
    this.#feedTarget = {
      strategy: this.strategy,
      chunkTask: (fnId, kind, owner, offset, cancellable) => dispatch.task(fnId, kind, owner, offset, cancellable),
      submit: (task) => this.#submitChunk(task),
      hasRoom: () => dispatch.hasRoom(),
      waitForRoom: (feed) => dispatch.waitForRoom(feed),
      // Every worker's window full, and one more chunk each waiting.
      lookahead: (fnId, kind) => this.size * (dispatch.window(fnId, kind) + 1),
    };
    try {
      for (let i = 0; i < this.size; i++) this.#workers.spawn();
    } catch (error) {
      this.terminate();
      throw error;
    }
  }

  // ── Python's API ────────────────────────────────────────────────────────────────────────────

  /** Runs `fn(...args)` in a worker and resolves with its result (Python's `apply`). */
  async apply<A extends readonly unknown[], R>(fn: TaskFunction<A, R>, args?: A, options?: TaskOptions): Promise<Awaited<R>> {
    return this.applyAsync(fn, args, options).get();
  }

  /** Queues `fn(...args)`; the AsyncResult can be awaited, polled or given callbacks (Python's `apply_async`). */
  applyAsync<A extends readonly unknown[], R>(
    fn: TaskFunction<A, R>,
    args?: A,
    options?: TaskOptions & CallbackOptions<Awaited<R>>,
  ): AsyncResult<Awaited<R>> {
    this.#checkOpen();
    const dispatch = this.#dispatch;
    const fnId = dispatch.fnId(fn);
    if (args !== undefined && !Array.isArray(args)) throw new TypeError('args must be an array');
    if (!dispatch.hasRoom()) throw new QueueFullError(this.#maxQueue ?? 0);
    const result = new AsyncResult<Awaited<R>>(options);
    const cancellable = options?.signal !== undefined || options?.timeoutMs !== undefined;
    const task = dispatch.task(fnId, KIND_APPLY, result as AsyncResult<unknown>, 0, cancellable);
    pack(args ?? NO_ARGS, this.strategy, 'args', task);
    if (cancellable) task.release = watchDeadline(options, 'pool task', (reason) => dispatch.cancel(task, reason));
    dispatch.enqueue(task);
    return result;
  }

  /** `fn` over every item, results in input order (Python's `map`). */
  async map<T, R>(fn: TaskFunction<[T], R>, items: Iterable<T>, options?: MapOptions): Promise<Awaited<R>[]> {
    return this.mapAsync(fn, items, options).get();
  }

  /** Like `map`, returning an AsyncResult (Python's `map_async`). */
  mapAsync<T, R>(
    fn: TaskFunction<[T], R>,
    items: Iterable<T>,
    options?: MapOptions & CallbackOptions<Awaited<R>[]>,
  ): AsyncResult<Awaited<R>[]> {
    return this.#mapJob(fn, items, KIND_MAP, options);
  }

  /** `fn(...args)` for every argument list, results in input order (Python's `starmap`). */
  async starmap<A extends readonly unknown[], R>(fn: TaskFunction<A, R>, items: Iterable<A>, options?: MapOptions): Promise<Awaited<R>[]> {
    return this.starmapAsync(fn, items, options).get();
  }

  /** Like `starmap`, returning an AsyncResult (Python's `starmap_async`). */
  starmapAsync<A extends readonly unknown[], R>(
    fn: TaskFunction<A, R>,
    items: Iterable<A>,
    options?: MapOptions & CallbackOptions<Awaited<R>[]>,
  ): AsyncResult<Awaited<R>[]> {
    return this.#mapJob(fn, items, KIND_STARMAP, options);
  }

  /**
   * Results in input order as they become available (Python's `imap`; chunksize defaults to 1).
   * The input (an iterable or an async iterable, endless or not) is read as the results are
   * consumed, a bounded distance ahead.
   */
  imap<T, R>(fn: TaskFunction<[T], R>, items: Iterable<T> | AsyncIterable<T>, options?: MapOptions): AsyncGenerator<Awaited<R>, void, undefined> {
    return this.#stream(fn, items, true, options) as AsyncGenerator<Awaited<R>, void, undefined>;
  }

  /** Results in the order they finish (Python's `imap_unordered`); every item once. Input as for `imap`. */
  imapUnordered<T, R>(
    fn: TaskFunction<[T], R>,
    items: Iterable<T> | AsyncIterable<T>,
    options?: MapOptions,
  ): AsyncGenerator<Awaited<R>, void, undefined> {
    return this.#stream(fn, items, false, options) as AsyncGenerator<Awaited<R>, void, undefined>;
  }

  /** No more tasks may be submitted; workers exit when the queue is done (and every imap has read its input). */
  close(): void {
    if (this.#state !== 'running') return;
    this.#state = 'closed';
    this.#workers.stopIdle();
    this.#checkJoined();
  }

  /** Ends every worker now; queued and running tasks reject with PoolTerminatedError. */
  terminate(): void {
    if (this.#state === 'terminated') return;
    const wasBroken = this.#state === 'broken';
    this.#state = 'terminated';
    if (!wasBroken) this.#failEverything(new PoolTerminatedError());
    this.#workers.signalAll('SIGTERM');
    this.#checkJoined();
  }

  /** Waits until every worker has exited; call `close()` or `terminate()` first. */
  join(options: WaitOptions = {}): Promise<void> {
    if (this.#state === 'running') return Promise.reject(new PoolStateError('join() called on a running pool: call close() or terminate() first'));
    return withDeadline(this.#joined, `${this.name}.join()`, options);
  }

  /** `await using pool = new Pool(…)`: terminates and joins, as Python's `with Pool()` does. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.terminate();
    await this.join();
  }

  // ── Beyond Python ───────────────────────────────────────────────────────────────────────────

  /** Resolves once nothing waits in the queue and a task would be accepted (at once if so); for producers that hit `maxQueue`. */
  whenDrained(options: WaitOptions = {}): Promise<void> {
    if (this.#dispatch.drained) return Promise.resolve();
    this.#dispatch.markDrainWanted();
    let listener: () => void = () => {};
    const drained = new Promise<void>((resolve) => {
      listener = resolve;
      this.once('drain', listener);
    });
    return withDeadline(drained, `${this.name}.whenDrained()`, options, () => this.off('drain', listener));
  }

  /** Whether a task submitted now would be refused with QueueFullError (see `maxQueue`). */
  get isFull(): boolean {
    return this.#dispatch.isFull;
  }

  /** The live workers. */
  get workers(): PoolWorkerInfo[] {
    return this.#workers.list();
  }

  stats(): PoolStats {
    const dispatch = this.#dispatch;
    let running = 0;
    for (const slot of this.#workers.slots) running += slot.running;
    return {
      tasksCompleted: dispatch.tasksCompleted,
      tasksFailed: dispatch.tasksFailed,
      queued: dispatch.queued,
      running,
      workersStarted: this.#workers.started,
      workersLost: this.#workers.lost,
      queueWaitMs: dispatch.queueWait.summary(),
      runTimeMs: dispatch.runTime.summary(),
    };
  }

  // ── Submission ──────────────────────────────────────────────────────────────────────────────

  #checkOpen(): void {
    if (this.#state === 'running') return;
    throw this.#stateError();
  }

  #stateError(): PoolStateError {
    if (this.#state === 'broken') return new PoolStateError(`${this.name} is broken: ${this.#brokenBy?.message ?? ''}`, { cause: this.#brokenBy });
    return new PoolStateError(`${this.name} is ${this.#state}: no new tasks are accepted`);
  }

  /** A chunk from a feed: queued, unless the pool can no longer run anything. */
  #submitChunk(task: Task): void {
    if (this.#state === 'terminated' || this.#state === 'broken') {
      this.#dispatch.settle(task, false, this.#state === 'terminated' ? new PoolTerminatedError() : this.#stateError());
      return;
    }
    this.#dispatch.enqueue(task);
  }

  #mapJob<R>(fn: unknown, iterable: Iterable<unknown>, kind: number, options: (MapOptions & CallbackOptions<R[]>) | undefined): AsyncResult<R[]> {
    this.#checkOpen();
    const fnId = this.#dispatch.fnId(fn);
    const items = toList(iterable, 'items');
    if (kind === KIND_STARMAP) {
      for (let i = 0; i < items.length; i++) {
        if (!Array.isArray(items[i])) throw new TypeError(`starmap: items[${i}] must be an array of arguments`);
      }
    }
    const chunksize = checkChunksize(options?.chunksize) ?? defaultChunksize(items.length, this.size);
    const result = new AsyncResult<R[]>(options);
    const job = new MapJob(result as AsyncResult<unknown[]>, items.length, this.#withdrawTask);
    if (items.length === 0) {
      settleResult(result, true, []);
      return result;
    }
    job.release = watchDeadline(options, 'pool map', (reason) => job.fail(reason));
    const feed = new ListFeed(this.#feedTarget, job, fnId, kind, items, chunksize, job.release !== null);
    // The first chunks go now, so bad input throws at the call.
    try {
      feed.fill();
    } catch (error) {
      job.abandon();
      throw error;
    }
    return result;
  }

  #stream(fn: unknown, items: unknown, ordered: boolean, options: MapOptions | undefined): AsyncGenerator<unknown, void, undefined> {
    this.#checkOpen();
    const fnId = this.#dispatch.fnId(fn);
    const chunksize = checkChunksize(options?.chunksize) ?? 1;
    const source = streamSource(items, 'items');
    const job = new StreamJob(ordered, chunksize, this.#withdrawTask);
    job.release = watchDeadline(options, ordered ? 'pool imap' : 'pool imapUnordered', (reason) => job.fail(reason));
    const feed = new StreamFeed(this.#feedTarget, job, fnId, source, chunksize, job.release !== null);
    this.#streams.add(job);
    feed.fill();
    const ended = (): void => {
      this.#streams.delete(job);
      if (this.#state === 'closed') this.#workers.stopIdle();
      this.#checkJoined();
    };
    return (async function* iterate(): AsyncGenerator<unknown, void, undefined> {
      try {
        for (let values = await job.next(); values !== null; values = await job.next()) {
          for (let i = 0; i < values.length; i++) yield values[i];
        }
      } finally {
        // A consumer that stops early does not leave chunks running for nobody.
        job.abandon();
        ended();
      }
    })();
  }

  // ── State ───────────────────────────────────────────────────────────────────────────────────

  #hasWork(): boolean {
    if (this.#dispatch.queued > 0) return true;
    for (const job of this.#streams) {
      if (job.readingInput) return true;
      this.#streams.delete(job);
    }
    return false;
  }

  #failEverything(error: Error): void {
    this.#dispatch.failAll(error, this.#workers.slots);
    for (const job of this.#streams) job.fail(error);
    this.#streams.clear();
  }

  /** The pool cannot go on (an initializer failed, workers keep dying while starting): fail all work, end all workers. */
  #break(error: Error): void {
    if (this.#state === 'terminated' || this.#state === 'broken') return;
    this.#state = 'broken';
    this.#brokenBy = error;
    this.#failEverything(error);
    this.#workers.signalAll('SIGKILL');
    this.#checkJoined();
  }

  #checkJoined(): void {
    if (this.#state === 'running' || !this.#workers.allGone) return;
    if (this.#state === 'closed' && this.#hasWork()) return;
    this.#workers.release();
    this.#markJoined();
  }
}
