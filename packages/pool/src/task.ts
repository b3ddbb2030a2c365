// One unit of work in the pool: a call, or a chunk of a map, and who waits for its outcome.
import type { AsyncResult } from './async-result.js';
import type { Packed } from './payload.js';
import type { Slot } from './slot.js';

/** Where the outcome of a chunk of `map`/`starmap`/`imap` goes. */
export interface ChunkSink {
  /** `values` is an array, or a Float64Array when every result was a number. */
  chunkDone(task: Task, values: ArrayLike<unknown>): void;
  chunkFailed(task: Task, error: unknown): void;
}

export const QUEUED = 0;
export const SENT = 1;
/** Finished, failed or withdrawn: nothing more happens to the caller. */
export const SETTLED = 2;

export class Task implements Packed {
  /** QUEUED, SENT or SETTLED. */
  state = QUEUED;
  value: unknown = undefined;
  encoded = false;
  transfer: readonly object[] = [];
  /** The worker it was sent to (while SENT). */
  slot: Slot | null = null;
  /** performance.now() when it was submitted, for the queue-wait histogram. */
  readonly submittedAt: number;
  /** Cleans up the abort listener / timer of a task that has its own deadline. */
  release: (() => void) | null = null;

  constructor(
    readonly id: number,
    readonly fnId: number,
    /** KIND_APPLY, KIND_MAP or KIND_STARMAP (ENCODED is added when sent). */
    readonly kind: number,
    readonly owner: AsyncResult<unknown> | ChunkSink,
    /** Index of the chunk's first item in the whole input (0 for a call). */
    readonly offset: number,
    submittedAt: number,
    /**
     * It may be aborted (a signal or timeoutMs on it or its map): it has its worker to itself, so an
     * abort finds it in the pool's queue (it never starts) or alone in a worker (which is ended).
     */
    readonly cancellable: boolean,
  ) {
    this.submittedAt = submittedAt;
  }
}
