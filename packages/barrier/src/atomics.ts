// Runs a shared-memory algorithm written once as a generator, either blocking (Atomics.wait) or async
// (Atomics.waitAsync on a SharedArrayBuffer, a futex on a helper thread for native shared memory).
import { isMainThread } from 'node:worker_threads';
import { parentProcess, type StrategyName } from '@parlab/core';
import { NativeWords, waitWord, waitWordSync, wakeWord } from '@parlab/shm';
import { SyncStateError } from './errors.js';

/** A request to sleep while `array[index] === expected`. */
export interface WaitStep {
  readonly array: Int32Array;
  readonly index: number;
  readonly expected: number;
  /** Ignore the deadline and the signal: for re-taking a lock after a wait gave up, as Python does. */
  readonly untimed?: boolean;
}

/** 'ok': woken; 'not-equal': the word had already changed; 'timed-out': the deadline passed. */
export type WaitOutcome = 'ok' | 'not-equal' | 'timed-out';

/** An algorithm that yields the words it sleeps on and returns its result. */
export type Steps<T> = Generator<WaitStep, T, WaitOutcome>;

/** Atomics.waitAsync (Node 16+), missing from the ES2023 lib typings. */
type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

const aborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

/** A sleep in progress, and how to end it early when its word will not change (an abort). */
type Pending = { async: false; value: WaitOutcome } | { async: true; value: Promise<WaitOutcome>; cancel: () => void };

/** Sleeps on a word without blocking: Atomics.waitAsync for a SharedArrayBuffer, a futex for native shared memory (another process may wake it). */
function sleepOn(array: Int32Array, index: number, expected: number, timeoutMs: number): Pending {
  if (!(array instanceof NativeWords)) {
    const result = waitAsync(array, index, expected, timeoutMs);
    return result.async ? { async: true, value: result.value, cancel: () => Atomics.notify(array, index) } : result;
  }
  const result = waitWord(array, index, expected, timeoutMs);
  return typeof result === 'string' ? { async: false, value: result } : { async: true, value: result.outcome, cancel: result.cancel };
}

/** Wakes up to `count` sleepers on a word, in this process or (native shared memory) any other. */
export function notifyWord(array: Int32Array, index: number, count?: number): void {
  if (array instanceof NativeWords) wakeWord(array, index, count);
  else Atomics.notify(array, index, count);
}

/** Absolute deadline (performance.now() ms) for a timeout, or Infinity. */
export function deadlineOf(timeoutMs: number | undefined): number {
  return timeoutMs === undefined ? Infinity : performance.now() + timeoutMs;
}

function remaining(deadline: number): number {
  return deadline === Infinity ? Infinity : Math.max(0, deadline - performance.now());
}

/** Throws unless this thread may block: see runSync. */
export function checkMayBlock(strategy: StrategyName): void {
  if (isMainThread && (strategy === 'thread' || parentProcess() === null)) {
    throw new SyncStateError(
      strategy === 'thread'
        ? 'blocking waits are for worker threads; the main thread must use the async methods'
        : "blocking waits under 'process' are for child processes and worker threads; the main program must use the async methods",
    );
  }
}

/**
 * Runs `steps` blocking the calling thread (Atomics.wait, or a futex for native shared memory).
 * Under `thread` only in a worker thread; under `process` in a worker thread or a child process —
 * never on the main program's own event loop.
 */
export function runSync<T>(steps: Steps<T>, deadline: number, strategy: StrategyName): T {
  checkMayBlock(strategy);
  let next = steps.next();
  while (!next.done) {
    const { array, index, expected, untimed } = next.value;
    const left = untimed === true ? Infinity : remaining(deadline);
    let outcome: WaitOutcome = 'timed-out';
    if (left > 0) outcome = array instanceof NativeWords ? waitWordSync(array, index, expected, left) : Atomics.wait(array, index, expected, left);
    next = steps.next(outcome);
  }
  return next.value;
}

/**
 * Runs `steps` without blocking. An abort ends the sleep in progress (under `thread` by waking
 * every sleeper on the word: they re-check and sleep again); the algorithm sees it as a timeout,
 * withdraws, and the call rejects with the signal's reason. An algorithm that finished before it had to notice the abort keeps its result.
 * `lost` (a process primitive's coordinator is gone) is handled as an abort with its own reason.
 */
export async function runAsync<T>(steps: Steps<T>, deadline: number, signal: AbortSignal | undefined, lost?: AbortSignal): Promise<T> {
  if (aborted(lost)) throw lost?.reason;
  let cancel: (() => void) | null = null;
  let stoppedBy: AbortSignal | null = null;
  const wake = (): void => cancel?.();
  signal?.addEventListener('abort', wake, { once: true });
  lost?.addEventListener('abort', wake, { once: true });
  const stopper = (): AbortSignal | null => (aborted(lost) ? (lost as AbortSignal) : aborted(signal) ? (signal as AbortSignal) : null);
  try {
    let next = steps.next();
    while (!next.done) {
      const current = next.value;
      const timed = current.untimed !== true;
      const left = timed ? remaining(deadline) : Infinity;
      let outcome: WaitOutcome;
      if (timed && stopper() !== null) {
        stoppedBy = stopper();
        outcome = 'timed-out';
      } else if (left === 0) outcome = 'timed-out';
      else {
        const result = sleepOn(current.array, current.index, current.expected, left);
        if (result.async) {
          cancel = result.cancel;
          outcome = await result.value;
          cancel = null;
        } else outcome = result.value;
        if (timed && stopper() !== null) {
          stoppedBy = stopper();
          outcome = 'timed-out';
        }
      }
      next = steps.next(outcome);
    }
    if (stoppedBy !== null) throw stoppedBy.reason;
    return next.value;
  } catch (error) {
    throw stoppedBy !== null ? stoppedBy.reason : error;
  } finally {
    cancel = null;
    signal?.removeEventListener('abort', wake);
    lost?.removeEventListener('abort', wake);
  }
}
