// The callers of chunked work: map/starmap (one result array) and imap/imapUnordered (a stream).
import { AsyncResult, settleResult } from './async-result.js';
import { SETTLED, type ChunkSink, type Task } from './task.js';

/** What a job needs from its pool: withdraw a task it no longer wants. */
export type Withdraw = (task: Task) => void;

abstract class ChunkJob implements ChunkSink {
  /** Chunk tasks submitted and not finished: only these are withdrawn when the job ends early. */
  readonly #live = new Set<Task>();
  settled = false;
  release: (() => void) | null = null;

  constructor(readonly withdraw: Withdraw) {}

  /** A chunk task was submitted for this job. */
  add(task: Task): void {
    this.#live.add(task);
  }

  chunkDone(task: Task, values: ArrayLike<unknown>): void {
    this.#live.delete(task);
    if (!this.settled) this.done(task, values);
  }

  chunkFailed(task: Task, error: unknown): void {
    this.#live.delete(task);
    this.fail(error);
  }

  protected abstract done(task: Task, values: ArrayLike<unknown>): void;
  protected abstract report(error: unknown): void;

  /** Ends the job with `error`: withdraws every chunk still queued or running. */
  fail(error: unknown): void {
    if (this.settled) return;
    this.abandon();
    this.report(error);
  }

  /** Ends the job without reporting (the error was already thrown to the caller, or nobody listens). */
  abandon(): void {
    this.settled = true;
    this.release?.();
    const live = [...this.#live];
    this.#live.clear();
    for (const task of live) if (task.state !== SETTLED) this.withdraw(task);
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

  protected done(task: Task, values: ArrayLike<unknown>): void {
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

/**
 * imap (input order) and imapUnordered (completion order): chunks handed out as they come. The
 * input is read as the stream goes (see StreamFeed), so how many chunks there are is known only
 * once it has ended.
 */
export class StreamJob extends ChunkJob {
  readonly #ordered: boolean;
  readonly #chunksize: number;
  /** Chunks submitted so far; once the input has ended, all there are. */
  #submitted = 0;
  #inputEnded = false;
  /** What the input threw: thrown to the consumer after the chunks read before it. */
  #inputError: { reason: unknown } | null = null;
  /** Ordered: finished chunks by chunk index. Unordered: finished chunks in arrival order. */
  readonly #ready = new Map<number, ArrayLike<unknown>>();
  #arrivals = 0;
  #next = 0;
  #error: { reason: unknown } | null = null;
  #waiter: { resolve: (values: ArrayLike<unknown> | null) => void; reject: (error: unknown) => void } | null = null;
  /** Called when the consumer has taken a chunk: there is room to read more input. */
  onTake: () => void = () => {};
  /** Called when the job ends early: stop reading the input and let it go. */
  closeInput: () => void = () => {};

  constructor(ordered: boolean, chunksize: number, withdraw: Withdraw) {
    super(withdraw);
    this.#ordered = ordered;
    this.#chunksize = chunksize;
  }

  /** Whether it may still submit chunks: its input has not ended, and it has not been given up. */
  get readingInput(): boolean {
    return !this.#inputEnded && !this.settled;
  }

  /** Chunks submitted and not yet handed to the consumer: what the look-ahead bounds. */
  get outstanding(): number {
    return this.#submitted - this.#next;
  }

  override add(task: Task): void {
    super.add(task);
    this.#submitted++;
  }

  /** The input has no more items. */
  endInput(): void {
    this.#inputEnded = true;
    this.#checkComplete();
    this.#wake();
  }

  /** The input threw (or an item cannot be sent): the consumer gets the chunks before it, then `error`. */
  failInput(error: unknown): void {
    if (this.#inputEnded) return;
    this.#inputError = { reason: error };
    this.endInput();
  }

  override abandon(): void {
    const wasSettled = this.settled;
    super.abandon();
    if (!wasSettled) this.closeInput();
  }

  protected done(task: Task, values: ArrayLike<unknown>): void {
    this.#ready.set(this.#ordered ? task.offset / this.#chunksize : this.#arrivals, values);
    this.#arrivals++;
    this.#checkComplete();
    this.#wake();
  }

  protected report(error: unknown): void {
    this.#error = { reason: error };
    this.#wake();
  }

  #checkComplete(): void {
    if (this.#inputEnded && this.#arrivals === this.#submitted && !this.settled) {
      this.settled = true;
      this.release?.();
    }
  }

  /** The next chunk's results, null at the end, or undefined while it is not ready. */
  #take(): ArrayLike<unknown> | null | undefined {
    const values = this.#ready.get(this.#next);
    if (values !== undefined) {
      this.#ready.delete(this.#next);
      this.#next++;
      this.onTake();
      return values;
    }
    if (this.#inputEnded && this.#next === this.#submitted) return null;
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
    if (values === null && this.#inputError !== null) waiter.reject(this.#inputError.reason);
    else waiter.resolve(values);
  }

  /** The next chunk's results, or null when every chunk has been handed out. */
  next(): Promise<ArrayLike<unknown> | null> {
    if (this.#error !== null) return Promise.reject(this.#error.reason);
    const values = this.#take();
    if (values === null && this.#inputError !== null) return Promise.reject(this.#inputError.reason);
    if (values !== undefined) return Promise.resolve(values);
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }
}
