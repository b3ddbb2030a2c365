// The pool's view of one worker: the tasks handed to it, in order, and where it is in its life.
import type { StrategyWorker } from '@parlab/core';
import type { Task } from './task.js';

export class Slot {
  /** Tasks sent and not answered yet, oldest first; the oldest is the one running. */
  #inflight: Task[] = [];
  #head = 0;
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
  /** Gone, or being ended by the pool; its messages are ignored. */
  dead = false;
  /** It was told to exit once idle (after close). */
  stopping = false;
  /** It reached maxTasksPerChild; it exits by itself after its last task. */
  retiring = false;
  /** An error the worker reported before dying (uncaught exception, out of memory). */
  cause: Error | null = null;

  constructor(
    readonly worker: StrategyWorker,
    readonly name: string,
  ) {}

  get running(): number {
    return this.#inflight.length - this.#head;
  }

  /** The oldest unanswered task: the one the worker is running (or about to). */
  peek(): Task | undefined {
    return this.#inflight[this.#head];
  }

  push(task: Task): void {
    this.#inflight.push(task);
  }

  shift(): Task | undefined {
    const task = this.#inflight[this.#head];
    if (task === undefined) return undefined;
    this.#head++;
    if (this.#head === this.#inflight.length) {
      this.#inflight = [];
      this.#head = 0;
    }
    return task;
  }

  has(task: Task): boolean {
    return this.#inflight.indexOf(task, this.#head) !== -1;
  }

  /** Takes back a task that never reached the worker. */
  remove(task: Task): void {
    const index = this.#inflight.indexOf(task, this.#head);
    if (index !== -1) this.#inflight.splice(index, 1);
  }

  /** Empties the in-flight list, oldest first. */
  drain(): Task[] {
    const tasks = this.#inflight.slice(this.#head);
    this.#inflight = [];
    this.#head = 0;
    return tasks;
  }

  /** A busy worker keeps the program alive; an idle one does not. */
  setReferenced(referenced: boolean): void {
    if (referenced === this.#referenced) return;
    this.#referenced = referenced;
    if (referenced) this.worker.ref();
    else this.worker.unref();
  }
}
