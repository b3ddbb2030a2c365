// AsyncResult: what applyAsync / mapAsync / starmapAsync return, as in Python, and awaitable.
import { checkTimeout, withDeadline, type WaitOptions } from '@parlab/core';
import { PoolStateError } from './errors.js';
import type { CallbackOptions } from './types.js';

type State = 0 | 1 | 2;
const PENDING: State = 0;
const FULFILLED: State = 1;
const REJECTED: State = 2;

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

function waitOptions(options: number | WaitOptions | undefined): WaitOptions {
  return typeof options === 'number' || options === undefined ? { timeoutMs: checkTimeout(options) } : options;
}

/** Settles a result from inside the pool; not part of the public API. */
export let settleResult: <T>(result: AsyncResult<T>, ok: boolean, value: unknown) => void;

export class AsyncResult<T> implements PromiseLike<T> {
  #state: State = PENDING;
  #value: unknown = undefined;
  #promise: Promise<T> | null = null;
  #resolve: ((value: T) => void) | null = null;
  #reject: ((error: unknown) => void) | null = null;
  readonly #callback: ((value: T) => void) | undefined;
  readonly #errorCallback: ((error: Error) => void) | undefined;

  static {
    settleResult = (result, ok, value) => result.#settle(ok, value);
  }

  /** @internal Made by the pool. */
  constructor(options?: CallbackOptions<T>) {
    this.#callback = options?.callback;
    this.#errorCallback = options?.errorCallback;
  }

  #settle(ok: boolean, value: unknown): void {
    if (this.#state !== PENDING) return;
    this.#state = ok ? FULFILLED : REJECTED;
    this.#value = value;
    if (ok) {
      this.#resolve?.(value as T);
      if (this.#callback !== undefined) {
        try {
          this.#callback(value as T);
        } catch (error) {
          rethrowLater(error);
        }
      }
    } else {
      this.#reject?.(value);
      if (this.#errorCallback !== undefined) {
        try {
          this.#errorCallback(value as Error);
        } catch (error) {
          rethrowLater(error);
        }
      }
    }
    this.#resolve = null;
    this.#reject = null;
  }

  #settled(): Promise<T> {
    if (this.#promise === null) {
      if (this.#state === FULFILLED) this.#promise = Promise.resolve(this.#value as T);
      else if (this.#state === REJECTED) this.#promise = Promise.reject(this.#value);
      else {
        this.#promise = new Promise<T>((resolve, reject) => {
          this.#resolve = resolve;
          this.#reject = reject;
        });
      }
    }
    return this.#promise;
  }

  /** Whether the call has finished (Python's `ready()`). */
  ready(): boolean {
    return this.#state !== PENDING;
  }

  /** Whether it finished without an error; throws PoolStateError if it has not finished (as Python does). */
  successful(): boolean {
    if (this.#state === PENDING) throw new PoolStateError('successful() called before the result is ready');
    return this.#state === FULFILLED;
  }

  /**
   * The value, or the task's error thrown (Python's `get(timeout)`). With a timeout (a number, or
   * `{ timeoutMs, signal }`), rejects with core's TimeoutError if the result is not ready by then;
   * the task itself keeps running.
   */
  get(options?: number | WaitOptions): Promise<T> {
    return withDeadline(this.#settled(), 'AsyncResult.get()', waitOptions(options));
  }

  /** Waits until ready or until the timeout; resolves whether it is ready (Python's `wait`). */
  wait(options?: number | WaitOptions): Promise<boolean> {
    const settled = this.#settled().then(
      () => true,
      () => true,
    );
    return withDeadline(settled, 'AsyncResult.wait()', waitOptions(options), undefined, () => false);
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#settled().then(onFulfilled, onRejected);
  }
}
