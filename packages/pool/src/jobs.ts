// The callers of chunked work: map/starmap (one result array) and imap/imapUnordered (a stream).
import { AsyncResult, settleResult } from './async-result.js';
import { SETTLED, type ChunkSink, type Task } from './task.js';

/** What a job needs from its pool: withdraw a task it no longer wants. */
export type Withdraw = (task: Task) => void;

abstract class ChunkJob implements ChunkSink {
  /** Chunk tasks submitted so far. */
  readonly tasks: Task[] = [];
  settled = false;
  release: (() => void) | null = null;

  constructor(readonly withdraw: Withdraw) {}

  abstract chunkDone(task: Task, values: ArrayLike<unknown>): void;
  protected abstract report(error: unknown): void;

  chunkFailed(_task: Task, error: unknown): void {
    this.fail(error);
  }

  /** Ends the job with `error`: withdraws every chunk still queued or running. */
  fail(error: unknown): void {
    if (this.settled) return;
    this.abandon();
    this.report(error);
  }

  /** Ends the job without reporting (the error was already thrown to the caller). */
  abandon(): void {
    this.settled = true;
    this.release?.();
    for (const task of this.tasks) if (task.state !== SETTLED) this.withdraw(task);
  }
}

/** map / starmap: fills one array in input order. */
export class MapJob extends ChunkJob {
  readonly #values: unknown[];
  #remainingItems: number;

  constructor(
    readonly result: AsyncResult<unknown[]>,
    length: number,
    withdraw: Withdraw,
  ) {
    super(withdraw);
    this.#values = new Array<unknown>(length);
    this.#remainingItems = length;
  }

  chunkDone(task: Task, values: ArrayLike<unknown>): void {
    if (this.settled) return;
    const out = this.#values;
    const offset = task.offset;
    for (let i = 0; i < values.length; i++) out[offset + i] = values[i];
    this.#remainingItems -= values.length;
    if (this.#remainingItems === 0) {
      this.settled = true;
      this.release?.();
      settleResult(this.result, true, out);
    }
  }

  protected report(error: unknown): void {
    settleResult(this.result, false, error);
  }
}

/** imap (input order) and imapUnordered (completion order): chunks handed out as they come. */
export class StreamJob extends ChunkJob {
  readonly #ordered: boolean;
  readonly #chunksize: number;
  readonly #chunkCount: number;
  /** Ordered: finished chunks by chunk index. Unordered: finished chunks in arrival order. */
  readonly #ready = new Map<number, ArrayLike<unknown>>();
  #arrivals = 0;
  #next = 0;
  #error: { reason: unknown } | null = null;
  #waiter: { resolve: (values: ArrayLike<unknown> | null) => void; reject: (error: unknown) => void } | null = null;

  constructor(ordered: boolean, length: number, chunksize: number, withdraw: Withdraw) {
    super(withdraw);
    this.#ordered = ordered;
    this.#chunksize = chunksize;
    this.#chunkCount = Math.ceil(length / chunksize);
  }

  chunkDone(task: Task, values: ArrayLike<unknown>): void {
    if (this.settled) return;
    this.#ready.set(this.#ordered ? task.offset / this.#chunksize : this.#arrivals, values);
    this.#arrivals++;
    if (this.#arrivals === this.#chunkCount) {
      this.settled = true;
      this.release?.();
    }
    this.#wake();
  }

  protected report(error: unknown): void {
    this.#error = { reason: error };
    this.#wake();
  }

  #take(): ArrayLike<unknown> | null | undefined {
    const values = this.#ready.get(this.#next);
    if (values !== undefined) {
      this.#ready.delete(this.#next);
      this.#next++;
      return values;
    }
    if (this.#next === this.#chunkCount) return null;
    return undefined;
  }

  #wake(): void {
    const waiter = this.#waiter;
    if (waiter === null) return;
    if (this.#error !== null) {
      this.#waiter = null;
      waiter.reject(this.#error.reason);
      return;
    }
    const values = this.#take();
    if (values === undefined) return;
    this.#waiter = null;
    waiter.resolve(values);
  }

  /** The next chunk's results, or null when every chunk has been handed out. */
  next(): Promise<ArrayLike<unknown> | null> {
    if (this.#error !== null) return Promise.reject(this.#error.reason);
    const values = this.#take();
    if (values !== undefined) return Promise.resolve(values);
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }
}
