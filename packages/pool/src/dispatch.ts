// The pool's dispatch: the queue, how many tasks each worker may hold (its window), batches sent
// to workers, the answers that come back, withdrawals, and who is charged when a worker dies.
import {
  decodeValue,
  reviveContext,
  toTargetRef,
  WorkerExitError,
  CloneError,
  locateCloneFailure,
  type ExitInfo,
  type StrategyName,
  type TargetRef,
} from '@parlab/core';
import { deserialize } from 'node:v8';
import { performance } from 'node:perf_hooks';
import { settleResult, type AsyncResult } from './async-result.js';
import { Deque } from './deque.js';
import type { Feed } from './feeds.js';
import { Histogram } from './histogram.js';
import type { MapJob, StreamJob } from './jobs.js';
import {
  ASYNC,
  ENCODED,
  KIND_APPLY,
  RESULT_FIELDS,
  SERIALIZED,
  STATUS_MASK,
  STATUS_OK,
  STATUS_OK_ENCODED,
  STATUS_SKIPPED,
  TASK_FIELDS,
  type CancelMessage,
  type RunMessage,
} from './protocol.js';
import { FINISHED, IDLE, STARTED, type Progress } from './progress.js';
import type { Slot } from './slot.js';
import { QUEUED, SENT, SETTLED, Task, type ChunkSink } from './task.js';

/**
 * Tasks handed to one worker ahead of its answers. Batching many short tasks into one message is
 * what makes them cheap; long tasks go one at a time so no worker sits on work another could do.
 */
const MAX_WINDOW = 256;
/** Tasks per message: a window splits into a few messages so a worker starts on one while the next travels. */
const MAX_BATCH = 64;
/** The window holds about this much work (by the running average task time). */
const WINDOW_WORK_US = 2000;

/** What dispatch needs from the pool's workers and state. */
export interface DispatchHost {
  /** The workers, live or on their way out. */
  slots(): readonly Slot[];
  /** Whether queued tasks may be handed out (the pool is running or closed). */
  handingOut(): boolean;
  /** `slot` has been given maxTasksPerChild tasks: it retires and a fresh worker joins. */
  retire(slot: Slot): void;
  /** The only task `slot` holds was withdrawn (it may be running): end the worker. */
  end(slot: Slot): void;
  /** `slot` answered a batch. */
  answered(slot: Slot): void;
  /** The queue emptied after being full. */
  drained(): void;
}

/** How a worker's death is described in the errors of its tasks, e.g. `Pool-1-Worker-2 (pid 123) was killed by SIGKILL`. */
export interface Death {
  readonly who: string;
  readonly exit: ExitInfo;
  readonly cause: Error | undefined;
}

