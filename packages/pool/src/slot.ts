// The pool's view of one worker: the tasks handed to it, in order, and where it is in its life.
import type { StrategyWorker } from '@parlab/core';
import { Deque } from './deque.js';
import type { Progress, ProgressCell } from './progress.js';
import type { Task } from './task.js';

export class Slot {
  /** Tasks sent and not answered yet, oldest first: the worker runs them in this order. */
  readonly #inflight = new Deque<Task>();
  #referenced = true;
  /** Tasks given to it in the current dispatch, not sent yet. */
  batch: Task[] = [];
  /** Function ids whose module the worker has been told. */
  readonly known = new Set<number>();
  /** Tasks sent to it that count toward maxTasksPerChild. */
  assigned = 0;
  /** Tasks it has answered. */
  done = 0;
  /** Its initializer finished. */
  ready = false;
  /** It was told to exit once idle (after close). */
  stopping = false;
  /** It reached maxTasksPerChild; it exits by itself after its last task. */
  retiring = false;
  /** The pool is ending it (a task it runs was withdrawn): it gets no more tasks, and is heard until it exits. */
  ending = false;
  /** It has exited. */
  gone = false;
  /** It said it is going down (process.exit in a task, an uncaught error), naming the task it was running (0: none). */
  down: number | null = null;
  /** An error the worker reported before dying (uncaught exception, out of memory). */
  cause: Error | null = null;

  constructor(
    readonly worker: StrategyWorker,
    readonly name: string,
    readonly progress: ProgressCell,
    /** Reads its progress cell (once it is gone). */
    readonly progressNow: () => Progress,
  ) {}

  /** Whether it may be given tasks. */
  get open(): boolean {
    return !this.gone && !this.ending && !this.stopping && !this.retiring && this.down === null;
  }

  get running(): number {
    return this.#inflight.length;
  }

  /** The oldest unanswered task. */
  peek(): Task | undefined {
    return this.#inflight.peek();
  }

  push(task: Task): void {
    this.#inflight.push(task);
  }

  shift(): Task | undefined {
    return this.#inflight.shift();
  }

  /** Takes back a task that never reached the worker. */
  remove(task: Task): void {
    this.#inflight.removeAt(this.#inflight.findIndex((candidate) => candidate === task));
  }

  /** Empties the in-flight list, oldest first. */
  drain(): Task[] {
    return this.#inflight.drain();
  }

  /** Slots its in-flight list holds (for the test that it does not grow with answered tasks). */
  get capacity(): number {
    return this.#inflight.capacity;
  }

  /** A busy worker keeps the program alive; an idle one does not. */
  setReferenced(referenced: boolean): void {
    if (referenced === this.#referenced) return;
    this.#referenced = referenced;
    if (referenced) this.worker.ref();
    else this.worker.unref();
  }
}
