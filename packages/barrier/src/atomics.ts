// Runs a shared-memory algorithm written once as a generator, either blocking (Atomics.wait) or async (Atomics.waitAsync).
import { isMainThread } from 'node:worker_threads';
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

/** Absolute deadline (performance.now() ms) for a timeout, or Infinity. */
export function deadlineOf(timeoutMs: number | undefined): number {
  return timeoutMs === undefined ? Infinity : performance.now() + timeoutMs;
}

function remaining(deadline: number): number {
  return deadline === Infinity ? Infinity : Math.max(0, deadline - performance.now());
}

/** Runs `steps` blocking the calling thread; only allowed in a worker thread. */
export function runSync<T>(steps: Steps<T>, deadline: number): T {
  if (isMainThread) {
    throw new SyncStateError('blocking waits are for worker threads; the main thread must use the async methods');
  }
  let next = steps.next();
  while (!next.done) {
    const { array, index, expected, untimed } = next.value;
    const left = untimed === true ? Infinity : remaining(deadline);
    const outcome: WaitOutcome = left === 0 ? 'timed-out' : Atomics.wait(array, index, expected, left);
    next = steps.next(outcome);
  }
  return next.value;
}

/**
 * Runs `steps` without blocking. An abort wakes every sleeper on the word (they re-check and
 * sleep again); the algorithm sees it as a timeout, withdraws, and the call rejects with the
 * signal's reason. An algorithm that finished before it had to notice the abort keeps its result.
 */
export async function runAsync<T>(steps: Steps<T>, deadline: number, signal: AbortSignal | undefined): Promise<T> {
  let current: WaitStep | null = null;
  let abortSeen = false;
  const wake = (): void => {
    if (current !== null) Atomics.notify(current.array, current.index);
  };
  signal?.addEventListener('abort', wake, { once: true });
  try {
    let next = steps.next();
    while (!next.done) {
      current = next.value;
      const timed = current.untimed !== true;
      const left = timed ? remaining(deadline) : Infinity;
      let outcome: WaitOutcome;
      if (timed && aborted(signal)) {
        abortSeen = true;
        outcome = 'timed-out';
      } else if (left === 0) outcome = 'timed-out';
      else {
        const result = waitAsync(current.array, current.index, current.expected, left);
        outcome = result.async ? await result.value : result.value;
        if (timed && aborted(signal)) {
          abortSeen = true;
          outcome = 'timed-out';
        }
      }
      next = steps.next(outcome);
    }
    if (abortSeen) throw signal?.reason;
    return next.value;
  } catch (error) {
    throw abortSeen ? signal?.reason : error;
  } finally {
    current = null;
    signal?.removeEventListener('abort', wake);
  }
}
