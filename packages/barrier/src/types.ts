// Public options and results of the synchronization primitives.
import type { StrategyName, TargetRef } from '@parlab/core';

/** How long to wait and when to give up; every acquire and wait takes these. */
export interface WaitOptions {
  /** Give up after this many milliseconds; 0 tries once without waiting. */
  readonly timeoutMs?: number;
  /** Give up when this signal aborts: the call rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Options shared by every primitive's constructor. */
export interface SyncOptions {
  /**
   * Where the parties run: `thread` keeps the state in a SharedArrayBuffer (threads of one
   * process only); `process` keeps it in a coordinator inside the creating process, reached over
   * a Unix socket (works for child processes and threads alike). Defaults to getDefaultStrategy().
   */
  readonly strategy?: StrategyName;
}

export interface BarrierOptions extends SyncOptions {
  /**
   * Runs once per round in the last party to arrive, before anyone is released (Python's
   * `action`). It must be exported and registered with defineTargets, so every party can load it.
   * If it throws, the barrier breaks and that party's wait rejects with the error.
   */
  readonly action?: (() => unknown) | TargetRef;
  /** Default timeout of `wait()`; a wait that times out breaks the barrier. */
  readonly timeoutMs?: number;
}

export interface SemaphoreOptions extends SyncOptions {
  /** Initial value (Python's `value`), default 1. */
  readonly value?: number;
}

/** What `Lock.acquire()` and `RLock.acquire()` report. */
export interface AcquireResult {
  /** Whether the lock is now held by the caller (false after a timeout or a failed try). */
  readonly acquired: boolean;
  /**
   * True when the previous holder died (its process or thread ended) while holding the lock:
   * the caller now holds it, and the data it guards may be half-updated (a robust mutex's
   * EOWNERDEAD).
   */
  readonly ownerDied: boolean;
}
