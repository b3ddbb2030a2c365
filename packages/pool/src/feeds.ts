// Feeding map and imap input into the queue as chunk tasks: a map's whole list (paused while the
// queue is full), an imap's iterable lazily, a bounded distance ahead of its consumer, sync or async.
import { type StrategyName } from '@parlab/core';
import type { MapJob, StreamJob } from './jobs.js';
import { numericChunk, pack } from './payload.js';
import { KIND_MAP } from './protocol.js';
import type { Task } from './task.js';

/** What a feed needs from the pool. */
export interface FeedTarget {
  readonly strategy: StrategyName;
  /** A new chunk task (not queued yet). */
  chunkTask(fnId: number, kind: number, owner: MapJob | StreamJob, offset: number, cancellable: boolean): Task;
  /** Queues it. */
  submit(task: Task): void;
  /** Whether the queue has room (see maxQueue). */
  hasRoom(): boolean;
  /** Calls `feed.fill()` again once the queue has room. */
  waitForRoom(feed: Feed): void;
  /** How many chunks of this function an imap may have submitted ahead of its consumer. */
  lookahead(fnId: number, kind: number): number;
}

export interface Feed {
  /** Submits what it can now. */
  fill(): void;
  /** The pool cannot run it (terminated, broken). */
  fail(error: unknown): void;
}

/** Packs a chunk into its task; an item that cannot cross is named by its index in the whole input. */
function packChunk(task: Task, chunk: readonly unknown[], strategy: StrategyName): void {
  try {
    pack((task.kind === KIND_MAP && numericChunk(chunk)) || chunk, strategy, 'items', task);
  } catch (error) {
    for (let i = 0; i < chunk.length; i++) pack(chunk[i], strategy, `items[${task.offset + i}]`, task);
    throw error;
  }
}

/** map / starmap: every chunk of a list, as fast as the queue takes them. */
export class ListFeed implements Feed {
  #offset = 0;

  constructor(
    readonly target: FeedTarget,
    readonly job: MapJob,
    readonly fnId: number,
    readonly kind: number,
    readonly items: readonly unknown[],
    readonly chunksize: number,
    readonly cancellable: boolean,
  ) {}

  fail(error: unknown): void {
    this.job.fail(error);
  }

  /** Queues chunks until the input is done or the queue is full; throws what packing an item throws. */
  fill(): void {
    const { target, job, items } = this;
    while (this.#offset < items.length && !job.settled) {
      if (!target.hasRoom()) {
        target.waitForRoom(this);
        return;
      }
      const offset = this.#offset;
      const chunk = items.slice(offset, offset + this.chunksize);
      const task = target.chunkTask(this.fnId, this.kind, job, offset, this.cancellable);
      packChunk(task, chunk, target.strategy);
      job.add(task);
      this.#offset = offset + chunk.length;
      target.submit(task);
    }
  }
}

type Source = { readonly sync: Iterator<unknown> } | { readonly async: AsyncIterator<unknown> };

/** The input of imap / imapUnordered, as an iterator; throws TypeError for anything else. */
export function streamSource(items: unknown, name: string): Source {
  if (items !== null && typeof items === 'object') {
    const asyncIterator = (items as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator];
    if (typeof asyncIterator === 'function') return { async: asyncIterator.call(items) as AsyncIterator<unknown> };
  }
  if (items !== null && items !== undefined) {
    const iterator = (items as Partial<Iterable<unknown>>)[Symbol.iterator];
    if (typeof iterator === 'function') return { sync: iterator.call(items) as Iterator<unknown> };
  }
  throw new TypeError(`${name} must be an iterable or an async iterable`);
}

/**
 * imap / imapUnordered: reads its input only while fewer than `lookahead` chunks are submitted
 * and not yet consumed, so an endless input streams in bounded memory. What the input throws
 * reaches the consumer after the results of the items read before it.
 */
export class StreamFeed implements Feed {
  #offset = 0;
  #reading = false;
  #done = false;

  constructor(
    readonly target: FeedTarget,
    readonly job: StreamJob,
    readonly fnId: number,
    readonly source: Source,
    readonly chunksize: number,
    readonly cancellable: boolean,
  ) {
    job.onTake = () => this.fill();
    job.closeInput = () => this.#close();
  }

  fail(error: unknown): void {
    this.job.fail(error);
  }

  fill(): void {
    if (this.#reading || this.#done) return;
    if ('sync' in this.source) this.#fillSync(this.source.sync);
    else void this.#fillAsync(this.source.async);
  }

  /** Whether to read another chunk now; registers for room when only the queue stops it. */
  #wants(): boolean {
    if (this.#done || this.job.settled) return false;
    if (this.job.outstanding >= this.target.lookahead(this.fnId, KIND_MAP)) return false;
    if (this.target.hasRoom()) return true;
    this.target.waitForRoom(this);
    return false;
  }

  #fillSync(iterator: Iterator<unknown>): void {
    this.#reading = true;
    try {
      while (this.#wants()) {
        const chunk: unknown[] = [];
        try {
          while (chunk.length < this.chunksize) {
            const step = iterator.next();
            if (step.done === true) {
              this.#done = true;
              break;
            }
            chunk.push(step.value);
          }
        } catch (error) {
          this.#finish(chunk, { error });
          return;
        }
        this.#finish(chunk, null);
      }
    } finally {
      this.#reading = false;
    }
  }

  async #fillAsync(iterator: AsyncIterator<unknown>): Promise<void> {
    this.#reading = true;
    try {
      while (this.#wants()) {
        const chunk: unknown[] = [];
        try {
          while (chunk.length < this.chunksize) {
            const step = await iterator.next();
            if (step.done === true) {
              this.#done = true;
              break;
            }
            chunk.push(step.value);
          }
        } catch (error) {
          this.#finish(chunk, { error });
          return;
        }
        // The consumer may have left while the input was being read.
        if (this.job.settled) return;
        this.#finish(chunk, null);
      }
    } finally {
      this.#reading = false;
    }
  }

  /** Submits what was read; after it, ends the stream when the input is done or threw `failure.error`. */
  #finish(chunk: readonly unknown[], failure: { readonly error: unknown } | null): void {
    if (failure !== null) this.#done = true;
    if (chunk.length > 0) {
      const task = this.target.chunkTask(this.fnId, KIND_MAP, this.job, this.#offset, this.cancellable);
      try {
        packChunk(task, chunk, this.target.strategy);
      } catch (error) {
        this.#done = true;
        this.job.failInput(error);
        this.#close();
        return;
      }
      this.job.add(task);
      this.#offset += chunk.length;
      this.target.submit(task);
    }
    if (failure !== null) this.job.failInput(failure.error);
    else if (this.#done) this.job.endInput();
  }

  /** Lets the input go: a generator's `finally` runs. */
  #close(): void {
    if (this.#done) return;
    this.#done = true;
    try {
      if ('sync' in this.source) this.source.sync.return?.();
      else void this.source.async.return?.()?.catch(() => {});
    } catch {
      // An input that fails to close has nothing more to give.
    }
  }
}
