// Pool: Python's multiprocessing.Pool over either strategy, with batching, faults handled and stats.
import {
  checkStrategy,
  cpuCount,
  decodeError,
  decodeValue,
  getDefaultStrategy,
  isMessage,
  locateCloneFailure,
  CloneError,
  reviveContext,
  startWorker,
  targetRef,
  toTargetRef,
  withDeadline,
  WorkerExitError,
  type ExitInfo,
  type FatalMessage,
  type StrategyName,
  type TargetRef,
  type WaitOptions,
} from '@parlab/core';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { AsyncResult, settleResult } from './async-result.js';
import { checkChunksize, defaultChunksize, toList } from './chunks.js';
import { watchDeadline } from './deadline.js';
import { InitializerError, PoolStateError, PoolTerminatedError, QueueFullError } from './errors.js';
import { Histogram } from './histogram.js';
import { MapJob, StreamJob } from './jobs.js';
import { numericChunk, pack } from './payload.js';
import {
  ASYNC,
  ENCODED,
  KIND_APPLY,
  KIND_MAP,
  KIND_STARMAP,
  RESULT_FIELDS,
  STATUS_ERROR,
  STATUS_OK,
  STATUS_SKIPPED,
  TASK_FIELDS,
  type CancelMessage,
  type PoolWorkerInit,
  type RunMessage,
  type StopMessage,
  type WorkerMessage,
} from './protocol.js';
import { Slot } from './slot.js';
import { QUEUED, SENT, SETTLED, Task, type ChunkSink } from './task.js';
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

const PROGRAM = targetRef(new URL('./worker-program.js', import.meta.url), 'poolWorker');
const NO_ARGS: readonly unknown[] = [];

/**
 * Tasks handed to one worker ahead of its answers. Batching many short tasks into one message is
 * what makes them cheap; long tasks go one at a time so no worker sits on work another could do.
 */
const MAX_WINDOW = 256;
/** Tasks per message: a window splits into a few messages so a worker starts on one while the next travels. */
const MAX_BATCH = 64;
/** The window holds about this much work (by the running average task time). */
const WINDOW_WORK_US = 2000;

type PoolState = 'running' | 'closed' | 'terminated' | 'broken';

let poolCount = 0;

function positiveInteger(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be an integer ≥ 1, got ${String(value)}`);
  }
  return value;
}

function describeExit(exit: ExitInfo): string {
  return exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${String(exit.code)}`;
}

/** A feed of chunks into the queue, paused while the queue is full. */
interface Feed {
  readonly job: MapJob | StreamJob;
  readonly fnId: number;
  readonly kind: number;
  readonly items: readonly unknown[];
  readonly chunksize: number;
  offset: number;
}

export interface Pool {
  on(event: 'drain', listener: () => void): this;
  on(event: 'workerError', listener: (event: WorkerErrorEvent) => void): this;
  once(event: 'drain', listener: () => void): this;
  once(event: 'workerError', listener: (event: WorkerErrorEvent) => void): this;
}

/**
 * Python's `multiprocessing.Pool`: a fixed number of workers (child processes or worker threads)
 * that run exported functions. Emits `drain` when a full queue (see `maxQueue`) has emptied, and
 * `workerError` when a worker dies while it was not running a task.
 */