export function describeExit(exit: ExitInfo): string {
  return exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${String(exit.code)}`;
}

/**
 * The index of the last task that may have started, when up to `slack` tasks from `from` on may
 * have started unrecorded (withdrawn ones the worker skips do not count), or `from - 1`.
 */
function lastStarted(tasks: readonly Task[], from: number, slack: number): number {
  let last = from - 1;
  for (let starts = 0; last + 1 < tasks.length && starts < slack; last++) if ((tasks[last + 1] as Task).state === SENT) starts++;
  return last;
}

export class Dispatch {
  readonly #strategy: StrategyName;
  readonly #maxTasks: number;
  readonly #maxQueue: number | undefined;
  readonly #host: DispatchHost;
  readonly #queue = new Deque<Task>();
  /** Tasks in the queue that are still wanted. */
  #queued = 0;
  #needsDrain = false;
  /** Feeds waiting for room in the queue. */
  readonly #waiting = new Set<Feed>();
  #nextTaskId = 1;
  #flushScheduled = false;
  readonly #fnByFunction = new Map<unknown, number>();
  readonly #fnByKey = new Map<string, number>();
  readonly #fnRefs: TargetRef[] = [];
  /** Running average run time in µs per function and kind (index `fnId * 8 + kind`); unset until its first answer. */
  readonly #averageRunUs: number[] = [];
  /** Same index: the function returned a promise at least once (see ASYNC). */
  readonly #returnsPromise: boolean[] = [];
  tasksCompleted = 0;
  tasksFailed = 0;
  readonly queueWait = new Histogram();
  readonly runTime = new Histogram();
  readonly #flush = (): void => {
    this.dispatchAll();
  };

  constructor(strategy: StrategyName, maxTasks: number, maxQueue: number | undefined, host: DispatchHost) {
    this.#strategy = strategy;
    this.#maxTasks = maxTasks;
    this.#maxQueue = maxQueue;
    this.#host = host;
  }

  get queued(): number {
    return this.#queued;
  }

  // ── Functions and tasks ─────────────────────────────────────────────────────────────────────

  /** The number a function is known by (to workers, in messages); throws TargetError if it is not registered. */
  fnId(fn: unknown): number {
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

  task(fnId: number, kind: number, owner: AsyncResult<unknown> | MapJob | StreamJob, offset: number, cancellable: boolean): Task {
    return new Task(this.#nextTaskId++, fnId, kind, owner as AsyncResult<unknown> | ChunkSink, offset, performance.now(), cancellable);
  }

  // ── The queue ───────────────────────────────────────────────────────────────────────────────

  enqueue(task: Task): void {
    this.#queue.push(task);
    this.#queued++;
    this.schedule();
  }

  /** Hands out the queue in a microtask: tasks submitted in one tick travel together. */
  schedule(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    queueMicrotask(this.#flush);
  }

  /** Puts tasks that never started back at the front of the queue, in their order. */
  requeue(tasks: readonly Task[]): void {
    for (let i = tasks.length - 1; i >= 0; i--) {
      const task = tasks[i] as Task;
      if (task.state !== SENT) continue;
      task.state = QUEUED;
      task.slot = null;
      this.#queue.unshift(task);
      this.#queued++;
    }
    if (this.#queued > 0) this.schedule();
  }

  /** Workers that could start a task at once. */
  #idleWorkers(): number {
    let idle = 0;
    for (const slot of this.#host.slots()) if (slot.open && slot.running === 0) idle++;
    return idle;
  }

  /** Whether a task submitted now would wait beyond `maxQueue` (tasks idle workers can take at once do not wait). */
  get isFull(): boolean {
    return this.#maxQueue !== undefined && this.#queued >= this.#maxQueue + this.#idleWorkers();
  }

  hasRoom(): boolean {
    if (!this.isFull) return true;
    this.#needsDrain = true;
    return false;
  }

  waitForRoom(feed: Feed): void {
    this.#waiting.add(feed);
  }

  /** Whether nothing waits and a task submitted now would not be refused: what `drain` announces. */
  get drained(): boolean {
    return this.#queued === 0 && !this.isFull;
  }

  /** Someone waits for `drain`. */
  markDrainWanted(): void {
    this.#needsDrain = true;
  }

  #afterQueueChange(): void {
    if (this.#waiting.size > 0 && !this.isFull) {
      const feeds = [...this.#waiting];
      this.#waiting.clear();
      for (const feed of feeds) feed.fill();
    }
    if (this.#needsDrain && this.#queued === 0 && !this.isFull) {
      this.#needsDrain = false;
      this.#host.drained();
    }
  }

  /** The next task still wanted, left in the queue, or undefined. */
  #peek(): Task | undefined {
    for (let task = this.#queue.peek(); task !== undefined; task = this.#queue.peek()) {
      if (task.state === QUEUED) return task;
      this.#queue.shift();
    }
    return undefined;
  }

  /** The next task still wanted, taken off the queue, or undefined. */
  #take(): Task | undefined {
    const task = this.#peek();
    if (task !== undefined) {
      this.#queue.shift();
      this.#queued--;
    }
    return task;
  }

  // ── Windows and batches ─────────────────────────────────────────────────────────────────────

  /** How many tasks of this function a worker may hold: one until its run time is known. */
  window(fnId: number, kind: number): number {
    const key = fnId * 8 + kind;
    const average = this.#averageRunUs[key];
    if (average === undefined || this.#returnsPromise[key] === true) return 1;
    return Math.max(1, Math.min(MAX_WINDOW, Math.floor(WINDOW_WORK_US / Math.max(average, 1))));
  }

  /** Whether `slot` may take `task` now; `window` is the task's window. */
  #canTake(slot: Slot, task: Task, window: number): boolean {
    if (!slot.open) return false;
    if (this.#maxTasks > 0 && slot.assigned >= this.#maxTasks) return false;
    const running = slot.running;
    if (running === 0) return true;
    // A task that may be aborted has its worker to itself (see Task.cancellable).
    if (task.cancellable || slot.peek()?.cancellable === true) return false;
    return running < window;
  }

  /**
   * Hands queued tasks out one per worker per pass, least busy workers first, so tasks submitted
   * together spread over the workers before any worker gets a second one (tasks that wait for
   * each other, as pipeline stages do, must not queue behind each other in one worker). With
   * `answered`, only that worker and idle ones are topped up: topping up every busy worker on each
   * answer would send many small messages instead of a few large ones.
   */
  dispatchAll(answered?: Slot): void {
    this.#flushScheduled = false;
    if (this.#queued > 0 && this.#host.handingOut()) {
      const all = this.#host.slots();
      const candidates = answered === undefined ? [...all] : all.filter((slot) => slot === answered || slot.running === 0);
      if (candidates.length > 1) candidates.sort((a, b) => a.running - b.running);
      const now = performance.now();
      // Queued tasks tend to come in runs of one function: its window is looked up once per run.
      let windowKey = -1;
      let window = 1;
      for (let given = true; given && this.#queued > 0; ) {
        given = false;
        for (const slot of candidates) {
          const task = this.#peek();
          if (task === undefined) break;
          const key = task.fnId * 8 + task.kind;
          if (key !== windowKey) {
            windowKey = key;
            window = this.window(task.fnId, task.kind);
          }
          if (!this.#canTake(slot, task, window)) continue;
          this.#queue.shift();
          this.#queued--;
          task.state = SENT;
          task.slot = slot;
          slot.push(task);
          slot.assigned++;
          slot.batch.push(task);
          this.queueWait.recordUs((now - task.submittedAt) * 1000);
          given = true;
        }
      }
      for (const slot of candidates) if (slot.batch.length > 0) this.#sendBatch(slot);
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
    if (this.#maxTasks > 0 && slot.assigned >= this.#maxTasks) this.#host.retire(slot);
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
    this.settle(task, false, new CloneError(where === '' ? 'args' : where, (error as Error).message, { cause: error }));
  }

  // ── Answers ─────────────────────────────────────────────────────────────────────────────────

  onResults(slot: Slot, results: readonly unknown[], transferred: readonly object[]): void {
    const averages = this.#averageRunUs;
    for (let i = 0; i < results.length; i += RESULT_FIELDS) {
      const id = results[i] as number;
      const flags = results[i + 1] as number;
      const status = flags & STATUS_MASK;
      const task = slot.shift();
      if (task === undefined || task.id !== id) {
        throw new Error(`${slot.name} answered task ${id} but task ${task?.id ?? 'none'} was next`);
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
      this.runTime.recordUs(runUs);
      if (task.state !== SENT) continue;
      task.slot = null;
      let value = results[i + 2];
      if ((flags & SERIALIZED) !== 0) value = deserialize(value as Uint8Array);
      if (status === STATUS_OK) this.settle(task, true, value);
      else {
        // Handles to revive, or an error whose class may need its module loaded.
        decodeValue(value, reviveContext(this.#strategy, transferred)).then(
          (decoded) => this.settle(task, status === STATUS_OK_ENCODED, decoded),
          (error: unknown) => this.settle(task, false, error),
        );
      }
    }
    this.dispatchAll(slot);
    this.#host.answered(slot);
  }

  settle(task: Task, ok: boolean, value: unknown): void {
    if (task.state === SETTLED) return;
    task.state = SETTLED;
    task.slot = null;
    task.release?.();
    if (ok) this.tasksCompleted++;
    else this.tasksFailed++;
    if (task.kind === KIND_APPLY) settleResult(task.owner as AsyncResult<unknown>, ok, value);
    else if (ok) (task.owner as ChunkSink).chunkDone(task, value as ArrayLike<unknown>);
    else (task.owner as ChunkSink).chunkFailed(task, value);
  }

  // ── Withdrawals ─────────────────────────────────────────────────────────────────────────────

  /** A call's signal or timeout fired: it rejects with `reason` now, and its task is withdrawn. */
  cancel(task: Task, reason: unknown): void {
    if (task.state === SETTLED) return;
    this.withdraw(task);
    if (task.kind === KIND_APPLY) settleResult(task.owner as AsyncResult<unknown>, false, reason);
    this.tasksFailed++;
  }

  /**
   * Takes a task back: dropped from the queue; or, sent, its worker ended when it is the only task
   * there (as a task that may be aborted always is), else skipped by its worker if not started yet.
   */
  withdraw(task: Task): void {
    const state = task.state;
    const slot = task.slot;
    task.state = SETTLED;
    task.slot = null;
    task.release?.();
    if (state === QUEUED) {
      this.#queued--;
      this.#afterQueueChange();
      return;
    }
    if (state !== SENT || slot === null || !slot.open) return;
    if (slot.running === 1) {
      this.#host.end(slot);
      return;
    }
    const message: CancelMessage = { type: 'pool:cancel', ids: [task.id] };
    slot.worker.send(message);
  }

  // ── Deaths ──────────────────────────────────────────────────────────────────────────────────

  /**
   * A worker died (or was ended). The task it was running is the one it named on the way down, or
   * else what its progress cell says: a task it started; or, under `process`, a short task it
   * finished, after which up to `slack` starts went unrecorded, any of them the one. Tasks before
   * it had finished (their results are in, or were lost with the worker), the ones after it never
   * started and go back to the queue, and those that may have run are charged: nothing runs twice.
   * Returns whether a task was (maybe) running.
   */
  workerGone(slot: Slot, death: Death, slack: number): boolean {
    const tasks = slot.drain();
    const indexOf = (id: number): number => tasks.findIndex((task) => (task.id | 0) === (id | 0));
    // Tasks before `finished` had finished; those in [first, last] may have been running.
    let finished = 0;
    let first = 0;
    let last = -1;
    let exact = true;
    const progress: Progress = slot.down !== null ? { id: slot.down, phase: slot.down === 0 ? IDLE : STARTED } : slot.progressNow();
    const at = progress.phase === IDLE ? -1 : indexOf(progress.id);
    if (progress.phase === STARTED && at !== -1) {
      finished = first = last = at;
    } else if (progress.phase === FINISHED) {
      finished = first = at + 1;
      last = lastStarted(tasks, first, slack);
      exact = false;
    }
    const { who, exit, cause } = death;
    const fail = (task: Task, message: string): void =>
      this.settle(task, false, new WorkerExitError(`${who} ${describeExit(exit)} ${message}`, exit.code, exit.signal, { cause }));
    for (let i = 0; i < finished; i++) fail(tasks[i] as Task, 'after this task had finished, before its result was handed over; the result is lost');
    const count = last - first + 1;
    for (let i = first; i <= last; i++) {
      fail(
        tasks[i] as Task,
        exact
          ? 'while running a task'
          : `while running one of its next ${count} tasks (too short for each start to be recorded); this one may have run, so it is not run again`,
      );
    }
    this.requeue(tasks.slice(Math.max(finished, last + 1)));
    return count > 0;
  }

  /** Fails every task queued or held by `slots`, and every feed. */
  failAll(error: Error, slots: readonly Slot[]): void {
    const feeds = [...this.#waiting];
    this.#waiting.clear();
    for (const feed of feeds) feed.fail(error);
    for (let task = this.#take(); task !== undefined; task = this.#take()) this.settle(task, false, error);
    for (const slot of slots) for (const task of slot.drain()) if (task.state === SENT) this.settle(task, false, error);
  }
}
