// Bounded waiting: every wait in parlab takes a timeout and an AbortSignal through these helpers.
import { TimeoutError } from './errors.js';

export interface WaitOptions {
  /** Give up after this many milliseconds. */
  readonly timeoutMs?: number | undefined;
  /** Give up when this signal aborts; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** Throws a RangeError naming `name` unless `value` is a finite number ≥ 0 (or undefined). For settings; waits take `waitTimeout`. */
export function checkTimeout(value: unknown, name = 'timeoutMs'): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number of milliseconds ≥ 0, got ${String(value)}`);
  }
  return value;
}

/**
 * A wait's timeout read as Python's multiprocessing reads it: a negative one is 0, so the call tries
 * once or returns at once (`Process.join(-1)`, `Lock.acquire(timeout=-1)`, `Event.wait(-1)`,
 * `Queue.get(timeout=-1)`, `Connection.poll(-1)` all do). undefined means no limit; anything but a
 * finite number throws a RangeError naming `name`.
 */
export function waitTimeout(value: unknown, name = 'timeoutMs'): number | undefined {
  if (typeof value === 'number' && value < 0) return 0;
  return checkTimeout(value, name);
}

/** Throws a TypeError naming `name` unless `value` is an AbortSignal (or undefined). */
export function checkSignal(value: unknown, name = 'signal'): AbortSignal | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof AbortSignal)) throw new TypeError(`${name} must be an AbortSignal`);
  return value;
}

/**
 * Races `promise` against the timeout and the signal. On timeout it rejects with TimeoutError
 * (or resolves with `onTimeout()` when given); on abort with the signal's reason. `cleanup` runs
 * when the wait is given up, so the caller can withdraw whatever it had queued.
 */
export function withDeadline<T>(
  promise: Promise<T>,
  what: string,
  options: WaitOptions = {},
  cleanup?: () => void,
  onTimeout?: () => T,
): Promise<T> {
  const timeoutMs = checkTimeout(options.timeoutMs);
  const signal = checkSignal(options.signal);
  if (timeoutMs === undefined && signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      cleanup?.();
      reject(signal?.reason);
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        done();
        cleanup?.();
        if (onTimeout !== undefined) resolve(onTimeout());
        else reject(new TimeoutError(what, timeoutMs));
      }, timeoutMs);
    }
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