export class Pool extends EventEmitter implements AsyncDisposable {
  readonly strategy: StrategyName;
  /** Number of workers (Python's `processes`). */
  readonly size: number;
  readonly name: string;
  #state: PoolState = 'running';
  #brokenBy: Error | null = null;
  readonly #options: PoolOptions;
  readonly #init: PoolWorkerInit;
  readonly #maxTasks: number;
  readonly #maxQueue: number | undefined;
  #slots: Slot[] = [];
  #queue: Task[] = [];
  #queueHead = 0;
  /** Tasks in the queue that are still wanted. */
  #queued = 0;
  #needsDrain = false;
  readonly #feeds = new Set<Feed>();
  #nextTaskId = 1;
  #workerNumber = 0;
  readonly #fnByFunction = new Map<unknown, number>();
  readonly #fnByKey = new Map<string, number>();
  readonly #fnRefs: TargetRef[] = [];
  #flushScheduled = false;
  /** Running average run time in µs per function and kind (index `fnId * 8 + kind`); unset until its first answer. */
  readonly #averageRunUs: number[] = [];
  /** Same index: the function returned a promise at least once (see ASYNC). */
  readonly #returnsPromise: boolean[] = [];
  #tasksCompleted = 0;
  #tasksFailed = 0;
  #workersStarted = 0;
  #workersLost = 0;
  readonly #queueWait = new Histogram();
  readonly #runTime = new Histogram();
  readonly #joined: Promise<void>;
  #markJoined: () => void = () => {};
  readonly #flush = (): void => {
    this.#dispatchAll();
  };
  readonly #withdrawTask = (task: Task): void => this.#withdraw(task);

  constructor(options: PoolOptions = {}) {
    super();
    if (typeof options !== 'object' || options === null) throw new TypeError('Pool options must be an object');
    this.#options = options;
    this.strategy = checkStrategy(options.strategy ?? getDefaultStrategy(), 'options.strategy');
    this.size = positiveInteger(options.workers, 'options.workers') ?? cpuCount();
    this.#maxTasks = positiveInteger(options.maxTasksPerChild, 'options.maxTasksPerChild') ?? 0;
    if (options.maxQueue !== undefined && (!Number.isInteger(options.maxQueue) || options.maxQueue < 0)) {
      throw new RangeError(`options.maxQueue must be an integer ≥ 0, got ${String(options.maxQueue)}`);
    }
    this.#maxQueue = options.maxQueue;
    if (options.initArgs !== undefined && !Array.isArray(options.initArgs)) throw new TypeError('options.initArgs must be an array');
    this.#init = {
      initializer: options.initializer === undefined ? null : toTargetRef(options.initializer, 'options.initializer'),
      initArgs: options.initArgs ?? [],
      maxTasks: this.#maxTasks,
    };
    poolCount++;
    this.name = options.name ?? `Pool-${poolCount}`;
    this.#joined = new Promise<void>((resolve) => {
      this.#markJoined = resolve;
    });
    for (let i = 0; i < this.size; i++) this.#spawn();
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
    const fnId = this.#fnId(fn);
    if (args !== undefined && !Array.isArray(args)) throw new TypeError('args must be an array');
    if (this.#maxQueue !== undefined && this.#queued >= this.#maxQueue) {
      this.#needsDrain = true;
      throw new QueueFullError(this.#maxQueue);
    }
    const result = new AsyncResult<Awaited<R>>(options);
    const task = new Task(this.#nextTaskId++, fnId, KIND_APPLY, result as AsyncResult<unknown>, 0, performance.now());
    pack(args ?? NO_ARGS, this.strategy, 'args', task);
    if (options?.signal !== undefined || options?.timeoutMs !== undefined) {
      task.release = watchDeadline(options, 'pool task', (reason) => this.#cancel(task, reason));
    }
    this.#enqueue(task);
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

  /** Results in input order as they become available (Python's `imap`; chunksize defaults to 1). */
  imap<T, R>(fn: TaskFunction<[T], R>, items: Iterable<T>, options?: MapOptions): AsyncGenerator<Awaited<R>, void, undefined> {
    return this.#stream(fn, items, true, options) as AsyncGenerator<Awaited<R>, void, undefined>;
  }

  /** Results in the order they finish (Python's `imap_unordered`); every item once. */
  imapUnordered<T, R>(fn: TaskFunction<[T], R>, items: Iterable<T>, options?: MapOptions): AsyncGenerator<Awaited<R>, void, undefined> {
    return this.#stream(fn, items, false, options) as AsyncGenerator<Awaited<R>, void, undefined>;
  }

  /** No more tasks may be submitted; workers exit once the queued ones are done. */
  close(): void {
    if (this.#state !== 'running') return;
    this.#state = 'closed';
    this.#stopIdleWorkers();
    this.#checkJoined();
  }

  /** Ends every worker now; queued and running tasks reject with PoolTerminatedError. */
  terminate(): void {
    if (this.#state === 'terminated') return;
    const wasBroken = this.#state === 'broken';
    this.#state = 'terminated';
    if (!wasBroken) this.#failEverything(new PoolTerminatedError());
    for (const slot of this.#slots) {
      slot.setReferenced(true);
      slot.worker.signal('SIGTERM');
    }
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

  /** Resolves once the queue is empty (at once if it is); for producers that hit `maxQueue`. */
  whenDrained(options: WaitOptions = {}): Promise<void> {
    if (this.#queued === 0) return Promise.resolve();
    this.#needsDrain = true;
    let listener: () => void = () => {};
    const drained = new Promise<void>((resolve) => {
      listener = resolve;
      this.once('drain', listener);
    });
    return withDeadline(drained, `${this.name}.whenDrained()`, options, () => this.off('drain', listener));
  }

  /** Whether the queue holds `maxQueue` tasks (submitting now would throw QueueFullError). */
  get isFull(): boolean {
    return this.#maxQueue !== undefined && this.#queued >= this.#maxQueue;
  }

  /** The live workers. */
  get workers(): PoolWorkerInfo[] {
    return this.#slots
      .filter((slot) => !slot.dead)
      .map((slot) => ({ name: slot.name, pid: slot.worker.pid, threadId: slot.worker.threadId, running: slot.running, tasksDone: slot.done }));
  }

  stats(): PoolStats {
    let running = 0;
    for (const slot of this.#slots) running += slot.running;
    return {
      tasksCompleted: this.#tasksCompleted,
      tasksFailed: this.#tasksFailed,
      queued: this.#queued,
      running,
      workersStarted: this.#workersStarted,
      workersLost: this.#workersLost,
      queueWaitMs: this.#queueWait.summary(),
      runTimeMs: this.#runTime.summary(),
    };
  }

  // ── Submission ──────────────────────────────────────────────────────────────────────────────

  #checkOpen(): void {
    if (this.#state === 'running') return;
    if (this.#state === 'broken') throw new PoolStateError(`${this.name} is broken: ${this.#brokenBy?.message ?? ''}`, { cause: this.#brokenBy });
    throw new PoolStateError(`${this.name} is ${this.#state}: no new tasks are accepted`);
  }

  #fnId(fn: unknown): number {
    const known = this.#fnByFunction.get(fn);
    if (known !== undefined) return known;
    const ref = toTargetRef(fn, 'task function');
    const key = `${ref.module}#${ref.export}`;
    let id = this.#fnByKey.get(key);
    if (id === undefined) {
      id = this.#fnRefs.length;
      this.#fnRefs.push(ref);
      this.#fnByKey.set(key, id);
    }
    if (typeof fn === 'function') this.#fnByFunction.set(fn, id);
    return id;
  }

  #enqueue(task: Task): void {
    this.#queue.push(task);
    this.#queued++;
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(this.#flush);
    }
  }

  #mapJob<R>(fn: unknown, iterable: Iterable<unknown>, kind: number, options: (MapOptions & CallbackOptions<R[]>) | undefined): AsyncResult<R[]> {
    this.#checkOpen();
    const fnId = this.#fnId(fn);
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
    this.#startFeed({ job, fnId, kind, items, chunksize, offset: 0 });
    return result;
  }

  #stream(fn: unknown, iterable: Iterable<unknown>, ordered: boolean, options: MapOptions | undefined): AsyncGenerator<unknown, void, undefined> {
    this.#checkOpen();
    const fnId = this.#fnId(fn);
    const items = toList(iterable, 'items');
    const chunksize = checkChunksize(options?.chunksize) ?? 1;
    const job = new StreamJob(ordered, items.length, chunksize, this.#withdrawTask);
    if (items.length > 0) {
      job.release = watchDeadline(options, ordered ? 'pool imap' : 'pool imapUnordered', (reason) => job.fail(reason));
      this.#startFeed({ job, fnId, kind: KIND_MAP, items, chunksize, offset: 0 });
    }
    return (async function* iterate(): AsyncGenerator<unknown, void, undefined> {
      try {
        for (let values = await job.next(); values !== null; values = await job.next()) {
          for (let i = 0; i < values.length; i++) yield values[i];
        }
      } finally {
        // A consumer that stops early does not leave chunks running for nobody.
        job.abandon();
      }
    })();
  }

  /** Feeds the first chunks now, so bad input throws at the call. */
  #startFeed(feed: Feed): void {
    try {
      this.#feed(feed);
    } catch (error) {
      feed.job.abandon();
      throw error;
    }
  }

  #feed(feed: Feed): void {
    const { job, items, chunksize } = feed;
    while (feed.offset < items.length && !job.settled) {
      if (this.#maxQueue !== undefined && this.#queued >= Math.max(1, this.#maxQueue)) {
        this.#needsDrain = true;
        this.#feeds.add(feed);
        return;
      }
      const offset = feed.offset;
      const chunk = items.slice(offset, offset + chunksize);
      const task = new Task(this.#nextTaskId++, feed.fnId, feed.kind, job, offset, performance.now());
      try {
        pack((feed.kind === KIND_MAP && numericChunk(chunk)) || chunk, this.strategy, 'items', task);
      } catch (error) {
        // Name the item in the whole input, not in the chunk.
        for (let i = 0; i < chunk.length; i++) pack(chunk[i], this.strategy, `items[${offset + i}]`, task);
        throw error;
      }
      job.tasks.push(task);
      feed.offset = offset + chunk.length;
      this.#enqueue(task);
    }
  }

  #resumeFeeds(): void {
    for (const feed of [...this.#feeds]) {
      this.#feeds.delete(feed);
      try {
        this.#feed(feed);
      } catch (error) {
        feed.job.fail(error);
      }
    }
  }

  // ── Dispatch ────────────────────────────────────────────────────────────────────────────────

  /** How many tasks like `task` a worker may hold: one until its function's run time is known. */
  #window(task: Task): number {
    const key = task.fnId * 8 + task.kind;
    const average = this.#averageRunUs[key];
    if (average === undefined || this.#returnsPromise[key] === true) return 1;
    return Math.max(1, Math.min(MAX_WINDOW, Math.floor(WINDOW_WORK_US / Math.max(average, 1))));
  }

  /** The next task still wanted, left in the queue, or undefined. */
  #peek(): Task | undefined {
    const queue = this.#queue;
    while (this.#queueHead < queue.length) {
      const task = queue[this.#queueHead] as Task;
      if (task.state === QUEUED) return task;
      this.#queueHead++;
    }
    this.#queue = [];
    this.#queueHead = 0;
    return undefined;
  }

  /** Removes the task `#peek()` returned. */
  #pop(): void {
    this.#queueHead++;
    this.#queued--;
    if (this.#queueHead === this.#queue.length) {
      this.#queue = [];
      this.#queueHead = 0;
    } else if (this.#queueHead > 4096) {
      this.#queue = this.#queue.slice(this.#queueHead);
      this.#queueHead = 0;
    }
  }

  /** The next task still wanted, taken off the queue, or undefined. */
  #take(): Task | undefined {
    const task = this.#peek();
    if (task !== undefined) this.#pop();
    return task;
  }

  /** Whether `slot` may take `task` now. */
  #canTake(slot: Slot, task: Task): boolean {
    if (slot.dead || slot.stopping || slot.retiring) return false;
    if (this.#maxTasks > 0 && slot.assigned >= this.#maxTasks) return false;
    return slot.running < this.#window(task);
  }

  /**
   * Hands queued tasks out one per worker per pass, least busy workers first, so tasks submitted
   * together spread over the workers before any worker gets a second one (tasks that wait for
   * each other, as pipeline stages do, must not queue behind each other in one worker). With
   * `answered`, only that worker and idle ones are topped up: topping up every busy worker on each
   * answer would send many small messages instead of a few large ones.
   */
  #dispatchAll(answered?: Slot): void {
    this.#flushScheduled = false;
    if (this.#queued > 0 && (this.#state === 'running' || this.#state === 'closed')) {
      const candidates = answered === undefined ? this.#slots : this.#slots.filter((slot) => slot === answered || slot.running === 0);
      const slots = candidates.length > 1 ? [...candidates].sort((a, b) => a.running - b.running) : [...candidates];
      const now = performance.now();
      for (let given = true; given && this.#queued > 0; ) {
        given = false;
        for (const slot of slots) {
          const task = this.#peek();
          if (task === undefined) break;
          if (!this.#canTake(slot, task)) continue;
          this.#pop();
          task.state = SENT;
          slot.push(task);
          slot.assigned++;
          slot.batch.push(task);
          this.#queueWait.recordUs((now - task.submittedAt) * 1000);
          given = true;
        }
      }
      for (const slot of slots) if (slot.batch.length > 0) this.#sendBatch(slot);
    }
    this.#afterQueueChange();
  }

  /** Sends the tasks just given to `slot`, in as few messages as possible. */
  #sendBatch(slot: Slot): void {
    const tasks = slot.batch;
    slot.batch = [];
    let first = 0;
    for (let i = 0; i < tasks.length; i++) {
      if ((tasks[i] as Task).transfer.length > 0) {
        // Transferred items travel with exactly one task, in a message of their own.
        this.#send(slot, tasks.slice(first, i));
        this.#send(slot, [tasks[i] as Task]);
        first = i + 1;
      } else if (i + 1 - first === MAX_BATCH) {
        this.#send(slot, tasks.slice(first, i + 1));
        first = i + 1;
      }
    }
    this.#send(slot, first === 0 ? tasks : tasks.slice(first));
    slot.setReferenced(true);
    if (this.#maxTasks > 0 && slot.assigned >= this.#maxTasks) {
      slot.retiring = true;
      this.#spawn();
    }
  }

  #send(slot: Slot, tasks: readonly Task[]): void {
    if (tasks.length === 0) return;
    let defs: (number | TargetRef)[] | null = null;
    const flat = new Array<unknown>(tasks.length * TASK_FIELDS);
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i] as Task;
      if (!slot.known.has(task.fnId)) {
        slot.known.add(task.fnId);
        (defs ??= []).push(task.fnId, this.#fnRefs[task.fnId] as TargetRef);
      }
      flat[i * TASK_FIELDS] = task.id;
      flat[i * TASK_FIELDS + 1] = task.fnId;
      flat[i * TASK_FIELDS + 2] = task.encoded ? task.kind | ENCODED : task.kind;
      flat[i * TASK_FIELDS + 3] = task.value;
    }
    const message: RunMessage = { type: 'pool:run', defs, tasks: flat };
    try {
      slot.worker.send(message, tasks.length === 1 ? (tasks[0] as Task).transfer : undefined);
    } catch (error) {
      this.#sendFailed(slot, tasks, error);
    }
  }

  /** Something in the batch would not clone: fail the tasks that hold it, resend the rest. */
  #sendFailed(slot: Slot, tasks: readonly Task[], error: unknown): void {
    for (const task of tasks) slot.known.delete(task.fnId);
    if (tasks.length > 1) {
      for (const task of tasks) this.#send(slot, [task]);
      return;
    }
    const task = tasks[0] as Task;
    const where = locateCloneFailure(task.value, task.kind === KIND_APPLY ? 'args' : 'items');
    // The task never reached the worker: take it back off the in-flight list.
    slot.remove(task);
    slot.assigned--;
    this.#settle(task, false, new CloneError(where === '' ? 'args' : where, (error as Error).message, { cause: error }));
  }

  // ── Answers ─────────────────────────────────────────────────────────────────────────────────

  #onMessage(slot: Slot, raw: unknown, transferred: readonly object[]): void {
    if (slot.dead) return;
    if (isMessage<FatalMessage>(raw, 'parlab:fatal')) {
      slot.cause = decodeError(raw.error);
      return;
    }
    const message = raw as WorkerMessage;
    switch (message.type) {
      case 'pool:done':
        this.#onResults(slot, message.results, transferred);
        return;
      case 'pool:ready':
        slot.ready = true;
        return;
      case 'pool:init-error':
        this.#break(
          new InitializerError(`the initializer failed in ${slot.name}; the pool stops rather than restart workers in a loop`, {
            cause: decodeError(message.error),
          }),
        );
        return;
    }
  }

  #onResults(slot: Slot, results: readonly unknown[], transferred: readonly object[]): void {
    const averages = this.#averageRunUs;
    for (let i = 0; i < results.length; i += RESULT_FIELDS) {
      // Settling a result can end this worker (a failed map withdraws its other chunks); the rest of the message is void then.
      if (slot.dead) break;
      const id = results[i] as number;
      const flags = results[i + 1] as number;
      const status = flags & ~ASYNC;
      const task = slot.shift();
      if (task === undefined || task.id !== id) {
        throw new Error(`${this.name}: ${slot.name} answered task ${id} but task ${task?.id ?? 'none'} was next`);
      }
      if (status === STATUS_SKIPPED) {
        slot.assigned--;
        continue;
      }
      const runUs = results[i + 3] as number;
      slot.done++;
      const key = task.fnId * 8 + task.kind;
      const average = averages[key];
      averages[key] = average === undefined ? runUs : average * 0.7 + runUs * 0.3;
      if ((flags & ASYNC) !== 0) this.#returnsPromise[key] = true;
      this.#runTime.recordUs(runUs);
      if (task.state !== SENT) continue;
      const value = results[i + 2];
      if (status === STATUS_OK) this.#settle(task, true, value);
      else if (status === STATUS_ERROR) this.#settle(task, false, decodeError(value));
      else {
        decodeValue(value, reviveContext(this.strategy, transferred)).then(
          (decoded) => this.#settle(task, true, decoded),
          (error: unknown) => this.#settle(task, false, error),
        );
      }
    }
    this.#dispatchAll(slot);
    if (!slot.dead && slot.running === 0 && !slot.stopping) slot.setReferenced(false);
    if (this.#state === 'closed') this.#stopIdleWorkers();
  }

  #settle(task: Task, ok: boolean, value: unknown): void {
    if (task.state === SETTLED) return;
    task.state = SETTLED;
    task.release?.();
    if (ok) this.#tasksCompleted++;
    else this.#tasksFailed++;
    if (task.kind === KIND_APPLY) settleResult(task.owner as AsyncResult<unknown>, ok, value);
    else if (ok) (task.owner as ChunkSink).chunkDone(task, value as ArrayLike<unknown>);
    else (task.owner as ChunkSink).chunkFailed(task, value);
  }

  // ── Cancellation ────────────────────────────────────────────────────────────────────────────

  #cancel(task: Task, reason: unknown): void {
    if (task.state === SETTLED) return;
    this.#withdraw(task);
    if (task.kind === KIND_APPLY) settleResult(task.owner as AsyncResult<unknown>, false, reason);
    this.#tasksFailed++;
  }

  /** Takes a task back: dropped from the queue, skipped by its worker, or its worker ended. */
  #withdraw(task: Task): void {
    const state = task.state;
    task.state = SETTLED;
    task.release?.();
    if (state === QUEUED) {
      this.#queued--;
      this.#afterQueueChange();
      return;
    }
    if (state !== SENT) return;
    const slot = this.#slots.find((candidate) => !candidate.dead && candidate.has(task));
    if (slot === undefined) return;
    if (slot.peek() === task) {
      this.#endWorker(slot);
      return;
    }
    const message: CancelMessage = { type: 'pool:cancel', ids: [task.id] };
    slot.worker.send(message);
  }

  /** Ends a worker whose running task was withdrawn; the tasks queued behind it go back to the queue. */
  #endWorker(slot: Slot): void {
    slot.dead = true;
    this.#workersLost++;
    const tasks = slot.drain();
    this.#requeue(tasks.slice(1));
    slot.setReferenced(true);
    slot.worker.signal('SIGKILL');
    this.#replaceWorkers();
  }

  #requeue(tasks: readonly Task[]): void {
    const wanted = tasks.filter((task) => task.state === SENT);
    if (wanted.length === 0) return;
    for (const task of wanted) task.state = QUEUED;
    this.#queue = [...wanted, ...this.#queue.slice(this.#queueHead)];
    this.#queueHead = 0;
    this.#queued += wanted.length;
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(this.#flush);
    }
  }

  #afterQueueChange(): void {
    if (this.#feeds.size > 0 && (this.#maxQueue === undefined || this.#queued < Math.max(1, this.#maxQueue))) this.#resumeFeeds();
    if (this.#queued === 0 && this.#needsDrain) {
      this.#needsDrain = false;
      this.emit('drain');
    }
  }

  // ── Workers ─────────────────────────────────────────────────────────────────────────────────

  #spawn(): void {
    this.#workerNumber++;
    const name = `${this.name}-Worker-${this.#workerNumber}`;
    const options = this.#options;
    const worker = startWorker({
      strategy: this.strategy,
      program: PROGRAM,
      init: this.#init,
      initName: 'options',
      name,
      daemon: false,
      ...(options.env !== undefined ? { env: options.env } : {}),
      ...(options.execArgv !== undefined ? { execArgv: options.execArgv } : {}),
      ...(options.resourceLimits !== undefined ? { resourceLimits: options.resourceLimits } : {}),
    });
    const slot = new Slot(worker, name);
    this.#workersStarted++;
    this.#slots.push(slot);
    worker.onMessage((message, transferred) => this.#onMessage(slot, message, transferred));
    worker.onError((error) => {
      slot.cause ??= error;
    });
    worker.onExit((exit) => this.#onExit(slot, exit));
    if (this.#state === 'running') slot.setReferenced(false);
    if (this.#queued > 0 && !this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(this.#flush);
    }
  }

  #onExit(slot: Slot, exit: ExitInfo): void {
    this.#slots = this.#slots.filter((other) => other !== slot);
    if (!slot.dead) {
      slot.dead = true;
      const tasks = slot.drain();
      const open = this.#state === 'running' || this.#state === 'closed';
      const expected = !open || slot.stopping || (slot.retiring && exit.code === 0 && tasks.every((task) => task.state !== SENT));
      if (!expected) {
        this.#workersLost++;
        const cause = slot.cause ?? undefined;
        const who = `${slot.name} (${this.strategy === 'process' ? `pid ${slot.worker.pid}` : `thread ${slot.worker.threadId}`})`;
        const running = tasks[0];
        if (!slot.ready) {
          this.#break(
            new InitializerError(`${who} ${describeExit(exit)} while starting; the pool stops rather than restart workers in a loop`, {
              cause,
            }),
          );
        } else if (running !== undefined) {
          if (running.state === SENT) {
            this.#settle(running, false, new WorkerExitError(`${who} ${describeExit(exit)} while running a task`, exit.code, exit.signal, { cause }));
          }
          this.#requeue(tasks.slice(1));
        } else {
          const event: WorkerErrorEvent = {
            worker: slot.name,
            exitCode: exit.code,
            signal: exit.signal,
            error: new WorkerExitError(`${who} ${describeExit(exit)} while idle`, exit.code, exit.signal, { cause }),
          };
          this.emit('workerError', event);
        }
      } else {
        this.#requeue(tasks);
      }
    }
    this.#replaceWorkers();
    this.#checkJoined();
  }

  /** Keeps `size` workers able to take tasks while there is (or may be) work. */
  #replaceWorkers(): void {
    if (this.#state !== 'running' && !(this.#state === 'closed' && this.#queued > 0)) return;
    let active = 0;
    for (const slot of this.#slots) if (!slot.dead && !slot.retiring && !slot.stopping) active++;
    for (; active < this.size; active++) this.#spawn();
  }

  #stopIdleWorkers(): void {
    if (this.#queued > 0) return;
    for (const slot of this.#slots) {
      if (slot.dead || slot.stopping || slot.running > 0) continue;
      slot.stopping = true;
      slot.setReferenced(true);
      const stop: StopMessage = { type: 'pool:stop' };
      slot.worker.send(stop);
    }
  }

  #failEverything(error: Error): void {
    for (const feed of this.#feeds) feed.job.fail(error);
    this.#feeds.clear();
    for (let task = this.#take(); task !== undefined; task = this.#take()) this.#settle(task, false, error);
    for (const slot of this.#slots) {
      for (const task of slot.drain()) if (task.state === SENT) this.#settle(task, false, error);
    }
  }

  /** The pool cannot go on (an initializer failed): fail all work, end all workers. */
  #break(error: Error): void {
    if (this.#state === 'terminated' || this.#state === 'broken') return;
    this.#state = 'broken';
    this.#brokenBy = error;
    this.#failEverything(error);
    for (const slot of this.#slots) {
      slot.setReferenced(true);
      slot.worker.signal('SIGKILL');
    }
    this.#checkJoined();
  }

  #checkJoined(): void {
    if (this.#state !== 'running' && this.#slots.length === 0) this.#markJoined();
  }
}
